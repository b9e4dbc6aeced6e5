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
 * HUIYAN_LOAD_WORKERS, else one reading thread where the machine has a second core (0: the main thread).
 * One thread pays a little, more did not (docs/bench.md): on a quiet 2-core machine, 1,000,000 persons read in
 * 300.5 s with one thread against 316.1 s on the main thread (+261 MiB); two threads read them in 176.8–193.8 s
 * against 182.5–197.2 with one, for 215–312 MiB more. Not one per core: at ten million persons one thread
 * peaks at 1,208 MiB, so a thread per core would bring it to the 1.5 GB budget on two cores and past it on
 * more. The main thread's own per-row work (duplicates, references, the repeat filter, spilling) and
 * receiving rows stay on it, so a thread only takes parsing and normalising off it.
 */
export function loadWorkers(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const raw = env.HUIYAN_LOAD_WORKERS;
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : cores >= 2 ? 1 : 0;
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
  readonly #workers: Worker[];
  readonly #out: number[];
  readonly #waiting = new Map<string, Waiting>();
  #job = 0;
  #broken: Error | undefined;
  #closing = false;
  /** Ranges read, by the threads and on the main thread (ReadHere), over every file so far. */
  readonly ranges = { threads: 0, here: 0 };

  constructor(
    readonly size: number,
    readonly init: WorkerInit,
    readonly rangeBytes = RANGE_BYTES,
    /** How the main thread reads ranges itself (ReadHere); its pseudonymiser, made from init's key. */
    readonly here: { mode: ReadHere; pseudonymise?: Pseudonymiser } = { mode: 'waiting' },
  ) {
    this.#workers = Array.from({ length: size }, () => startWorker(init));
    this.#out = this.#workers.map(() => 0);
    this.#workers.forEach((w, i) => {
      w.on('message', (r: RangeResult) => {
        this.#out[i]!--;
        if (r.heap) reportThreadHeap(w, r.heap);
        const key = `${r.job}:${r.index}`;
        const waiting = this.#waiting.get(key);
        this.#waiting.delete(key);
        if (r.error) waiting?.reject(new Error(`reading thread failed: ${r.error}`));
        else waiting?.resolve(r);
      });
      w.on('error', (e) => this.#fail(e));
      w.on('exit', (code) => {
        reportThreadHeap(w, 0);
        if (code !== 0 && !this.#closing) this.#fail(new Error(`reading thread exited with code ${code}`));
      });
    });
  }

  #fail(e: Error): void {
    this.#broken ??= e;
    for (const w of this.#waiting.values()) w.reject(e);
    this.#waiting.clear();
  }

  #send(job: number, index: number, range: ByteRange): Promise<RangeResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    // The thread with the fewest ranges out.
    let w = 0;
    for (let i = 1; i < this.#out.length; i++) if (this.#out[i]! < this.#out[w]!) w = i;
    this.#out[w]!++;
    const p = new Promise<RangeResult>((resolve, reject) => this.#waiting.set(`${job}:${index}`, { resolve, reject }));
    this.#post(w, { type: 'range', job, index, range });
    return p;
  }

  #post(w: number, m: ToWorker): void {
    this.#workers[w]!.postMessage(m);
  }

  /**
   * The file pass's row source: text files through the threads; on the main thread, in one piece, workbooks
   * (no `text`) and files whose mapping fills cells down (each row needs the one above it).
   */
  readonly rows: RowSource = ({ filePath, reader, bound, check }) => {
    const text = reader.text;
    if (!text || fillsDown(bound.mapping)) return undefined;
    const job = ++this.#job;
    this.#workers.forEach((_, w) => this.#post(w, { type: 'file', job, text, bound, check }));
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
    const limit = this.size * DEPTH;
    // Ranges held, read and waiting for their turn, are bounded too: twice what the threads have out.
    const room = () => sent - taken < 2 * limit;
    const next = async (): Promise<ByteRange | undefined> => {
      if (last) return undefined;
      const r = await ranges.next();
      if (r.done) last = true;
      return r.done ? undefined : r.value;
    };
    const refill = async () => {
      while (!last && out < limit && room()) {
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
      if (taken < sent) this.#workers.forEach((_, w) => this.#post(w, { type: 'cancel', job }));
      await ranges.return(undefined);
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
