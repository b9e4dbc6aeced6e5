import type { Cell } from '../normalise/index.js';

/** A row with nothing in it (missing, null or blank cells): not a data row in any format, and not a header. */
export const isEmptyRow = (cells: Cell[]): boolean =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
