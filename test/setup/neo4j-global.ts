// Real Neo4j servers for the integration project (never a mock): one embedded server per worker, each in a
// home of its own, started side by side; or the one server named by HUIYAN_TEST_NEO4J_URI, whose files then
// run one after another. Each file takes its worker's server empty (test/support/db.ts).
import type { TestProject } from 'vitest/node';
import '../support/context.js';
import { openTestNeo4j } from '../support/neo4j.js';
import { EXTERNAL_TEST_NEO4J, TEST_WORKERS } from './workers.js';

export default async function setup(project: TestProject) {
  const count = EXTERNAL_TEST_NEO4J ? 1 : TEST_WORKERS;
  const suites = Array.from({ length: count }, (_, i) => (count === 1 ? project.name : `${project.name}-${i + 1}`));
  const opened = await Promise.allSettled(suites.map((s) => openTestNeo4j(s, (m) => console.log(`[neo4j:${s}] ${m}`))));
  const servers = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const closeAll = () => Promise.all(servers.map((s) => s.close())).then(() => undefined);
  const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) {
    // Never leave the servers that did start behind a setup that fails.
    await closeAll();
    throw failed.reason;
  }
  for (const [i, { handle }] of servers.entries()) {
    console.log(`[neo4j:${suites[i]}] ${handle.kind} Neo4j ${handle.version} ${handle.edition} at ${handle.uri} (${handle.startMs} ms)`);
  }
  project.provide(
    'neo4jPool',
    servers.map((s) => s.handle.connection),
  );
  return closeAll;
}
