// The demo county's feed registry (synth/feeds.yaml) and the two liberties the demo takes with it, so that
// the Data filing page and the inbox show what a late feed and a refused delivery look like. Every demo file
// is loaded at start, so every feed would be on time: the 死亡火化登记 delivery is dated back (demo only: a real
// load run's startedAt is when it was loaded). And the payroll is then delivered again as another payroll
// system exports it, its 工资月份 named 发薪月份: a real load of a real file, refused whole for the missing
// column, as a department's changed export is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import type { GraphSchema } from '../platform/schema/graph-schema.js';
import { loadFiles } from '../loaders/index.js';

export const DEMO_FEEDS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'feeds.yaml');

/** The registry `npm start` and `npm run load` read: HUIYAN_FEEDS, else the demo's while the demo is on. */
export const feedsFileOf = (cfg: Pick<Config, 'feedsFile' | 'demo'>): string | undefined =>
  cfg.feedsFile ?? (cfg.demo ? DEMO_FEEDS_FILE : undefined);

/** The source whose demo delivery is dated back, and by how many days: past any monthly due date. */
export const DEMO_LATE = { source: 'death', days: 70 };

export async function dateBackDemoDelivery(db: Executor, now: Date = new Date()): Promise<void> {
  const at = new Date(now.getTime() - DEMO_LATE.days * 86_400_000).toISOString();
  await db.write('MATCH (r:LoadRun {source: $source}) SET r.startedAt = $at', { source: DEMO_LATE.source, at });
}

/** The demo's second payroll delivery: the same file with one required header as another system names it. */
export const DEMO_REFUSED = { file: '财政供养人员工资.csv', header: '工资月份', as: '发薪月份' };

/**
 * Delivers the demo county's payroll again under DEMO_REFUSED's header, through the ordinary loaders: the
 * file is refused whole (MISSING_COLUMNS, naming the look-alike header) and kept as a refused run of the
 * payroll feed. Returns the refusal's reason.
 */
export async function refusedDemoDelivery(
  db: Executor,
  countyDir: string,
  opts: { schema: GraphSchema; rejectsDir: string; pseudonymKey?: string },
): Promise<string | undefined> {
  const dir = `${countyDir}-resubmitted`;
  mkdirSync(dir, { recursive: true });
  // The header's first appearance: no data row comes before it, and a title row above it does not name it.
  const text = readFileSync(path.join(countyDir, DEMO_REFUSED.file), 'utf8');
  writeFileSync(path.join(dir, DEMO_REFUSED.file), text.replace(DEMO_REFUSED.header, DEMO_REFUSED.as));
  const report = await loadFiles(db, [path.join(dir, DEMO_REFUSED.file)], opts);
  return report.skipped[0]?.reason;
}
