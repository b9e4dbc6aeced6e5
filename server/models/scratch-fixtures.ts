// The database fixture runs get outside tests: a scratch embedded Neo4j started for the run (its own home
// under var/scratch, a free port, deleted afterwards), with huiyan's schema applied. Neo4j Community has one
// database, so fixtures can never be seeded beside the live graph; a label prefix would not isolate them
// either (a model's MATCH (p:Person) does not know the prefix). Starting one costs 10-40 s, paid per publish.
import { openScratchNeo4j } from '../../platform/neo4j/scratch.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import type { FixtureDatabase } from './publish.js';

export function scratchFixtureDb(log: (m: string) => void): FixtureDatabase {
  return async () => {
    const scratch = await openScratchNeo4j('fixtures', log, { heap: '512m', pageCache: '64m' });
    try {
      await applySchema(scratch.handle.executor, loadGraphSchema());
    } catch (e) {
      await scratch.close();
      throw e;
    }
    return { db: scratch.handle.executor, close: () => scratch.close() };
  };
}
