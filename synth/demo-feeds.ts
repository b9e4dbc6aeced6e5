// The demo county's feed registry (synth/feeds.yaml) and the one liberty the demo takes with it: every
// demo file is loaded at start, so every feed would be on time; the 死亡火化登记 delivery is dated back so
// the Data filing page and the inbox show what an overdue feed looks like. Demo only: a real load run's
// startedAt is when it was loaded.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';

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
