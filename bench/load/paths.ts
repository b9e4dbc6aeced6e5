// One run of each load path on the benchmark's county, each into a fresh embedded server on its own home
// (bench-server.ts). bench-load.ts calls them three times in rotating order and takes the medians.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { loadFiles } from '../../loaders/index.js';
import { loadFilesBulk } from '../../loaders/bulk/load-bulk.js';
import { writeHouseholdKin } from '../../loaders/core/kinship.js';
import type { Mapping } from '../../loaders/core/mapping/types.js';
import type { EmbeddedNeo4j } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { benchConfig, javaCpuSeconds, javaPeakMiB, nodeCpuSeconds, startBenchServer } from './bench-server.js';
import { runFloor } from './floor.js';
import { runLoadCsv, type LoadCsvJob } from './load-csv.js';

/** What every run of every path shares: the county, prepared once. */
export interface BenchInput {
  work: string;
  county: string;
  schema: GraphSchema;
  mappings: Mapping[];
  /** Source rows read, all files. */
  rows: number;
  batchSize?: number;
  /** LOAD CSV's files (a folder `bench` under this one) and the statements that load them. */
  loadCsv?: { dir: string; jobs: LoadCsvJob[]; householdKin: boolean };
  /** The graph's size, for the floor. */
  size: { nodes: number; relationships: number };
}

export interface PathResult {
  seconds: number;
  rowsPerSec: number;
  nodes: number;
  relationships: number;
  javaPeakMiB?: number;
  /** CPU seconds of the server's JVM and of this process in the timed part (the bulk path's admin tool not counted). */
  cpuSeconds?: { java?: number; node: number };
  /** os.loadavg()[0] when the run started and when it ended. */
  load: [number, number];
  detail?: unknown;
}

export type Timed = Omit<PathResult, 'rowsPerSec' | 'load'>;

async function counts(db: Executor): Promise<{ nodes: number; relationships: number }> {
  const n = (await db.read<{ c: number }>('MATCH (n:Entity) RETURN count(n) AS c')).rows[0]!.c;
  const r = (await db.read<{ c: number }>('MATCH ()-[r]->() RETURN count(r) AS c')).rows[0]!.c;
  return { nodes: n, relationships: r };
}

const homeOf = (cfg: ReturnType<typeof benchConfig>) => (cfg.neo4j as EmbeddedNeo4j).homeDir;

/** Starts counting CPU seconds on the home's server and here; the returned function gives what was used since. */
function cpuSince(home: string): () => { java?: number; node: number } {
  const java0 = javaCpuSeconds(home);
  const node0 = nodeCpuSeconds();
  return () => {
    const java1 = javaCpuSeconds(home);
    const node = Math.round((nodeCpuSeconds() - node0) * 10) / 10;
    return java0 !== undefined && java1 !== undefined ? { java: Math.round((java1 - java0) * 10) / 10, node } : { node };
  };
}

/** The online loaders, as `npm run load` runs them. */
export async function runOnline(b: BenchInput, run: number): Promise<Timed> {
  const cfg = benchConfig(path.join(b.work, `home-online-${run}`));
  const h = await startBenchServer(cfg);
  try {
    const cpu = cpuSince(homeOf(cfg));
    const t = Date.now();
    const report = await loadFiles(h.executor, [b.county], {
      rejectsDir: path.join(b.work, `rejects-online-${run}`),
      schema: b.schema,
      mappings: b.mappings,
      ...(b.batchSize ? { batchSize: b.batchSize } : {}),
    });
    const ms = Date.now() - t;
    const cpuSeconds = cpu();
    return {
      seconds: ms / 1000,
      cpuSeconds,
      ...(await counts(h.executor)),
      javaPeakMiB: javaPeakMiB(homeOf(cfg)),
      detail: {
        files: report.files.map((f) => ({ source: f.source, rows: f.rowsRead, ms: f.durationMs })),
        kinAndSchemaMs: ms - report.files.reduce((a, f) => a + f.durationMs, 0),
      },
    };
  } finally {
    await h.close();
  }
}

/** Neo4j's LOAD CSV of the prepared rows, timed from the schema step on (MERGE needs the constraints either way). */
export async function runLoadCsvPath(b: BenchInput, run: number): Promise<Timed> {
  const csv = b.loadCsv!;
  const cfg = benchConfig(path.join(b.work, `home-loadcsv-${run}`));
  const h = await startBenchServer(cfg);
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

/** The bulk path: read and normalise, importer CSV, neo4j-admin import, server start, schema step, LoadRuns. */
export async function runOffline(b: BenchInput, run: number): Promise<Timed> {
  const cfg = benchConfig(path.join(b.work, `home-offline-${run}`));
  const t = Date.now();
  const { report, handle } = await loadFilesBulk(cfg, [b.county], {
    rejectsDir: path.join(b.work, `rejects-offline-${run}`),
    schema: b.schema,
    mappings: b.mappings,
    keepOpen: true,
    workDir: path.join(b.work, `bulk-${run}`),
    ...(b.batchSize ? { batchSize: b.batchSize } : {}),
  });
  const ms = Date.now() - t;
  try {
    return {
      seconds: ms / 1000,
      ...(await counts(handle!.executor)),
      javaPeakMiB: javaPeakMiB(homeOf(cfg)),
      detail: { phasesMs: report.phases, importStagesMs: report.importStages, memory: report.memory },
    };
  } finally {
    await handle!.close();
  }
}

/** As many nodes and relationships as the county's graph, with plain CREATE (floor.ts). */
export async function runFloorPath(b: BenchInput, run: number): Promise<Timed> {
  const cfg = benchConfig(path.join(b.work, `home-floor-${run}`));
  const h = await startBenchServer(cfg);
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
