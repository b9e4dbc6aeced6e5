// npm run bench -- load --persons N [--seed S] [--runs R]: the same generated county through (a) huiyan's
// online loaders, (b) Neo4j's LOAD CSV of the same normalised rows, (c) the bulk path (offline importer),
// and (d) the floor: as many nodes and relationships created with plain CREATE (floor.ts). Each path runs R
// times (default 3), each time into a fresh embedded server on its own home under var/bench, in an order
// that rotates from one round to the next, so drift in the machine's load hits every path alike. Printed:
// every run, the medians, the online / LOAD CSV ratio per round and of the medians (summary.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCounty } from '../../synth/generate.js';
import { loadMappings } from '../../loaders/core/mapping/registry.js';
import { ROOT, loadConfig, type EmbeddedNeo4j } from '../../platform/config.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import {
  prepareLoadCsv,
  runFloorPath,
  runLoadCsvPath,
  runOffline,
  runOnline,
  type BenchInput,
  type PathResult,
  type Timed,
} from './paths.js';
import { corePin } from './bench-server.js';
import { printLoadBench, summarise } from './summary.js';

export const BENCH_PATHS = ['online', 'loadcsv', 'offline', 'floor'] as const;
export type BenchPath = (typeof BENCH_PATHS)[number];

export interface LoadBenchOptions {
  persons: number;
  seed: number;
  batchSize?: number;
  keep: boolean;
  only?: Set<BenchPath>;
  /** Runs of each path; default 3. */
  runs?: number;
  /**
   * A folder for the county, kept after the benchmark: generated there unless it already holds a county of
   * the same persons and seed (its truth.json), which is then loaded again without generating it anew.
   */
  county?: string;
  /**
   * Cores for every run's server (taskset's list), the loading process on the others: what the online path
   * would do where its own work could not take the server's CPU. Not with the offline path, whose importer
   * and reading are the loading process's own.
   */
  serverCores?: string;
}

/** Source rows per file of a county generated earlier with these persons and seed, or undefined. */
function earlierCounty(dir: string, persons: number, seed: number): Record<string, number> | undefined {
  const file = path.join(dir, 'truth.json');
  if (!existsSync(file)) return undefined;
  const t = JSON.parse(readFileSync(file, 'utf8')) as { options?: { persons?: number; seed?: number }; files: Record<string, number> };
  return t.options?.persons === persons && t.options.seed === seed ? t.files : undefined;
}

const RUNNERS: Record<BenchPath, (b: BenchInput, run: number) => Promise<Timed>> = {
  online: runOnline,
  loadcsv: runLoadCsvPath,
  offline: runOffline,
  floor: runFloorPath,
};

const log = (m: string) => console.log(`[bench] ${m}`);
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** Round r runs the paths starting at the r-th: online first in round 1, LOAD CSV first in round 2, … */
export function roundOrder<T>(paths: readonly T[], round: number): T[] {
  const k = round % Math.max(paths.length, 1);
  return [...paths.slice(k), ...paths.slice(0, k)];
}

export async function benchLoad(o: LoadBenchOptions): Promise<Record<string, unknown>> {
  const started = new Date();
  const base = path.join(ROOT, 'var', 'bench');
  const work = path.join(base, `load-${o.persons}-${o.seed}-${process.pid}`);
  const county = o.county ? path.resolve(o.county) : path.join(work, 'county');
  const schema = loadGraphSchema();
  const mappings = loadMappings({ schema });
  const paths = BENCH_PATHS.filter((p) => !o.only || o.only.has(p));
  const runs = o.runs ?? 3;
  if (o.serverCores !== undefined && paths.includes('offline'))
    throw new Error('--server-cores applies to the online, LOAD CSV and floor runs: add --only online,loadcsv,floor');
  // Every start of a server (startBenchServer, here and in the online runs' processes) leaves the process that
  // started it on the other cores.
  const pin = o.serverCores === undefined ? undefined : corePin(o.serverCores);
  const results: Record<BenchPath, PathResult[]> = { online: [], loadcsv: [], offline: [], floor: [] };

  try {
    let t = Date.now();
    let files = o.county ? earlierCounty(county, o.persons, o.seed) : undefined;
    if (files) log(`loading the county generated earlier in ${county}`);
    else {
      // Never clears a folder it was given: one holding anything but an earlier county is refused.
      if (o.county && existsSync(county) && readdirSync(county).length)
        throw new Error(`${county} holds files but no county of ${o.persons} persons, seed ${o.seed}: give a new or empty folder`);
      files = (await generateCounty({ persons: o.persons, seed: o.seed, outDir: county })).truth.files as Record<string, number>;
      log(`generated ${o.persons} persons (seed ${o.seed}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const rows = Object.values(files).reduce((a, b) => a + b, 0);

    // Prepared once, untimed: LOAD CSV's files (each batch's rows as the online writer groups them) and the
    // graph's size for the floor, both from one pass of the bulk path's collector.
    const input: BenchInput = { work, county, schema, mappings, rows, size: { nodes: 0, relationships: 0 } };
    if (o.batchSize) input.batchSize = o.batchSize;
    if (pin) input.pin = pin;
    if (paths.includes('loadcsv') || paths.includes('floor')) {
      t = Date.now();
      await prepareLoadCsv(input);
      log(`prepared LOAD CSV files (${input.loadCsv!.jobs.length} statements) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    const file = path.join(base, `load-${o.persons}-${o.seed}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    const cfg = loadConfig({ ...process.env, NEO4J_URI: '' }).neo4j as EmbeddedNeo4j;
    // Saved after every run, so that a benchmark stopped part way keeps the runs it finished.
    const save = (complete: boolean) => {
      const out = {
        bench: 'load',
        complete,
        startedAt: started.toISOString(),
        persons: o.persons,
        seed: o.seed,
        rows,
        runs,
        machine: {
          cpus: os.cpus().length,
          cpu: os.cpus()[0]?.model,
          memGiB: Math.round(os.totalmem() / 2 ** 30),
          loadAvgAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
          node: process.version,
        },
        neo4j: { heap: cfg.heap, pageCache: cfg.pageCache, ...(pin ? { cores: pin.server, loaderCores: pin.others } : {}) },
        nodeRssPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        results: Object.fromEntries(paths.map((p) => [p, results[p]])),
        summary: summarise(rows, results),
      };
      mkdirSync(base, { recursive: true });
      writeFileSync(file, JSON.stringify(out, null, 2));
      return out;
    };

    for (let round = 0; round < runs; round++) {
      for (const p of roundOrder(paths, round)) {
        log(`round ${round + 1}/${runs}: ${p}…`);
        const before = load1();
        const r = await RUNNERS[p](input, round + 1);
        results[p].push({ ...r, rowsPerSec: Math.round(rows / r.seconds), load: [before, load1()] });
        save(false);
        const th = r.cpuSeconds?.javaThreads;
        const threads = th ? ` (JIT ${th.compiler}, statements ${th.query}, collector ${th.collector})` : '';
        const cpu = r.cpuSeconds ? `; CPU s: server ${r.cpuSeconds.java ?? '?'}${threads}, node ${r.cpuSeconds.node}` : '';
        log(`round ${round + 1}/${runs}: ${p} ${r.seconds.toFixed(1)} s${cpu}; load ${before}→${load1()}`);
      }
    }

    const out = save(true);
    printLoadBench(out, file);
    return out;
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
}
