// The one Prometheus registry (prom-client). It lives in platform/ because the server, the loaders and the
// Executor all record into it and neither loaders/ nor server/ may import the other. Nothing here serves
// it: server/http/metrics.ts does. Every label takes values from a bounded set (see boundedNames) so a
// caller cannot grow the series without limit.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
// Process and Node figures (CPU, memory, event-loop lag, GC, handles), under their usual names.
collectDefaultMetrics({ register: registry });

/** Seconds; from a 5 ms lookup to a minute-long model run. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const graphqlRequests = new Counter({
  name: 'huiyan_graphql_requests_total',
  help: 'GraphQL requests by operation name and outcome (ok: no errors; error: at least one error)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'huiyan_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to its response, by operation name',
  labelNames: ['operation'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'huiyan_graphql_errors_total',
  help: 'Errors in GraphQL responses by code (extensions.code; masked unexpected errors count as INTERNAL)',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const httpResponses = new Counter({
  name: 'huiyan_http_responses_total',
  help: 'HTTP responses by route group and status code',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});

export const neo4jQueryDuration = new Histogram({
  name: 'huiyan_neo4j_query_duration_seconds',
  help: 'Time of each Executor call to Neo4j (a statement or a transaction), by access mode and outcome',
  labelNames: ['mode', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const neo4jInUse = new Gauge({
  name: 'huiyan_neo4j_sessions_in_use',
  help: 'Executor calls holding a driver session or connection now (the pool holds 20; the driver publishes no pool figures)',
  registers: [registry],
});

export const loadRows = new Counter({
  name: 'huiyan_load_rows_total',
  help: 'Department rows by source and what became of them (read, loaded, rejected, duplicate; aside: totals and lines under the table, not records and not in read)',
  labelNames: ['source', 'outcome'] as const,
  registers: [registry],
});

export const loadRowsPerSecond = new Gauge({
  name: 'huiyan_load_rows_per_second',
  help: 'Rows a second of the file of this source loaded last (or loading now)',
  labelNames: ['source'] as const,
  registers: [registry],
});

export const modelRunDuration = new Histogram({
  name: 'huiyan_model_run_duration_seconds',
  help: 'Model run time by model and outcome (ok, failed, preview)',
  labelNames: ['model', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const modelAlerts = new Counter({
  name: 'huiyan_model_alerts_total',
  help: 'Alerts stored by model runs, by model and kind (new: first raised; kept: raised again; gone: no longer found)',
  labelNames: ['model', 'kind'] as const,
  registers: [registry],
});

export const modelOpenAlerts = new Gauge({
  name: 'huiyan_model_alerts_current',
  help: 'Alerts the last complete run of each model found (new + kept)',
  labelNames: ['model'] as const,
  registers: [registry],
});

/** Times an async call into a histogram's `outcome` label: ok or error. */
export async function timed<T>(h: Histogram<'mode' | 'outcome'>, mode: string, work: () => Promise<T>): Promise<T> {
  const end = h.startTimer({ mode });
  neo4jInUse.inc();
  try {
    const r = await work();
    end({ outcome: 'ok' });
    return r;
  } catch (e) {
    end({ outcome: 'error' });
    throw e;
  } finally {
    neo4jInUse.dec();
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A label value from a name a caller chose (a GraphQL operation name): the first `cap` distinct valid names
 * keep their own series, later ones and malformed ones share `other`. The explorer has a few dozen
 * operations, so the cap leaves room for scripts while a loop of random names adds one series at most.
 */
export function boundedNames(cap: number): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (!NAME.test(name) || seen.size >= cap) return 'other';
    seen.add(name);
    return name;
  };
}

/** What a finished model run reports (server/models/runner.ts RunResult, structurally). */
export interface ModelRunFigures {
  modelId: string;
  durationMs: number;
  alertsNew: number;
  alertsKept: number;
  alertsGone: number;
  error: string | null;
}

/** A preview stores nothing, so it adds time only; an incomplete run (truncated, one subject) leaves the current count. */
export function recordModelRun(r: ModelRunFigures, how: { preview: boolean; complete: boolean }): void {
  const outcome = how.preview ? 'preview' : r.error ? 'failed' : 'ok';
  modelRunDuration.observe({ model: r.modelId, outcome }, r.durationMs / 1000);
  if (how.preview || r.error) return;
  modelAlerts.inc({ model: r.modelId, kind: 'new' }, r.alertsNew);
  modelAlerts.inc({ model: r.modelId, kind: 'kept' }, r.alertsKept);
  modelAlerts.inc({ model: r.modelId, kind: 'gone' }, r.alertsGone);
  if (how.complete) modelOpenAlerts.set({ model: r.modelId }, r.alertsNew + r.alertsKept);
}

/** What a loaded file reports (loaders/core/load-run.ts LoadRunRecord, structurally). */
export interface LoadFigures {
  source: string;
  durationMs: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  duplicatesSkipped: number;
  rowsAside?: number;
}

export function recordLoadedFile(r: LoadFigures): void {
  loadRows.inc({ source: r.source, outcome: 'read' }, r.rowsRead);
  loadRows.inc({ source: r.source, outcome: 'loaded' }, r.rowsLoaded);
  loadRows.inc({ source: r.source, outcome: 'rejected' }, r.rowsRejected);
  loadRows.inc({ source: r.source, outcome: 'duplicate' }, r.duplicatesSkipped);
  if (r.rowsAside) loadRows.inc({ source: r.source, outcome: 'aside' }, r.rowsAside);
  if (r.durationMs > 0) loadRowsPerSecond.set({ source: r.source }, Math.round((r.rowsRead * 1000) / r.durationMs));
}
