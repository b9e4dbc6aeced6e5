// The evidence feature's controller (issue #15): opens what the address names after sign-in (?entity=,
// ?alert=, ?view=, a whole view), keeps the address following the view, hides what was not true on the
// as-of date, exports the canvas (PNG, CSV, JSON) and saves views as short links. Beside controller.ts,
// not in it: it holds the same API and GraphView, and talks to the rest only through the store.
import { ApiError } from './api/client.js';
import type { EvidenceApi } from './api/evidence-queries.js';
import type { ExportKind } from './api/generated.js';
import type { Graph } from './api/types.js';
import { download, exportName } from './export/download.js';
import { graphCsv, graphJson } from './export/table.js';
import type { GraphView } from './graph/cy.js';
import type { MessageKey } from './i18n.js';
import type { ExportFormat, Intent, ReportRef, Store } from './state.js';
import { asOfCanvas, datedFacts } from './view/as-of.js';
import { decodeUrlState, encodeUrlState, filtersSet } from './view/url-state.js';
import { syncUrl, urlStateOf } from './view/url-sync.js';

const NOTE_MS = 8000;

export function createEvidence(store: Store, ev: EvidenceApi, view: GraphView) {
  let hidden: ReadonlySet<string> = new Set();
  let noteTimer: ReturnType<typeof setTimeout> | undefined;

  const note = (key: MessageKey, params: Record<string, string | number>) => {
    store.set({ toast: { key, params } });
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => store.set({ toast: null }), NOTE_MS);
  };
  const fail = (e: unknown) => {
    const err = e instanceof ApiError ? e : new ApiError('CLIENT', e instanceof Error ? e.message : String(e));
    if (err.code !== 'REASON_REQUIRED') console.error(err);
    store.set({ error: { code: err.code, message: err.message } });
  };

  /** The as-of date applied to the canvas; recomputed when the date or the canvas changes. */
  let appliedKey = '';
  store.subscribe((s) => {
    const key = `${s.asOf}|${s.counts.nodes}|${s.counts.edges}`;
    if (key === appliedKey) return;
    appliedKey = key;
    const g = view.graph();
    const asOf = asOfCanvas(g.nodes, g.edges, s.asOf);
    hidden = asOf.hidden;
    view.setAsOf(asOf.hidden, asOf.dimmed);
    const marks = datedFacts(g.edges).map((f) => ({ id: f.edge.id, type: f.edge.type, start: f.start, end: f.end }));
    store.set({ timeline: { marks, hidden: asOf.hidden.size, dimmed: asOf.dimmed.size }, savedLink: null });
  });

  /**
   * Tells the audit trail what left the screen. The file is already saved and the sheet printed: the
   * record does not hold them up, but if it fails the user is told the export went unrecorded.
   */
  const recordExport = (kind: ExportKind, entityIds: string[], count: number, alertId: string | null = null) => {
    const viewId = new URLSearchParams(window.location.search).get('view');
    void ev.recordExport({ kind, entityIds, count, alertId, viewId }).catch((e: unknown) => {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', e instanceof Error ? e.message : String(e));
      console.error(err);
      store.set({ error: { code: 'EXPORT_UNRECORDED', message: `${err.code}: ${err.message}` } });
    });
  };

  /** What is shown: an export as of a date holds what was true then, as the screen does. */
  const visible = (): Graph => {
    const g = view.graph();
    return { nodes: g.nodes.filter((n) => !hidden.has(n.id)), edges: g.edges.filter((e) => !hidden.has(e.id)) };
  };

  function exportAs(format: ExportFormat): void {
    const s = store.get();
    const shown = visible();
    const name = exportName(format === 'png' ? 'graph' : 'canvas', format);
    if (format === 'png') download(name, view.png(), 'image/png');
    else if (format === 'csv') download(name, graphCsv(shown), 'text/csv;charset=utf-8');
    else {
      const meta = { exportedAt: new Date().toISOString(), exportedBy: s.me?.name ?? null, reason: s.reason, asOf: s.asOf };
      download(name, graphJson(shown, meta), 'application/json');
    }
    note('ev.exported', { file: name });
    const kind: ExportKind = format === 'png' ? 'PNG' : format === 'csv' ? 'CSV' : 'JSON';
    recordExport(
      kind,
      shown.nodes.map((n) => n.id),
      shown.nodes.length + shown.edges.length,
    );
  }

  /** A report printed: the alert's (with its evidence entities) or a person's integrity record. */
  function printed(report: ReportRef, entityIds: string[], count: number): void {
    if (report.kind === 'alert') recordExport('ALERT_REPORT', entityIds, count, report.id);
    else recordExport('INTEGRITY_RECORD', [report.id, ...entityIds.filter((id) => id !== report.id)], count);
  }

  async function saveView(): Promise<void> {
    const state = encodeUrlState(urlStateOf(store.get(), view.nodeIds()));
    const saved = await ev.saveView(state);
    const link = `${window.location.origin}${window.location.pathname}?view=${saved.id}`;
    let copied = true;
    await navigator.clipboard?.writeText(link).catch(() => (copied = false));
    if (!navigator.clipboard) copied = false;
    store.set({ savedLink: link });
    note(copied ? 'ev.shared' : 'ev.sharedNoCopy', { link });
  }

  /** Opens what the address (or the saved view it names) asks for; then the address follows the view. */
  async function openFromUrl(search: string): Promise<void> {
    try {
      let s = decodeUrlState(search);
      if (s.view) {
        const saved = await ev.view(s.view);
        if (!saved) throw new ApiError('NOT_FOUND', s.view);
        s = decodeUrlState(saved.state);
      }
      if (filtersSet(s.inbox)) store.dispatch({ type: 'inboxFilter', patch: s.inbox });
      const ids = [...new Set([...s.entities, ...(s.entity ? [s.entity] : [])])];
      if (ids.length > 0) {
        const g = await ev.viewGraph(ids);
        if (s.entity && !g.nodes.some((n) => n.id === s.entity)) throw new ApiError('NOT_FOUND', s.entity);
        await view.add(g, s.entity && !s.alert ? { select: s.entity } : {});
      }
      if (s.alert) store.dispatch({ type: 'openAlert', id: s.alert });
      store.set({ asOf: s.asOf, report: s.report });
    } catch (e) {
      fail(e);
    } finally {
      syncUrl(store, () => view.nodeIds());
    }
  }

  function handle(intent: Intent): void {
    switch (intent.type) {
      case 'asOf':
        store.set({ asOf: intent.day });
        return;
      case 'export':
        try {
          exportAs(intent.format);
        } catch (e) {
          fail(e);
        }
        return;
      case 'report':
        store.set({ report: intent.report });
        return;
      case 'printed':
        printed(intent.report, intent.entityIds, intent.count);
        return;
      case 'saveView':
        void saveView().catch(fail);
        return;
      default:
        return;
    }
  }

  return { handle, openFromUrl };
}
