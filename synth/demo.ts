// The synthetic demo county: generated into var/demo from a fixed seed and loaded through the ordinary
// loaders, on an empty database only, so a restart reuses what is there.
import path from 'node:path';
import { generateCounty } from './generate.js';
import { dateBackDemoDelivery, DEMO_REFUSED, refusedDemoDelivery } from './demo-feeds.js';
import { loadFiles } from '../loaders/index.js';
import type { Config } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import type { GraphSchema } from '../platform/schema/graph-schema.js';

export async function graphIsEmpty(db: Executor): Promise<boolean> {
  const { rows } = await db.read<{ n: number }>('MATCH (n:Entity) WITH n LIMIT 1 RETURN count(n) AS n');
  return (rows[0]?.n ?? 0) === 0;
}

export interface DemoResult {
  files: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  ms: number;
  /** The folder the county's files were generated into. */
  dir: string;
}

/** The demo seeder `bootstrap` takes: generates and loads the county into an empty database only. */
export const demoSeeder =
  (cfg: Config) =>
  async (db: Executor, schema: GraphSchema, log: (m: string) => void): Promise<boolean> => {
    if (!(await graphIsEmpty(db))) return false;
    const demo = await loadDemo(db, cfg, schema, log);
    await dateBackDemoDelivery(db);
    const refused = await refusedDemoDelivery(db, demo.dir, {
      schema,
      rejectsDir: path.join(cfg.varDir, 'rejects'),
      pseudonymKey: cfg.pseudonymKey,
    });
    if (refused)
      log(
        `Demo: the payroll delivered again with ${DEMO_REFUSED.as} for ${DEMO_REFUSED.header}, as another system exports it, and refused whole (数据备案 shows it): ${refused}`,
      );
    log(
      `Demo county loaded: ${demo.rowsLoaded} of ${demo.rowsRead} rows from ${demo.files} files (${demo.rowsRejected} rejected: the demo plants broken rows, see var/rejects), ${(demo.ms / 1000).toFixed(1)} s.`,
    );
    return true;
  };

export async function loadDemo(db: Executor, cfg: Config, schema: GraphSchema, log: (m: string) => void): Promise<DemoResult> {
  const t0 = Date.now();
  const outDir = path.join(cfg.varDir, 'demo', `county-${cfg.demoPersons}-${cfg.demoSeed}`);
  log(`Generating the synthetic demo county (${cfg.demoPersons} persons, seed ${cfg.demoSeed}) into ${outDir}…`);
  const { files } = await generateCounty({ persons: cfg.demoPersons, seed: cfg.demoSeed, outDir });
  log(`Loading ${files.length} department files through the loaders…`);
  const report = await loadFiles(db, files, {
    schema,
    rejectsDir: path.join(cfg.varDir, 'rejects'),
    pseudonymKey: cfg.pseudonymKey,
  });
  const sum = (k: 'rowsRead' | 'rowsLoaded' | 'rowsRejected') => report.files.reduce((s, f) => s + f[k], 0);
  return {
    files: report.files.length,
    rowsRead: sum('rowsRead'),
    rowsLoaded: sum('rowsLoaded'),
    rowsRejected: sum('rowsRejected'),
    ms: Date.now() - t0,
    dir: outDir,
  };
}
