// Reading threads for the bulk path: a text file is cut into ranges at record boundaries
// (core/readers/cut-points.ts), the ranges go to the threads (read-worker.ts), and their normalised rows
// come back to the main thread strictly in file order, renumbered as one reader would number them. At most
// `depth` ranges per thread are out at once, so memory stays bounded whatever the size of the file. While the
// range due next is not back, the main thread reads later ranges itself rather than wait (ReadHere).
// Workbooks are not cut (their reader parses the whole sheet on opening): they stay on the main thread.
import { statSync } from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { UnreadableFile } from '../core/errors.js';
import type { RowSource } from '../core/file-pass.js';
import { cutPoints } from '../core/readers/cut-points.js';
import { csvStop, type ByteRange, type RangeEnd } from '../core/readers/source-reader.js';
import type { Bound, RowResult, TransformContext } from '../core/transform.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { readRangeRows } from './range-read.js';
import { fromWire, type RangeResult } from './row-wire.js';
import type { ToWorker, WorkerInit } from './read-worker.js';
import { reportThreadHeap } from './memory.js';
import { RSS_READERS, rssWatch } from './rss-watch.js';
import { startTsWorker } from './ts-worker.js';
import { fillsDown } from '../core/fill-down.js';

/** Bytes of a range at most; a smaller file is cut finer (rangeSize). */
export const RANGE_BYTES = 1 << 20;
/** … and at least (each range costs a message each way and a decoder and parser of its own). */
const MIN_RANGE_BYTES = 64 << 10;

/**
 * A file of a few ranges would keep one thread busy while the others wait for the next file: a file is cut
 * into at least two ranges per thread where that leaves ranges of 64 KiB or more.
 */
export function rangeSize(fileBytes: number, threads: number, most = RANGE_BYTES): number {
  return Math.min(most, Math.max(Math.ceil(fileBytes / (threads * 2)), Math.min(MIN_RANGE_BYTES, most)));
}
/** Ranges out per thread: one being read, the next waiting, so a thread never idles for the main thread. */
const DEPTH = 3;

/**
 * How many reading threads, and how they are chosen. HUIYAN_LOAD_WORKERS (or `--workers`) fixes the number.
 * Otherwise one reader per core, the main thread counting as one (it reads ranges itself while it would wait):
 * up to cores − 1 threads, started one at a time while the process's resident set leaves room for one more
 * under the memory budget, and stopped when it nears the budget, for good (MemoryBudget). A thread costs 215–312
 * MiB at the read phase's peak (docs/bench.md, "One and two reading threads"), and the main thread's own share
 * grows with the county (888–945 MiB with one thread at 1,000,000 persons, 1,208 at ten million): a fixed
 * count per core would pass the 1.5 GB budget at ten million persons on any machine of three cores or more.
 */
export interface ReadThreads {
  most: number;
  /** Absent: `most` threads from the start, whatever the memory. */
  budget?: MemoryBudget;
}

/** What the pool sizes itself by (ReadPool): the process's resident set against a budget. */
export interface MemoryBudget {
  /** The loading process's budget, bytes (HUIYAN_LOAD_MEMORY_MB, default 1536). */
  bytes: number;
  /** What one more reading thread may add, bytes: the measured most (312 MiB) rounded up. */
  threadBytes: number;
  /**
   * Left free under the budget for what grows after a look and before a stopped thread's memory is given back
   * (its ranges out come back first): the main thread looks between ranges, and a batch's checks or a spill
   * buffer sorted and written hold it for hundreds of milliseconds.
   */
  headroomBytes: number;
  /** The process's resident set: the highest since the last call, bytes. */
  rss: () => number;
  /**
   * Between two changes of the number of threads, ms: a thread's cost shows over its first ranges, and a stopped
   * thread's memory is given back over seconds. At 1,000,000 persons with four allowed, two seconds started all
   * four before the first one's cost showed: the resident set reached 1,402 MiB 22 s in and all four were stopped.
   */
  settleMs: number;
}

const MiB = 2 ** 20;
export const DEFAULT_LOAD_MEMORY_MB = 1536;

export function loadWorkers(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): ReadThreads {
  const raw = env.HUIYAN_LOAD_WORKERS;
  const n = Number(raw);
  if (raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0) return { most: n };
  const mb = Number(env.HUIYAN_LOAD_MEMORY_MB);
  return {
    most: Math.max(cores - 1, 0),
    budget: {
      bytes: (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_LOAD_MEMORY_MB) * MiB,
      threadBytes: 320 * MiB,
      headroomBytes: 256 * MiB,
      // The highest since the last look (rss-watch.ts): the main thread looks between ranges, often busy in between.
      rss: () => rssWatch().take(RSS_READERS.readPool),
      settleMs: 10_000,
    },
  };
}

/**
 * One thread more (1), one fewer (-1) or as many (0): fewer when the resident set is within the headroom of the
 * budget, more while another thread's cost fits under it with the headroom to spare and the cores allow.
 */
export function resize(
  live: number,
  most: number,
  rss: number,
  b: Pick<MemoryBudget, 'bytes' | 'threadBytes' | 'headroomBytes'>,
): -1 | 0 | 1 {
  if (live > 0 && rss > b.bytes - b.headroomBytes) return -1;
  if (live < most && rss + b.threadBytes <= b.bytes - b.headroomBytes) return 1;
  return 0;
}

/**
 * Ranges the main thread reads itself, besides the threads: `waiting`, whenever the range due next is not back
 * yet (the main thread would otherwise sit idle: at 1,000,000 persons on two cores it waited about a third of
 * the read phase for its one reading thread); `never`; `alternate`, about every other range whatever the threads
 * are doing (tests, so that rows read here are always among those compared).
 */
export type ReadHere = 'waiting' | 'never' | 'alternate';

/** A range's rows, once they are in: numbered as the file's when given the rows before the range. */
interface Read {
  end: RangeEnd;
  rows: (offset: number) => RowResult[];
}

interface Waiting {
  resolve: (r: RangeResult) => void;
  reject: (e: Error) => void;
}

/**
 * A reading thread's young generation, twice a worker's default of 48 MiB (semi-spaces of 32 MiB, not 16).
 * `npm run load:bulk` gives every thread that with --max-semi-space-size=32 (package.json); this keeps it
 * for the reading threads where the bulk path runs in another process (the benchmark). A range's rows are held until
 * the range is sent, so each scavenge of a small young generation copies the rows of the range in progress:
 * at 100,000 persons the thread's scavenges took 4.2 s with the default and 2.0 s with this (--trace-gc).
 */
const READ_THREAD_YOUNG_MB = 96;

const startWorker = (init: WorkerInit) =>
  startTsWorker(new URL('./read-worker.ts', import.meta.url), init, { youngMb: READ_THREAD_YOUNG_MB });

export class ReadPool {
  /** Every thread started, by number; a stopped one stays in its place (undefined) so the numbers hold. */
  readonly #workers: (Worker | undefined)[] = [];
  readonly #out: number[] = [];
  /** Threads told to stop: sent no more ranges, ended once the ranges they have are back. */
  readonly #stopping = new Set<number>();
  readonly #waiting = new Map<string, Waiting>();
  #job = 0;
  /** The file being read: a thread started part-way through it gets it before its first range. */
  #file: ToWorker | undefined;
  #broken: Error | undefined;
  #closing = false;
  #changedAt = 0;
  /**
   * Ranges read, by the threads and on the main thread (ReadHere), over every file so far; the most threads
   * reading at once, and how many were started and stopped on the way (MemoryBudget).
   */
  readonly ranges = { threads: 0, here: 0, mostThreads: 0, started: 0, stopped: 0 };

  constructor(
    /** The most threads; all of them from the start unless `budget` sizes the pool. */
    readonly size: number,
    readonly init: WorkerInit,
    readonly rangeBytes = RANGE_BYTES,
    /** How the main thread reads ranges itself (ReadHere); its pseudonymiser, made from init's key. */
    readonly here: { mode: ReadHere; pseudonymise?: Pseudonymiser } = { mode: 'waiting' },
    readonly budget?: MemoryBudget,
  ) {
    if (budget) this.#resize();
    else for (let i = 0; i < size; i++) this.#start();
  }

  /** Threads reading (started and not told to stop). */
  get live(): number {
    let n = 0;
    this.#workers.forEach((w, i) => {
      if (w && !this.#stopping.has(i)) n++;
    });
    return n;
  }

  #start(): void {
    const i = this.#workers.length;
    const w = startWorker(this.init);
    this.#workers.push(w);
    this.#out.push(0);
    this.ranges.started++;
    w.on('message', (r: RangeResult) => {
      this.#out[i]!--;
      if (r.heap) reportThreadHeap(w, r.heap);
      const key = `${r.job}:${r.index}`;
      const waiting = this.#waiting.get(key);
      this.#waiting.delete(key);
      if (r.error) waiting?.reject(new Error(`reading thread failed: ${r.error}`));
      else waiting?.resolve(r);
      if (this.#stopping.has(i) && this.#out[i] === 0) this.#end(i);
    });
    w.on('error', (e) => this.#fail(e));
    w.on('exit', (code) => {
      reportThreadHeap(w, 0);
      if (code !== 0 && !this.#closing && this.#workers[i] === w) this.#fail(new Error(`reading thread exited with code ${code}`));
    });
    if (this.#file) w.postMessage(this.#file);
    this.ranges.mostThreads = Math.max(this.ranges.mostThreads, this.live);
  }

  /** Ends a thread told to stop; its place is emptied first, so its exit is not taken for a failure. */
  #end(i: number): void {
    const w = this.#workers[i]!;
    this.#workers[i] = undefined;
    this.#stopping.delete(i);
    void w.terminate();
  }

  /** One thread more or fewer, by the budget (resize), at most once per settling time. */
  #resize(): void {
    const b = this.budget;
    if (!b || this.#broken || Date.now() - this.#changedAt < b.settleMs) return;
    const change = resize(this.live, this.size, b.rss(), b);
    // Once a thread was stopped for memory none starts again: what the main thread holds grows with the county
    // read so far, and a thread started when a file's hashes were dropped would be stopped again soon after
    // (tried at 1,000,000 persons with four allowed: nine started, five stopped).
    if (change === 0 || (change === 1 && this.ranges.stopped > 0)) return;
    this.#changedAt = Date.now();
    if (change === 1) return this.#start();
    // The most recently started thread still reading stops.
    let i = this.#workers.length - 1;
    while (!this.#workers[i] || this.#stopping.has(i)) i--;
    this.#stopping.add(i);
    this.ranges.stopped++;
    if (this.#out[i] === 0) this.#end(i);
  }

  #fail(e: Error): void {
    this.#broken ??= e;
    for (const w of this.#waiting.values()) w.reject(e);
    this.#waiting.clear();
  }

  #send(job: number, index: number, range: ByteRange): Promise<RangeResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    // The thread reading with the fewest ranges out.
    let w = -1;
    for (let i = 0; i < this.#out.length; i++)
      if (this.#workers[i] && !this.#stopping.has(i) && (w < 0 || this.#out[i]! < this.#out[w]!)) w = i;
    this.#out[w]!++;
    const p = new Promise<RangeResult>((resolve, reject) => this.#waiting.set(`${job}:${index}`, { resolve, reject }));
    this.#workers[w]!.postMessage({ type: 'range', job, index, range } satisfies ToWorker);
    return p;
  }

  /** To every thread started and not ended, those told to stop too (a cancel concerns the ranges they still have). */
  #postAll(m: ToWorker, stopping = true): void {
    this.#workers.forEach((w, i) => {
      if (w && (stopping || !this.#stopping.has(i))) w.postMessage(m);
    });
  }

  /**
   * The file pass's row source: text files through the threads; on the main thread, in one piece, workbooks
   * (no `text`) and files whose mapping fills cells down (each row needs the one above it).
   */
  readonly rows: RowSource = ({ filePath, reader, bound, check }) => {
    const text = reader.text;
    if (!text || fillsDown(bound.mapping)) return undefined;
    const job = ++this.#job;
    this.#file = { type: 'file', job, text, bound, check };
    this.#postAll(this.#file, false);
    const ctx: TransformContext = {
      bound,
      schema: this.init.schema,
      ...(this.here.pseudonymise ? { pseudonymise: this.here.pseudonymise } : {}),
    };
    // A range read here is numbered from its start like a thread's; offset turns its rows into the file's.
    const readHere = async (range: ByteRange): Promise<Read> => {
      const { rows, end } = await readRangeRows(text, range, check, ctx, (r) => r);
      // The rows are this range's own, made just now: renumbered in place rather than copied, on the thread
      // whose time the whole read phase waits for.
      return {
        end,
        rows: (offset) => {
          for (const r of rows) r.row += offset;
          return rows;
        },
      };
    };
    const ranges = cutPoints(text, rangeSize(statSync(text.file).size, this.size, this.rangeBytes));
    return this.#ordered(job, filePath, bound, ranges, readHere);
  };

  async *#ordered(
    job: number,
    file: string,
    bound: Bound,
    ranges: AsyncGenerator<ByteRange>,
    readHere: (range: ByteRange) => Promise<Read>,
  ): AsyncGenerator<RowResult[]> {
    const pending = new Map<number, Promise<Read>>();
    /** Ranges whose rows are in (a thread's reply arrived, or read here). */
    const ready = new Set<number>();
    let sent = 0;
    let taken = 0;
    let last = false;
    /** Ranges out at the threads and not back yet. */
    let out = 0;
    // Ranges out at once: DEPTH per thread reading, which changes as the budget sizes the pool.
    const limit = () => this.live * DEPTH;
    // Ranges held, read and waiting for their turn, are bounded too: twice what the threads may have out.
    const room = () => sent - taken < 2 * Math.max(limit(), DEPTH);
    const next = async (): Promise<ByteRange | undefined> => {
      if (last) return undefined;
      const r = await ranges.next();
      if (r.done) last = true;
      return r.done ? undefined : r.value;
    };
    const refill = async () => {
      this.#resize();
      while (!last && out < limit() && room()) {
        const range = await next();
        if (!range) return;
        const index = sent++;
        out++;
        this.ranges.threads++;
        const p = this.#send(job, index, range).then((r): Read => {
          out--;
          ready.add(index);
          return { end: r.end!, rows: (offset) => r.rows!.map((w) => fromWire(w, bound, offset)) };
        });
        // Taken in turn below; meanwhile a failure is not an unhandled rejection.
        p.catch(() => undefined);
        pending.set(index, p);
      }
    };
    /** The next range read on this thread, in its place in the file's order. */
    const takeHere = async (): Promise<boolean> => {
      const range = room() ? await next() : undefined;
      if (!range) return false;
      const index = sent++;
      this.ranges.here++;
      const read = await readHere(range);
      ready.add(index);
      pending.set(index, Promise.resolve(read));
      return true;
    };
    // Rows before this range, so that a range's rows are numbered as the file's.
    let offset = 0;
    try {
      await refill();
      for (;;) {
        if (this.here.mode === 'alternate' && sent % 2 === 1) await takeHere();
        // The range due next is not back: rather than wait for it, this thread reads the ranges after it.
        else if (this.here.mode === 'waiting') while (!ready.has(taken) && taken < sent && (await takeHere()));
        await refill();
        // No thread reading (the budget stopped them all): this thread reads the file on.
        if (taken >= sent && this.live === 0) await takeHere();
        if (taken >= sent) break;
        const r = await pending.get(taken)!;
        pending.delete(taken);
        ready.delete(taken++);
        await refill();
        yield r.rows(offset);
        if (r.end.failed) throw new UnreadableFile(file, csvStop(offset + r.end.rows, r.end.failed), offset + r.end.rows + 1);
        offset += r.end.rows;
      }
    } finally {
      // Stopped early (a failure, a bad file): the threads skip what is left of this file's ranges.
      if (taken < sent) this.#postAll({ type: 'cancel', job });
      await ranges.return(undefined);
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w?.terminate()));
  }
}
