// What happens between "Neo4j answers" and "the API listens": schema, model library, seed data (the
// entry point hands in the demo county's seeder; the server itself knows nothing of it), and a first run
// of every model. Shared by `npm start` and the browser tests.
import type { Executor } from '../platform/db/executor.js';
import { loadLibrary, MODELS_DIR, siteModelsDir, type Library } from './models/library.js';
import { checkedLibrary } from './models/live-library.js';
import { runAll, type RunResult } from './models/runner.js';
import { modelConcurrency } from './models/concurrency.js';
import { applySchema } from '../platform/schema/apply.js';
import { applyAccessSchema } from './access/store-schema.js';
import { fillAnchors } from './alerts/anchors.js';
import { StartupProgress } from './startup-progress.js';
import { SitePolicy } from './models/policy.js';
import { loadSitePolicy, type SiteFolders } from './models/site-policy.js';
import { loadGraphSchema, type GraphSchema } from '../platform/schema/graph-schema.js';

export interface Bootstrapped extends Prepared {
  demoLoaded: boolean;
  runs: RunResult[];
}

/** Loads data before the first model run; returns whether it loaded anything (an empty database only, say). */
export type Seeder = (db: Executor, schema: GraphSchema, log: (m: string) => void) => Promise<boolean>;

/** Everything before the first model run and all of it, in one call (the browser suite's setup); the library checked. */
export async function bootstrap(
  db: Executor,
  log: (m: string) => void,
  opts: { seed?: Seeder; site?: SiteFolders } = {},
): Promise<Bootstrapped> {
  const prepared = await prepare(db, log, opts.site);
  const { demoLoaded, runs, library } = await firstRuns(db, prepared, log, opts);
  return { ...prepared, library, demoLoaded, runs };
}

export interface Prepared {
  graphSchema: GraphSchema;
  library: Library;
  /** The site's parameter values and nightly run time (siteDir/policy.yaml); none without a site folder. */
  policy: SitePolicy;
}

/**
 * What the API needs before it may answer: the schema applied, the model library (shipped and the site's
 * own, siteDir/models) read and the site policy loaded (a bad policy throws InvalidPolicy: the server
 * does not start on it). The library is checked against the database (an EXPLAIN each: a model the server
 * cannot plan or that would write is refused) by firstRuns, behind a serving API: on a fresh JVM planning
 * 35 models took 21 s of a 36 s start on this machine, and a run checks its model again before it reads.
 */
export async function prepare(db: Executor, log: (m: string) => void, site?: SiteFolders): Promise<Prepared> {
  const graphSchema = loadGraphSchema();
  const applied = await applySchema(db, graphSchema);
  log(applied.created ? `Schema: created ${applied.created} constraints and indexes.` : 'Schema: up to date.');
  await applyAccessSchema(db);
  const anchored = await fillAnchors(db);
  if (anchored) log(`Alerts: stored the units of ${anchored} alerts written before runs stored them.`);

  const library = loadLibrary(MODELS_DIR, site ? siteModelsDir(site.siteDir) : undefined);
  // Checked against every model that parses, so a model refused by the database later does not make a
  // policy that names it unloadable.
  const policy = site ? await loadSitePolicy(site, library, log) : SitePolicy.none();
  return { graphSchema, library, policy };
}

/**
 * The demo county into an empty database, the library checked against the database, then one run of every
 * model, telling `progress` as it goes: `npm start` does this after the API answers. `check` is how the
 * library is checked (the server's reloads its live library, which the catalog and the runner read); the
 * checked library is what runs.
 */
export async function firstRuns(
  db: Executor,
  { graphSchema, library: read, policy }: Prepared,
  log: (m: string) => void,
  opts: { seed?: Seeder; progress?: StartupProgress; lease?: { readonly held: boolean }; check?: (read: Library) => Promise<Library> } = {},
): Promise<{ demoLoaded: boolean; runs: RunResult[]; library: Library }> {
  const progress = opts.progress ?? new StartupProgress();
  try {
    progress.seeding();
    const demoLoaded = opts.seed ? await opts.seed(db, graphSchema, log) : false;
    progress.checking();
    const library = await (opts.check ?? ((l: Library) => checkedLibrary(db, l)))(read);
    for (const r of library.refused) log(`Model refused: ${r.reason}`);
    log(`Models: ${library.models.length} ready${library.refused.length ? `, ${library.refused.length} refused` : ''}.`);
    // Another API server on the same database holds the models lease: it runs them, this one only serves.
    if (opts.lease && !opts.lease.held) {
      log('Another huiyan server holds the models lease and runs the models; this one serves the API only.');
      progress.ready();
      return { demoLoaded, runs: [], library };
    }
    progress.models(library.models.length);
    const concurrency = await modelConcurrency(db);
    if (concurrency > 1) log(`Running ${library.models.length} models, ${concurrency} at a time (HUIYAN_MODEL_CONCURRENCY)`);
    const runs = await runAll(db, library, { policy, concurrency }, log, {
      before: (m) => progress.running(m.id),
      after: (r) => progress.ran(r.modelId),
    });
    progress.ready();
    return { demoLoaded, runs, library };
  } catch (e) {
    progress.failed((e as Error).message);
    throw e;
  }
}
