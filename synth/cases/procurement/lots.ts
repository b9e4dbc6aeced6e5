// What the lot-pair plants (M25–M27) share: two unrelated background firms on one new lot.
import { day, SNAPSHOT, type Day } from '../../world/dates.js';
import type { Bid } from '../../world/world.js';
import { pair, ref, type PlantedCase } from '../case.js';
import type { Planter } from '../planter.js';
import { affiliation } from './affiliation.js';

export const when = (pl: Planter): Day => pl.rng.int(day(2020, 3, 1), SNAPSHOT - 120);

export function add(pl: Planter, c: Omit<PlantedCase, 'involved'> & { involved?: PlantedCase['involved'] }): void {
  pl.cases.push({ involved: [], ...c });
}

export const hex = (pl: Planter, n: number) => Array.from({ length: n }, () => '0123456789ABCDEF'[pl.rng.int(0, 15)]).join('');

/** Firms of an earlier identifier duo, per planter. */
const inIdentifierDuos = new WeakMap<Planter, Set<number>>();

/** Two unrelated background firms on one new lot with some other rivals; the first wins unless told not.
 * `ties`: the case will plant an identifier on the two bids (M25–M27). Two such firms are tied by M46's
 * reading once they bid on one more lot together (before, or in a later case's lot), and in a small county
 * the same few firms came back in several such cases, so their ties chained into bid rings nobody planted.
 * A firm therefore takes part in one identifier duo at most; where none is left, a new firm of a fresh
 * person takes the second place. */
export function duo(pl: Planter, winnerFirst = true, opts: { ties?: boolean } = {}) {
  const t = when(pl);
  const related = affiliation(pl.world);
  const used = inIdentifierDuos.get(pl) ?? inIdentifierDuos.set(pl, new Set()).get(pl)!;
  const pool = opts.ties ? pl.rivals(12, t).filter((x) => !used.has(x)) : pl.rivals(12, t);
  let a = pool[0];
  let b = a === undefined ? undefined : pool.find((y) => y !== a && !related(a as number, y));
  if (a === undefined) {
    a = pl.firm().idx;
    b = pl.firm().idx;
  } else if (b === undefined) {
    if (!opts.ties) a = pl.firm().idx;
    b = pl.firm().idx;
  }
  if (opts.ties) {
    used.add(a);
    used.add(b);
  }
  // Away from the units whose award totals a case rests on (M31's), once those exist.
  const org = pl.orgFor(a, pl.reservedUnits);
  const lot = pl.lot(org, t, [a, b, ...pl.rivals(2, t, [a, b])], winnerFirst ? a : null, { pin: [a, b] });
  const [ba, bb] = lot.bids as [Bid, Bid];
  return { a: { idx: a }, b: { idx: b }, org, lot, ba, bb, key: [...pair(pl.world, a, b), ref('Project', lot.project.idx)] };
}
