// 投标前核查: a case handler picks a lot (from the node selected on the canvas, the details panel of a
// project or of a procurement alert, or a search), a day (each bid's own date unless one is given), and sees
// per bidder either "no tie found" or each tie to an official of the tendering unit: its kind, the official,
// the relative, and the path as text, with "show on graph" to put the path on the canvas. The table
// exports as CSV, recorded in the audit trail like every other export (recordExport).
import { ApiError } from '../api/client.js';
import type { ExportKind } from '../api/generated.js';
import type { LotHit, PreAwardApi, PreAwardBidder, PreAwardCheck, PreAwardLink } from '../api/preaward-queries.js';
import { h, fill } from '../dom.js';
import { download, exportName } from '../export/download.js';
import type { Lang, MessageKey } from '../i18n.js';
import { labelName, relName } from '../schema.js';
import type { Store } from '../state.js';
import { onLangChange, table, tr } from '../admin/controls.js';
import { checkError, kinName, viaName } from './words.js';
import { checkEntityIds, linkGraph, pathText, preAwardCsv } from './text.js';

type T = ReturnType<typeof tr>;
export type RecordExport = (kind: ExportKind, entityIds: string[], count: number) => Promise<unknown>;

const COLUMNS: MessageKey[] = ['preaward.col.company', 'preaward.col.on', 'preaward.col.result', 'preaward.col.kind'];
const CSV_COLUMNS: MessageKey[] = [
  'preaward.col.company',
  'preaward.col.bid',
  'preaward.col.on',
  'preaward.col.result',
  'preaward.col.kind',
  'preaward.col.official',
  'preaward.col.relation',
  'preaward.col.via',
  'preaward.col.path',
];

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function mountPreAward(root: HTMLElement, store: Store, api: PreAwardApi, recordExport: RecordExport): { open(): void } {
  const lang = (): Lang => store.get().lang;
  let lot: { id: string; caption: string } | null = null;
  let check: PreAwardCheck | null = null;
  let failure: ApiError | null = null;
  let running = false;
  let note = '';

  const heading = h('h2', { class: 'admin-title' });
  const hint = h('p', { class: 'muted small' });
  const lotLabel = h('span', {});
  const lotSearch = h('input', { type: 'search', 'data-testid': 'preaward-lot-search', autocomplete: 'off' });
  const lotHits = h('ul', { class: 'unit-hits', 'data-testid': 'preaward-lot-hits' });
  const lotChip = h('span', { class: 'filter-chips', 'data-testid': 'preaward-lot' });
  const onLabel = h('span', {});
  const on = h('input', { type: 'date', 'data-testid': 'preaward-on' });
  const onHint = h('span', { class: 'muted small' });
  const onToday = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'preaward-on-today' });
  const onBid = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'preaward-on-bid' });
  const run = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'preaward-run' });
  const exportCsv = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'preaward-export', disabled: true });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'preaward-error', hidden: true });
  const status = h('p', { class: 'muted small', 'data-testid': 'preaward-note' });
  const summary = h('div', { class: 'preaward-summary', 'data-testid': 'preaward-summary' });
  const result = h('div', { class: 'admin-list', 'data-testid': 'preaward-result' });
  root.append(
    h('div', { class: 'admin-head' }, heading),
    hint,
    h(
      'div',
      { class: 'admin-form preaward-form' },
      h('div', { class: 'unit-chooser' }, lotLabel, lotSearch, lotHits, lotChip),
      h('div', { class: 'row-actions' }, h('label', {}, onLabel, ' ', on), onToday, onBid, onHint),
      h('div', { class: 'row-actions' }, run, exportCsv),
    ),
    error,
    status,
    summary,
    result,
  );

  const choose = (next: { id: string; caption: string } | null) => {
    if (next?.id !== lot?.id) {
      check = null;
      failure = null;
      note = '';
    }
    lot = next;
    render();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  lotSearch.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = lotSearch.value.trim();
      if (!q) return fill(lotHits);
      const mine = ++asked;
      api
        .lots(q)
        .then((hits) => mine === asked && showHits(hits))
        .catch((e: unknown) => fail(e));
    }, 250);
  });
  const showHits = (hits: LotHit[]) =>
    fill(
      lotHits,
      hits.map((hit) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-testid': 'preaward-lot-hit',
              'data-id': hit.id,
              onclick: () => {
                fill(lotHits);
                lotSearch.value = '';
                choose({ id: hit.id, caption: hit.caption });
              },
            },
            hit.caption,
          ),
          typeof hit.properties.code === 'string' ? h('span', { class: 'muted small' }, ` ${hit.properties.code}`) : null,
        ),
      ),
    );

  /** The fixed words of the page, relabelled on a language switch. */
  const words: [HTMLElement, MessageKey][] = [
    [heading, 'page.preaward'],
    [hint, 'preaward.hint'],
    [lotLabel, 'preaward.lot'],
    [onLabel, 'preaward.on'],
    [onHint, 'preaward.onHint'],
    [onToday, 'preaward.onToday'],
    [onBid, 'preaward.onBid'],
    [exportCsv, 'preaward.export'],
  ];

  const fail = (e: unknown) => {
    failure = e instanceof ApiError ? e : new ApiError('CLIENT', e instanceof Error ? e.message : String(e));
    render();
  };

  onToday.addEventListener('click', () => (on.value = today()));
  onBid.addEventListener('click', () => (on.value = ''));
  run.addEventListener('click', () => {
    if (!lot || running) {
      if (!lot) fail(new ApiError('BAD_INPUT', tr(lang())('preaward.noLot')));
      return;
    }
    const lotId = lot.id;
    running = true;
    failure = null;
    note = '';
    render();
    api
      .check(lotId, on.value || null)
      .then((c) => {
        // A lot chosen while this one was checked is not given this answer.
        if (lot?.id === lotId) check = c;
      })
      .catch((e: unknown) => {
        check = null;
        failure = e instanceof ApiError ? e : new ApiError('CLIENT', String(e));
      })
      .finally(() => {
        running = false;
        render();
      });
  });

  exportCsv.addEventListener('click', () => {
    if (!check) return;
    const t = tr(lang());
    const s = store.get();
    const { csv, rows } = preAwardCsv(check, {
      header: CSV_COLUMNS.map((k) => t(k)),
      clean: t('preaward.clean'),
      linked: t('preaward.linkedWord'),
      kind: (k) => t(`preaward.kind.${k}`),
      relation: (r) => kinName(t, r),
      via: (v) => viaName(s.schema, v, s.lang),
      relName: (type) => relName(s.schema, type, s.lang),
    });
    const code = typeof check.lot.properties.code === 'string' ? check.lot.properties.code : check.lot.id.replace(/^Project:/, '');
    const name = exportName(`preaward-${code}`, 'csv');
    download(name, csv, 'text/csv;charset=utf-8');
    note = t('preaward.exported', { file: name });
    render();
    // The file is saved already; if the audit trail cannot record it, the user is told, as for the canvas.
    recordExport('CSV', checkEntityIds(check), rows).catch((e: unknown) => {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', String(e));
      store.set({ error: { code: 'EXPORT_UNRECORDED', message: `${err.code}: ${err.message}` } });
    });
  });

  // From the details panel (a project, a procurement alert): the page opens on that lot.
  store.onIntent((i) => {
    if (i.type !== 'preAward') return;
    choose(i.lot);
    store.dispatch({ type: 'page', page: 'preaward' });
  });

  function linkView(t: T, b: PreAwardBidder, l: PreAwardLink): HTMLElement {
    const s = store.get();
    const rel = (type: string) => relName(s.schema, type, s.lang);
    return h(
      'div',
      { class: 'preaward-link', 'data-testid': 'preaward-link', 'data-kind': l.kind, 'data-official': l.official.id },
      h('strong', {}, t(`preaward.kind.${l.kind}`)),
      h(
        'div',
        { class: 'small' },
        `${t('preaward.col.official')}：${l.official.caption}`,
        l.relation ? ` · ${t('preaward.col.relation')}：${kinName(t, l.relation)}` : '',
        ` · ${t('preaward.col.via')}：${viaName(s.schema, l.via, s.lang)}`,
      ),
      l.paths.map((p) => h('div', { class: 'small mono preaward-path', 'data-testid': 'preaward-path' }, pathText(p, rel))),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'data-testid': 'preaward-show',
          'data-company': b.company.id,
          onclick: () => store.dispatch({ type: 'preAwardShow', graph: linkGraph(l) }),
        },
        t('preaward.show'),
      ),
    );
  }

  function render() {
    const t = tr(lang());
    const s = store.get();
    for (const [el, key] of words) el.textContent = t(key);
    lotSearch.placeholder = t('preaward.lotSearch');
    const clear = h('button', {
      type: 'button',
      class: 'chip',
      'data-id': lot?.id,
      title: t('preaward.lotClear'),
      onclick: () => choose(null),
    });
    if (lot) clear.append(`${lot.caption} ×`);
    fill(lotChip, lot ? clear : null);
    run.textContent = running ? t('preaward.running') : t('preaward.run');
    run.disabled = running;
    exportCsv.disabled = !check;
    error.hidden = failure === null;
    error.textContent = failure ? checkError(lang(), failure) : '';
    if (failure) error.setAttribute('data-code', failure.code);
    else error.removeAttribute('data-code');
    status.textContent = note;
    if (!check) {
      fill(summary);
      return fill(result);
    }
    const c = check;
    const linked = c.bidders.filter((b) => b.links.length > 0).length;
    fill(
      summary,
      h(
        'p',
        {},
        c.unit
          ? t('preaward.summary', { unit: c.unit.caption, officials: c.officials, bidders: c.bidders.length, linked })
          : t('preaward.noUnit'),
      ),
      h(
        'p',
        { class: 'muted small' },
        t('preaward.scope', {
          kin: c.kinRelations.map((r) => kinName(t, r)).join('、'),
          leaders: c.leadersOnly ? t('preaward.leadersOnly') : '',
        }),
      ),
    );
    if (c.bidders.length === 0) return fill(result, h('p', { class: 'muted' }, t('preaward.noBidders')));
    fill(
      result,
      table(
        'preaward-table',
        COLUMNS,
        c.bidders.map((b) =>
          h(
            'tr',
            { 'data-testid': 'preaward-row', 'data-company': b.company.id, 'data-links': b.links.length },
            h(
              'td',
              {},
              h('div', {}, b.company.caption),
              h('div', { class: 'muted small' }, `${labelName(s.schema, 'Bid', s.lang)} ${b.bid.caption}`),
            ),
            h('td', {}, b.on),
            h(
              'td',
              { class: b.links.length ? 'preaward-linked' : 'preaward-clean', 'data-testid': 'preaward-status' },
              b.links.length ? t('preaward.linked', { n: b.links.length }) : t('preaward.clean'),
            ),
            h(
              'td',
              {},
              b.links.map((l) => linkView(t, b, l)),
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
      // Opened from the top bar with a project selected on the canvas: that project is the lot.
      const sel = store.get().selection;
      if (!lot && sel?.kind === 'node' && sel.entity.label === 'Project') choose({ id: sel.entity.id, caption: sel.entity.caption });
      render();
    },
  };
}
