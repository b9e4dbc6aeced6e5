// One real Neo4j per test project and run (never a mock): the embedded server in a home of its own, or
// the server named by HUIYAN_TEST_NEO4J_URI. Files of a project run one after another and each starts from
// an empty graph (test/support/db.ts).
import type { TestProject } from 'vitest/node';
import { loadTestConfig } from '../../server/config.js';
import { openNeo4j, type Neo4jHandle } from '../../server/neo4j/runtime.js';
import '../support/context.js';

let handle: Neo4jHandle | undefined;

export default async function setup(project: TestProject) {
  const cfg = loadTestConfig(project.name);
  handle = await openNeo4j(cfg, (m) => console.log(`[neo4j:${project.name}] ${m}`));
  console.log(`[neo4j:${project.name}] ${handle.kind} Neo4j ${handle.version} ${handle.edition} at ${handle.uri} (${handle.startMs} ms)`);
  project.provide('neo4j', handle.connection);
  project.provide('varDir', cfg.varDir);
  return async () => {
    await handle?.close();
  };
}
