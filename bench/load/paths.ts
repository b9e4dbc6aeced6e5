// One run of each load path on the benchmark's county, each into a fresh embedded server on its own home
// (bench-server.ts). bench-load.ts calls them three times in rotating order and takes the medians.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles } from '../../loaders/bulk/collect.js';
import { writeImporterCsv } from '../../loaders/bulk/importer-csv.js';
import { writeHouseholdKin } from '../../loaders/core/kinship.js';
import type { Mapping } from '../../loaders/core/mapping/types.js';
import { applySchema } from '../../platform/schema/apply.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { benchConfig, counts, cpuSince, homeOf, javaPeakMiB, startBenchServer, type CorePin, type CpuSeconds } from './bench-server.js';
import { runBulk } from './bulk-child.js';
import { npmScriptNodeOptions, runInChild } from './child-process.js';
import { runFloor } from './floor.js';
import { LoadCsvWriter, runLoadCsv, type LoadCsvJob } from './load-csv.js';
import type { OnlineJob } from './online-run.js';

/** What every run of every path shares: the county, prepared once. */
export interface BenchInput {
  work: string;
  county: string;
  /** The schema and mappings of the paths run in this process; the online run reads the same ones in its own. */
  schema: GraphSchema;
  mappings: Mapping[];
  /** Source rows read, all files. */
  rows: number;
  batchSize?: number;
  /** LOAD CSV's files (a folder `bench` under this one) and the statements that load them. */
  loadCsv?: { dir: string; jobs: LoadCsvJob[]; householdKin: boolean };
  /** The graph's size, for the floor. */
  size: { nodes: number; relationships: number };
  /** `--server-cores`: every run's server on its cores, the loading process on the others (online, LOAD CSV, floor). */
  pin?: CorePin;
}

export interface PathResult {
  seconds: number;
  rowsPerSec: number;
  nodes: number;
  relationships: number;
  javaPeakMiB?: number;
  /** CPU seconds of the server's JVM and of this process in the timed part (the bulk path's admin tool not counted). */
  cpuSeconds?: CpuSeconds;
  /** os.loadavg()[0] when the run started and when it ended. */
  load: [number, number];
  detail?: unknown;
}

export type Timed = Omit<PathResult, 'rowsPerSec' | 'load'>;

/**
 * The online loaders, as `npm run load` runs them: in a process of their own (online-process.ts), as the command
 * does, so that the run meets neither this process's heap after the LOAD CSV files were prepared (a collector's
 * pass over the whole county) nor its code already compiled by earlier runs; each round's online run starts as
 * cold as every other path's server does.
 */
export async function runOnline(b: BenchInput, run: number): Promise<Timed> {
  const result = path.join(b.work, `online-${run}.json`);
  const job: OnlineJob = {
    work: b.work,
    county: b.county,
    run,
    result,
    ...(b.batchSize ? { batchSize: b.batchSize } : {}),
    ...(b.pin ? { pin: b.pin } : {}),
  };
  const entry = fileURLToPath(new URL('./online-process.ts', import.meta.url));
  return runInChild<Timed>(entry, job, npmScriptNodeOptions('load'), `the online run ${run}`);
}

/**
 * Untimed, once before the first round: LOAD CSV's files (each batch's rows as the online writer groups them)
 * and the graph's size for the floor, both from one pass of the bulk path's collector, into `b`.
 */
export async function prepareLoadCsv(b: BenchInput): Promise<void> {
  const dir = path.join(b.work, 'loadcsv-import');
  const writer = new LoadCsvWriter(b.schema, dir, b.batchSize);
  const { graph, derive } = await collectFiles([b.county], {
    schema: b.schema,
    mappings: b.mappings,
    rejectsDir: path.join(b.work, 'rejects-prepare'),
    spillDir: path.join(b.work, 'prepare-runs'),
    onBatch: writer.onBatch,
    ...(b.batchSize ? { batchSize: b.batchSize } : {}),
  });
  // The graph's size (for the floor) is what the bulk path's CSV would hold: written once, then removed.
  const sized = writeImporterCsv(graph, b.schema, path.join(b.work, 'prepare-csv'), derive.has('householdKin'));
  rmSync(path.join(b.work, 'prepare-csv'), { recursive: true, force: true });
  graph.store.remove();
  b.loadCsv = { dir, jobs: writer.close(), householdKin: derive.has('householdKin') };
  b.size = { nodes: sized.nodeCount, relationships: sized.relCount };
}

/** Neo4j's LOAD CSV of the prepared rows, timed from the schema step on (MERGE needs the constraints either way). */
export async function runLoadCsvPath(b: BenchInput, run: number): Promise<Timed> {
  const csv = b.loadCsv!;
  const cfg = benchConfig(path.join(b.work, `home-loadcsv-${run}`));
  const h = await startBenchServer(cfg, b.pin);
  try {
    cpSync(path.join(csv.dir, 'bench'), path.join(homeOf(cfg), 'import', 'bench'), { recursive: true });
    const cpu = cpuSince(homeOf(cfg));
    const t = Date.now();
    await applySchema(h.executor, b.schema);
    const schemaMs = Date.now() - t;
    const perSource = await runLoadCsv(h.executor, csv.jobs);
    const tk = Date.now();
    if (csv.householdKin) await writeHouseholdKin(h.executor);
    const end = Date.now();
    const cpuSeconds = cpu();
    return {
      seconds: (end - t) / 1000,
      cpuSeconds,
      ...(await counts(h.executor)),
      javaPeakMiB: javaPeakMiB(homeOf(cfg)),
      detail: { perSource, schemaMs, kinMs: end - tk },
    };
  } finally {
    await h.close();
  }
}

/**
 * The bulk path: read and normalise, importer CSV, neo4j-admin import, server start, schema step, LoadRuns; in a
 * process of its own with `load:bulk`'s Node options (bulk-child.ts), as the command runs it.
 */
export async function runOffline(b: BenchInput, run: number): Promise<Timed> {
  const home = homeOf(benchConfig(path.join(b.work, `home-offline-${run}`)));
  const r = await runBulk({
    home,
    county: b.county,
    rejectsDir: path.join(b.work, `rejects-offline-${run}`),
    workDir: path.join(b.work, `bulk-${run}`),
    result: path.join(b.work, `offline-${run}.json`),
    ...(b.batchSize ? { batchSize: b.batchSize } : {}),
  });
  return {
    seconds: r.seconds,
    nodes: r.nodes,
    relationships: r.relationships,
    ...(r.javaPeakMiB !== undefined ? { javaPeakMiB: r.javaPeakMiB } : {}),
    cpuSeconds: r.cpuSeconds,
    detail: {
      phasesMs: r.report.phases,
      importStagesMs: r.report.importStages,
      memory: r.report.memory,
      pid: r.pid,
      nodeRssPeakMiB: r.nodeRssPeakMiB,
      heapLimitMiB: r.heapLimitMiB,
    },
  };
}

/** As many nodes and relationships as the county's graph, with plain CREATE (floor.ts). */
export async function runFloorPath(b: BenchInput, run: number): Promise<Timed> {
  const cfg = benchConfig(path.join(b.work, `home-floor-${run}`));
  const h = await startBenchServer(cfg, b.pin);
  try {
    const cpu = cpuSince(homeOf(cfg));
    const f = await runFloor(h.executor, b.size.nodes, b.size.relationships);
    return {
      seconds: (f.nodesMs + f.relationshipsMs) / 1000,
      cpuSeconds: cpu(),
      ...b.size,
      javaPeakMiB: javaPeakMiB(homeOf(cfg)),
      detail: f,
    };
  } finally {
    await h.close();
  }
}
