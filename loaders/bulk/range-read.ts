// One byte range of a text file read, checked and normalised: what a reading thread does with each range it
// is sent (read-worker.ts), and what the main thread does with a range it reads itself while it would
// otherwise wait for one (read-pool.ts). Rows are numbered from the range's start.
import { cellProblems, type CellCheck } from '../core/readers/cell-check.js';
import { rangeRows, type ByteRange, type RangeEnd, type TextSource } from '../core/readers/source-reader.js';
import { transformRow, type RowResult, type TransformContext } from '../core/transform.js';
import { splitRow, splitterOf } from '../core/split.js';

export async function readRangeRows<T>(
  text: TextSource,
  range: ByteRange,
  check: CellCheck,
  ctx: TransformContext,
  out: (r: RowResult) => T,
): Promise<{ rows: T[]; end: RangeEnd }> {
  const end: RangeEnd = { rows: 0 };
  const rows: T[] = [];
  const splitter = splitterOf(ctx.bound);
  for await (const whole of rangeRows(text, range, end))
    for (const data of splitRow(splitter, whole)) {
      const bad = cellProblems(data, check);
      rows.push(out(bad.length ? { ok: false, row: data.row, problems: bad } : transformRow(ctx, data)));
    }
  return { rows, end };
}
