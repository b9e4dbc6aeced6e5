// Tests organised by what they need: pure units; integration against one real Neo4j per run; the
// browser suite against the built explorer served by the real server on that Neo4j.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads its pass/fail totals from.
    reporters: ['default', ['json', { outputFile: 'var/test-results.json' }]],
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
          name: 'integration',
          include: ['test/int/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/neo4j-global.ts'],
          // One Neo4j, one database: files run one after another and each starts from an empty graph.
          fileParallelism: false,
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
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
