// M32 a new, empty firm wins big: A1, A2; near misses N1 new but staffed, N2 new and empty but a
// small award. Its lots keep away from the dominant-winner units.
import type { World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';
import { when } from './lots.js';

const MODEL = 'procurement.shell-winner';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  const shell = (
    id: string,
    expected: 'alert' | 'no_alert',
    kind: string,
    insured: number,
    amount: number,
    ageDays: number,
    note: string,
  ) => {
    const t = when(pl);
    const S = pl.firm({ founded: t - ageDays, insured });
    S.capitalWan = 100;
    const proj = pl.lot(pl.orgFor(S.idx, pl.reservedUnits), t, [S.idx, ...pl.rivals(3, t)], S.idx, {
      amount,
      budget: Math.round(amount * 1.1),
      pin: [S.idx],
    }).project.idx;
    pl.cases.push({ model: D.catalog, id, expected, kind, key: [ref('Company', S.idx), ref('Project', proj)], involved: [], note });
  };
  shell('M32-A1', 'alert', 'shell_winner', 1, 2_860_000, 150, 'founded 5 months before the tender, 1 insured, wins ¥2.86m');
  shell('M32-A2', 'alert', 'shell_winner', 0, 1_450_000, 240, 'founded 8 months before the tender, nobody insured, wins ¥1.45m');
  shell('M32-N1', 'no_alert', 'near_miss_new_but_staffed', 45, 2_300_000, 200, 'new, but 45 insured staff');
  shell('M32-N2', 'no_alert', 'near_miss_tiny_but_small_award', 2, 680_000, 180, 'new and empty, but the award is only ¥680k');
}

/** A company founded less than shellMaxAgeDays before a large award, with few insured staff. */
export function shellMatches(w: World): Found[] {
  const [maxAge, maxInsured, minAmount] = [D.num('shellMaxAgeDays'), D.num('shellMaxInsured'), D.num('shellMinAmount')];
  const out: Found[] = [];
  for (const a of w.awards) {
    const c = w.companies[a.company];
    if (c && a.amount > minAmount && a.date - c.founded < maxAge && (c.insured ?? Infinity) <= maxInsured)
      out.push({ key: [ref('Company', a.company), ref('Project', a.project)] });
  }
  return out;
}

export const shellWinner: CaseModule = { model: MODEL, bidding, oracle: shellMatches };
