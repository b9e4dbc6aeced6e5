// One evaluation: generate a county, load it through the loaders, run every model, and score each model
// against the county's planted cases. Takes an Executor on an empty database.
import path from 'node:path';
import { generateCounty } from '../generate.js';
import { loadFiles } from '../../loaders/index.js';
import type { Executor } from '../../platform/db/executor.js';
import { loadLibrary } from '../../server/models/library.js';
import { runModel } from '../../server/models/runner.js';
import { alertFacts } from '../../server/alerts/queries.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import { evalCases } from './cases.js';
import { scoreModel, type ModelScore } from './compare.js';

export interface EvalReport {
  persons: number;
  seed: number;
  generateMs: number;
  loadMs: number;
  rowsLoaded: number;
  scores: ModelScore[];
}

export async function evaluate(
  db: Executor,
  opts: { persons: number; seed: number; outDir: string; log?: (m: string) => void },
): Promise<EvalReport> {
  const log = opts.log ?? (() => {});
  const schema = loadGraphSchema();
  await applySchema(db, schema);
  let t = Date.now();
  const { files, truth } = await generateCounty({ persons: opts.persons, seed: opts.seed, outDir: opts.outDir });
  const generateMs = Date.now() - t;
  log(`generated ${files.length} files in ${generateMs} ms; loading…`);
  t = Date.now();
  const report = await loadFiles(db, files, { schema, rejectsDir: path.join(opts.outDir, 'rejects') });
  const loadMs = Date.now() - t;
  const rowsLoaded = report.files.reduce((s, f) => s + f.rowsLoaded, 0);
  log(`loaded ${rowsLoaded} rows in ${loadMs} ms; running models…`);

  const cases = evalCases(truth);
  const library = loadLibrary();
  const scores: ModelScore[] = [];
  const byCatalog = new Map(library.models.filter((m) => m.catalog).map((m) => [m.catalog!, m]));
  const codes = [...new Set([...cases.map((c) => c.model), ...byCatalog.keys()])].sort();
  for (const code of codes) {
    const model = byCatalog.get(code);
    if (!model) {
      scores.push(scoreModel(code, null, cases, [], null, 'no model in the library implements this catalog pattern yet'));
      continue;
    }
    const run = await runModel(db, model);
    const alerts = await alertFacts(db, model.id);
    scores.push(scoreModel(code, model.id, cases, alerts, run.durationMs, run.error));
    log(`${code} ${model.id}: ${alerts.length} alerts in ${run.durationMs} ms`);
  }
  return { persons: opts.persons, seed: opts.seed, generateMs, loadMs, rowsLoaded, scores };
}
