// Integration tests share one database per run: each file takes it empty, with the schema applied.
import { inject } from 'vitest';
import { Executor } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import './context.js';

export function testExecutor(): Executor {
  return new Executor(inject('neo4j'));
}

export async function wipe(db: Executor): Promise<void> {
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** An empty graph with huiyan's constraints and indexes, and an Executor on it. */
export async function freshGraph(): Promise<Executor> {
  const db = testExecutor();
  await wipe(db);
  await applySchema(db, loadGraphSchema());
  return db;
}
