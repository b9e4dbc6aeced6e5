// Entry point of the benchmarks' bulk loads in a process of their own (bulk-child.ts starts it):
// `node <load:bulk's options> --import tsx bench/load/bulk-process.ts '<BulkJob as JSON>'`. Writes the run's
// result to the job's result file and exits 0; anything else is a failed run.
import { writeFileSync } from 'node:fs';
import { runBulkHere, type BulkJob } from './bulk-run.js';

const job = JSON.parse(process.argv[2] ?? '') as BulkJob;
try {
  writeFileSync(job.result, JSON.stringify(await runBulkHere(job)));
} catch (e) {
  console.error('[bench] the bulk load failed:', e);
  process.exitCode = 1;
}
