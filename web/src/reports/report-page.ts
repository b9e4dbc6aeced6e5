// The report view: an A4 sheet over the explorer (the alert report or a person's integrity record) with
// 打印 (window.print(); the print stylesheet prints the sheet alone) and 返回. It loads what it shows when
// opened, through the functions evidence wiring hands in, so it never holds the API itself.
import type { IntegrityRecord } from '../api/evidence-queries.js';
import type { AlertDetail } from '../api/types.js';
import { ApiError } from '../api/client.js';
import { fill, h } from '../dom.js';
import { translate } from '../i18n.js';
import type { ReportRef, Store } from '../state.js';
import { alertReport } from './alert-report.js';
import { integrityRecord } from './integrity-record.js';
import './print.css';

export interface ReportSources {
  alert(id: string): Promise<AlertDetail | null>;
  record(id: string): Promise<IntegrityRecord | null>;
  /** The canvas as an image, for the alert report's evidence graph. */
  graphPng(): string | null;
}

type Loaded = { kind: 'alert'; data: AlertDetail; png: string | null } | { kind: 'record'; data: IntegrityRecord };

const RECORD_SECTIONS = ['posts', 'kin', 'companies', 'payments', 'cases', 'sanctions'] as const;

/** What a printed sheet holds, for the audit trail: the entities on it and how many rows. */
export function printedContent(l: Loaded): { entityIds: string[]; count: number } {
  if (l.kind === 'alert') {
    const ev = l.data.evidence;
    return { entityIds: ev.nodes.map((n) => n.id), count: ev.nodes.length + ev.edges.length };
  }
  const facts = RECORD_SECTIONS.flatMap((k) => l.data[k]);
  const ids = [l.data.person.id, ...facts.flatMap((f) => [f.other.id, ...(f.via ? [f.via.id] : [])])];
  return { entityIds: [...new Set(ids)], count: facts.length + l.data.alerts.length };
}

export function mountReportPage(root: HTMLElement, store: Store, sources: ReportSources): void {
  // The print is recorded in the audit trail (evidence.ts), then the browser's print dialog opens.
  const print = h('button', {
    type: 'button',
    class: 'btn',
    'data-testid': 'report-print',
    onclick: () => {
      if (shown && loaded) store.dispatch({ type: 'printed', report: shown, ...printedContent(loaded) });
      window.print();
    },
  });
  const close = h('button', {
    type: 'button',
    class: 'btn btn-ghost',
    'data-testid': 'report-close',
    onclick: () => store.dispatch({ type: 'report', report: null }),
  });
  const sheet = h('div', { class: 'report-body' });
  root.classList.add('report');
  root.setAttribute('data-testid', 'report');
  root.append(h('div', { class: 'report-tools' }, close, print), sheet);

  let shown: ReportRef | null = null;
  let loaded: Loaded | null = null;
  let gen = 0;

  async function load(ref: ReportRef): Promise<void> {
    const mine = ++gen;
    loaded = null;
    try {
      const next: Loaded | null =
        ref.kind === 'alert'
          ? await sources.alert(ref.id).then((data) => (data ? { kind: 'alert' as const, data, png: sources.graphPng() } : null))
          : await sources.record(ref.id).then((data) => (data ? { kind: 'record' as const, data } : null));
      if (!next) throw new ApiError('NOT_FOUND', ref.id);
      if (mine !== gen) return;
      loaded = next;
      render();
    } catch (e) {
      if (mine !== gen) return;
      const err = e instanceof ApiError ? e : new ApiError('CLIENT', String(e));
      store.set({ report: null, error: { code: err.code, message: err.message } });
    }
  }

  let drawn: { lang: string; loaded: Loaded | null } | null = null;
  function render(): void {
    const s = store.get();
    // The sheet is rebuilt when what it shows changes, not on every busy tick of the store.
    if (drawn && drawn.lang === s.lang && drawn.loaded === loaded) return;
    drawn = { lang: s.lang, loaded };
    print.textContent = translate(s.lang, 'rep.print');
    close.textContent = translate(s.lang, 'rep.close');
    print.disabled = loaded === null;
    if (!loaded) return fill(sheet, h('p', { class: 'report-sheet rep-loading' }, translate(s.lang, 'rep.loading')));
    fill(sheet, loaded.kind === 'alert' ? alertReport(s, loaded.data, loaded.png) : integrityRecord(s, loaded.data));
  }

  store.subscribe((s) => {
    root.hidden = s.report === null;
    const same = shown !== null && s.report !== null && shown.kind === s.report.kind && shown.id === s.report.id;
    if (!same) {
      shown = s.report;
      loaded = null;
      if (s.report) void load(s.report);
    }
    if (s.report) render();
  });
}
