// One JSON-lines record → the rows a mapping reads. Nested objects are reachable by dotted paths
// (`tender.tenderers.address.streetAddress`) beside the top-level keys, which keep their value (an object
// as JSON text, as before). `expand` names an array: one row per element, the element's fields under the
// array's path and every other field of the record beside them. Kept apart from the reader so the
// reader's own limits (nesting depth, line length) stay in one place.
import type { Cell } from '../normalise/index.js';
import { headerKey } from './header.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v: Json): Cell => (v === null || typeof v !== 'object' ? v : JSON.stringify(v));

/** Every field of `o` at its dotted path under `prefix`: scalars as they are, objects and arrays also as JSON text. */
function flatten(o: Record<string, Json>, prefix: string, out: Record<string, Cell>): Record<string, Cell> {
  for (const [k, v] of Object.entries(o)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out[p] = scalar(v);
    if (isObject(v)) flatten(v, p, out);
  }
  return out;
}

/** The value at a dotted path, or undefined. */
function at(o: Record<string, Json>, path: string): Json | undefined {
  let v: Json | undefined = o;
  for (const k of path.split('.')) v = isObject(v) ? v[k] : undefined;
  return v;
}

/**
 * The rows of one record, as path → cell. With `expand`, one row per element of the array at that path
 * (an element that is not an object sits at the path itself); a record whose array is missing or empty
 * still gives one row, with the element's fields empty, so it is loaded or rejected rather than lost.
 */
export function recordRows(o: Record<string, unknown>, expand?: string): Record<string, Cell>[] {
  const rec = o as Record<string, Json>;
  const base = flatten(rec, '', {});
  if (!expand) return [base];
  const list = at(rec, expand);
  if (!Array.isArray(list) || list.length === 0) return [base];
  return list.map((el) => {
    const row = { ...base };
    for (const k of Object.keys(row)) if (k === expand || k.startsWith(`${expand}.`)) delete row[k];
    if (isObject(el)) flatten(el, expand, row);
    else row[expand] = scalar(el);
    return row;
  });
}

/**
 * A record's fields keyed as headers are (NFKC, no spaces, lower case: 上传IP → 上传ip), so that a mapping's
 * header aliases find them. Every record repeats the same few keys, so each key is worked out once per file.
 */
export function headerKeyed(): (rec: Record<string, Cell>) => Record<string, Cell> {
  const keys = new Map<string, string>();
  const keyOf = (k: string) => keys.get(k) ?? keys.set(k, headerKey(k)).get(k)!;
  return (rec) => {
    const values: Record<string, Cell> = {};
    for (const [k, v] of Object.entries(rec)) values[keyOf(k)] = v;
    return values;
  };
}
