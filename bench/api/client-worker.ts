// The clients' thread: its own event loop and its own driver (as a separate client system would have),
// so what the API's thread spends is the API's alone. Jobs come one at a time from client-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { Executor, type Connection } from '../../platform/db/executor.js';
import { measure, type GqlCall } from './measure.js';
import type { Statement } from './recorder.js';
import { decodeWaves } from './wire.js';

export interface MeasureJob {
  id: number;
  call: GqlCall;
  waves: Statement[][];
  bearers: string[];
  clients: number;
  seconds: number;
}

const db = new Executor(workerData as Connection);
const port = parentPort!;
port.on('message', (job: MeasureJob | 'close') => {
  if (job === 'close') {
    void db.close().finally(() => port.close());
    return;
  }
  measure(db, job.call, decodeWaves(job.waves), job.bearers, job.clients, job.seconds).then(
    (run) => port.postMessage({ id: job.id, run }),
    (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
