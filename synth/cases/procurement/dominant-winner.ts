// M31 one firm takes most of one unit's award value: A1, A2; near miss N1 most of the value, too few
// awards. The firm has no tie to the unit's officials, or this would also be an M03 case. A unit with
// fewer than unitMinAwards awards is padded with small lots other firms win, so the sample is large enough.
import type { Org, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';
import { when } from './lots.js';

const MODEL = 'procurement.dominant-winner';
const D = modelDefaults(MODEL);

/** The three quietest units get a dominant winner each (two alerts, one near miss). */
function bidding(pl: Planter): void {
  const [dominantMinAwards, unitMinAwards] = [D.num('dominantMinAwards'), D.num('unitMinAwards')];
  const w = pl.world;
  const totals = new Map<number, number>();
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (p) totals.set(p.org, (totals.get(p.org) ?? 0) + a.amount);
  }
  const quiet = w.orgs
    .filter((o) => o.village === undefined)
    .sort((a, b) => (totals.get(a.idx) ?? 0) - (totals.get(b.idx) ?? 0) || a.idx - b.idx);
  const dominate = (org: Org, n: number, id: string, expected: 'alert' | 'no_alert', kind: string, note: string) => {
    let X = pl.firm();
    // The firm must have no tie to the unit's officials, or this would also be an M03 case.
    for (let tries = 0; tries < 30 && !pl.cleanFor(org.idx, X.idx); tries++) X = pl.firm();
    if (!pl.cleanFor(org.idx, X.idx)) throw new Error('procurement plant: no firm clean for the dominant-winner unit');
    const base = Math.max(800_000, Math.ceil(((totals.get(org.idx) ?? 0) * 0.9) / 1000) * 1000);
    const lots: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = when(pl);
      const amount = base + pl.rng.int(0, 200) * 1000;
      lots.push(
        pl.lot(org, t, [X.idx, ...pl.rivals(2, t)], X.idx, { amount, budget: Math.round(amount * 1.08), pin: [X.idx] }).project.idx,
      );
    }
    // Small lots of other firms until the unit has made unitMinAwards awards: a sample the model will judge.
    // Every bidder clean for the unit too (a firm of an official's kin winning there is an M03 case).
    const made = () => w.awards.filter((a) => w.projects[a.project]?.org === org.idx).length;
    while (made() < unitMinAwards) {
      const t = when(pl);
      const [r, ...others] = pl.rivals(12, t, [X.idx]).filter((c) => pl.cleanFor(org.idx, c));
      if (r === undefined) throw new Error('procurement plant: no clean firm to fill the dominant-winner unit');
      pl.lot(org, t, [r, ...others.slice(0, 2)], r, { amount: 20_000, budget: 21_600, pin: [r] });
    }
    pl.cases.push({
      model: D.catalog,
      id,
      expected,
      kind,
      key: [ref('Org', org.idx), ref('Company', X.idx)],
      involved: lots.map((p) => ref('Project', p)),
      note,
    });
  };
  const [o1, o2, o3] = quiet as [Org, Org, Org];
  dominate(
    o1,
    dominantMinAwards + 1,
    'M31-A1',
    'alert',
    'dominant_winner',
    `one firm won ${dominantMinAwards + 1} of the unit's awards, most of their value (标王)`,
  );
  dominate(
    o3,
    dominantMinAwards,
    'M31-A2',
    'alert',
    'dominant_winner',
    `one firm won ${dominantMinAwards} of the unit's awards, most of their value`,
  );
  dominate(
    o2,
    dominantMinAwards - 2,
    'M31-N1',
    'no_alert',
    'near_miss_too_few_awards',
    `one firm holds most of the unit's award value, but with only ${dominantMinAwards - 2} awards`,
  );
  for (const o of [o1, o2, o3]) pl.reservedUnits.add(o.idx);
}

/**
 * One firm took more than dominantShare of a unit's award value or more than dominantCountShare of its awards,
 * with at least dominantMinAwards awards, in a unit that made at least unitMinAwards.
 */
export function dominantMatches(w: World): Found[] {
  const [dominantShare, dominantMinAwards] = [D.num('dominantShare'), D.num('dominantMinAwards')];
  const [countShare, unitMinAwards] = [D.num('dominantCountShare'), D.num('unitMinAwards')];
  const out: Found[] = [];
  const byOrg = new Map<number, Map<number, { n: number; amount: number }>>();
  const totals = new Map<number, number>();
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (!p) continue;
    totals.set(p.org, (totals.get(p.org) ?? 0) + a.amount);
    const m = byOrg.get(p.org) ?? byOrg.set(p.org, new Map()).get(p.org)!;
    const s = m.get(a.company) ?? m.set(a.company, { n: 0, amount: 0 }).get(a.company)!;
    s.n++;
    s.amount += a.amount;
  }
  for (const [org, m] of byOrg) {
    const total = totals.get(org) ?? 0;
    const n = [...m.values()].reduce((sum, s) => sum + s.n, 0);
    if (n < unitMinAwards) continue;
    for (const [c, s] of m)
      if (s.n >= dominantMinAwards && ((total > 0 && s.amount / total > dominantShare) || s.n / n > countShare))
        out.push({ key: [ref('Org', org), ref('Company', c)] });
  }
  return out;
}

export const dominantWinner: CaseModule = { model: MODEL, bidding, oracle: dominantMatches };
