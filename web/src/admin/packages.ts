// 模型共享 on the 模型口径 page: tick models and download them as one `.huiyan-models.json`; choose a
// package file to see the server's review (hash, header, read-only check, new / changed / same with the
// diff), and publish it into this site when it passed (admins; the server refuses anyone else).
import type { PackageReviewView } from '../api/policy-queries.js';
import { h, fill } from '../dom.js';
import type { Lang } from '../i18n.js';
import type { PolicySection } from './policy-section.js';
import { attempt, onLangChange, tr } from './controls.js';

export function mountPackages(root: HTMLElement, { store, api, error, models }: PolicySection): { open(): void } {
  const lang = (): Lang => store.get().lang;
  const chosen = new Set<string>();
  let pkgText: string | null = null;
  let review: PackageReviewView | null = null;
  const head = h('h3', { class: 'section' });
  const picks = h('div', { class: 'admin-list', 'data-testid': 'package-picks' });
  const exportBtn = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'package-export' });
  const hint = h('p', { class: 'form-hint', hidden: true });
  const fileLabel = h('span', {});
  const file = h('input', { type: 'file', accept: '.json', 'data-testid': 'package-file' });
  const result = h('div', { 'data-testid': 'package-review' });
  root.append(head, picks, hint, exportBtn, h('label', { class: 'field' }, fileLabel, file), result);

  exportBtn.addEventListener('click', () => {
    hint.hidden = chosen.size > 0;
    if (!hint.hidden) return void (hint.textContent = tr(lang())('policy.exportNone'));
    void attempt(lang, error, async () => {
      const text = await api.exportModels([...chosen]);
      const a = h('a', {
        href: URL.createObjectURL(new Blob([text], { type: 'application/json' })),
        download: 'models.huiyan-models.json',
      });
      a.click();
      URL.revokeObjectURL(a.href);
    });
  });

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    void attempt(lang, error, async () => {
      pkgText = await f.text();
      review = await api.reviewPackage(pkgText);
      render();
    });
  });

  function publish() {
    if (!pkgText) return;
    const text = pkgText;
    void attempt(lang, error, async () => {
      review = await api.importPackage(text);
      render();
    });
  }

  function renderReview(): HTMLElement | null {
    if (!review) return null;
    const t = tr(lang());
    const r = review;
    return h(
      'div',
      {},
      h('p', { 'data-testid': 'package-verdict' }, t('policy.review', { status: r.ok ? t('policy.reviewOk') : t('policy.reviewRefused') })),
      h('p', { class: 'mono muted' }, `sha256 ${r.hash ?? '—'} · ${r.source ?? ''} · ${r.createdAt ?? ''}`),
      r.problems.map((p) => h('p', { class: 'admin-error' }, p)),
      r.models.map((m) =>
        h(
          'div',
          { 'data-testid': 'package-model', 'data-status': m.status },
          h(
            'div',
            {},
            `${t(`policy.status.${m.status}`)} · ${m.id} r${m.revision}`,
            m.siteRevision === null ? '' : ` · ${t('policy.siteHas', { revision: m.siteRevision })}`,
            m.stats ? ` · ${t('policy.hitRate', { rate: hitRate(m.stats), alerts: Number(m.stats.alerts ?? 0) })}` : '',
          ),
          m.problems.map((p) => h('p', { class: 'admin-error' }, p)),
          m.diff ? h('pre', { class: 'mono' }, m.diff) : null,
        ),
      ),
      r.written.length ? h('p', { 'data-testid': 'package-written' }, t('policy.published', { n: r.written.length })) : null,
      r.ok && r.written.length === 0
        ? h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'package-publish', onclick: publish }, t('policy.publish'))
        : null,
    );
  }

  function render() {
    const t = tr(lang());
    head.textContent = t('policy.packagesTitle');
    exportBtn.textContent = t('policy.export');
    fileLabel.textContent = t('policy.importFile');
    fill(
      picks,
      models().map((id) => {
        const box = h('input', { type: 'checkbox', 'data-testid': 'package-pick', value: id });
        box.checked = chosen.has(id);
        box.addEventListener('change', () => (box.checked ? chosen.add(id) : chosen.delete(id)));
        return h('label', { class: 'mono' }, box, ` ${id} `);
      }),
    );
    fill(result, renderReview());
  }

  onLangChange(store, render);
  return { open: render };
}

function hitRate(stats: Record<string, unknown>): string {
  const r = stats.hitRate;
  return typeof r === 'number' ? `${Math.round(r * 100)}%` : '—';
}
