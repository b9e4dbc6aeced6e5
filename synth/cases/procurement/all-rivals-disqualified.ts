// M44 every bid but the winner's thrown out: A1 three rivals out, A2 two rivals out; near misses N1 one of
// three rivals still valid, N2 the one rival out (below minRivals).
import type { Bid, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidsByProject } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { DISQUALIFY_REASONS } from '../../world/disqualify.js';
import { field } from './field.js';
import { add } from './lots.js';

const MODEL = 'procurement.all-rivals-disqualified';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  /** A lot of `n` firms whose rivals' bids are thrown out, but for the last `valid` of them. */
  const plant = (id: string, expected: 'alert' | 'no_alert', kind: string, n: number, valid: number, note: string) => {
    const f = field(pl, n);
    f.bids.slice(1, n - valid).forEach((b) => {
      b.disqualified = true;
      b.disqualifyReason = pl.rng.pick(DISQUALIFY_REASONS);
    });
    add(pl, { model: D.catalog, id, expected, kind, key: [ref('Company', f.firms[0] as number), ref('Project', f.project.idx)], note });
  };
  plant('M44-A1', 'alert', 'all_rivals_out', 4, 0, 'the bids of all three rivals thrown out, the winner left alone');
  plant('M44-A2', 'alert', 'all_rivals_out', 3, 0, 'the bids of both rivals thrown out, the winner left alone');
  plant('M44-N1', 'no_alert', 'near_miss_one_rival_valid', 4, 1, 'two of three rivals thrown out, one still valid');
  plant('M44-N2', 'no_alert', 'near_miss_one_rival', 2, 0, 'the only rival thrown out: a two-bid lot, below minRivals');
}

const out = (b: Bid) => b.disqualified === true;

/** Awards where the winner has a valid bid and every other firm's bid, from at least minRivals firms, is out. */
export function allRivalsOutMatches(w: World): Found[] {
  const minRivals = D.num('minRivals');
  const bids = bidsByProject(w);
  const found: Found[] = [];
  for (const a of w.awards) {
    const lot = bids.get(a.project) ?? [];
    const others = lot.filter((b) => b.company !== a.company);
    const own = lot.filter((b) => b.company === a.company);
    if (own.some((b) => !out(b)) && others.every(out) && new Set(others.map((b) => b.company)).size >= minRivals)
      found.push({ key: [ref('Company', a.company), ref('Project', a.project)] });
  }
  return found;
}

export const allRivalsDisqualified: CaseModule = { model: MODEL, bidding, oracle: allRivalsOutMatches };
