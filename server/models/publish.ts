// Publishing a model: the workbench's (and a model package import's) one way into the site's library. The
// model is checked like any library model on the live server, its fixtures (given, or the ones beside the
// revision it replaces) must all pass in a scratch database, the header's revision moves to one past the
// current (or to an imported model's own, when that is later), the file goes to `<siteDir>/models/<domain>/<name>.cypher` (the same `.cypher` format as the
// shipped models), each revision is kept under `.revisions/<id>/` for diffs, the library is reloaded, and the
// caller's `record` is told who published what and why, for the audit trail.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ROOT } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { describeFailures, fixturesFileOf, parseFixtures, runFixtures, type CaseResult, type Fixtures } from './fixtures.js';
import { InvalidModel } from './header.js';
import type { LiveLibrary } from './live-library.js';
import { libraryOf, loadLibrary, MODELS_DIR, type Library, type Model } from './library.js';
import { InvalidPolicy, type SitePolicy } from './policy.js';
import { readRetired, writeRetired } from './retired.js';
import { parseSource, validateSource } from './workbench.js';

export class PublishRefused extends Error {
  override name = 'PublishRefused';
  readonly code = 'BAD_INPUT';
}

/** An empty database with huiyan's schema applied, that nothing else uses (a scratch Neo4j), and how to let it go. */
export type FixtureDatabase = () => Promise<{ db: Executor; close(): Promise<void> }>;

/** One audit entry: the caller writes it to the trail with the principal it knows. */
export interface PublishRecord {
  action: 'model.publish' | 'model.retire' | 'model.import';
  /** `<id> r<revision>`. */
  target: string;
  by: string;
  reason: string;
}

export interface PublishDeps {
  /** The live server: the model is EXPLAIN-checked there (nothing runs). */
  db: Executor;
  library: LiveLibrary;
  /** `config.siteDir + '/models'`. */
  siteModelsDir: string;
  schema: GraphSchema;
  fixtureDb: FixtureDatabase;
  record: (r: PublishRecord) => void | Promise<void>;
  /**
   * The site policy, checked against the library as it would be after the change: the next start refuses a
   * policy that names a model it lacks or gives a value a model would refuse. Unset: no site policy.
   */
  policy?: Pick<SitePolicy, 'checkAgainst'>;
}

/** The library the next start reads (shipped and site models, less the retired), with `add` in and `drop` out. */
function nextLibrary(siteModelsDir: string, add: readonly Model[], drop?: string): Library {
  const replaced = new Set([...add.map((m) => m.id), ...(drop ? [drop] : [])]);
  return libraryOf([...loadLibrary(MODELS_DIR, siteModelsDir).models.filter((m) => !replaced.has(m.id)), ...add]);
}

/** Refuses the change when the site policy would not load after it, saying what to change first. */
function keepPolicyLoadable(policy: PublishDeps['policy'], library: Library, change: string): void {
  if (!policy) return;
  try {
    policy.checkAgainst(library);
  } catch (e) {
    if (!(e instanceof InvalidPolicy)) throw e;
    throw new PublishRefused(
      `${change} would leave the site policy unable to load at the next start (${e.message}); change the policy first 请先修改站点策略`,
    );
  }
}

export interface PublishRequest {
  /** The whole `.cypher` text, header included; its `revision:` is replaced by the next one. */
  source: string;
  /** The fixtures file's text to publish beside it; unset: the fixtures beside the current revision, if any. */
  fixtures?: string;
  /** Who publishes (a user name, `os:<login>` for a command, `import:<package>`). */
  by: string;
  /** Why: shown in the audit trail and the revision history. */
  reason: string;
  /** The revision to publish as when it is past the current one (an imported model keeps its package's). */
  revision?: number;
  /** How the audit trail names it (default `model.publish`). */
  action?: 'model.publish' | 'model.import';
}

export interface Published {
  id: string;
  revision: number;
  previousRevision: number | null;
  /** The written file, relative to the repository root when inside it. */
  file: string;
  /** Unified diff from the previous revision's file ('' for a first revision). */
  diff: string;
  fixtures: CaseResult[];
}

const revisionsDir = (siteModelsDir: string, id: string) => path.join(siteModelsDir, '.revisions', id);
const rel = (file: string) => (file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file);

/** The text of one published or shipped revision, when it is kept. */
export function revisionText(siteModelsDir: string, id: string, revision: number): string | undefined {
  const file = path.join(revisionsDir(siteModelsDir, id), `r${revision}.cypher`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Sets the header's `revision:` line; the rest of the text stays as the analyst wrote it. */
export function withRevision(source: string, revision: number): string {
  const out = source.replace(/^(\s*\/\/\s*revision:\s*)\d+/m, `$1${revision}`);
  if (out === source && !new RegExp(`^\\s*//\\s*revision:\\s*${revision}\\b`, 'm').test(source))
    throw new PublishRefused('the header has no `revision:` line to move');
  return out;
}

function fixturesFor(deps: PublishDeps, req: PublishRequest, current: Model | undefined, id: string): Fixtures | undefined {
  const name = `${id}.fixtures.yaml`;
  if (req.fixtures !== undefined) return parseFixtures(req.fixtures, name, deps.schema);
  if (!current) return undefined;
  const file = fixturesFileOf(path.resolve(ROOT, current.file));
  return existsSync(file) ? parseFixtures(readFileSync(file, 'utf8'), rel(file), deps.schema) : undefined;
}

/** A scratch database opened on first use and shared by every model of one publish (starting one costs 10-40 s). */
function lazyScratch(open: FixtureDatabase) {
  let opened: Promise<{ db: Executor; close(): Promise<void> }> | undefined;
  return {
    db: async () => (await (opened ??= open())).db,
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

const idOf = (source: string): string => {
  try {
    return parseSource(source).id;
  } catch {
    return '';
  }
};

/** A model that passed every check and may be written: nothing of it is on disk yet. */
interface Checked {
  req: PublishRequest;
  model: Model;
  text: string;
  revision: number;
  current: Model | undefined;
  fixtures: Fixtures | undefined;
  results: CaseResult[];
}

async function checkOne(deps: PublishDeps, req: PublishRequest, scratch: () => Promise<Executor>): Promise<Checked> {
  if (!req.reason.trim()) throw new PublishRefused('a publish needs a reason (it goes into the audit trail)');
  let parsed: Model;
  try {
    parsed = parseSource(req.source);
  } catch (e) {
    if (e instanceof InvalidModel) throw new PublishRefused(e.message);
    throw e;
  }
  const current = deps.library.get(parsed.id);
  const revision = Math.max((current?.revision ?? 0) + 1, req.revision ?? 0);
  const text = withRevision(req.source, revision);
  const checked = await validateSource(deps.db, text);
  if (!checked.model || checked.problems.length) throw new PublishRefused(checked.problems.map((p) => p.message).join('; '));
  const model = checked.model;
  let fixtures: Fixtures | undefined;
  try {
    fixtures = fixturesFor(deps, req, current, model.id);
  } catch (e) {
    throw new PublishRefused((e as Error).message);
  }
  if (fixtures && fixtures.model !== model.id) throw new PublishRefused(`the fixtures are for ${fixtures.model}, not ${model.id}`);
  const results = fixtures ? await runFixtures(await scratch(), model, fixtures, deps.schema) : [];
  const failed = describeFailures(results);
  if (failed) throw new PublishRefused(`the model's fixtures fail, so it is not published:\n${failed}`);
  return { req, model, text, revision, current, fixtures, results };
}

/** Writes one checked model into the site folder with its kept revision and fixtures; the library is not reloaded. */
function writeOne(deps: PublishDeps, c: Checked): Published {
  const { model, text, revision, current, fixtures, req } = c;
  const dir = path.join(deps.siteModelsDir, model.domain);
  const file = path.join(dir, `${model.id.slice(model.domain.length + 1) || model.id}.cypher`);
  mkdirSync(dir, { recursive: true });
  const history = revisionsDir(deps.siteModelsDir, model.id);
  mkdirSync(history, { recursive: true });
  // The revision replaced is kept too (a shipped one never was), so every diff has both sides.
  const previous = current ? readFileSync(path.resolve(ROOT, current.file), 'utf8') : '';
  if (current && !revisionText(deps.siteModelsDir, model.id, current.revision))
    writeFileSync(path.join(history, `r${current.revision}.cypher`), previous);
  writeFileSync(file, text);
  writeFileSync(path.join(history, `r${revision}.cypher`), text);
  if (req.fixtures !== undefined) writeFileSync(fixturesFileOf(file), req.fixtures);
  else if (fixtures && path.resolve(ROOT, fixtures.file) !== fixturesFileOf(file))
    writeFileSync(fixturesFileOf(file), readFileSync(path.resolve(ROOT, fixtures.file), 'utf8'));
  const retired = readRetired(deps.siteModelsDir);
  if (retired.some((r) => r.id === model.id))
    writeRetired(
      deps.siteModelsDir,
      retired.filter((r) => r.id !== model.id),
    );
  return {
    id: model.id,
    revision,
    previousRevision: current?.revision ?? null,
    file: rel(file),
    diff: current ? createTwoFilesPatch(`${model.id} r${current.revision}`, `${model.id} r${revision}`, previous, text) : '',
    fixtures: c.results,
  };
}

/**
 * Publishes several models as one: every one is checked and its fixtures run (in one scratch database)
 * before any is written, so a refusal of one leaves the site as it was; then all are written, the library
 * is reloaded once and each publish is recorded. A model package import comes this way.
 */
export async function publishModels(deps: PublishDeps, reqs: PublishRequest[]): Promise<Published[]> {
  const ids = reqs.map((r) => idOf(r.source));
  const twice = ids.filter((id, i) => id && ids.indexOf(id) !== i);
  if (twice.length) throw new PublishRefused(`model(s) published twice in one go: ${[...new Set(twice)].join(', ')}`);
  const scratch = lazyScratch(deps.fixtureDb);
  const checked: Checked[] = [];
  const problems: string[] = [];
  try {
    for (const req of reqs) {
      try {
        checked.push(await checkOne(deps, req, scratch.db));
      } catch (e) {
        if (!(e instanceof PublishRefused) || reqs.length === 1) throw e;
        problems.push(`${idOf(req.source) || 'a model'}: ${e.message}`);
      }
    }
  } finally {
    await scratch.close();
  }
  if (problems.length) throw new PublishRefused(`nothing was published, because:\n${problems.join('\n')}`);
  keepPolicyLoadable(
    deps.policy,
    nextLibrary(
      deps.siteModelsDir,
      checked.map((c) => c.model),
    ),
    `publishing ${checked.map((c) => c.model.id).join(', ')}`,
  );
  const published = checked.map((c) => writeOne(deps, c));
  await deps.library.reload();
  for (const c of checked)
    await deps.record({
      action: c.req.action ?? 'model.publish',
      target: `${c.model.id} r${c.revision}`,
      by: c.req.by,
      reason: c.req.reason,
    });
  return published;
}

export async function publishModel(deps: PublishDeps, req: PublishRequest): Promise<Published> {
  return (await publishModels(deps, [req]))[0]!;
}

/** Takes a model out of the library (shipped or site) until it is published again; recorded like a publish. */
export async function retireModel(
  deps: Omit<PublishDeps, 'fixtureDb' | 'schema' | 'db'>,
  id: string,
  by: string,
  reason: string,
): Promise<void> {
  if (!reason.trim()) throw new PublishRefused('retiring a model needs a reason (it goes into the audit trail)');
  const current = deps.library.get(id);
  if (!current) throw new PublishRefused(`no model ${id} in the library`);
  keepPolicyLoadable(deps.policy, nextLibrary(deps.siteModelsDir, [], id), `retiring ${id}`);
  mkdirSync(deps.siteModelsDir, { recursive: true });
  const list = readRetired(deps.siteModelsDir).filter((r) => r.id !== id);
  writeRetired(deps.siteModelsDir, [...list, { id, revision: current.revision, by, reason, at: new Date().toISOString() }]);
  await deps.library.reload();
  await deps.record({ action: 'model.retire', target: `${id} r${current.revision}`, by, reason });
}

/** Unified diff between two kept revisions of a model. */
export function revisionDiff(siteModelsDir: string, id: string, from: number, to: number): string {
  const a = revisionText(siteModelsDir, id, from);
  const b = revisionText(siteModelsDir, id, to);
  if (a === undefined || b === undefined) throw new PublishRefused(`revision ${a === undefined ? from : to} of ${id} is not kept`);
  return createTwoFilesPatch(`${id} r${from}`, `${id} r${to}`, a, b);
}
