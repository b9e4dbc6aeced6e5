// npm run bench -- load --persons <n> [--seed s] [--batch n] [--runs r] [--county dir] [--only online,loadcsv,offline,floor] [--keep]
// npm run bench -- models --persons <n> [--seed s] [--keep] [--reuse] [--model id[,id…]] [--profile] [--timeout s]
// Benchmarks print figures and ratios; tests never assert timings (docs/bench.md, docs/models.md "Speed").
import { parseArgs } from 'node:util';
import { BENCH_PATHS, benchLoad, type BenchPath } from '../bench/load/bench-load.js';
import { benchModels } from '../bench/models/bench-models.js';

const usage = [
  'usage: npm run bench -- load --persons <n> [--seed s] [--batch n] [--runs r] [--county dir] [--only online,loadcsv,offline,floor] [--keep]',
  '       npm run bench -- models --persons <n> [--seed s] [--keep] [--reuse] [--model id[,id…]] [--profile] [--timeout s]',
].join('\n');

const isInt = (n: number) => Number.isInteger(n);

async function load(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '7' },
      batch: { type: 'string' },
      runs: { type: 'string', default: '3' },
      county: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  const runs = Number(values.runs);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined;
  if (
    !isInt(persons) ||
    !isInt(seed) ||
    (batch !== undefined && !(isInt(batch) && batch > 0)) ||
    !(isInt(runs) && runs > 0) ||
    [...(only ?? [])].some((x) => !(BENCH_PATHS as readonly string[]).includes(x))
  ) {
    console.error(usage);
    return 2;
  }
  await benchLoad({
    persons,
    seed,
    keep: values.keep,
    runs,
    ...(values.county ? { county: values.county } : {}),
    ...(batch ? { batchSize: batch } : {}),
    ...(only ? { only: only as Set<BenchPath> } : {}),
  });
  return 0;
}

async function models(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '7' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      model: { type: 'string' },
      profile: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600' },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const timeout = Number(values.timeout);
  // The generator's minimum is 400 persons (the demo size).
  if (!isInt(persons) || persons < 400 || !isInt(seed) || !(timeout > 0)) {
    console.error(usage);
    return 2;
  }
  const wanted = values.model
    ? values.model
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  // A reused home is kept again: --reuse implies --keep.
  await benchModels({
    persons,
    seed,
    keep: values.keep || values.reuse,
    reuse: values.reuse,
    profile: values.profile,
    timeoutMs: timeout * 1000,
    ...(wanted ? { models: wanted } : {}),
  });
  return 0;
}

async function main(): Promise<number> {
  const [what, ...rest] = process.argv.slice(2);
  if (what === 'load') return load(rest);
  if (what === 'models') return models(rest);
  console.error(usage);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
