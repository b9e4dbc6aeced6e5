// What the bid-pattern plants (M43–M45, M29's near misses) share: a new lot of one unit with a field of
// background firms nobody links to each other, so the lot-pair models see nothing on it, all of them
// old enough (over a year) that a win never reads as a shell winner's (M32).
import type { Bid, Company, Org, Project } from '../../world/world.js';
import type { Planter } from '../planter.js';
import { affiliation } from './affiliation.js';
import { when } from './lots.js';

export interface Field {
  project: Project;
  org: Org;
  /** The firms in bidding order; the first is the winner unless the lot was left unawarded. */
  firms: number[];
  /** One bid per firm, same order. */
  bids: Bid[];
}

/** `n` unrelated firms on a new lot (method 公开招标 unless told), the first winning unless `awarded: false`;
 * every bid pinned, so the bid clean-up never withdraws the bids a case rests on. */
export interface FieldOpts {
  method?: Project['method'];
  awarded?: boolean;
  budget?: number;
  /** The tendering unit, when the winner is clean for it (else the next unit in turn). */
  org?: Org;
}

export function field(pl: Planter, n: number, opts: FieldOpts = {}): Field {
  const t = when(pl);
  const related = affiliation(pl.world);
  const old = (c: number) => (pl.world.companies[c] as Company).founded < t - 400;
  const firms: number[] = [];
  for (const c of pl.rivals(n * 4, t)) if (firms.length < n && old(c) && firms.every((x) => !related(x, c))) firms.push(c);
  // A small county runs short of unrelated background firms: new firms of fresh people fill the field.
  while (firms.length < n) firms.push(pl.firm().idx);
  const org = opts.org && pl.cleanFor(opts.org.idx, firms[0] as number) ? opts.org : pl.orgFor(firms[0], pl.reservedUnits);
  const { project, bids } = pl.lot(org, t, firms, opts.awarded === false ? null : (firms[0] as number), {
    pin: firms,
    ...(opts.budget !== undefined ? { budget: opts.budget } : {}),
  });
  if (opts.method) project.method = opts.method;
  return { project, org, firms, bids };
}
