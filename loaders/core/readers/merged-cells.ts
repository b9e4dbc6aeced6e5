// Merged cells in a workbook's data rows. Ledgers kept by hand (低保台账, a township's roster of households)
// merge a household's 户号, 户主 or 家庭住址 down over its members' rows; the workbook stores the value in the
// merge's top-left cell alone, so every other member's row read as empty there and was rejected ("required
// value is empty") or lost its household. What a clerk does in Excel before an import, 取消合并 then fill
// each cell with the merged value, is done here: every cell of a merge that spans several data rows takes
// the value of its top-left cell. Merges within one row (a 合计 label across columns) and merges in the
// title and header rows are left as they are: the header is found without them (head-rows.ts).
import type { Cell } from '../normalise/index.js';

/** A merged range, 0-based sheet rows and columns, inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet's row as a workbook reader gives it: its 0-based row number in the sheet, and its cells. */
export interface SheetRow {
  n: number;
  cells: Cell[];
}

/** What the fill did, for the file's report. */
export interface MergedFill {
  ranges: number;
  cells: number;
}

/** The column of a cell reference (A1 → 0, AB7 → 27). */
function columnOf(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** A range reference (`B3:C6`; a single cell `B3` is a range of one) as a Merge; undefined when it is not one. */
export function mergeOf(ref: string): Merge | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const [a, b] = [
    { c: columnOf(m[1]!), r: Number(m[2]) - 1 },
    { c: columnOf(m[3] ?? m[1]!), r: Number(m[4] ?? m[2]) - 1 },
  ];
  return { top: Math.min(a.r, b.r), bottom: Math.max(a.r, b.r), left: Math.min(a.c, b.c), right: Math.max(a.c, b.c) };
}

const isEmpty = (c: Cell) => c === null || c === undefined || c === '';

/**
 * Fills the data rows' cells from the merges that span several rows and start below `headerRow` (the
 * sheet row of the header). Rows come in sheet order; the cells are filled in place, and `fill` counts them.
 */
export function mergedFiller(merges: Merge[], headerRow: number, fill: MergedFill): (row: SheetRow) => void {
  const spans = merges.filter((m) => m.bottom > m.top && m.top > headerRow).sort((a, b) => a.top - b.top || a.left - b.left);
  fill.ranges += spans.length;
  let next = 0;
  let active: { m: Merge; value: Cell }[] = [];
  return ({ n, cells }) => {
    // A row the workbook left out (empty) can end a merge before the next row read.
    if (active.length) active = active.filter((a) => a.m.bottom >= n);
    for (; next < spans.length && spans[next]!.top <= n; next++) {
      const m = spans[next]!;
      // A merge whose top row is not there (an empty row the workbook left out) has no value to give.
      if (m.top === n && !isEmpty(cells[m.left])) active.push({ m, value: cells[m.left]! });
    }
    if (!active.length) return;
    for (const { m, value } of active)
      for (let c = m.left; c <= m.right; c++)
        if ((n !== m.top || c !== m.left) && isEmpty(cells[c])) {
          cells[c] = value;
          fill.cells++;
        }
    active = active.filter((a) => a.m.bottom > n);
  };
}
