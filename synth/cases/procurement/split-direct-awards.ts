// M35 direct awards split below the threshold: A1 three road jobs for one firm, A2 four village payments
// for one hall repair; near miss N1 three jobs for one firm, spread beyond the window.
import { day } from '../../world/dates.js';
import type { DirectTools } from '../../world/direct-awards.js';
import type { DirectAward, Org, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';
import { payeeRef } from './payees.js';

const MODEL = 'procurement.split-direct-awards';
const D = modelDefaults(MODEL);

function direct(pl: Planter, { push, cleanFirm, people, taint }: DirectTools): void {
  const world = pl.world;
  const units = world.orgs.filter((o) => o.village === undefined);
  const u1 = units[units.length - 1] as Org;
  const u2 = units[units.length - 2] as Org;
  const f1 = cleanFirm(u1);
  const f2 = cleanFirm(u2);
  if (f1 === undefined || f2 === undefined) throw new Error('procurement plant: no clean firm for splits');
  [38_000, 45_000, 29_000].forEach((a, i) =>
    push(u1, { kind: 'company', idx: f1 }, a, day(2023, 3, 6) + i * 55, '直接发包', '零星道路修补', true),
  );
  pl.cases.push({
    model: D.catalog,
    id: 'M35-A1',
    expected: 'alert',
    kind: 'split_below_threshold',
    key: [ref('Org', u1.idx), ref('Company', f1)],
    involved: [],
    note: 'three direct awards of one road job, each under ¥100k, ¥112k within 110 days',
  });
  const village = world.orgs.find((o) => o.kind === '村委会' && o.village !== undefined) as Org;
  const payee = people.find((p) => world.households[p.hh]?.village === village.village && !taint(village.idx).has(p.idx) && !p.planted);
  if (!payee) throw new Error('procurement plant: no payee for the village split');
  payee.planted = true;
  [28_000, 27_500, 26_800, 29_900].forEach((a, i) =>
    push(village, { kind: 'person', idx: payee.idx }, a, day(2022, 9, 1) + i * 45, '零星工程', '文化礼堂修缮', true),
  );
  pl.cases.push({
    model: D.catalog,
    id: 'M35-A2',
    expected: 'alert',
    kind: 'split_below_threshold',
    key: [ref('Org', village.idx), ref('Person', payee.idx)],
    involved: [],
    note: 'four village payments for one hall repair, each under ¥30k, ¥112k within 135 days',
  });
  [45_000, 46_000, 44_000].forEach((a, i) =>
    push(u2, { kind: 'company', idx: f2 }, a, day(2021, 5, 10) + i * 200, '直接发包', '绿化养护', true),
  );
  pl.cases.push({
    model: D.catalog,
    id: 'M35-N1',
    expected: 'no_alert',
    kind: 'near_miss_spread_beyond_window',
    key: [ref('Org', u2.idx), ref('Company', f2)],
    involved: [],
    note: 'three ¥45k jobs for one firm, 200 days apart: no two within 180 days',
  });
}

/** Each payment below the unit's 限额 (villageThreshold for a village or community, else splitThreshold), at least
 * two to one payee within splitWindowDays, summing to it. */
export function splitMatches(w: World): Found[] {
  const [windowDays, villageKinds, villageLimit, limit] = [
    D.num('splitWindowDays'),
    D.strings('villageKinds'),
    D.num('villageThreshold'),
    D.num('splitThreshold'),
  ];
  const limitOf = (org: number) => (villageKinds.includes(w.orgs[org]?.kind ?? '') ? villageLimit : limit);
  const out: Found[] = [];
  const byPair = new Map<string, DirectAward[]>();
  for (const d of w.direct ?? []) {
    if (d.amount >= limitOf(d.org)) continue;
    const k = `${d.org}/${d.payee.kind}/${d.payee.idx}`;
    (byPair.get(k) ?? byPair.set(k, []).get(k)!).push(d);
  }
  for (const list of byPair.values()) {
    const xs = list.slice().sort((a, b) => a.date - b.date);
    for (let i = 0; i < xs.length; i++) {
      let sum = 0;
      let n = 0;
      for (let j = i; j < xs.length && xs[j]!.date - xs[i]!.date <= windowDays; j++) {
        sum += xs[j]!.amount;
        n++;
      }
      if (n >= 2 && sum >= limitOf(xs[i]!.org)) {
        out.push({ key: [ref('Org', xs[i]!.org), payeeRef(xs[i]!.payee)] });
        break;
      }
    }
  }
  return out;
}

export const splitDirectAwards: CaseModule = { model: MODEL, direct, oracle: splitMatches };
