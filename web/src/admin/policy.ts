// 模型口径: the site policy (each model's parameter values at this site, changed with a reason), the 豁免名单
// and model packages to share with other jurisdictions, on one admin page. The server checks every
// permission again (analysts read the policy and keep exemptions; only admins change the policy or import).
import type { PolicyApi, SitePolicyView } from '../api/policy-queries.js';
import { h, fill } from '../dom.js';
import type { Lang } from '../i18n.js';
import type { Store } from '../state.js';
import { attempt, onLangChange, table, tr } from './controls.js';
import { mountExemptions } from './exemptions.js';
import { mountPackages } from './packages.js';

/** The values typed for a model, or null when they are not a JSON object. Pure. */
export function parseValues(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text.trim() || '{}');
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function mountPolicy(root: HTMLElement, store: Store, api: PolicyApi): { open(): void } {
  let policy: SitePolicyView | null = null;
  const lang = (): Lang => store.get().lang;
  const title = h('h2', { class: 'admin-title' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const head = h('h3', { class: 'section' });
  const file = h('p', { class: 'muted', 'data-testid': 'policy-file' });
  const reasonLabel = h('span', {});
  const reason = h('input', { type: 'text', 'data-testid': 'policy-reason', maxlength: 300 });
  const note = h('p', { class: 'form-hint', 'data-testid': 'policy-note', hidden: true });
  const list = h('div', { class: 'admin-list' });
  const exemptions = h('div', {});
  const packages = h('div', {});
  root.append(
    h('div', { class: 'admin-head' }, title),
    error,
    head,
    file,
    h('label', { class: 'field' }, reasonLabel, reason),
    note,
    list,
    exemptions,
    packages,
  );
  const section = { store, api, error, models: () => policy?.models.map((m) => m.modelId) ?? [] };
  const ex = mountExemptions(exemptions, section);
  const pk = mountPackages(packages, section);

  const load = () =>
    attempt(lang, error, async () => {
      policy = await api.site();
      render();
      ex.open();
      pk.open();
    });

  function save(modelId: string, text: string) {
    const t = tr(lang());
    const values = parseValues(text);
    note.hidden = false;
    if (!values) return void (note.textContent = t('policy.badJson'));
    if (reason.value.trim().length < 2) return void (note.textContent = t('policy.reasonRequired'));
    void attempt(lang, error, async () => {
      await api.setModel(modelId, values, reason.value.trim());
      note.textContent = t('policy.saved', { model: modelId });
      await load();
    });
  }

  function row(m: SitePolicyView['models'][number]): HTMLElement {
    const values = h('textarea', { class: 'mono', rows: 2, cols: 40, 'data-testid': 'policy-values' });
    values.value = Object.keys(m.params).length ? JSON.stringify(m.params) : '';
    const t = tr(lang());
    return h(
      'tr',
      { 'data-testid': 'policy-row', 'data-model': m.modelId },
      h('td', {}, h('div', {}, lang() === 'zh' ? m.titleZh : m.titleEn), h('div', { class: 'mono muted' }, m.modelId)),
      h(
        'td',
        { class: 'mono' },
        m.parameters.map((p) =>
          h(
            'div',
            { class: p.tuned ? 'tuned' : 'muted', ...(p.fromSite ? { 'data-testid': 'policy-from-site' } : {}) },
            `${p.name}: ${JSON.stringify(p.default)}${p.tuned ? ` → ${JSON.stringify(p.value)}` : ''}`,
            // A site-wide value (defaults:) is not the model's own: clearing the model's values keeps it.
            p.fromSite ? h('span', { class: 'chip site-chip' }, t('policy.fromSite')) : null,
          ),
        ),
      ),
      h('td', {}, values),
      h(
        'td',
        { class: 'row-actions' },
        h(
          'button',
          { type: 'button', class: 'btn btn-small', 'data-testid': 'policy-save', onclick: () => save(m.modelId, values.value) },
          t('policy.save'),
        ),
      ),
    );
  }

  function render() {
    const t = tr(lang());
    title.textContent = t('page.policy');
    head.textContent = t('policy.siteTitle');
    reasonLabel.textContent = t('policy.reason');
    if (!policy) return fill(list, h('p', { class: 'muted' }, t('alerts.loading')));
    file.textContent = t('policy.file', { file: policy.file, daily: policy.dailyAt ?? t('policy.dailyOff') });
    const withParams = policy.models.filter((m) => m.parameters.length > 0);
    const siteWide = withParams.some((m) => Object.keys(m.siteParams).length > 0);
    fill(
      list,
      siteWide ? h('p', { class: 'muted', 'data-testid': 'policy-site-note' }, t('policy.siteNote')) : null,
      table('policy-table', ['policy.model', 'policy.parameters', 'policy.values', 'triage.actions'], withParams.map(row), t),
    );
  }

  onLangChange(store, render);
  return {
    open() {
      note.hidden = true;
      render();
      void load();
    },
  };
}
