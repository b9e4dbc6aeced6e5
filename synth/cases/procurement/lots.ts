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

/** Two unrelated background firms on one new lot with some other rivals; the first wins unless told not. */
export function duo(pl: Planter, winnerFirst = true) {
  const t = when(pl);
  const related = affiliation(pl.world);
  const pool = pl.rivals(12, t);
  let a = pool[0] as number;
  let b = pool.find((x) => x !== a && !related(a, x));
  if (b === undefined) {
    a = pl.firm().idx;
    b = pl.firm().idx;
  }
  // Away from the units whose award totals a case rests on (M31's), once those exist.
  const org = pl.orgFor(a, pl.reservedUnits);
  const lot = pl.lot(org, t, [a, b, ...pl.rivals(2, t, [a, b])], winnerFirst ? a : null, { pin: [a, b] });
  const [ba, bb] = lot.bids as [Bid, Bid];
  return { a: { idx: a }, b: { idx: b }, org, lot, ba, bb, key: [...pair(pl.world, a, b), ref('Project', lot.project.idx)] };
}
