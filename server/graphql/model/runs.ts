// ModelRun nodes as the API returns them. Counts the runner did not write read as 0 rather than failing a
// non-null field.
const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function runView(r: Record<string, unknown>) {
  return {
    id: s(r.id),
    modelId: s(r.modelId),
    modelRevision: n(r.modelRevision),
    startedAt: s(r.startedAt),
    durationMs: n(r.durationMs),
    rows: n(r.rows),
    alertsNew: n(r.alertsNew),
    alertsKept: n(r.alertsKept),
    alertsGone: n(r.alertsGone),
    error: r.error === null || r.error === undefined ? null : String(r.error),
  };
}
