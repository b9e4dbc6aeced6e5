// Over the canvas, under its bar: what takes the evidence off the screen. Exports (PNG, CSV, JSON), a saved
// view's short link, and the printable reports: the open alert's, and the integrity record (廉政档案) of
// the person selected. Dispatches intents only (evidence.ts does the work).
import { translate, type MessageKey } from '../i18n.js';
import { h } from '../dom.js';
import type { Intent, Store } from '../state.js';

export function mountEvidenceBar(root: HTMLElement, store: Store): void {
  const button = (key: MessageKey, testid: string, intent: () => Intent) => {
    const b = h('button', {
      type: 'button',
      class: 'btn btn-small btn-ghost',
      'data-testid': testid,
      onclick: () => store.dispatch(intent()),
    });
    return { b, key };
  };
  const png = button('ev.export.png', 'export-png', () => ({ type: 'export', format: 'png' }));
  const csv = button('ev.export.csv', 'export-csv', () => ({ type: 'export', format: 'csv' }));
  const json = button('ev.export.json', 'export-json', () => ({ type: 'export', format: 'json' }));
  const share = button('ev.share', 'save-view', () => ({ type: 'saveView' }));
  const alertReport = button('ev.report.alert', 'open-alert-report', () => ({
    type: 'report',
    report: { kind: 'alert', id: store.get().alert?.id ?? '' },
  }));
  const record = button('ev.report.record', 'open-integrity-record', () => {
    const sel = store.get().selection;
    return { type: 'report', report: { kind: 'record', id: sel?.kind === 'node' ? sel.entity.id : '' } };
  });
  const all = [png, csv, json, share, alertReport, record];
  root.append(h('div', { class: 'ev-bar', 'data-testid': 'evidence-bar' }, ...all.map((x) => x.b)));

  store.subscribe((s) => {
    for (const x of all) x.b.textContent = translate(s.lang, x.key);
    const empty = s.counts.nodes === 0;
    for (const x of [png, csv, json, share]) x.b.disabled = empty;
    alertReport.b.hidden = !s.alert || s.selection !== null;
    // The record is compiled for people, and offered to the roles that may read it.
    const person = s.selection?.kind === 'node' && s.selection.entity.label === 'Person';
    record.b.hidden = !person || !(s.me?.permissions ?? []).includes('readRecord');
  });
}
