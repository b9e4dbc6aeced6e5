// Reads after writes across processes on a cluster. Inside one process the Executor's bookmark manager
// already makes every read wait for that process's writes. But `npm run load`, `npm run models` and the
// API server that holds the model lease write from other processes than the API servers that read: each
// writer publishes its bookmarks in the database when its work is done, and every API server follows them
// (read from the leader, which has every commit), so a read routed to a follower waits until that
// follower has the writes. On a single server (bolt://, the embedded one) none of this is needed, and
// none of it runs.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Executor } from './executor.js';

/** A routing URI (neo4j://, neo4j+s://, neo4j+ssc://) means a cluster, whose reads may go to followers. */
export function routesToCluster(uri: string): boolean {
  return /^neo4j(\+s|\+ssc)?:\/\//i.test(uri);
}

/** A name unique to this process among the servers and CLIs on one database. */
export function instanceName(role: string): string {
  return `${role}@${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

// One node per writer; kept a day, which is far longer than any follower lags.
const PUBLISH = `
MERGE (b:HyBookmarks {writer: $writer})
SET b.values = $values, b.at = datetime()
WITH b
MATCH (old:HyBookmarks) WHERE old.at < datetime() - duration('P1D')
DELETE old`;

const FOLLOW = 'MATCH (b:HyBookmarks) WHERE b.at >= datetime($since) RETURN b.values AS values, toString(b.at) AS at';

/** After a writer's work: its bookmarks, for the API servers to wait for. */
export async function publishBookmarks(db: Executor, writer: string): Promise<string[]> {
  const values = await db.bookmarks();
  if (values.length > 0) await db.write(PUBLISH, { writer, values });
  return values;
}

export interface Follower {
  /** One poll now; resolves to the number of writers whose bookmarks were new. */
  poll(): Promise<number>;
  stop(): void;
}

/** Polls the published bookmarks every `intervalMs` and makes this process's reads wait for them. */
export function followBookmarks(db: Executor, intervalMs: number, log: (m: string) => void = () => {}): Follower {
  // From the epoch at first: a writer that published before this server started still counts.
  let since = '1970-01-01T00:00:00Z';
  let failing = false;
  const poll = async (): Promise<number> => {
    // Routed to the leader (a write transaction that only reads), which has every committed bookmark node.
    const { rows } = await db.write<{ values: string[]; at: string }>(FOLLOW, { since });
    for (const r of rows) {
      await db.learnBookmarks(r.values);
      if (r.at > since) since = r.at;
    }
    return rows.length;
  };
  const timer = setInterval(() => {
    poll().then(
      () => {
        if (failing) log('bookmarks: following again');
        failing = false;
      },
      (e: unknown) => {
        if (!failing) log(`bookmarks: cannot read the published bookmarks (${(e as Error).message}); reads may lag until it can`);
        failing = true;
      },
    );
  }, intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}

/** For a CLI that wrote (a load, a model run): on a cluster, publish its bookmarks before it closes. */
export async function publishOnCluster(db: Executor, uri: string, role: string): Promise<void> {
  if (routesToCluster(uri)) await publishBookmarks(db, instanceName(role));
}
