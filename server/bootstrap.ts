// What happens between "Neo4j answers" and "the API listens": schema, model library, demo data on an
// empty database, and a first run of every model. Shared by `npm start` and the browser tests.
import type { Config } from './config.js';
import type { Executor } from './db/executor.js';
import { graphIsEmpty, loadDemo } from './demo.js';
import { checkModel } from './models/check.js';
import { loadLibrary, type Library, type Model } from './models/library.js';
import { runAll, type RunResult } from './models/runner.js';
import { applySchema } from './schema/apply.js';
import { loadGraphSchema, type GraphSchema } from './schema/graph-schema.js';

export interface Bootstrapped {
  graphSchema: GraphSchema;
  library: Library;
  demoLoaded: boolean;
  runs: RunResult[];
}

export async function bootstrap(db: Executor, cfg: Config, log: (m: string) => void): Promise<Bootstrapped> {
  const graphSchema = loadGraphSchema();
  const applied = await applySchema(db, graphSchema);
  log(applied.created ? `Schema: created ${applied.created} constraints and indexes.` : 'Schema: up to date.');

  const parsed = loadLibrary();
  // Refuse models the server cannot plan or that would write, before any of them runs.
  const accepted: Model[] = [];
  const refused = [...parsed.refused];
  for (const m of parsed.models) {
    try {
      await checkModel(db, m);
      accepted.push(m);
    } catch (e) {
      refused.push({ file: m.file, reason: (e as Error).message });
    }
  }
  for (const r of refused) log(`Model refused: ${r.reason}`);
  const library: Library = { models: accepted, refused, get: (id) => accepted.find((m) => m.id === id) };
  log(`Models: ${accepted.length} ready${refused.length ? `, ${refused.length} refused` : ''}.`);

  let demoLoaded = false;
  if (cfg.demo && (await graphIsEmpty(db))) {
    const demo = await loadDemo(db, cfg, graphSchema, log);
    log(`Demo county loaded: ${demo.rowsLoaded} of ${demo.rowsRead} rows from ${demo.files} files (${demo.rowsRejected} rejected: the demo plants broken rows, see var/rejects), ${(demo.ms / 1000).toFixed(1)} s.`);
    demoLoaded = true;
  }
  const runs = await runAll(db, library, {}, log);
  return { graphSchema, library, demoLoaded, runs };
}
