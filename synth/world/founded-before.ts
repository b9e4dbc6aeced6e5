// The companies of a bidding pool founded before a day, in the pool's order, counted and picked by rank without
// filtering the whole pool for every lot. A ten-million-person county has 166,667 bidding firms and 100,000
// background lots: filtering the pool per lot took about ten minutes of its generation (docs/bench.md).
import type { Day } from './dates.js';

/** Companies per block: each lot binary-searches every block and scans one. */
const BLOCK = 512;

/** What the index needs of a company. */
interface Founded {
  founded: Day;
}

/** Those founded before one day: as many as the filtered pool would hold, and its k-th, same order. */
export interface FoundedView<T> {
  readonly length: number;
  /** The k-th (from 0) of them in the pool's order: what `pool.filter(before)[k]` would be. */
  at(k: number): T;
  /** All of them in the pool's order, as the filter would give them (for the rare walk over all). */
  list(): T[];
}

export class FoundedBefore<T extends Founded> {
  readonly #items: readonly T[];
  /** Each block's founding days, sorted: how many of a block were founded before a day, by binary search. */
  readonly #sorted: Float64Array[] = [];

  constructor(items: readonly T[]) {
    this.#items = items;
    for (let b = 0; b < items.length; b += BLOCK) this.#sorted.push(Float64Array.from(items.slice(b, b + BLOCK), (c) => c.founded).sort());
  }

  /** The companies founded before `day` (strictly). */
  before(day: Day): FoundedView<T> {
    const counts = this.#sorted.map((s) => lowerBound(s, day));
    const length = counts.reduce((a, b) => a + b, 0);
    const items = this.#items;
    return {
      length,
      at: (k) => {
        if (!Number.isInteger(k) || k < 0 || k >= length) throw new RangeError(`no company ${k} of ${length} founded before ${day}`);
        let b = 0;
        while (k >= counts[b]!) k -= counts[b++]!;
        for (let i = b * BLOCK; ; i++) if (items[i]!.founded < day && k-- === 0) return items[i]!;
      },
      list: () => items.filter((c) => c.founded < day),
    };
  }
}

/** How many of the sorted `s` are below `x`. */
function lowerBound(s: Float64Array, x: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
