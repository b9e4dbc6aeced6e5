// The loading process's resident set, sampled every 10 ms on a thread of its own. The main thread of a bulk
// load is often busy for hundreds of milliseconds at a time (a batch's checks, a spill buffer sorted and
// written, the CSV phase's synchronous writing), and a timer on it cannot fire meanwhile: at 1,000,000 persons
// its 100 ms samples missed the kernel's high-water mark by 48–240 MiB, while a thread sampling every 10 ms
// found it each time (docs/bench.md, "Reading threads sized by the memory budget"). Whoever reads the watch
// gets the highest resident set since its own last read, so what happened between two looks is not lost.
import { Worker } from 'node:worker_threads';

/** The thread's code: plain JavaScript, so that it starts in milliseconds without the TypeScript loader. */
const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peaks = new Int32Array(workerData.buffer);
const sample = () => {
  const kib = Math.round(process.memoryUsage.rss() / 1024);
  for (let slot = 0; slot < peaks.length; slot++)
    for (;;) {
      const was = Atomics.load(peaks, slot);
      if (kib <= was || Atomics.compareExchange(peaks, slot, was, kib) === was) break;
    }
};
sample();
setInterval(sample, workerData.everyMs);
`;

export class RssWatch {
  readonly #peaks: Int32Array;
  readonly #thread: Worker;

  /** `readers`: how many read it, each with its own "since my last read" (a slot). */
  constructor(readers: number, everyMs = 10) {
    const buffer = new SharedArrayBuffer(4 * readers);
    this.#peaks = new Int32Array(buffer);
    this.#thread = new Worker(SAMPLER, { eval: true, workerData: { buffer, everyMs } });
    // A load's end does not wait for it.
    this.#thread.unref();
  }

  /** The highest resident set since this reader's last call (or the watch's start), and now, bytes. */
  take(reader: number): number {
    const kib = Atomics.exchange(this.#peaks, reader, 0);
    return Math.max(kib * 1024, process.memoryUsage.rss());
  }

  close(): Promise<number> {
    return this.#thread.terminate();
  }
}

/** Its readers in the bulk path. */
export const RSS_READERS = { meter: 0, readPool: 1 } as const;

let watch: RssWatch | undefined;

/** The process's one watch, started at its first use. */
export function rssWatch(): RssWatch {
  watch ??= new RssWatch(Object.keys(RSS_READERS).length);
  return watch;
}
