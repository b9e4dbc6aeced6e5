// The analyst's workbench on the server side: a model written in the browser (the whole `.cypher` text) is
// checked the way a library model is (header, parameters both ways, EXPLAIN read-only, procedure allowlist,
// the named columns), and tried on the live graph as a preview: nothing stored, in a READ transaction with a
// shorter time limit and row cap than a library run, compared with the alerts the current revision holds.
import type { Executor } from '../../platform/db/executor.js';
import type { AlertDraft } from '../alerts/store.js';
import { checkModel, ModelRefused } from './check.js';
import { InvalidModel } from './header.js';
import { parseModel, type Library, type Model } from './library.js';
import { runModel, type RunResult } from './runner.js';

/** Tighter than a scheduled run's (60 s, 10,000 rows): the analyst waits for the answer. */
export const WORKBENCH_LIMITS = { timeoutMs: 30_000, maxRows: 2_000 } as const;

/** The name a draft goes by in messages (it has no file yet). */
export const DRAFT_FILE = 'draft.cypher';

export interface Problem {
  message: string;
  /** 1-based line of the source the problem is on, when it can be told. */
  line: number | null;
}

export interface Validation {
  model: Model | null;
  problems: Problem[];
}

/** The domain is the id's first part (`integrity.x` → integrity), as the library's folder names it. */
export function parseSource(source: string, file = DRAFT_FILE): Model {
  const probe = /^\s*\/\/\s*id:\s*([a-z0-9]+)[.-]/m.exec(source);
  return parseModel(source, file, probe?.[1] ?? 'site');
}

/** Line of the source where the Cypher body starts (after the closing `// ---`). */
function bodyStart(source: string): number {
  const lines = source.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '// ---');
  let i = close + 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i + 1;
}

const WRITE_CLAUSE = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH|FOREACH|LOAD\s+CSV|CALL\s+\{[^}]*\}\s+IN\s+TRANSACTIONS)\b/i;

/** Where a problem is: the line EXPLAIN names, the first writing clause, or the header line naming a key. */
function lineOf(source: string, message: string): number | null {
  const lines = source.split(/\r?\n/);
  const start = bodyStart(source);
  const planned = /line (\d+), column \d+/.exec(message);
  if (planned) return start + Number(planned[1]) - 1;
  if (/may only read|not an operator|LOAD CSV|IN TRANSACTIONS/.test(message)) {
    const i = lines.findIndex((l, n) => n + 1 >= start && !/^\s*\/\//.test(l) && WRITE_CLAUSE.test(l));
    if (i >= 0) return i + 1;
  }
  const proc = /procedure ([\w.]+)/.exec(message);
  if (proc) {
    const i = lines.findIndex((l) => l.includes(proc[1]!));
    if (i >= 0) return i + 1;
  }
  const param = /parameter\(s\)[^:]*: (.*)$/.exec(message);
  if (param) {
    const name = param[1]!.split(',')[0]!.trim();
    const i = lines.findIndex((l) => l.includes(name));
    if (i >= 0) return i + 1;
  }
  const key = /(?:^|: )([a-zA-Z]+)(?:\.[\w.[\]]*)?: /.exec(message.replace(/^[^:]*: /, ''));
  if (key) {
    const i = lines.findIndex((l, n) => n + 1 < start && new RegExp(`^//\\s*${key[1]}:`).test(l));
    if (i >= 0) return i + 1;
  }
  return null;
}

/** Everything the library would refuse the source for, each with its line; no problem: the parsed model. */
export async function validateSource(db: Executor, source: string): Promise<Validation> {
  let model: Model;
  try {
    model = parseSource(source);
  } catch (e) {
    if (!(e instanceof InvalidModel)) throw e;
    return { model: null, problems: [{ message: e.message, line: lineOf(source, e.message) }] };
  }
  try {
    await checkModel(db, model);
  } catch (e) {
    if (!(e instanceof ModelRefused)) throw e;
    return {
      model,
      problems: e.message
        .replace(`${DRAFT_FILE}: `, '')
        .split('; ')
        .map((m) => ({ message: `${DRAFT_FILE}: ${m}`, line: lineOf(source, m) })),
    };
  }
  return { model, problems: [] };
}

export interface StoredAlert {
  fingerprint: string;
  summaryZh: string;
  summaryEn: string;
}

export interface Trial {
  model: Model;
  run: RunResult;
  /** The revision the library runs now, if the model is in it. */
  currentRevision: number | null;
  /** The run saw everything (no error, not cut at the row cap): only then is `gone` meaningful. */
  complete: boolean;
  new: AlertDraft[];
  kept: AlertDraft[];
  gone: StoredAlert[];
}

/** Runs the source as a preview and sorts its alerts against the open alerts of the model's id, by fingerprint. */
export async function tryModel(
  db: Executor,
  library: Pick<Library, 'get'>,
  source: string,
  params: Record<string, unknown>,
): Promise<Trial> {
  const model = parseSource(source);
  const run = await runModel(db, model, { params, preview: true, ...WORKBENCH_LIMITS });
  const { rows: stored } = await db.read<StoredAlert>(
    `MATCH (a:Alert {modelId: $id}) WHERE coalesce(a.gone, false) = false
     RETURN a.fingerprint AS fingerprint, a.summaryZh AS summaryZh, a.summaryEn AS summaryEn`,
    { id: model.id },
    { timeoutMs: WORKBENCH_LIMITS.timeoutMs, metadata: { app: 'huiyan', op: 'workbench.compare', model: model.id } },
  );
  const drafts = run.drafts ?? [];
  const before = new Set(stored.map((s) => s.fingerprint));
  const now = new Set(drafts.map((d) => d.fingerprint));
  const complete = !run.error && !run.truncated;
  return {
    model,
    run,
    currentRevision: library.get(model.id)?.revision ?? null,
    complete,
    new: drafts.filter((d) => !before.has(d.fingerprint)),
    kept: drafts.filter((d) => before.has(d.fingerprint)),
    gone: complete ? stored.filter((s) => !now.has(s.fingerprint)) : [],
  };
}
