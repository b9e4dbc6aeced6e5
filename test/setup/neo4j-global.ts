// One real Neo4j per test project and run (never a mock): the embedded server in a home of its own, or
// the server named by HUIYAN_TEST_NEO4J_URI. Files of a project run one after another and each starts from
// an empty graph (test/support/db.ts).
import type { TestProject } from 'vitest/node';
import '../support/context.js';
import { openTestNeo4j } from '../support/neo4j.js';

export default async function setup(project: TestProject) {
  const { cfg, handle, close } = await openTestNeo4j(project.name, (m) => console.log(`[neo4j:${project.name}] ${m}`));
  console.log(`[neo4j:${project.name}] ${handle.kind} Neo4j ${handle.version} ${handle.edition} at ${handle.uri} (${handle.startMs} ms)`);
  project.provide('neo4j', handle.connection);
  project.provide('varDir', cfg.varDir);
  return close;
}
