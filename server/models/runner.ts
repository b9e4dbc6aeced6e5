// Runs models in READ transactions with a time limit and a row cap, turns each row into an alert and
// records the run. One model's failure is recorded and reported; it never stops the others.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import { isMemoryLimit, isTimeout } from '../../platform/db/errors.js';
import { recordModelRun } from '../../platform/metrics.js';
import { storeAlerts, type AlertDraft } from '../alerts/store.js';
import { checkModel } from './check.js';
import { collectEvidence } from '../alerts/evidence.js';
import { fingerprint } from '../alerts/fingerprint.js';
import type { Library, Model } from './library.js';
import { resolveParams } from './params.js';
import type { ParamSource } from './policy.js';
import { withoutExempted } from './exemptions.js';
import { renderSummary } from './render.js';

export interface RunOptions {
  params?: Record<string, unknown>;
  /**
   * Only alerts that flag this entity (uid): the tender platform's "check this lot before award". A scoped
   * run sees part of the findings, so it never marks other alerts gone.
   */
  subject?: string;
  /** Compute the alerts without storing them or recording the run (the analyst's preview). */
  preview?: boolean;
  timeoutMs?: number;
  maxRows?: number;
  now?: () => Date;
  /** The site policy's values (server/models/policy.ts), under `params`: every run of a server passes it. */
  policy?: ParamSource;
  /**
   * Runs the run's writes (its alerts and its run record) when no other run's writes are going: runAll's
   * models side by side share one, so that two runs MERGEing FLAGS onto the same subject never deadlock.
   */
  writeTurn?: WriteTurn;
}

/** Runs `fn` when the writes queued before it are done. */
export type WriteTurn = <T>(fn: () => Promise<T>) => Promise<T>;

/** One queue of writes: each waits for the one before it, whether that succeeded or failed. */
export function writeQueue(): WriteTurn {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

export interface RunResult {
  runId: string;
  modelId: string;
  modelRevision: number;
  startedAt: string;
  durationMs: number;
  rows: number;
  truncated: boolean;
  alertsNew: number;
  alertsKept: number;
  alertsGone: number;
  error: string | null;
  subject: string | null;
  /** The alerts a preview found (previews store nothing). */
  drafts?: AlertDraft[];
  /** The rows a preview read (the workbench shows them as a table). */
  previewRows?: Record<string, unknown>[];
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_ROWS = 10_000;

function uidFrom(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  const props = (v as { properties?: { uid?: unknown } } | null)?.properties;
  return typeof props?.uid === 'string' ? props.uid : undefined;
}

/** The values that make a row the same alert as before: uids for nodes, the value itself otherwise. */
export function identityOf(model: Pick<Model, 'identity'>, row: Record<string, unknown>): unknown[] {
  return model.identity.map((c) => uidFrom(row[c]) ?? row[c] ?? null);
}

/** Rows → alert drafts; rows that share a fingerprint merge their evidence. */
export function draftAlerts(model: Model, rows: Record<string, unknown>[]): AlertDraft[] {
  const byFp = new Map<string, AlertDraft>();
  for (const row of rows) {
    const identity = identityOf(model, row);
    const fp = fingerprint(model.id, identity);
    const subjects = model.subjects.flatMap((s) => {
      const uid = uidFrom(row[s.column]);
      return uid ? [{ uid, role: s.role }] : [];
    });
    const prev = byFp.get(fp);
    const evidence = collectEvidence(row[model.evidence], prev ? { nodes: prev.evidenceNodes, edges: prev.evidenceEdges } : undefined);
    const amount = model.amount ? Number(row[model.amount] ?? NaN) : NaN;
    byFp.set(fp, {
      fingerprint: fp,
      identity: JSON.stringify(identity),
      summaryZh: prev?.summaryZh ?? renderSummary(model.summary.zh, row, 'zh'),
      summaryEn: prev?.summaryEn ?? renderSummary(model.summary.en, row, 'en'),
      amount: prev?.amount ?? (Number.isFinite(amount) ? amount : null),
      evidenceNodes: evidence.nodes,
      evidenceEdges: evidence.edges,
      subjects: prev ? dedupe([...prev.subjects, ...subjects]) : dedupe(subjects),
    });
  }
  return [...byFp.values()];
}

function dedupe(subjects: { uid: string; role: string }[]) {
  const seen = new Set<string>();
  return subjects.filter((s) => !seen.has(`${s.uid}|${s.role}`) && seen.add(`${s.uid}|${s.role}`));
}

export async function runModel(db: Executor, model: Model, opts: RunOptions = {}): Promise<RunResult> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const runId = randomUUID();
  const result: RunResult = {
    runId,
    modelId: model.id,
    modelRevision: model.revision,
    startedAt: started.toISOString(),
    durationMs: 0,
    rows: 0,
    truncated: false,
    alertsNew: 0,
    alertsKept: 0,
    alertsGone: 0,
    error: null,
    subject: opts.subject ?? null,
  };
  // Wrong parameters are the caller's mistake, refused (BadParameter, code BAD_INPUT) before a run is recorded.
  const params = resolveParams(model, { ...opts.policy?.paramsFor(model.id), ...opts.params });
  const turn: WriteTurn = opts.writeTurn ?? ((fn) => fn());
  try {
    await checkModel(db, model);
    const { rows, truncated } = await db.readCapped(model.cypher, params, opts.maxRows ?? DEFAULT_MAX_ROWS, {
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      metadata: { app: 'huiyan', op: 'model-run', model: model.id, revision: model.revision, run: runId },
    });
    result.rows = rows.length;
    result.truncated = truncated;
    // 豁免名单: a subject exempted from this model is not flagged while the exemption holds.
    let drafts = await withoutExempted(db, model.id, draftAlerts(model, rows), started);
    if (opts.subject) drafts = drafts.filter((d) => d.subjects.some((s) => s.uid === opts.subject));
    if (opts.preview) {
      result.drafts = drafts;
      result.previewRows = rows;
      result.alertsNew = drafts.length;
    } else {
      const complete = !truncated && !opts.subject;
      const stored = await turn(() => storeAlerts(db, model, drafts, { runId, now: started.toISOString(), complete }));
      result.alertsNew = stored.new;
      result.alertsKept = stored.kept;
      result.alertsGone = stored.gone;
    }
  } catch (e) {
    result.error = describeError(e);
  }
  result.durationMs = Math.round(performance.now() - t0);
  recordModelRun(result, { preview: opts.preview === true, complete: !result.truncated && !opts.subject });
  if (!opts.preview) await turn(() => recordRun(db, result));
  return result;
}

/** A failed run's reason; the database's limits are named so the analyst knows which one stopped it. */
export function describeError(e: unknown): string {
  const message = (e as { message?: string }).message;
  if (isMemoryLimit(e)) return `memory limit exceeded: ${message ?? ''}`.trim();
  if (isTimeout(e)) return `time limit exceeded: ${message ?? ''}`.trim();
  return message ?? String(e);
}

async function recordRun(db: Executor, r: RunResult): Promise<void> {
  const { runId, drafts: _drafts, previewRows: _rows, ...rest } = r;
  await db.write('CREATE (:ModelRun $run)', { run: { id: runId, ...rest } });
}

/**
 * Every model of the library, `concurrency` at a time (1: one after another). Results come back in the
 * library's order whatever order the runs finish in; `before` and `after` are told of each run as it starts
 * and ends.
 */
export async function runAll(
  db: Executor,
  library: Library,
  opts: RunOptions & { concurrency?: number } = {},
  log: (m: string) => void = () => {},
  watch: { before?: (m: Model) => void; after?: (r: RunResult) => void } = {},
): Promise<RunResult[]> {
  const { concurrency = 1, ...runOpts } = opts;
  const models = library.models;
  const out: RunResult[] = new Array<RunResult>(models.length);
  const shared: RunOptions = concurrency > 1 ? { ...runOpts, writeTurn: runOpts.writeTurn ?? writeQueue() } : runOpts;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < models.length) {
      const i = next++;
      const model = models[i]!;
      watch.before?.(model);
      const r = await runModel(db, model, shared);
      watch.after?.(r);
      log(
        r.error
          ? `model ${model.id} failed: ${r.error}`
          : `model ${model.id} r${model.revision}: ${r.rows} rows, ${r.alertsNew} new, ${r.alertsKept} kept, ${r.alertsGone} gone (${r.durationMs} ms)`,
      );
      out[i] = r;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, models.length)) }, worker));
  return out;
}
