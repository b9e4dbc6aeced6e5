// The month a delta delivers and who may take part in it: shared by every feed's part of synth/delta.ts.
import { ageOn, day, iso, SNAPSHOT, type Day } from '../world/dates.js';
import { monthDay, monthEnd, monthIndex } from '../world/months.js';
import type { Rng } from '../world/prng.js';
import type { Person, World } from '../world/world.js';

/** The month after the snapshot: July 2024. */
export const DELTA_MONTH = monthIndex(SNAPSHOT) + 1;
export const FIRST: Day = monthDay(DELTA_MONTH);
export const LAST: Day = monthEnd(FIRST);
/**
 * The day the month's delivery is dated: the registers it carries whole are as of the month's end, so what
 * a full snapshot leaves out is ended on this day (loaders/core/snapshot.ts). Both loads of one delta must
 * be given the same date, or the two graphs differ by these `to` dates.
 */
export const DELIVERED = iso(LAST);
/** A day of the month, 1–31. */
export const july = (d: number): Day => day(2024, 7, d);

/** `share` of `xs` (at least `min` when there are that many), spread evenly over them. */
export function every<T>(xs: readonly T[], share: number, min = 1): T[] {
  if (!xs.length) return [];
  const n = Math.min(xs.length, Math.max(min, Math.round(xs.length * share)));
  return Array.from({ length: n }, (_, i) => xs[Math.floor(((i + 0.5) * xs.length) / n)]!);
}

/** How many of something a county of `persons` has in a month, at `perPerson` a month, at least `min`. */
export const perMonth = (persons: number, perPerson: number, min = 1): number => Math.max(min, Math.round(persons * perPerson));

/**
 * The people the month may touch, each at most once: someone who dies in July is not also appointed,
 * married or fined in it. Only living, unplanted residents (planted cases stay as the eval expects them).
 */
export class People {
  private readonly used = new Set<number>();

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly busy: ReadonlySet<number>,
  ) {}

  /** Takes `p` when the month has not touched them yet (and they are alive and unplanted); says whether it did. */
  claim(p: Person): boolean {
    if (p.planted || p.cancel || this.used.has(p.idx)) return false;
    this.used.add(p.idx);
    return true;
  }

  /** Up to `n` distinct people aged `min`–`max` on the snapshot who pass `ok`, drawn at random. */
  take(n: number, min: number, max: number, ok: (p: Person) => boolean = () => true): Person[] {
    const pool = this.world.persons.filter(
      (p) =>
        !p.planted &&
        !p.cancel &&
        !this.used.has(p.idx) &&
        !this.busy.has(p.idx) &&
        ageOn(p.birth, SNAPSHOT) >= min &&
        ageOn(p.birth, SNAPSHOT) <= max &&
        ok(p),
    );
    const out = this.rng.sample(pool, Math.min(n, pool.length));
    for (const p of out) this.used.add(p.idx);
    return out;
  }
}
