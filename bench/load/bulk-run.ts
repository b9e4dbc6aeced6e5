// One bulk load (read and normalise, importer CSV, neo4j-admin import, server start, schema, LoadRuns) of a
// county into an embedded home, timed as `npm run load:bulk` runs it. Called in a process of its own
// (bulk-process.ts), which the load, models and API benchmarks start with `load:bulk`'s Node options.
import { getHeapStatistics } from 'node:v8';
import { loadFilesBulk, type BulkReport } from '../../loaders/bulk/load-bulk.js';
import { counts, cpuSince, homeConfig, javaPeakMiB } from './bench-server.js';

/** What the parent gives the bulk run. The home is cleared by the parent (benchConfig) before it starts. */
export interface BulkJob {
  home: string;
  county: string;
  rejectsDir: string;
  workDir: string;
  /** A JSON file the run writes its BulkRun to. */
  result: string;
  batchSize?: number;
}

export interface BulkRun {
  /** The load's wall time: loadFilesBulk from its call until the server it started answers, schema applied. */
  seconds: number;
  nodes: number;
  relationships: number;
  javaPeakMiB?: number;
  /** This process's CPU seconds in the timed part (the admin tool's and the server's JVMs not counted). */
  cpuSeconds: { node: number };
  report: BulkReport;
  pid: number;
  /** This process's peak resident set, whole life: the benchmark's own memory line no longer holds the load. */
  nodeRssPeakMiB: number;
  /** V8's heap limit in this process: the script's `--max-old-space-size` and young generation, as a check that they were given. */
  heapLimitMiB: number;
}

export async function runBulkHere(job: BulkJob): Promise<BulkRun> {
  const cfg = homeConfig(job.home);
  const cpu = cpuSince(job.home);
  const t = Date.now();
  const { report, handle } = await loadFilesBulk(cfg, [job.county], {
    rejectsDir: job.rejectsDir,
    keepOpen: true,
    workDir: job.workDir,
    ...(job.batchSize ? { batchSize: job.batchSize } : {}),
  });
  const ms = Date.now() - t;
  const cpuSeconds = { node: cpu().node };
  try {
    return {
      seconds: ms / 1000,
      ...(await counts(handle!.executor)),
      javaPeakMiB: javaPeakMiB(job.home),
      cpuSeconds,
      report,
      pid: process.pid,
      nodeRssPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024),
    };
  } finally {
    await handle!.close();
  }
}
