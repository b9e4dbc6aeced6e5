// 名单筛查: paste or upload a list (ID numbers, credit codes or names), optionally choose the tendering unit,
// and see per entry what is on record, its open and concluded alerts and its routes to the unit's
// officials; export the table as CSV. The server checks identifiers, caps the list and audits each entry.
import type { ScreenRow, StatsApi } from '../api/stats-queries.js';
import { h, fill } from '../dom.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { attempt, onLangChange, table, tr } from '../admin/controls.js';
import { screenCsv } from './csv.js';
import { parseList } from './parse.js';

/** The server's cap (server/graphql/screen/resolvers.ts); checked here too so a long paste is told at once. */
export const MAX_ENTRIES = 500;
const COLUMNS: MessageKey[] = [
  'screen.col.index',
  'screen.col.input',
  'screen.col.result',
  'screen.col.match',
  'screen.col.open',
  'screen.col.concluded',
  'screen.col.links',
];

export function mountScreen(root: HTMLElement, store: Store, api: StatsApi): { open(): void } {
  const lang = (): Lang => store.get().lang;
  let entries: string[] = [];
  let rows: ScreenRow[] | null = null;
  let unit: { id: string; caption: string } | null = null;

  const heading = h('h2', { class: 'admin-title' });
  const hint = h('p', { class: 'muted small' });
  const input = h('textarea', { class: 'screen-input', 'data-testid': 'screen-input', rows: 8, spellcheck: 'false' });
  const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', 'data-testid': 'screen-file' });
  const fileLabel = h('label', { class: 'btn btn-small btn-ghost' }, file);
  const count = h('span', { class: 'muted small', 'data-testid': 'screen-count' });
  const unitSearch = h('input', { type: 'search', 'data-testid': 'screen-unit-search', autocomplete: 'off' });
  const unitHits = h('ul', { class: 'unit-hits', 'data-testid': 'screen-unit-hits' });
  const unitChip = h('span', { class: 'filter-chips', 'data-testid': 'screen-unit' });
  const run = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'screen-run' });
  const exportCsv = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'screen-export', disabled: true });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const result = h('div', { class: 'admin-list', 'data-testid': 'screen-result' });
  const unitLabel = h('span', {});
  root.append(
    h('div', { class: 'admin-head' }, heading),
    hint,
    h(
      'div',
      { class: 'admin-form screen-form' },
      input,
      h('div', { class: 'row-actions' }, fileLabel, count),
      h('div', { class: 'unit-chooser' }, unitLabel, unitSearch, unitHits, unitChip),
      h('div', { class: 'row-actions' }, run, exportCsv),
    ),
    error,
    result,
  );

  const recount = () => {
    entries = parseList(input.value);
    count.textContent = tr(lang())('screen.count', { n: entries.length });
  };
  input.addEventListener('input', recount);
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    void f.text().then((text) => {
      input.value = text;
      recount();
    });
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  unitSearch.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = unitSearch.value.trim();
      if (!q) return fill(unitHits);
      void attempt(lang, error, async () => {
        const hits = await api.units(q);
        fill(
          unitHits,
          hits.map((u) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  'data-testid': 'screen-unit-hit',
                  onclick: () => {
                    unit = u;
                    fill(unitHits);
                    unitSearch.value = '';
                    render();
                  },
                },
                u.caption,
              ),
            ),
          ),
        );
      });
    }, 250);
  });
  run.addEventListener('click', () => {
    recount();
    const t = tr(lang());
    if (entries.length === 0) return;
    if (entries.length > MAX_ENTRIES) {
      error.textContent = t('screen.tooMany', { n: entries.length, max: MAX_ENTRIES });
      error.hidden = false;
      return;
    }
    void attempt(lang, error, async () => {
      run.disabled = true;
      try {
        rows = await api.screen(entries, unit?.id ?? null);
      } finally {
        run.disabled = false;
      }
      render();
    });
  });
  exportCsv.addEventListener('click', () => {
    if (!rows) return;
    const t = tr(lang());
    const csv = screenCsv(entries, rows, {
      header: COLUMNS.map((k) => t(k)),
      status: (s, p) => statusText(t, s, p),
      hops: (n) => t('screen.hops', { n }),
    });
    const a = h('a', {
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
      download: `${t('page.screen')}-${new Date().toISOString().slice(0, 10)}.csv`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });

  const openOnCanvas = (id: string) => {
    store.dispatch({ type: 'page', page: 'explore' });
    store.dispatch({ type: 'add', id });
  };

  function render() {
    const t = tr(lang());
    heading.textContent = t('page.screen');
    hint.textContent = t('screen.hint', { max: MAX_ENTRIES });
    input.placeholder = t('screen.placeholder');
    fileLabel.firstChild?.replaceWith(file);
    fileLabel.title = t('screen.upload');
    unitLabel.textContent = t('screen.unit');
    unitSearch.placeholder = t('screen.unitSearch');
    fill(
      unitChip,
      unit
        ? h(
            'button',
            { type: 'button', class: 'chip', title: t('screen.unitClear'), onclick: () => ((unit = null), render()) },
            `${unit.caption} ×`,
          )
        : null,
    );
    run.textContent = t('screen.run');
    exportCsv.textContent = t('screen.export');
    exportCsv.disabled = !rows || rows.length === 0;
    count.textContent = t('screen.count', { n: entries.length });
    if (!rows) return fill(result);
    fill(
      result,
      table(
        'screen-table',
        COLUMNS,
        rows.map((r) =>
          h(
            'tr',
            { 'data-testid': 'screen-row', 'data-status': r.status },
            h('td', {}, r.index + 1),
            h('td', { class: 'mono small' }, entries[r.index] ?? ''),
            h('td', { class: `screen-status screen-${r.status.toLowerCase()}` }, statusText(t, r.status, r.problem)),
            h(
              'td',
              {},
              r.candidates.map((c) =>
                h(
                  'div',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'link-button', title: t('stats.openOnCanvas'), onclick: () => openOnCanvas(c.id) },
                    c.caption,
                  ),
                ),
              ),
            ),
            h(
              'td',
              { 'data-testid': 'screen-open' },
              r.openAlerts.length ? r.openAlerts.map((a) => h('div', { class: 'small' }, a.modelTitle)) : '0',
            ),
            h('td', { 'data-testid': 'screen-concluded' }, r.concludedAlerts.length),
            h(
              'td',
              { class: 'small' },
              r.links.map((l) =>
                h('div', {}, `${l.official.caption} · ${t('screen.hops', { n: l.hops })}: ${l.route.map((n) => n.caption).join(' — ')}`),
              ),
            ),
          ),
        ),
        t,
      ),
    );
  }

  onLangChange(store, render);
  return {
    open() {
      render();
    },
  };
}

function statusText(t: ReturnType<typeof tr>, status: ScreenRow['status'], problem: string | null | undefined): string {
  const s = t(`screen.status.${status}`);
  return problem ? `${s} (${t(`screen.problem.${problem}` as MessageKey)})` : s;
}
