// A cell holding several values, as departments write lists: 涉案人员 "3301…、3302…", a joint bid's members
// "9133…；9133…". A mapping column with `split` reads such a row once per value, the other cells alike, as
// a JSON-lines `expand` reads one row per element of an array: each value is normalised, checked and
// rejected on its own, and every row of the cell carries the row's number.
import type { DataRow } from './readers/reader-types.js';
import type { Bound } from './transform.js';

const escape = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

/** The split column's header key and the pattern between its values; undefined when the mapping splits none. */
export function splitterOf(bound: Bound): { key: string; at: RegExp } | undefined {
  const c = Object.values(bound.mapping.columns).find((x) => x.split !== undefined);
  const key = c && bound.keys[c.id];
  if (!c || key === undefined) return undefined;
  return { key, at: new RegExp(`[${escape(c.split!)}]+`) };
}

/** The row once per value of its split cell; the row itself when the cell holds one value or none. */
export function splitRow(splitter: ReturnType<typeof splitterOf>, data: DataRow): DataRow[] {
  if (!splitter) return [data];
  const cell = data.values[splitter.key];
  if (typeof cell !== 'string' || !splitter.at.test(cell)) return [data];
  const values = cell
    .split(splitter.at)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length <= 1) return [{ ...data, values: { ...data.values, [splitter.key]: values[0] ?? '' } }];
  return values.map((v) => ({ ...data, values: { ...data.values, [splitter.key]: v } }));
}
