// The CSV phase of the bulk path on several threads. Each label's and relationship type's stream is merged
// from its runs and folded on its own (importer-csv.ts), so streams are independent jobs, except the three
// household kinship is derived from (Household nodes, MEMBER_OF, then KIN), which stay one job in that order.
// Jobs go to the threads largest first (by the bytes of their runs); every file comes out byte for byte as
// on one thread, and the file lists in the same order, so the importer builds the same store.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import type { SpilledGraph } from './collect.js';
import type { CsvJobMessage, CsvJobResult, CsvWorkerInit } from './csv-worker.js';
import { writeImporterCsv, type ImporterFiles } from './importer-csv.js';
import { startTsWorker } from './ts-worker.js';

/** The streams household kinship is derived from and into, written by one job in this order. */
const KIN_CHAIN = ['node:Household', 'rel:MEMBER_OF', 'rel:KIN'];

/** HUIYAN_CSV_THREADS, else every core this process is offered; 1 writes on the main thread. */
export function csvThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.HUIYAN_CSV_THREADS);
  return env.HUIYAN_CSV_THREADS && Number.isInteger(n) && n >= 1 ? n : Math.max(os.availableParallelism(), 1);
}

/**
 * Each thread's V8 heap: what it holds is one key's records, its write buffer and the derived kinship's spill
 * buffer (spill.ts: 48 M characters at most), so the loading process stays within its budget (docs/loaders.md).
 */
const CSV_THREAD_HEAP_MB = 512;

export interface CsvJob {
  streams: string[];
  deriveKin: boolean;
  bytes: number;
}

/** The streams as jobs, largest first. */
export function csvJobs(graph: SpilledGraph, deriveKin: boolean): CsvJob[] {
  graph.store.spill();
  const size = (s: string) => graph.store.runsOf(s).reduce((a, f) => a + statSync(f).size, 0);
  const streams = graph.store.streams().filter((s) => s.startsWith('node:') || s.startsWith('rel:'));
  const jobs: CsvJob[] = [];
  if (deriveKin) {
    const chain = KIN_CHAIN.filter((s) => streams.includes(s) || s === 'rel:KIN');
    jobs.push({ streams: chain, deriveKin: true, bytes: chain.reduce((a, s) => a + size(s), 0) });
  }
  for (const s of streams) if (!(deriveKin && KIN_CHAIN.includes(s))) jobs.push({ streams: [s], deriveKin: false, bytes: size(s) });
  return jobs.sort((a, b) => b.bytes - a.bytes);
}

export interface CsvOptions {
  threads?: number;
  /**
   * Called every 10,000 keys when writing on the main thread, which keeps the caller's timers from firing
   * (it samples memory); on threads the main thread waits and its timers run.
   */
  tick?: () => void;
  log?: (msg: string) => void;
}

/** The importer files of the collected graph, on `threads` threads (csvThreads() by default). */
export async function writeCsvFiles(
  graph: SpilledGraph,
  schema: GraphSchema,
  dir: string,
  deriveKin: boolean,
  opts: CsvOptions = {},
): Promise<ImporterFiles & { threads: number }> {
  const jobs = csvJobs(graph, deriveKin);
  const threads = Math.min(opts.threads ?? csvThreads(), jobs.length);
  if (threads <= 1) return { ...writeImporterCsv(graph, schema, dir, deriveKin, opts.tick), threads: 1 };

  const order = graph.store.streams();
  const init: CsvWorkerInit = { schema, dir };
  const workers = Array.from({ length: threads }, () =>
    startTsWorker(new URL('./csv-worker.ts', import.meta.url), init, { oldMb: CSV_THREAD_HEAP_MB }),
  );
  const results: ImporterFiles[] = [];
  try {
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < jobs.length) {
          const id = next++;
          const job = jobs[id]!;
          const msg: CsvJobMessage = {
            id,
            spillDir: path.join(graph.store.dir, `csv-${id}`),
            part: graph.part(job.streams),
            deriveKin: job.deriveKin,
          };
          const r = await run(w, msg);
          if ('error' in r) throw new Error(`CSV thread failed on ${job.streams.join(', ')}: ${r.error}`);
          opts.log?.(`csv: ${job.streams.join(' + ')} in ${(r.ms / 1000).toFixed(1)} s`);
          results.push(r.files);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { ...merged(results, order, deriveKin), threads };
}

function run(w: Worker, msg: CsvJobMessage): Promise<CsvJobResult> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`CSV thread exited with code ${code}`));
    w.once('error', reject);
    w.once('exit', onExit);
    w.once('message', (r: CsvJobResult) => {
      w.off('error', reject);
      w.off('exit', onExit);
      resolve(r);
    });
    w.postMessage(msg);
  });
}

/** The jobs' files in the order one thread writes them: labels, then types, KIN last when derived. */
function merged(results: ImporterFiles[], streams: string[], deriveKin: boolean): ImporterFiles {
  // Derived KIN may come from no stream of files at all; it is written last.
  const rank = (prefix: string, name: string) => {
    const s = `${prefix}:${name}`;
    return deriveKin && s === 'rel:KIN' ? streams.length : streams.indexOf(s);
  };
  const fileRank = (f: string) => {
    const m = /^(nodes|rels)-(.+)\.csv$/.exec(path.basename(f))!;
    return rank(m[1] === 'nodes' ? 'node' : 'rel', m[2]!);
  };
  const out: ImporterFiles = { nodes: [], relationships: [], nodeCount: 0, relCount: 0, multiline: false };
  for (const r of results) {
    out.nodes.push(...r.nodes);
    out.relationships.push(...r.relationships);
    out.nodeCount += r.nodeCount;
    out.relCount += r.relCount;
    out.multiline ||= r.multiline;
    if (r.householdKin) out.householdKin = r.householdKin;
  }
  out.nodes.sort((a, b) => fileRank(a) - fileRank(b));
  out.relationships.sort((a, b) => fileRank(a) - fileRank(b));
  return out;
}
