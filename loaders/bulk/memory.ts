// The loading process's memory per phase of the bulk path: the resident set's high-water mark sampled
// while the phase runs (every 100 ms, and at its start and end), and the kernel's own high-water mark for
// the whole process so far (process.resourceUsage().maxRSS), read at the phase's end; and its CPU time. The importer and the
// server are separate JVMs and are not counted here.

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
