// Tests organised by what they need: pure units; integration against real Neo4j servers (one per worker);
// the synthetic county at full size; the browser suite against the built explorer served by the real
// server on a Neo4j of its own. Everything but the browser suite shares one group of workers.
import { defineConfig } from 'vitest/config';
import { EXTERNAL_TEST_NEO4J, TEST_WORKERS } from './test/setup/workers.js';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads its pass/fail totals from.
    reporters: ['default', ['json', { outputFile: 'var/test-results.json' }]],
    // The same number the integration setup starts servers for, so every VITEST_POOL_ID has its own.
    maxWorkers: TEST_WORKERS,
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['test/setup/temp-global.ts'],
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Files share a worker's module cache instead of importing everything again for each file: no
          // test file keeps state in a module, and on two cores the re-imports were the suite's largest
          // waste (340 s before, 251 s after: docs/testing.md).
          isolate: false,
          // Some units do real work (the generator's brute-force checks over several counties); on a busy
          // 2-core machine they pass Vitest's 5 s default, which would make the suite fail for the load.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // The synthetic county at full size (20,000 persons): minutes of CPU that a quick
          // `npm run test:unit` should not wait for.
          name: 'county',
          globalSetup: ['test/setup/temp-global.ts'],
          include: ['test/county/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/int/**/*.int.test.ts'],
          environment: 'node',
          // As for units: each file builds its own Executor and graph, nothing rides on module state.
          isolate: false,
          globalSetup: ['test/setup/temp-global.ts', 'test/setup/neo4j-global.ts'],
          // Each worker has a Neo4j of its own (test/support/db.ts); one external server means one at a time.
          fileParallelism: !EXTERNAL_TEST_NEO4J,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/temp-global.ts', 'test/setup/server-global.ts'],
          // The three files triage alerts on one served county, so they run one after another, after the rest.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
