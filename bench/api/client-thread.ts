// The benchmark's clients on a worker thread (client-worker.ts), so that the API under test has its
// process's event loop to itself, as deployed. Started from source through tsx's loader, registered in
// the thread (a thread inherits neither tsx's nor the test runner's loader; loaders/bulk/read-pool.ts).
import { Worker } from 'node:worker_threads';
import type { Connection } from '../../platform/db/executor.js';
import type { GqlCall, Pair } from './measure.js';
import type { Statement } from './recorder.js';
import type { MeasureJob } from './client-worker.js';
import { encodeWaves } from './wire.js';

type Reply = { id: number; run: Pair } | { id: number; error: string };

export class ClientThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (r: Pair) => void; reject: (e: Error) => void }>();
  #job = 0;

  constructor(connection: Connection) {
    const loader = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./client-worker.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    this.#worker = new Worker(code, { eval: true, workerData: connection });
    this.#worker.on('message', (r: Reply) => {
      const w = this.#waiting.get(r.id);
      this.#waiting.delete(r.id);
      if ('error' in r) w?.reject(new Error(r.error));
      else w?.resolve(r.run);
    });
    this.#worker.on('error', (e) => this.#failAll(e));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the clients' thread exited (${code})`)));
  }

  #failAll(e: Error) {
    for (const w of this.#waiting.values()) w.reject(e);
    this.#waiting.clear();
  }

  /** `measure` of measure.ts, run on the clients' thread. */
  measure(call: GqlCall, waves: Statement[][], bearers: string[], clients: number, seconds: number): Promise<Pair> {
    const job: MeasureJob = { id: ++this.#job, call, waves: encodeWaves(waves), bearers, clients, seconds };
    return new Promise<Pair>((resolve, reject) => {
      this.#waiting.set(job.id, { resolve, reject });
      this.#worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((r) => this.#worker.once('exit', () => r()));
    this.#worker.postMessage('close');
    await exited;
  }
}
