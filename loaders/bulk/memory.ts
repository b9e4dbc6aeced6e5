// The loading process's memory per phase of the bulk path: the resident set's high-water mark while the phase
// runs (sampled every 10 ms on a thread of its own, rss-watch.ts), and the kernel's own high-water mark for
// the whole process so far (process.resourceUsage().maxRSS), read at the phase's end; and its CPU time. The importer and the
// server are separate JVMs and are not counted here.
import v8 from 'node:v8';
import vm from 'node:vm';
import { RSS_READERS, rssWatch } from './rss-watch.js';

export interface PhaseMemory {
  /** Highest resident set size sampled during the phase (every 10 ms, rss-watch.ts), MiB. */
  rssPeakMiB: number;
  /** The process's resident high-water mark at the phase's end (since the process started), MiB. */
  maxRssMiB: number;
  /**
   * What the resident set is made of, each the highest sampled in the phase, MiB: the main thread's V8 heap
   * (what the collector has reserved, not what is live), the ArrayBuffers (the typed-array key sets, the
   * fingerprints' filter, spill and file buffers), and the reading threads' heaps as they last reported them
   * (read-pool.ts; the CSV threads do not report, so 0 outside reading).
   */
  heapPeakMiB: number;
  buffersPeakMiB: number;
  threadsHeapPeakMiB: number;
  /**
   * CPU time this process spent in the phase (user + system, all its threads: V8's collector runs beside the
   * main thread), ms. On a shared machine the wall time of a phase says little; its CPU time says what it cost.
   */
  cpuMs: number;
}

const MiB = 2 ** 20;

let fullGc: (() => void) | undefined;

/** The V8 heap each live reading thread last reported with a range's rows (read-pool.ts), bytes. */
const threadHeaps = new Map<object, number>();
/** The highest sum of those since a meter last started a phase: kept as reports arrive, so no report falls between samples. */
let threadsPeak = 0;

const threadsNow = () => {
  let sum = 0;
  for (const b of threadHeaps.values()) sum += b;
  return sum;
};

/** A thread's heap as it last reported it; 0 forgets the thread (it ended). */
export function reportThreadHeap(thread: object, bytes: number): void {
  if (bytes > 0) threadHeaps.set(thread, bytes);
  else threadHeaps.delete(thread);
  threadsPeak = Math.max(threadsPeak, threadsNow());
}

/**
 * A full collection of this thread's heap, between phases. V8 collects the old generation when it nears the
 * heap's limit, not when the program stops needing it: after reading, the main thread kept the heap reading
 * had grown (360 MiB, of which 26 MiB live, at 100,000 persons) through the CSV phase, beside the CSV threads,
 * as it waited on them with nothing to allocate. After a full collection V8 gives the empty pages back to
 * the system within a second. The collector is exposed at run time, as Jest's leak detector does, so that
 * every entry point (npm run load:bulk, the benchmark, tests) gets it without a Node option.
 */
export function collectGarbage(): void {
  if (!fullGc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) fullGc = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      fullGc = vm.runInNewContext('gc') as () => void;
    }
  }
  fullGc();
}

export class PhaseMemoryMeter {
  readonly phases: Record<string, PhaseMemory> = {};
  #current: string | undefined;
  #peak = 0;
  #heap = 0;
  #buffers = 0;
  #timer: NodeJS.Timeout | undefined;
  #cpu: NodeJS.CpuUsage = process.cpuUsage();

  /** Ends the running phase (if any) and starts measuring `name`. */
  start(name: string): void {
    this.end();
    this.#current = name;
    this.#peak = this.#heap = this.#buffers = 0;
    // What the watch saw before this phase is not this phase's.
    rssWatch().take(RSS_READERS.meter);
    threadsPeak = threadsNow();
    this.#sample();
    this.#cpu = process.cpuUsage();
    this.#timer = setInterval(() => this.#sample(), 100);
    this.#timer.unref();
  }

  end(): void {
    if (this.#current === undefined) return;
    clearInterval(this.#timer);
    this.#sample();
    const cpu = process.cpuUsage(this.#cpu);
    this.phases[this.#current] = {
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      rssPeakMiB: Math.round(this.#peak / MiB),
      maxRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
      heapPeakMiB: Math.round(this.#heap / MiB),
      buffersPeakMiB: Math.round(this.#buffers / MiB),
      threadsHeapPeakMiB: Math.round(threadsPeak / MiB),
    };
    this.#current = undefined;
  }

  /**
   * Also called by synchronous work (the CSV writing), during which the timer cannot fire: the heap and the
   * ArrayBuffers are read here only (the resident set is the watch's, which no busy thread holds up).
   */
  sample = (): void => this.#sample();

  #sample(): void {
    const m = process.memoryUsage();
    this.#peak = Math.max(this.#peak, rssWatch().take(RSS_READERS.meter));
    this.#heap = Math.max(this.#heap, m.heapTotal);
    this.#buffers = Math.max(this.#buffers, m.arrayBuffers);
  }
}
