// Relationships that hold over time (on a payroll, insured by an employer) stored as spells: `from` (first
// day), `to` (last day; empty while it still runs) and `months` (calendar months it touches). A spell export
// gives them per row; a monthly export gives one month per row, and the months of a pair are coalesced:
// overlapping or adjacent pieces become one spell, a gap starts a new one. The union of intervals does not
// depend on the order or the repetition of the pieces, so loading month files in any order, twice, or over a
// spell file gives the same spells (docs/loaders.md "Spells").
//
// Pure. The online writer coalesces a batch's pieces here and merges them with the stored spells in Cypher
// (writer/cypher.ts spellMergeQuery, same rules); the bulk path's image runs mergeSpells over both at once.
import type { Value } from './normalise/index.js';

/** One interval with the values it carries. `old` marks a spell already stored (its relationship). */
export interface Piece<T = unknown> {
  from: string;
  /** null: still running. */
  to: string | null;
  /** Source row that wrote it (0 for stored spells: a new piece wins a tie). */
  row: number;
  p: Record<string, Value | null>;
  old?: T;
}

export interface Spell<T = unknown> {
  from: string;
  to: string | null;
  months: number | null;
  /** The last source row among the new pieces (provenance), or 0 when none is new. */
  row: number;
  /** Per property, the non-empty value of the latest piece that has one. */
  p: Record<string, Value>;
  pieces: Piece<T>[];
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of the month of an ISO date. */
export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return ymd(new Date(Date.UTC(y, m, 0)));
}

const nextDay = (iso: string) => ymd(new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000));

/** Calendar months from the month of `from` to the month of `to`, both counted; null while open. */
export function monthsOf(from: string, to: string | null): number | null {
  if (to === null) return null;
  const n = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
  return n(to) - n(from) + 1;
}

/** Later end first (open is latest), then a new piece before a stored one, then the later source row. */
function latestFirst(a: Piece, b: Piece): number {
  const end = (x: Piece) => x.to ?? '9999-12-31';
  if (end(a) !== end(b)) return end(a) < end(b) ? 1 : -1;
  if ((a.old === undefined) !== (b.old === undefined)) return a.old === undefined ? -1 : 1;
  return b.row - a.row;
}

/**
 * A spell export's row that ends, read over a stored spell with the same start that was still running: the
 * department has closed the spell (a 终止年月 filled in a later delivery). Only for spell exports: a month
 * piece starting the month an open spell began says nothing about its end.
 */
export function closeOpen<T>(pieces: Piece<T>[]): Piece<T>[] {
  const ends = new Map<string, string>();
  for (const x of pieces) {
    const end = ends.get(x.from);
    if (x.old === undefined && x.to !== null && (end === undefined || x.to > end)) ends.set(x.from, x.to);
  }
  return pieces.map((x) => (x.old !== undefined && x.to === null && ends.has(x.from) ? { ...x, to: ends.get(x.from)! } : x));
}

/** Groups pieces into spells: sorted by start, a piece starting no later than the day after the spell's end joins it. */
export function mergeSpells<T>(pieces: Piece<T>[]): Spell<T>[] {
  const sorted = [...pieces].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const groups: Piece<T>[][] = [];
  let end: string | null = '';
  for (const x of sorted) {
    const g = groups.at(-1);
    if (g && (end === null || x.from <= nextDay(end))) {
      g.push(x);
      end = end === null || x.to === null ? null : x.to > end ? x.to : end;
    } else {
      groups.push([x]);
      end = x.to;
    }
  }
  return groups.map((g) => {
    const from = g[0]!.from;
    const to = g.some((x) => x.to === null) ? null : g.reduce((m, x) => (x.to! > m ? x.to! : m), g[0]!.to!);
    const p: Record<string, Value> = {};
    for (const x of [...g].sort(latestFirst))
      for (const [k, v] of Object.entries(x.p)) if (v !== null && v !== undefined && p[k] === undefined) p[k] = v;
    const row = g.reduce((m, x) => (x.old === undefined && x.row > m ? x.row : m), 0);
    return { from, to, months: monthsOf(from, to), row, p, pieces: g };
  });
}
