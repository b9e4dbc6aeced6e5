// Columns found by what they hold. An export whose headers share nothing with a mapping's aliases (English
// or pinyin column names, a vendor's own: 证照号码, PERSON_ID) still holds ID numbers that pass GB 11643,
// credit codes that pass GB 32100, dates, 与户主关系 codes. When nearly every sampled value of a header no
// column reads passes the normaliser of a column that found none, that header is offered for the column.
// Only normalisers whose values are hard to pass by chance are used: a name, an amount or a count looks
// like any other.
import type { Cell } from '../normalise/index.js';
import { NORMALISERS } from '../normalise/index.js';
import { likeness } from '../close-headers.js';
import { headerKey } from '../readers/header.js';
import type { ColumnSpec, Mapping } from './types.js';

/** Normalisers a value passes by being what it says, not by being any text or number. */
const TELLING = new Set(['idNo', 'uscc', 'partyId', 'date', 'datetime', 'kinCode', 'phone', 'email', 'enum']);
/** Share of a header's sampled values the normaliser must accept. */
const PASS = 0.9;
/** Values a header needs before its share means anything. */
const AT_LEAST = 3;

export interface ValueMatch {
  header: string;
  passed: number;
  of: number;
}

/** A header's sampled values: the cells of up to the first rows read, empty ones left out. */
export type Sample = Map<string, Cell[]>;

function telling(c: ColumnSpec): boolean {
  const n = c.normalise;
  if (!('opts' in n) || !TELLING.has(n.type)) return false;
  // An enum passing everything through tells nothing.
  return !(n.type === 'enum' && n.opts.passthrough === true);
}

function passes(c: ColumnSpec, v: Cell): boolean {
  const n = c.normalise as { type: string; opts: Record<string, unknown> };
  // A date read from a bare number of six digits or fewer is an Excel serial or an epoch: any amount or count
  // would pass as one.
  if ((n.type === 'date' || n.type === 'datetime') && /^\d{1,6}(\.\d+)?$/.test(String(v).trim())) return false;
  try {
    return NORMALISERS[n.type]!.run(v, n.opts) !== null;
  } catch {
    return false;
  }
}

/** A header whose name looks like a column's but whose values say otherwise. */
export interface Contradiction extends ValueMatch {
  /** A sampled value the column's normaliser refused. */
  example: string;
}

/** Share of a look-alike header's sampled values below which its values speak against it. */
const CONTRADICTED = 0.5;

/**
 * Whether a header that looks like column `c` by name holds values that column would refuse: 处分影响期（月）
 * (a count of months) looks like 影响期止 (a date) by its name. Only for columns whose values tell (an ID
 * number, a date, a code), and only when at least half of enough sampled values fail.
 */
export function contradicted(c: ColumnSpec, header: string, values: Cell[]): Contradiction | undefined {
  if (c.join || !telling(c) || values.length < AT_LEAST) return undefined;
  const failed = values.filter((v) => !passes(c, v));
  const passed = values.length - failed.length;
  if (passed / values.length >= CONTRADICTED) return undefined;
  return { header, passed, of: values.length, example: String(failed[0]) };
}

/**
 * For the columns of `m` in `open` (those that found no header), the header among `free` whose sampled values
 * pass the column's normaliser, best first by share, then by how alike the header is to the column's aliases.
 * A header goes to one column only, required columns choosing first.
 */
export function matchByValues(m: Mapping, open: string[], free: string[], sample: Sample): Record<string, ValueMatch> {
  const taken = new Set<string>();
  const out: Record<string, ValueMatch> = {};
  const columns = open
    .map((id) => m.columns[id]!)
    .filter((c) => !c.join && telling(c))
    .sort((a, b) => Number(b.required) - Number(a.required));
  for (const c of columns) {
    let best: (ValueMatch & { like: number }) | undefined;
    for (const header of free) {
      if (taken.has(header)) continue;
      const values = sample.get(header) ?? [];
      if (values.length < AT_LEAST) continue;
      const passed = values.filter((v) => passes(c, v)).length;
      if (passed / values.length < PASS) continue;
      const like = Math.max(0, ...c.headers.map((a) => likeness(headerKey(a), headerKey(header))));
      const better =
        !best || passed / values.length > best.passed / best.of || (passed / values.length === best.passed / best.of && like > best.like);
      if (better) best = { header, passed, of: values.length, like };
    }
    if (best) {
      taken.add(best.header);
      out[c.id] = { header: best.header, passed: best.passed, of: best.of };
    }
  }
  return out;
}
