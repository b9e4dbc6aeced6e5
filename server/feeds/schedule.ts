// When the feed checks run in the server: once after the first load and model runs at start, then on a
// fixed interval, since a feed turns overdue by the calendar alone, with no load to trigger anything.
// `npm run load` runs them itself after a load (bin/load.ts), so a delivery closes its alert at once.
import type { Executor } from '../../platform/db/executor.js';
import type { Feed } from '../../platform/feeds/registry.js';
import { checkFeeds, type FeedCheckResult } from './checks.js';

export const FEED_CHECK_EVERY_MS = 15 * 60_000;

const counts = (c: FeedCheckResult['overdue']) => `${c.new} new, ${c.kept} kept, ${c.gone} gone`;

/** One run of both checks, logged; a failure is logged and never thrown (the server keeps serving). */
export async function runFeedChecks(db: Executor, feeds: Feed[], log: (m: string) => void): Promise<FeedCheckResult | undefined> {
  try {
    const r = await checkFeeds(db, feeds);
    log(`feed checks over ${r.feeds} feeds: overdue ${counts(r.overdue)}; rejects ${counts(r.rejects)}`);
    return r;
  } catch (e) {
    log(`feed checks failed: ${(e as Error).message}`);
    return undefined;
  }
}

export function scheduleFeedChecks(
  db: Executor,
  feeds: Feed[],
  log: (m: string) => void,
  everyMs = FEED_CHECK_EVERY_MS,
  /** With several API servers, only the holder of the models lease checks (docs/deployment.md). */
  lease?: { readonly held: boolean },
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running || (lease && !lease.held)) return;
    running = true;
    void runFeedChecks(db, feeds, log).finally(() => (running = false));
  }, everyMs);
  // Like the model schedule: never the only thing keeping the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
