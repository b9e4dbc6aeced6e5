// 统计分析: the alerts by model, state, unit and month (ECharts, loaded when the page first opens), 查实率 and
// median days to conclusion per model and revision, the risk ranking (a click opens the subject on the
// canvas) and the latest load runs. Everything is over the caller's jurisdiction: the server cuts it.
import type { StatsApi, StatsOverview } from '../api/stats-queries.js';
import { h, fill } from '../dom.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { attempt, formatDay, onLangChange, table, tr } from '../admin/controls.js';
import type { Chart } from './charts.js';
import { days, hitRateRows, modelTitles, percent, series, stateNames, type Series } from './shape.js';

type ChartKind = 'bar' | 'hbar' | 'line';
const CHARTS: { id: 'model' | 'state' | 'unit' | 'month'; title: MessageKey; kind: ChartKind }[] = [
  { id: 'model', title: 'stats.byModel', kind: 'hbar' },
  { id: 'state', title: 'stats.byState', kind: 'bar' },
  { id: 'unit', title: 'stats.byUnit', kind: 'hbar' },
  { id: 'month', title: 'stats.byMonth', kind: 'line' },
];

export function mountStats(root: HTMLElement, store: Store, api: StatsApi): { open(): void } {
  let data: StatsOverview | null = null;
  const charts = new Map<string, Chart>();
  const lang = (): Lang => store.get().lang;
  const openOnCanvas = (id: string) => {
    store.dispatch({ type: 'page', page: 'explore' });
    store.dispatch({ type: 'add', id });
  };

  const heading = h('h2', { class: 'admin-title' });
  const total = h('span', { class: 'muted', 'data-testid': 'stats-total' });
  const refresh = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'stats-refresh' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const boxes = CHARTS.map((c) => {
    const title = h('h3', { class: 'stats-card-title' });
    const canvas = h('div', { class: 'stats-chart', 'data-testid': `stats-chart-${c.id}` });
    return { ...c, titleEl: title, canvas, card: h('section', { class: 'stats-card' }, title, canvas) };
  });
  const hitTitle = h('h3', { class: 'stats-card-title' });
  const hitList = h('div', {});
  const riskTitle = h('h3', { class: 'stats-card-title' });
  const riskList = h('div', {});
  const runsTitle = h('h3', { class: 'stats-card-title' });
  const runsList = h('div', {});
  root.append(
    h('div', { class: 'admin-head' }, heading, total, refresh),
    error,
    h(
      'div',
      { class: 'stats-grid' },
      boxes.map((b) => b.card),
    ),
    h('section', { class: 'stats-card stats-wide' }, hitTitle, hitList),
    h('section', { class: 'stats-card stats-wide' }, riskTitle, riskList),
    h('section', { class: 'stats-card stats-wide' }, runsTitle, runsList),
  );
  refresh.addEventListener('click', () => void load());
  new ResizeObserver(() => charts.forEach((c) => c.resize())).observe(root);

  async function load() {
    await attempt(lang, error, async () => {
      const [overview, drawing] = await Promise.all([api.overview(), import('./charts.js')]);
      data = overview;
      for (const b of boxes) if (!charts.has(b.id)) charts.set(b.id, drawing.chartIn(b.canvas));
      render();
    });
  }

  function seriesFor(id: (typeof CHARTS)[number]['id'], o: StatsOverview): Series {
    const b = o.alertBreakdown;
    if (id === 'model') return series(b.byModel, (k) => modelTitles(o, lang()).get(k));
    if (id === 'state') return series(b.byState, (k) => stateNames(o, lang()).get(k));
    if (id === 'unit') return series(b.byUnit);
    return series(b.byMonth);
  }

  function render() {
    const t = tr(lang());
    heading.textContent = t('page.stats');
    refresh.textContent = t('stats.refresh');
    for (const b of boxes) b.titleEl.textContent = t(b.title);
    hitTitle.textContent = t('stats.hitRate');
    riskTitle.textContent = t('stats.risk');
    runsTitle.textContent = t('stats.loadRuns');
    if (!data) return;
    const o = data;
    total.textContent = t('stats.total', { n: o.alertBreakdown.total });
    total.dataset.total = String(o.alertBreakdown.total);
    for (const b of boxes) {
      const s = seriesFor(b.id, o);
      // The numbers drawn, for whoever checks the chart against the API (the browser test).
      b.canvas.dataset.values = JSON.stringify(s.values);
      charts.get(b.id)?.draw(b.kind, s, b.id === 'unit' ? openOnCanvas : undefined);
    }
    fill(
      hitList,
      table(
        'stats-hit-rate',
        ['stats.model', 'stats.revision', 'stats.alerts', 'stats.concluded', 'stats.hitRateCol', 'stats.medianDays'],
        hitRateRows(o, lang()).map((r) =>
          h(
            'tr',
            { 'data-testid': 'hit-rate-row', 'data-model': r.model, class: r.revision === null ? '' : 'muted' },
            h('td', {}, r.revision === null ? r.title : ''),
            h('td', {}, r.revision === null ? t('stats.allRevisions') : `r${r.revision}`),
            h('td', {}, r.alerts),
            h('td', {}, r.concluded),
            h('td', { 'data-testid': 'hit-rate' }, percent(r.hitRate)),
            h('td', {}, days(r.medianDays)),
          ),
        ),
        t,
      ),
    );
    const titles = modelTitles(o, lang());
    fill(
      riskList,
      o.riskRanking.length === 0
        ? h('p', { class: 'muted' }, t('stats.none'))
        : table(
            'stats-risk',
            ['stats.rank', 'stats.subject', 'stats.score', 'stats.alerts', 'stats.models', 'stats.amount'],
            o.riskRanking.map((r, i) =>
              h(
                'tr',
                { 'data-testid': 'risk-row', 'data-id': r.entity.id },
                h('td', {}, i + 1),
                h(
                  'td',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link-button',
                      'data-testid': 'risk-open',
                      title: t('stats.openOnCanvas'),
                      onclick: () => openOnCanvas(r.entity.id),
                    },
                    r.entity.caption,
                  ),
                ),
                h('td', {}, r.score.toFixed(2)),
                h('td', {}, r.alerts),
                h('td', { class: 'small' }, r.models.map((m) => titles.get(m) ?? m).join('、')),
                h('td', {}, r.amount ? r.amount.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB') : '—'),
              ),
            ),
            t,
          ),
    );
    fill(
      runsList,
      o.loadRuns.length === 0
        ? h('p', { class: 'muted' }, t('stats.none'))
        : table(
            'stats-load-runs',
            ['stats.runSource', 'stats.runFile', 'stats.runAt', 'stats.runRows', 'stats.runRejected', 'stats.runStatus'],
            o.loadRuns.map((r) =>
              h(
                'tr',
                { 'data-testid': 'load-run-row' },
                h('td', {}, r.source),
                h('td', { class: 'mono small' }, r.file),
                h('td', {}, formatDay(r.startedAt, lang())),
                h('td', {}, `${r.rowsLoaded} / ${r.rowsRead}`),
                h('td', { class: r.rowsRejected > 0 ? 'warn' : '' }, r.rowsRejected),
                h('td', {}, r.status),
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
      void load();
    },
  };
}
