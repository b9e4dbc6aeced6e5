// A column merged down over rows in the spreadsheet a CSV was saved from (a household's 户号 over its
// members): the CSV holds the value on the first row only, and the rows under it are empty there. A mapping
// column with `fillDown` gives each empty cell (or 同上, 〃) the value above it, as a clerk's 定位空值 + fill
// does in Excel.
// It needs the rows in file order, so such a file is read in one piece, never cut into ranges for threads.
import type { Mapping } from './mapping/types.js';
import type { DataRow } from './readers/reader-types.js';
import type { Bound } from './transform.js';

export const fillsDown = (m: Mapping): boolean => Object.values(m.columns).some((c) => c.fillDown);

/**
 * What a cell is filled over: an empty one, and the ditto marks tables write for "as above" (同上, 〃). Not
 * 无 or —: those say there is no value, and stay for the normaliser to read as empty.
 */
const DITTO = new Set(['同上', '仝上', '〃', '"', '”', "''"]);
const fillable = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && (v.trim() === '' || DITTO.has(v.trim())));

/** Fills a file's rows in place, in file order; undefined when the mapping fills no column. */
export function downFiller(bound: Bound): ((data: DataRow) => void) | undefined {
  const keys = Object.values(bound.mapping.columns)
    .filter((c) => c.fillDown)
    .map((c) => bound.keys[c.id])
    .filter((k): k is string => k !== undefined);
  if (!keys.length) return undefined;
  const above = new Map<string, unknown>();
  return (data) => {
    if (data.error) return;
    for (const k of keys) {
      const v = data.values[k];
      if (fillable(v)) {
        if (above.has(k)) data.values[k] = above.get(k) as DataRow['values'][string];
      } else above.set(k, v);
    }
  };
}
