// The benchmarks' bulk loads, each in a process of its own started as `npm run load:bulk` starts its load.
import { fileURLToPath } from 'node:url';
import type { BulkJob, BulkRun } from './bulk-run.js';
import { npmScriptNodeOptions, runInChild } from './child-process.js';

/** Loads the job's county into its home in a process of its own; the server there is stopped when this returns. */
export async function runBulk(job: BulkJob): Promise<BulkRun> {
  const entry = fileURLToPath(new URL('./bulk-process.ts', import.meta.url));
  return runInChild<BulkRun>(entry, job, npmScriptNodeOptions('load:bulk'), 'the bulk load');
}
