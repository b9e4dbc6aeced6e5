// The loading process's memory per phase of the bulk path: the resident set's high-water mark sampled
// while the phase runs (every 100 ms, and at its start and end), and the kernel's own high-water mark for
// the whole process so far (process.resourceUsage().maxRSS), read at the phase's end; and its CPU time. The importer and the
// server are separate JVMs and are not counted here.
import v8 from 'node:v8';
import vm from 'node:vm';

export interface PhaseMemory {
  /** Highest resident set size sampled during the phase, MiB. */
  rssPeakMiB: number;
  /** The process's resident high-water mark at the phase's end (since the process started), MiB. */
  maxRssMiB: number;
  /**
   * CPU time this process spent in the phase (user + system, all its threads: V8's collector runs beside the
   * main thread), ms. On a shared machine the wall time of a phase says little; its CPU time says what it cost.
   */
  cpuMs: number;
}

const MiB = 2 ** 20;

let fullGc: (() => void) | undefined;

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
  #timer: NodeJS.Timeout | undefined;
  #cpu: NodeJS.CpuUsage = process.cpuUsage();

  /** Ends the running phase (if any) and starts measuring `name`. */
  start(name: string): void {
    this.end();
    this.#current = name;
    this.#peak = process.memoryUsage.rss();
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
    };
    this.#current = undefined;
  }

  /** Also called by synchronous work (the CSV writing), during which the timer cannot fire. */
  sample = (): void => this.#sample();

  #sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.#peak) this.#peak = rss;
  }
}
