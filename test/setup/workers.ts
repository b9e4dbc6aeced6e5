// How many test files run at once, and so how many Neo4j servers the integration project starts: one per
// worker, because Community Neo4j has one user database and every integration file wipes it. Vitest gives
// each running file a VITEST_POOL_ID from 1 to this number, unique among the files running at that moment,
// and test/support/db.ts picks the server by it. The default is one worker per two cores: on this 2-core
// machine a second worker and its JVM cost more CPU than they saved (docs/testing.md has the figures).
import os from 'node:os';

export const TEST_WORKERS = Math.max(1, Number(process.env.HUIYAN_TEST_WORKERS) || Math.floor(os.availableParallelism() / 2));

/** An external test server is one database: its files must run one after another. */
export const EXTERNAL_TEST_NEO4J = Boolean(process.env.HUIYAN_TEST_NEO4J_URI);
