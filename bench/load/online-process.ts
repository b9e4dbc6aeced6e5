// Entry point of the benchmark's online run in a process of its own (paths.ts starts it):
// `node --import tsx bench/load/online-process.ts '<OnlineJob as JSON>'`. Writes the run's result to the job's
// result file and exits 0; anything else is a failed run.
import { writeFileSync } from 'node:fs';
import { runOnlineHere, type OnlineJob } from './online-run.js';

const job = JSON.parse(process.argv[2] ?? '') as OnlineJob;
try {
  writeFileSync(job.result, JSON.stringify(await runOnlineHere(job)));
} catch (e) {
  console.error(`[bench] the online run ${job.run} failed:`, e);
  process.exitCode = 1;
}
