// npm run bench -- load --persons <n> [--seed s] [--batch n] [--only online,loadcsv,offline] [--keep]
// Benchmarks print figures and ratios; tests never assert timings (docs/bench.md).
import { parseArgs } from 'node:util';
import { benchLoad } from './load/bench-load.js';

const usage = 'usage: npm run bench -- load --persons <n> [--seed s] [--batch n] [--only online,loadcsv,offline] [--keep]';

async function main(): Promise<number> {
  const [what, ...rest] = process.argv.slice(2);
  if (what !== 'load') {
    console.error(usage);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      persons: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '7' },
      batch: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined;
  if (!Number.isInteger(persons) || !Number.isInteger(seed) || (batch !== undefined && !(Number.isInteger(batch) && batch > 0)) || [...(only ?? [])].some((x) => !['online', 'loadcsv', 'offline'].includes(x))) {
    console.error(usage);
    return 2;
  }
  await benchLoad({ persons, seed, keep: values.keep, ...(batch ? { batchSize: batch } : {}), ...(only ? { only: only as Set<'online' | 'loadcsv' | 'offline'> } : {}) });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
