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
    const files = ownSpans(report.files);
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
        files,
        kinAndSchemaMs: ms - files.reduce((a, f) => a + f.ms, 0),
      },
    };
  } finally {
    await h.close();
  }
}

/**
 * Each file's time from where the file before it ended: a file is read while the one before writes its last
 * batch (loaders/core/load-files.ts), so its own duration overlaps the one before, and durations would add
 * up to more than the load. Spans add up to the files' share of the load and set beside LOAD CSV's per-file
 * times, which run one after another.
 */
export function ownSpans(files: { source: string; rowsRead: number; startedAt: string; durationMs: number }[]) {
  let before = -Infinity;
  return files.map((f) => {
    const start = Date.parse(f.startedAt);
    const end = start + f.durationMs;
    // A file with nothing to write may end before the one before it: no time of its own.
    const ms = Math.max(0, end - Math.max(start, before));
    before = Math.max(before, end);
    return { source: f.source, rows: f.rowsRead, ms };
  });
}
