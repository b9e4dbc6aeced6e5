// Integration files run side by side, each on its worker's own server (test/setup/neo4j-global.ts), and
// each takes that server's database empty, with the schema applied.
import { inject } from 'vitest';
import { Executor, type Connection } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import './context.js';

/** The server of the worker running this file: VITEST_POOL_ID is unique among the files running now. */
export function testConnection(): Connection {
  const pool = inject('neo4jPool');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  // One server (an external one) serves every file, which then run one after another.
  const conn = pool.length === 1 ? pool[0] : pool[worker - 1];
  if (!conn) throw new Error(`no test Neo4j for worker ${worker} (${pool.length} started)`);
  return conn;
}

export function testExecutor(): Executor {
  return new Executor(testConnection());
}

export async function wipe(db: Executor): Promise<void> {
  // Relationships first, in batches: a batch of nodes that holds a hub (a programme paid monthly to every
  // pensioner of a county) would delete all of its relationships in one transaction, past the server's
  // transaction memory.
  await db.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
  await db.autoCommit('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** An empty graph with huiyan's constraints and indexes, and an Executor on it. */
export async function freshGraph(): Promise<Executor> {
  const db = testExecutor();
  await wipe(db);
  await applySchema(db, loadGraphSchema());
  return db;
}
