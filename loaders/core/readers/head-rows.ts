// The header of a CSV or a workbook is not always its first row: department spreadsheets often open with a
// title (桐庐县2023年民生资金发放明细表), a line naming the filing unit or the date, or a group heading over
// the real header. Among the first LEAD_ROWS non-empty rows, the header is the first that `isHeader` accepts
// (the caller's test: a mapping's identifying columns are all there), else the first. The rows above it are
// reported as title rows, not read as data.
import type { Cell } from '../normalise/index.js';
import { headerKey } from './header.js';
import type { ReadHints } from './reader-types.js';

/** How many non-empty rows at a file's head may hold its header. */
export const LEAD_ROWS = 10;
const TITLE_CHARS = 200;

export interface Head {
  /** The header's place among the non-empty rows (0: the first). */
  at: number;
  headers: string[];
  titleRows: string[];
  /** Whether the test accepted a row (else the header is the first row). */
  found: boolean;
}

/**
 * A header of two rows, as statistical tables draw it: group headings above (申请人 over 姓名 and 身份证号),
 * and the columns without a group named once, in a cell merged down both rows, so that the lower row is empty
 * there. The lower row with its blanks taken from the row above; only a row of several headings counts as
 * one (a title is one merged cell, and must not name a column).
 */
function twoRowHeader(above: string[], below: string[]): string[] | undefined {
  if (above.filter((c) => c !== '').length < 2 || !below.includes('')) return undefined;
  return Array.from({ length: Math.max(above.length, below.length) }, (_, i) => below[i] || above[i] || '');
}

/** Which of a file's first non-empty rows is its header (with the row above, for a two-row header), and the rows above it as text. */
export function pickHeader(lead: string[][], isHeader: ReadHints['isHeader']): Head {
  let at = 0;
  let headers = lead[0] ?? [];
  let titles = 0;
  let found = false;
  for (let i = 0; isHeader && !found && i < lead.length; i++) {
    const joined = i > 0 ? twoRowHeader(lead[i - 1]!, lead[i]!) : undefined;
    if (isHeader(lead[i]!)) [at, headers, titles, found] = [i, lead[i]!, i, true];
    else if (joined && isHeader(joined)) [at, headers, titles, found] = [i, joined, i - 1, true];
  }
  const titleRows = lead.slice(0, titles).map((cells) =>
    cells
      .filter((c) => c !== '')
      .join(' ')
      .slice(0, TITLE_CHARS),
  );
  return { at, headers, titleRows, found };
}

export const asText = (cells: Cell[]): string[] => cells.map((h) => (h === null || h === undefined ? '' : String(h).trim()));

/**
 * Builds the row-to-record function for one header. The header keys (NFKC, regex) are computed once per
 * file, not once per cell: on a 100,000-row register that per-cell work was a tenth of the reading time.
 */
export function recordOf(headers: string[]): (cells: Cell[]) => Record<string, Cell> {
  const keys: string[] = [];
  const index: number[] = [];
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    // The first of two columns with the same key wins, as before.
    if (seen.has(k)) return;
    seen.add(k);
    keys.push(k);
    index.push(i);
  });
  return (cells) => {
    const out: Record<string, Cell> = {};
    for (let j = 0; j < keys.length; j++) out[keys[j]!] = cells[index[j]!] ?? null;
    return out;
  };
}
