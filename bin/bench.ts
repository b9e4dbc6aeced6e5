// npm run bench -- load --persons <n> [--seed s] [--batch n] [--runs r] [--county dir] [--only online,loadcsv,offline,floor] [--keep] [--server-cores list]
// npm run bench -- models --persons <n> [--seed s] [--keep] [--reuse] [--model id[,id…]] [--profile] [--timeout s] [--county dir] [--concurrency n] [--warm-cache]
// npm run bench -- api --persons <n> [--seed s] [--clients 1,8] [--seconds s] [--reuse] [--only op,op] [--profile] [--server-cores list]
// npm run bench -- explorer [--sizes 1000/2000,5000/20000] [--layout-sizes 1000/2000] [--layout-in main,worker] [--seconds s] [--quality proof]
// Benchmarks print figures and ratios; tests never assert timings (docs/bench.md, docs/models.md "Speed").
import { parseArgs } from 'node:util';
import { BENCH_PATHS, benchLoad, type BenchPath } from '../bench/load/bench-load.js';
import { benchModels } from '../bench/models/bench-models.js';
import { benchApi } from '../bench/api/bench-api.js';
import { benchExplorer } from '../bench/explorer/bench-explorer.js';
import { benchReaders } from '../bench/readers/bench-readers.js';

const usage = [
  'usage: npm run bench -- load --persons <n> [--seed s] [--batch n] [--runs r] [--county dir] [--only online,loadcsv,offline,floor] [--keep] [--server-cores list]',
  '       npm run bench -- models --persons <n> [--seed s] [--keep] [--reuse] [--model id[,id…]] [--profile] [--timeout s] [--county dir] [--concurrency n] [--warm-cache]',
  "         (--concurrency: models at a time, default HUIYAN_MODEL_CONCURRENCY, else the database server's cores, as the server runs them)",
  '       npm run bench -- api --persons <n> [--seed s] [--clients 1,8] [--seconds s] [--reuse] [--only op,op] [--profile] [--server-cores list]',
  '       npm run bench -- explorer [--sizes 1000/2000,5000/20000] [--layout-sizes 1000/2000] [--layout-in main,worker] [--seconds s] [--quality draft|default|proof]',
  '       npm run bench -- readers [--county dir | --persons <n> [--seed s]] [--runs r]',
  '         (a department export in its other shapes beside its plain form: merged-range pass, .xls, a JSON document)',
].join('\n');

const isInt = (n: number) => Number.isInteger(n);
/** A comma-separated option as its non-empty items; undefined when not given. */
const listArg = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

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
      'server-cores': { type: 'string' },
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
    ...(values['server-cores'] !== undefined ? { serverCores: values['server-cores'] } : {}),
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
      county: { type: 'string' },
      concurrency: { type: 'string' },
      'warm-cache': { type: 'boolean', default: false },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const timeout = Number(values.timeout);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  // The generator's minimum is 400 persons (the demo size).
  if (
    !isInt(persons) ||
    persons < 400 ||
    !isInt(seed) ||
    !(timeout > 0) ||
    (concurrency !== undefined && (!isInt(concurrency) || concurrency < 1))
  ) {
    console.error(usage);
    return 2;
  }
  const wanted = listArg(values.model);
  // A reused home is kept again: --reuse implies --keep.
  await benchModels({
    persons,
    seed,
    keep: values.keep || values.reuse,
    reuse: values.reuse,
    profile: values.profile,
    timeoutMs: timeout * 1000,
    ...(concurrency ? { concurrency } : {}),
    warmCache: values['warm-cache'],
    ...(values.county ? { county: values.county } : {}),
    ...(wanted ? { models: wanted } : {}),
  });
  return 0;
}

async function api(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '7' },
      clients: { type: 'string', default: '1,8' },
      seconds: { type: 'string', default: '10' },
      reuse: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'server-cores': { type: 'string' },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const seconds = Number(values.seconds);
  const clients = values.clients.split(',').map((s) => Number(s.trim()));
  if (!isInt(persons) || persons < 400 || !isInt(seed) || !(seconds > 0) || !clients.every((c) => isInt(c) && c >= 1 && c <= 64)) {
    console.error(usage);
    return 2;
  }
  const only = listArg(values.only);
  await benchApi({
    persons,
    seed,
    clients,
    seconds,
    reuse: values.reuse,
    profile: values.profile,
    ...(only ? { only } : {}),
    ...(values['server-cores'] !== undefined ? { serverCores: values['server-cores'] } : {}),
  });
  return 0;
}

/** `1000/2000,5000/20000` as [[1000, 2000], [5000, 20000]]; undefined when malformed. */
function sizesArg(v: string): [number, number][] | undefined {
  const out = (listArg(v) ?? []).map((s) => s.split('/').map(Number));
  return out.every((p) => p.length === 2 && p.every((n) => isInt(n) && n > 0)) ? (out as [number, number][]) : undefined;
}

async function explorer(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000/2000,5000/20000' },
      'layout-sizes': { type: 'string', default: '1000/2000' },
      'layout-in': { type: 'string', default: 'main,worker' },
      seconds: { type: 'string', default: '4' },
      quality: { type: 'string', default: 'proof' },
    },
  });
  const sizes = sizesArg(values.sizes);
  const layoutSizes = sizesArg(values['layout-sizes']);
  const seconds = Number(values.seconds);
  const quality = values.quality;
  const layoutIn = listArg(values['layout-in']) ?? [];
  const where = { main: layoutIn.includes('main'), worker: layoutIn.includes('worker') };
  if (layoutIn.some((w) => w !== 'main' && w !== 'worker')) {
    console.error(usage);
    return 2;
  }
  if (!sizes || !layoutSizes || !(seconds > 0) || !(quality === 'draft' || quality === 'default' || quality === 'proof')) {
    console.error(usage);
    return 2;
  }
  await benchExplorer({ sizes, layoutSizes, layoutIn: where, seconds, quality });
  return 0;
}

async function readers(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      county: { type: 'string' },
      persons: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '7' },
      runs: { type: 'string', default: '3' },
    },
  });
  const [persons, seed, runs] = [Number(values.persons), Number(values.seed), Number(values.runs)];
  if (!isInt(persons) || persons <= 0 || !isInt(seed) || !(isInt(runs) && runs > 0)) {
    console.error(usage);
    return 2;
  }
  await benchReaders({ ...(values.county ? { county: values.county } : {}), persons, seed, runs });
  return 0;
}

async function main(): Promise<number> {
  const [what, ...rest] = process.argv.slice(2);
  if (what === 'load') return load(rest);
  if (what === 'models') return models(rest);
  if (what === 'api') return api(rest);
  if (what === 'explorer') return explorer(rest);
  if (what === 'readers') return readers(rest);
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
