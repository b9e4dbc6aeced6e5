// M45 the lowest bid thrown out and a dearer bid wins: A1 12% dearer, A2 7% dearer; near misses N1 the
// winner only 0.5% dearer, N2 the lowest bid lost without being thrown out (a higher one was).
import type { Bid, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidsByProject } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { DISQUALIFY_REASONS } from '../../world/disqualify.js';
import { field } from './field.js';
import { add } from './lots.js';

const MODEL = 'procurement.lowest-bid-disqualified';
const D = modelDefaults(MODEL);
const ROLES = ['company', 'winner', 'project'];

function bidding(pl: Planter): void {
  /** A lot of three firms: the second bids `below` under the winner; `outBid` (1 or 2) is thrown out. */
  const plant = (id: string, expected: 'alert' | 'no_alert', kind: string, below: number, outBid: 1 | 2, note: string) => {
    const f = field(pl, 3);
    const [win, low, third] = f.bids as [Bid, Bid, Bid];
    low.price = Math.round(win.price * (1 - below));
    third.price = Math.max(third.price, win.price + 1000);
    const thrown = outBid === 1 ? low : third;
    thrown.disqualified = true;
    thrown.disqualifyReason = pl.rng.pick(DISQUALIFY_REASONS);
    const key = [ref('Company', f.firms[1] as number), ref('Company', f.firms[0] as number), ref('Project', f.project.idx)];
    add(pl, { model: D.catalog, id, expected, kind, key, roles: ROLES, note });
  };
  plant('M45-A1', 'alert', 'lowest_out_dearer_wins', 0.12, 1, 'the lowest bid thrown out, the lot won 12% dearer');
  plant('M45-A2', 'alert', 'lowest_out_dearer_wins', 0.07, 1, 'the lowest bid thrown out, the lot won 7% dearer');
  plant('M45-N1', 'no_alert', 'near_miss_small_gap', 0.004, 1, 'the lowest bid thrown out, but the winner only 0.4% dearer');
  plant('M45-N2', 'no_alert', 'near_miss_lowest_lost_valid', 0.1, 2, 'the lowest bid lost without being thrown out; a dearer rival was');
}

/** Awards at least minGapRatio above the lowest price of the lot, where a losing firm's bid at that price is out. */
export function lowestOutMatches(w: World): Found[] {
  const gap = D.num('minGapRatio');
  const bids = bidsByProject(w);
  const found: Found[] = [];
  for (const a of w.awards) {
    const lot = bids.get(a.project) ?? [];
    if (!lot.length) continue;
    const lowest = Math.min(...lot.map((b) => b.price));
    if (a.amount < lowest * (1 + gap)) continue;
    const firms = new Set(lot.filter((b) => b.price === lowest && b.disqualified && b.company !== a.company).map((b) => b.company));
    for (const c of firms) found.push({ key: [ref('Company', c), ref('Company', a.company), ref('Project', a.project)], roles: ROLES });
  }
  return found;
}

export const lowestBidDisqualified: CaseModule = { model: MODEL, bidding, oracle: lowestOutMatches };
