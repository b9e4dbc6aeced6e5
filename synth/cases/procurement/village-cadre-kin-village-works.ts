// M04 village cadres' kin paid by their own village: A1 household kin paid three 零星工程 jobs, A2 the
// kin's firm awarded two jobs directly; near miss N1 a cadre's kin paid by another village.
import { day, SNAPSHOT } from '../../world/dates.js';
import type { DirectTools } from '../../world/direct-awards.js';
import { companyPeople, KinIndex, taintedPeople } from '../../world/kin.js';
import type { Org, Person, World } from '../../world/world.js';
import { keyId, ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';
import { payeeRef } from './payees.js';

const MODEL = 'procurement.village-cadre-kin-village-works';
const D = modelDefaults(MODEL);

/**
 * Each person's first registered marriage that no divorce of the same pair undoes, in `world.marriages` order:
 * built once, where closeKin scanned every marriage for every cadre (quadratic in the county).
 */
function marriedTo(world: World): Map<number, number> {
  const divorced = new Set(world.marriages.filter((m) => m.kind === '离婚').map((m) => `${m.male}/${m.female}`));
  const spouse = new Map<number, number>();
  for (const x of world.marriages) {
    if (x.kind !== '结婚' || divorced.has(`${x.male}/${x.female}`)) continue;
    if (!spouse.has(x.male)) spouse.set(x.male, x.female);
    if (!spouse.has(x.female)) spouse.set(x.female, x.male);
  }
  return spouse;
}

/** Kin the loaders surely link: household head ↔ spouse / child, or a registered (not divorced) spouse. */
function closeKin(world: World, p: Person, married: Map<number, number>): Person | undefined {
  const adult = (q: Person | undefined): q is Person =>
    q !== undefined && q.idx !== p.idx && !q.cancel && !q.planted && q.birth < SNAPSHOT - 25 * 365;
  const members = (world.households[p.hh]?.members ?? []).map((i) => world.persons[i]).filter(adult);
  const inHh =
    p.rel === '02'
      ? members.find((q) => ['10', '11', '12', '20', '21', '22', '23', '30', '31', '32', '33'].includes(q.rel))
      : ['20', '21', '22', '23', '30', '31', '32', '33'].includes(p.rel)
        ? members.find((q) => q.rel === '02')
        : undefined;
  if (inHh) return inHh;
  const to = married.get(p.idx);
  const spouse = to === undefined ? undefined : world.persons[to];
  return adult(spouse) ? spouse : undefined;
}

function direct(pl: Planter, { push, taint }: DirectTools): void {
  const world = pl.world;
  const villages = world.orgs.filter((o) => o.kind === '村委会' || o.kind === '居委会');
  const married = marriedTo(world);
  const cadres = world.posts
    .filter((p) => p.to === undefined && world.orgs[p.org]?.village !== undefined && !world.persons[p.person]?.planted)
    .map((post) => ({ post, k: closeKin(world, world.persons[post.person] as Person, married) }))
    .filter((x): x is { post: typeof x.post; k: Person } => x.k !== undefined && !x.k.planted);
  // One cadre per village first, so the cases spread; distinct cadres and kin in any case.
  const firstPer = [...new Map(cadres.map((c) => [c.post.org, c])).values()];
  const picked: typeof cadres = [];
  for (const c of [...firstPer, ...cadres])
    if (!picked.some((x) => x.post.person === c.post.person || x.k.idx === c.k.idx || x.k.idx === c.post.person)) picked.push(c);
  if (picked.length < 3) throw new Error('procurement plant: fewer than 3 village cadres with close kin');
  const [c1, c2, c3] = picked as [(typeof cadres)[0], (typeof cadres)[0], (typeof cadres)[0]];
  const v1 = world.orgs[c1.post.org] as Org;
  for (const [i, amt] of [16_800, 23_500, 9_600].entries())
    push(v1, { kind: 'person', idx: c1.k.idx }, amt, day(2022, 3, 10) + i * 97, '零星工程', '挖机台班费', true);
  c1.k.planted = true;
  pl.cases.push({
    model: D.catalog,
    id: 'M04-A1',
    expected: 'alert',
    kind: 'cadre_kin_paid_by_own_village',
    key: [ref('Org', v1.idx), ref('Person', c1.k.idx)],
    involved: [ref('Person', c1.post.person)],
    note: `${c1.post.title}'s household kin received three 零星工程 payments from the cadre's own village`,
  });
  const v2 = world.orgs[c2.post.org] as Org;
  const firm = pl.factory.create('other', c2.k, { founded: day(2019, 5, 8), planted: true, trades: ['土石方工程'] });
  firm.status = '存续';
  firm.insured = 4;
  pl.factory.share(firm, { kind: 'person', idx: c2.k.idx }, 100);
  pl.factory.officer(firm, c2.k, '执行董事兼总经理');
  c2.k.planted = true;
  push(v2, { kind: 'company', idx: firm.idx }, 48_000, day(2022, 6, 2), '直接发包', '村道修补', true);
  push(v2, { kind: 'company', idx: firm.idx }, 36_500, day(2023, 4, 20), '直接发包', '沟渠清淤', true);
  pl.cases.push({
    model: D.catalog,
    id: 'M04-A2',
    expected: 'alert',
    kind: 'cadre_kin_firm_awarded_by_own_village',
    key: [ref('Org', v2.idx), ref('Company', firm.idx)],
    involved: [ref('Person', c2.post.person), ref('Person', c2.k.idx)],
    note: `the ${c2.post.title}'s kin owns the firm the village awarded two jobs directly`,
  });
  const other = villages.find((o) => o.idx !== c3.post.org && !taint(o.idx).has(c3.k.idx));
  if (!other) throw new Error('procurement plant: no other village');
  push(other, { kind: 'person', idx: c3.k.idx }, 18_200, day(2023, 8, 15), '零星工程', '绿化补植', true);
  c3.k.planted = true;
  pl.cases.push({
    model: D.catalog,
    id: 'M04-N1',
    expected: 'no_alert',
    kind: 'near_miss_other_village',
    key: [ref('Org', other.idx), ref('Person', c3.k.idx)],
    involved: [ref('Person', c3.post.person), ref('Org', c3.post.org)],
    note: "a cadre's kin paid by another village, where he has no tie",
  });
}

/** Deliberately loose: any post holder of the paying village at any time, any loose kin, any role in
 * a paid company; so "oracle == planted" leaves no room for an accidental match. */
export function villageKinMatches(w: World): Found[] {
  const villageKinds = D.strings('villageKinds');
  const out: Found[] = [];
  const kin = new KinIndex(w);
  const people = companyPeople(w);
  const tainted = new Map<number, Set<number>>();
  const seen = new Set<string>();
  for (const d of w.direct ?? []) {
    const org = w.orgs[d.org];
    if (!org || !villageKinds.includes(org.kind)) continue;
    const t = tainted.get(d.org) ?? tainted.set(d.org, taintedPeople(w, kin, d.org)).get(d.org)!;
    const who = d.payee.kind === 'person' ? [d.payee.idx] : [...(people[d.payee.idx] ?? [])];
    const key = [ref('Org', d.org), payeeRef(d.payee)];
    if (who.some((p) => t.has(p)) && !seen.has(keyId('', key))) {
      seen.add(keyId('', key));
      out.push({ key });
    }
  }
  return out;
}

export const villageCadreKinVillageWorks: CaseModule = { model: MODEL, direct, oracle: villageKinMatches };
