// M43 a competitive tender awarded on one bid: A1 an open tender, A2 an invited tender; near misses N1 a
// direct award (one firm by design), N2 a lone bid on a lot never awarded, N3 two bidders.
import type { Org, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidsByProject } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { field, type FieldOpts } from './field.js';
import { add } from './lots.js';

const MODEL = 'procurement.single-bid-competitive-tender';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  const plant = (id: string, expected: 'alert' | 'no_alert', kind: string, n: number, opts: FieldOpts, note: string) => {
    const f = field(pl, n, opts);
    add(pl, { model: D.catalog, id, expected, kind, key: [ref('Company', f.firms[0] as number), ref('Project', f.project.idx)], note });
  };
  plant('M43-A1', 'alert', 'single_bid_open_tender', 1, { method: '公开招标' }, 'an open tender drew one bid, and that bid won');
  plant('M43-A2', 'alert', 'single_bid_invited_tender', 1, { method: '邀请招标' }, 'an invited tender drew one bid, and that bid won');
  // A small job of the unit that awarded the most, so no unit's share of direct awards (M36) moves much.
  plant(
    'M43-N1',
    'no_alert',
    'near_miss_direct_award',
    1,
    { method: '直接发包', budget: 80_000, org: biggest(pl) },
    'a direct award: one firm by design',
  );
  plant('M43-N2', 'no_alert', 'near_miss_never_awarded', 1, { awarded: false }, 'one bid, but the lot was not awarded (it went out again)');
  plant('M43-N3', 'no_alert', 'near_miss_two_bidders', 2, {}, 'two firms bid');
}

/** The county unit (not a village, not one a case reserved) with the largest award total so far. */
function biggest(pl: Planter): Org | undefined {
  const totals = new Map<number, number>();
  for (const a of pl.world.awards) {
    const o = pl.world.projects[a.project]?.org;
    if (o !== undefined) totals.set(o, (totals.get(o) ?? 0) + a.amount);
  }
  const units = pl.world.orgs.filter((o) => o.village === undefined && !pl.reservedUnits.has(o.idx));
  return units.sort((a, b) => (totals.get(b.idx) ?? 0) - (totals.get(a.idx) ?? 0) || a.idx - b.idx)[0];
}

/** Awards of a competitive tender on which at most maxBidders different firms bid (and at least one did). */
export function singleBidMatches(w: World): Found[] {
  const [methods, maxBidders, minAmount] = [D.strings('methods'), D.num('maxBidders'), D.num('minAmount')];
  const bids = bidsByProject(w);
  const out: Found[] = [];
  for (const a of w.awards) {
    const p = w.projects[a.project];
    const firms = new Set((bids.get(a.project) ?? []).map((b) => b.company));
    if (p && methods.includes(p.method) && a.amount >= minAmount && firms.size >= 1 && firms.size <= maxBidders)
      out.push({ key: [ref('Company', a.company), ref('Project', a.project)] });
  }
  return out;
}

export const singleBidCompetitiveTender: CaseModule = { model: MODEL, bidding, oracle: singleBidMatches };
