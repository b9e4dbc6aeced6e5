// 直接发包及村级工程支付: units paying people and firms without a tender. Background vouchers are small
// (< the split threshold), go to payees with no tie to the paying village's cadres, and never repeat a
// payee within a unit; planted: village cadres' kin paid by their own village (M04), split awards (M35)
// and a unit awarding most of its value directly (M36).
import { day, SNAPSHOT, type Day } from './dates.js';
import { KinIndex, taintedPeople } from './kin.js';
import type { DirectAward, Org, Person, World } from './world.js';
import { directShares } from '../cases/proc-brute.js';
import { ref, type PlantedCase } from '../cases/proc-cases.js';
import type { Planter } from '../cases/planter.js';

const VILLAGE_JOBS = ['挖机台班费', '村道修补', '垃圾清运', '路灯维修', '沟渠清淤', '文化礼堂修缮', '绿化补植'];
const UNIT_JOBS = ['办公楼维修', '绿化养护', '零星道路修补', '会议室改造', '围墙修缮', '监控设备安装'];

export function generateDirect(world: World, pl: Planter, people: Person[]): void {
  const rng = pl.rng;
  const direct: DirectAward[] = (world.direct = []);
  const kin = new KinIndex(world);
  const tainted = new Map<number, Set<number>>();
  const taint = (o: number) => tainted.get(o) ?? tainted.set(o, taintedPeople(world, kin, o)).get(o)!;
  const firms = world.companies.filter((c) => !c.planted && (c.status === '存续' || c.status === '在业') && c.role !== 'agent');
  const used = new Set<string>();
  const site = (o: Org) => (o.village !== undefined ? world.villages[o.village]?.name ?? '' : o.short);
  const push = (o: Org, payee: DirectAward['payee'], amount: number, date: Day, method: DirectAward['method'], job: string, planted = false) =>
    direct.push({ ref: '', org: o.idx, payee, job, site: site(o), amount, date, method, ...(planted ? { planted } : {}) });
  const cleanFirm = (o: Org) => {
    for (let i = 0; i < 50; i++) {
      const c = rng.pick(firms);
      if (!used.has(`${o.idx}/c${c.idx}`) && pl.cleanFor(o.idx, c.idx)) { used.add(`${o.idx}/c${c.idx}`); return c.idx; }
    }
    return undefined;
  };
  const residents = (v: number) => people.filter((p) => world.households[p.hh]?.village === v);
  for (const o of world.orgs) {
    const village = o.village !== undefined;
    for (let i = 0, n = rng.int(4, 7); i < n; i++) {
      const date = rng.int(day(2021, 2, 1), SNAPSHOT - 10);
      if (village && rng.chance(0.6)) {
        const pool = residents(o.village as number).filter((p) => !taint(o.idx).has(p.idx) && !used.has(`${o.idx}/p${p.idx}`));
        if (!pool.length) continue;
        const p = rng.pick(pool);
        used.add(`${o.idx}/p${p.idx}`);
        push(o, { kind: 'person', idx: p.idx }, rng.int(20, 300) * 100, date, '零星工程', rng.pick(VILLAGE_JOBS));
      } else {
        const c = cleanFirm(o);
        if (c === undefined) continue;
        push(o, { kind: 'company', idx: c }, rng.int(20, 95) * 1000, date, '直接发包', rng.pick(village ? VILLAGE_JOBS : UNIT_JOBS));
      }
    }
  }
  plantVillageKin(world, pl, push, taint);
  plantSplits(world, pl, push, cleanFirm, people, taint);
  plantDirectShare(world, pl, push, cleanFirm);
}

type Push = (o: Org, payee: DirectAward['payee'], amount: number, date: Day, method: DirectAward['method'], job: string, planted?: boolean) => void;
const add = (pl: Planter, c: PlantedCase) => pl.cases.push(c);

/** Kin the loaders surely link: household head ↔ spouse / child, or a registered (not divorced) spouse. */
function closeKin(world: World, p: Person): Person | undefined {
  const adult = (q: Person | undefined): q is Person => q !== undefined && q.idx !== p.idx && !q.cancel && !q.planted && q.birth < SNAPSHOT - 25 * 365;
  const members = (world.households[p.hh]?.members ?? []).map((i) => world.persons[i]).filter(adult);
  const inHh = p.rel === '02' ? members.find((q) => ['10', '11', '12', '20', '21', '22', '23', '30', '31', '32', '33'].includes(q.rel))
    : ['20', '21', '22', '23', '30', '31', '32', '33'].includes(p.rel) ? members.find((q) => q.rel === '02') : undefined;
  if (inHh) return inHh;
  const divorced = new Set(world.marriages.filter((m) => m.kind === '离婚').map((m) => `${m.male}/${m.female}`));
  const m = world.marriages.find((x) => x.kind === '结婚' && (x.male === p.idx || x.female === p.idx) && !divorced.has(`${x.male}/${x.female}`));
  const spouse = m ? world.persons[m.male === p.idx ? m.female : m.male] : undefined;
  return adult(spouse) ? spouse : undefined;
}

function plantVillageKin(world: World, pl: Planter, push: Push, taint: (o: number) => Set<number>): void {
  const villages = world.orgs.filter((o) => o.kind === '村委会' || o.kind === '居委会');
  const cadres = world.posts.filter((p) => p.to === undefined && world.orgs[p.org]?.village !== undefined && !world.persons[p.person]?.planted)
    .map((post) => ({ post, k: closeKin(world, world.persons[post.person] as Person) }))
    .filter((x): x is { post: typeof x.post; k: Person } => x.k !== undefined && !x.k.planted);
  // One cadre per village first, so the cases spread; distinct cadres and kin in any case.
  const firstPer = [...new Map(cadres.map((c) => [c.post.org, c])).values()];
  const picked: typeof cadres = [];
  for (const c of [...firstPer, ...cadres]) if (!picked.some((x) => x.post.person === c.post.person || x.k.idx === c.k.idx || x.k.idx === c.post.person)) picked.push(c);
  if (picked.length < 3) throw new Error('procurement plant: fewer than 3 village cadres with close kin');
  const [c1, c2, c3] = picked as [typeof cadres[0], typeof cadres[0], typeof cadres[0]];
  const v1 = world.orgs[c1.post.org] as Org;
  for (const [i, amt] of [16_800, 23_500, 9_600].entries()) push(v1, { kind: 'person', idx: c1.k.idx }, amt, day(2022, 3, 10) + i * 97, '零星工程', '挖机台班费', true);
  c1.k.planted = true;
  add(pl, { model: 'M04', id: 'M04-A1', expected: 'alert', kind: 'cadre_kin_paid_by_own_village', key: [ref('Org', v1.idx), ref('Person', c1.k.idx)], involved: [ref('Person', c1.post.person)], note: `${c1.post.title}'s household kin received three 零星工程 payments from the cadre's own village` });
  const v2 = world.orgs[c2.post.org] as Org;
  const firm = pl.factory.create('other', c2.k, { founded: day(2019, 5, 8), planted: true, trades: ['土石方工程'] });
  firm.status = '存续';
  firm.insured = 4;
  pl.factory.share(firm, { kind: 'person', idx: c2.k.idx }, 100);
  pl.factory.officer(firm, c2.k, '执行董事兼总经理');
  c2.k.planted = true;
  push(v2, { kind: 'company', idx: firm.idx }, 48_000, day(2022, 6, 2), '直接发包', '村道修补', true);
  push(v2, { kind: 'company', idx: firm.idx }, 36_500, day(2023, 4, 20), '直接发包', '沟渠清淤', true);
  add(pl, { model: 'M04', id: 'M04-A2', expected: 'alert', kind: 'cadre_kin_firm_awarded_by_own_village', key: [ref('Org', v2.idx), ref('Company', firm.idx)], involved: [ref('Person', c2.post.person), ref('Person', c2.k.idx)], note: `the ${c2.post.title}'s kin owns the firm the village awarded two jobs directly` });
  const other = villages.find((o) => o.idx !== c3.post.org && !taint(o.idx).has(c3.k.idx));
  if (!other) throw new Error('procurement plant: no other village');
  push(other, { kind: 'person', idx: c3.k.idx }, 18_200, day(2023, 8, 15), '零星工程', '绿化补植', true);
  c3.k.planted = true;
  add(pl, { model: 'M04', id: 'M04-N1', expected: 'no_alert', kind: 'near_miss_other_village', key: [ref('Org', other.idx), ref('Person', c3.k.idx)], involved: [ref('Person', c3.post.person), ref('Org', c3.post.org)], note: 'a cadre\'s kin paid by another village, where he has no tie' });
}

function plantSplits(world: World, pl: Planter, push: Push, cleanFirm: (o: Org) => number | undefined, people: Person[], taint: (o: number) => Set<number>): void {
  const units = world.orgs.filter((o) => o.village === undefined);
  const u1 = units[units.length - 1] as Org;
  const u2 = units[units.length - 2] as Org;
  const f1 = cleanFirm(u1);
  const f2 = cleanFirm(u2);
  if (f1 === undefined || f2 === undefined) throw new Error('procurement plant: no clean firm for splits');
  [38_000, 45_000, 29_000].forEach((a, i) => push(u1, { kind: 'company', idx: f1 }, a, day(2023, 3, 6) + i * 55, '直接发包', '零星道路修补', true));
  add(pl, { model: 'M35', id: 'M35-A1', expected: 'alert', kind: 'split_below_threshold', key: [ref('Org', u1.idx), ref('Company', f1)], involved: [], note: 'three direct awards of one road job, each under ¥100k, ¥112k within 110 days' });
  const village = world.orgs.find((o) => o.kind === '村委会' && o.village !== undefined) as Org;
  const payee = people.find((p) => world.households[p.hh]?.village === village.village && !taint(village.idx).has(p.idx) && !p.planted);
  if (!payee) throw new Error('procurement plant: no payee for the village split');
  payee.planted = true;
  [28_000, 27_500, 26_800, 29_900].forEach((a, i) => push(village, { kind: 'person', idx: payee.idx }, a, day(2022, 9, 1) + i * 45, '零星工程', '文化礼堂修缮', true));
  add(pl, { model: 'M35', id: 'M35-A2', expected: 'alert', kind: 'split_below_threshold', key: [ref('Org', village.idx), ref('Person', payee.idx)], involved: [], note: 'four village payments for one hall repair, each under ¥30k, ¥112k within 135 days' });
  [45_000, 46_000, 44_000].forEach((a, i) => push(u2, { kind: 'company', idx: f2 }, a, day(2021, 5, 10) + i * 200, '直接发包', '绿化养护', true));
  add(pl, { model: 'M35', id: 'M35-N1', expected: 'no_alert', kind: 'near_miss_spread_beyond_window', key: [ref('Org', u2.idx), ref('Company', f2)], involved: [], note: 'three ¥45k jobs for one firm, 200 days apart: no two within 180 days' });
}

function plantDirectShare(world: World, pl: Planter, push: Push, cleanFirm: (o: Org) => number | undefined): void {
  const shares = directShares(world);
  const gov = world.orgs.filter((o) => o.kind === '党政机关').sort((a, b) => (shares.get(a.idx)?.total ?? 0) - (shares.get(b.idx)?.total ?? 0) || a.idx - b.idx);
  const o = gov[0] as Org;
  const base = Math.max(400_000, Math.ceil(((shares.get(o.idx)?.total ?? 0) * 0.8) / 1000) * 1000);
  const firms: number[] = [];
  for (let i = 0; i < 6; i++) {
    const f = cleanFirm(o);
    if (f === undefined) continue;
    firms.push(f);
    push(o, { kind: 'company', idx: f }, base + pl.rng.int(0, 300) * 1000, day(2021, 4, 1) + i * 150, '直接发包', '道路提升工程', true);
  }
  add(pl, { model: 'M36', id: 'M36-A1', expected: 'alert', kind: 'direct_share_outlier', key: [ref('Org', o.idx)], involved: firms.map((f) => ref('Company', f)), note: 'this unit awards most of its works value directly, far above other 党政机关' });
}

/** Voucher numbers in payment order. */
export function assignDirectRefs(world: World): void {
  const xs = (world.direct ?? []).slice().sort((a, b) => a.date - b.date || a.org - b.org || a.amount - b.amount);
  xs.forEach((d, i) => { d.ref = `ZF${new Date(d.date * 86_400_000).getUTCFullYear()}${String(i + 1).padStart(5, '0')}`; });
}
