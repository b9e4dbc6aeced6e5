// A reading thread of the bulk path (read-pool.ts): reads the byte ranges of a text file it is sent, checks
// cells and normalises each row (core/transform.ts, pure) and sends the outcomes back in row order. What
// depends on earlier rows (duplicates, references, the repeat filter, sequence numbers) stays on the main
// thread, which takes the ranges in file order.
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { Mapping } from '../core/mapping/types.js';
import type { CellCheck } from '../core/readers/cell-check.js';
import type { ByteRange, TextSource } from '../core/readers/source-reader.js';
import type { Bound, TransformContext } from '../core/transform.js';
import { readRangeRows } from './range-read.js';
import { specIndex, toWire, type RangeResult } from './row-wire.js';

export interface WorkerInit {
  schema: GraphSchema;
  pseudonymKey?: string;
}

/** A file's reading context, sent once per file to every thread. */
export interface FileJob {
  type: 'file';
  job: number;
  text: TextSource;
  bound: Bound;
  check: CellCheck;
}
export type ToWorker = FileJob | { type: 'range'; job: number; index: number; range: ByteRange } | { type: 'cancel'; job: number };

const init = workerData as WorkerInit;
const pseudonymise = init.pseudonymKey ? pseudonymiser(init.pseudonymKey) : undefined;
let file: { job: number; text: TextSource; check: CellCheck; ctx: TransformContext; at: Map<object, number> } | undefined;
let cancelled = 0;

async function readRange(job: number, index: number, range: ByteRange): Promise<RangeResult> {
  if (!file || file.job !== job || job <= cancelled) return { job, index };
  const { text, check, ctx, at } = file;
  const { rows, end } = await readRangeRows(text, range, check, ctx, (r) => toWire(r, at));
  return { job, index, rows, end };
}

// Messages are taken one at a time, in the order sent: a range's reading awaits, and the next range or the
// next file must not start meanwhile.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  queue = queue.then(async () => {
    if (m.type === 'cancel') cancelled = Math.max(cancelled, m.job);
    else if (m.type === 'file') {
      // The bound columns hold the mapping's own specs; the mapping is rebuilt from them so that the specs the
      // rows name are the ones specIndex numbers.
      const mapping: Mapping = m.bound.mapping;
      file = {
        job: m.job,
        text: m.text,
        check: m.check,
        ctx: { bound: m.bound, schema: init.schema, pseudonymise },
        at: specIndex(mapping),
      };
    } else {
      let out: RangeResult;
      try {
        out = await readRange(m.job, m.index, m.range);
      } catch (e) {
        out = { job: m.job, index: m.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      parentPort!.postMessage({ ...out, heap: v8.getHeapStatistics().total_heap_size });
    }
  });
});
