// One run of the online loaders on the benchmark's county, into a fresh embedded server, timed as `npm run load`
// runs them. Called in a process of its own (online-process.ts), which paths.ts starts for every online run.
import path from 'node:path';
import { loadFiles } from '../../loaders/index.js';
import { loadMappings } from '../../loaders/core/mapping/registry.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import { benchConfig, counts, cpuSince, homeOf, javaPeakMiB, startBenchServer, type CorePin } from './bench-server.js';

/** What the parent gives the online run: the county, the run's number, and where to write its result. */
export interface OnlineJob {
  work: string;
  county: string;
  run: number;
  /** A JSON file the run writes its Timed result to. */
  result: string;
  batchSize?: number;
  /** `--server-cores`: the server on its cores, this process on the others. */
  pin?: CorePin;
}

/** The run's result as paths.ts's Timed (that type is not imported: paths.ts imports this file's job). */
export async function runOnlineHere(job: OnlineJob) {
  // Read here, as `npm run load` reads them, and untimed, as there they come before the load's clock too.
  const schema = loadGraphSchema();
  const mappings = loadMappings({ schema });
  const cfg = benchConfig(path.join(job.work, `home-online-${job.run}`));
  const h = await startBenchServer(cfg, job.pin);
  try {
    const cpu = cpuSince(homeOf(cfg));
    const t = Date.now();
    const report = await loadFiles(h.executor, [job.county], {
      rejectsDir: path.join(job.work, `rejects-online-${job.run}`),
      schema,
      mappings,
      ...(job.batchSize ? { batchSize: job.batchSize } : {}),
    });
    const ms = Date.now() - t;
    const cpuSeconds = cpu();
    return {
      seconds: ms / 1000,
      cpuSeconds,
      ...(await counts(h.executor)),
      javaPeakMiB: javaPeakMiB(homeOf(cfg)),
      detail: {
        // Which process loaded: the benchmark's saved runs say that the online ones ran apart from it.
        pid: process.pid,
        // That process's peak resident set: the benchmark's own (its memory line) no longer holds the online runs.
        nodeRssPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        files: report.files.map((f) => ({ source: f.source, rows: f.rowsRead, ms: f.durationMs })),
        kinAndSchemaMs: ms - report.files.reduce((a, f) => a + f.durationMs, 0),
      },
    };
  } finally {
    await h.close();
  }
}
