// Tests organised by what they need: pure units; integration against real Neo4j servers (one per worker);
// the synthetic county at full size; the browser suite against the built explorer served by the real
// server on a Neo4j of its own. Everything but the browser suite runs side by side in one group.
import { defineConfig } from 'vitest/config';
import { EXTERNAL_TEST_NEO4J, TEST_WORKERS } from './test/setup/workers.js';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads its pass/fail totals from.
    reporters: ['default', ['json', { outputFile: 'var/test-results.json' }]],
    // Vitest's default on a 2-core machine is one worker, which ran the whole suite file by file.
    maxWorkers: TEST_WORKERS,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
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
          globalSetup: ['test/setup/neo4j-global.ts'],
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
          globalSetup: ['test/setup/server-global.ts'],
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
