// Background integrity and welfare records for the whole county: deaths (火化), Party members,
// payroll months, insurance spells, benefit payments, police cases and sanctions. Each is generated
// so that it cannot add an alert of its own to the planted ones (checked by check-*.ts):
//   - non-universal aid never reaches a village cadre or a cadre's loose kin (M06, M07);
//   - 低保/特困/耕地地力 never reach a household or loose kin of anyone on the payroll (M08, M09);
//   - 低保/特困 never reach a household with a member in a company's register (M10: the review checks it);
//   - payments stop with the period that holds the death (M11); nobody draws two exclusive programmes (M13);
//   - police cases involve only people who are neither Party members nor post holders (M17, M18, M19);
//   - sanctioned officials take no new post inside the impact period (M22).
// Planted persons are left alone except for payroll and insurance that follow from their posts.
import { ageOn, day, type Day } from './dates.js';
import { companyPeople, KinIndex } from './kin.js';
import type { Person, World } from './world.js';
import { addMonths, monthEnd, monthStart, overlaps, WINDOW_FROM, WINDOW_TO } from './months.js';
import type { Rng } from './prng.js';
import { PROGRAMS, type Program } from './programs.js';
import { accountFor, caseNo, decisionNo, impactUntil, payRange, sanctionNo } from './record-helpers.js';
import type { CaseParty, Records } from './records.js';

const PAYROLL_KINDS = new Set(['党政机关', '事业单位']);
const HOMES = ['桐庐县殡仪馆', '桐庐县殡仪馆分水分馆'];

export function payrollPersons(world: World, records: Records): Set<number> {
  return new Set(records.payroll.map((s) => s.person));
}

/** Posts at 党政机关/事业单位 that overlap the pay window become monthly payroll spells. */
function payroll(world: World, records: Records): void {
  for (const post of world.posts) {
    const org = world.orgs[post.org];
    if (!org || !PAYROLL_KINDS.has(org.kind)) continue;
    if (!overlaps(post.from, post.to, WINDOW_FROM, WINDOW_TO)) continue;
    const from = monthStart(Math.max(post.from, WINDOW_FROM));
    const to = monthStart(Math.min(post.to ?? WINDOW_TO, WINDOW_TO));
    const monthly =
      ({ 正科级: 9800, 副科级: 8700, 四级主任科员: 7900, 三级主任科员: 8200, 一级科员: 6400, 二级科员: 6100 } as Record<string, number>)[
        post.level
      ] ?? 6800;
    records.payroll.push({ person: post.person, org: post.org, from, to, monthly, staffType: org.kind === '事业单位' ? '事业' : '行政' });
  }
}

function deaths(world: World, records: Records, rng: Rng): void {
  for (const p of world.persons) {
    if (p.cancel?.reason !== '死亡') continue;
    records.deaths.push({
      person: p.idx,
      date: p.cancel.date,
      cremation: p.cancel.date + rng.int(1, 3),
      home: rng.pick(HOMES),
      certNo: '',
    });
  }
  records.deaths.sort((a, b) => a.date - b.date || a.person - b.person);
  records.deaths.forEach((d, i) => {
    d.certNo = `HH330122${String(i + 1).padStart(6, '0')}`;
  });
}

function partyMembers(world: World, records: Records, rng: Rng): void {
  const officials = new Map<number, boolean>();
  for (const post of world.posts) officials.set(post.person, (officials.get(post.person) ?? false) || post.leader);
  // Planted police cases name some background people (M19's partners): they stay non-members, so a
  // penalty of theirs is no M17 case.
  const inCases = new Set(records.cases.flatMap((c) => c.parties.map((x) => x.person)));
  for (const p of world.persons) {
    if (p.planted || p.cancel || inCases.has(p.idx)) continue;
    const age = ageOn(p.birth, WINDOW_TO);
    const leader = officials.get(p.idx);
    const member = leader === true ? true : leader === false ? rng.chance(0.7) : age >= 25 && rng.chance(0.06);
    if (!member) continue;
    const joined = Math.min(p.birth + rng.int(19, 34) * 365 + rng.int(0, 364), WINDOW_TO - 400);
    records.party.push({
      person: p.idx,
      joined: Math.max(joined, p.birth + 18 * 365 + 30),
      branch: '',
      job: officials.has(p.idx) ? '公务员' : rng.pick(['农民', '个体', '企业职工', '退休']),
    });
  }
}

function insurance(world: World, records: Records, rng: Rng): void {
  const firstPost = new Map<string, (typeof world.posts)[number]>();
  for (const p of world.posts) if (!firstPost.has(`${p.person}:${p.org}`)) firstPost.set(`${p.person}:${p.org}`, p);
  const insured = new Set<string>();
  for (const s of records.payroll) {
    const org = world.orgs[s.org];
    if (!org || insured.has(`${s.person}:${s.org}`)) continue;
    insured.add(`${s.person}:${s.org}`);
    const post = firstPost.get(`${s.person}:${s.org}`);
    records.insurance.push({
      person: s.person,
      employer: { kind: 'org', code: org.code, name: org.name },
      scheme: '机关事业单位养老保险',
      from: monthStart(Math.max(post?.from ?? s.from, day(2014, 10, 1))),
      ...(post?.to !== undefined ? { to: monthEnd(post.to) } : {}),
    });
  }
  const seen = new Set<string>();
  const officers = new Map<number, number[]>();
  for (const o of world.officers) officers.set(o.company, [...(officers.get(o.company) ?? []), o.person]);
  world.companies.forEach((c, ci) => {
    if (c.planted || c.status === '吊销' || c.status === '注销') return;
    const staff = [c.rep, ...(officers.get(ci) ?? [])];
    for (const pi of staff) {
      const p = world.persons[pi];
      if (!p || p.planted || p.cancel || seen.has(`${pi}:${ci}`)) continue;
      seen.add(`${pi}:${ci}`);
      records.insurance.push({
        person: pi,
        employer: { kind: 'company', code: c.uscc, name: c.name },
        scheme: '企业职工基本养老保险',
        from: monthStart(Math.max(c.founded, p.birth + 22 * 365) + rng.int(0, 90)),
      });
    }
  });
}

interface Blocks {
  /** No non-universal aid: village cadres and their loose kin, post holders, planted persons. */
  favour: Set<number>;
  /** No 低保/特困/耕地地力: payroll persons, their loose kin and their households (lodgers included). */
  payroll: Set<number>;
  /** Insured or holding company roles: no 公益性岗位, no 居民养老金. */
  employed: Set<number>;
  /** Households with a member who is legal representative, shareholder or officer of any company: no 低保/特困. */
  business: Set<number>;
}

function blocks(world: World, records: Records): Blocks {
  const kin = new KinIndex(world);
  const favour = new Set<number>();
  const villageOrgs = new Set(world.orgs.filter((o) => o.village !== undefined).map((o) => o.idx));
  for (const post of world.posts) {
    favour.add(post.person);
    if (villageOrgs.has(post.org)) for (const k of kin.kinOf(post.person)) favour.add(k);
  }
  const pay = new Set<number>();
  for (const s of records.payroll) {
    pay.add(s.person);
    for (const k of kin.kinOf(s.person)) pay.add(k);
    for (const m of world.households[world.persons[s.person]?.hh ?? -1]?.members ?? []) pay.add(m);
  }
  const employed = new Set<number>(records.insurance.map((i) => i.person));
  const business = new Set<number>();
  for (const set of companyPeople(world)) {
    for (const p of set) {
      employed.add(p);
      const hh = world.persons[p]?.hh;
      if (hh !== undefined) business.add(hh);
    }
  }
  return { favour, payroll: pay, employed, business };
}

/** Last day a person can be paid for: the end of the death's period is handled by payRange's caller. */
const deathOf = (p: Person): Day | undefined => (p.cancel?.reason === '死亡' ? p.cancel.date : undefined);

/** Payments of `prog` for [from, to] that stop with the period holding the death. */
function payAlive(world: World, records: Records, p: Person, prog: Program, from: Day, to: Day, perMonth?: number): void {
  const death = deathOf(p);
  const end = death === undefined ? to : Math.min(to, death);
  if (end < from) return;
  payRange(world, records, p.idx, prog, from, end, perMonth);
}

function welfare(world: World, records: Records, rng: Rng): void {
  const b = blocks(world, records);
  const alive = (p: Person): boolean => p.cancel?.reason !== '迁出' && (p.cancel === undefined || p.cancel.date > WINDOW_FROM);
  const villageOf = (p: Person) => world.villages[world.households[p.hh]?.village ?? -1];
  for (const p of world.persons) {
    if (p.planted || !alive(p)) continue;
    const age = ageOn(p.birth, WINDOW_TO);
    // 城乡居民养老金 from 60, for people with no employer scheme; 高龄津贴 from 80 (100/200 元 a month).
    if (age >= 61 && !b.employed.has(p.idx) && !b.favour.has(p.idx)) {
      payAlive(
        world,
        records,
        p,
        PROGRAMS.JMYL,
        Math.max(WINDOW_FROM, monthStart(p.birth + 60 * 365 + 30)),
        WINDOW_TO,
        PROGRAMS.JMYL.base + rng.int(0, 6) * 10,
      );
    }
    if (age >= 81)
      payAlive(
        world,
        records,
        p,
        PROGRAMS.GL,
        Math.max(WINDOW_FROM, monthStart(p.birth + 80 * 365 + 30)),
        WINDOW_TO,
        age >= 91 ? 200 : 100,
      );
  }
  // Household-based aid: a few households draw 低保 (农村 or 城市 by where they live), people living
  // alone in old age 特困; never both, never a household blocked above. A household with a member in a
  // company's register is turned down by the review (M10's alerts are planted ones): its draws are still
  // made, and it still counts as having applied, so every other household keeps the records it had.
  const taken = new Set<number>();
  for (const hh of world.households) {
    const members = hh.members.map((i) => world.persons[i] as Person);
    const head = members.find((m) => m.rel === '02');
    if (!head || head.planted || !alive(head) || members.some((m) => b.favour.has(m.idx) || b.payroll.has(m.idx) || m.planted)) continue;
    const community = world.villages[hh.village]?.community === true;
    const reviewed = !b.business.has(hh.idx);
    if (members.length === 1 && ageOn(head.birth, WINDOW_TO) >= 66 && rng.chance(0.3)) {
      const from = addMonths(WINDOW_FROM, rng.int(0, 12));
      if (reviewed) payAlive(world, records, head, PROGRAMS.TK, from, WINDOW_TO);
      taken.add(head.idx);
    } else if (rng.chance(0.035)) {
      const from = addMonths(WINDOW_FROM, rng.int(0, 20));
      const to = Math.min(WINDOW_TO, addMonths(from, rng.int(6, 30)));
      const prog = community ? PROGRAMS.DBCS : PROGRAMS.DBNC;
      if (reviewed) payAlive(world, records, head, prog, from, to, prog.base * Math.min(members.length, 3));
      taken.add(head.idx);
    } else if (!community && rng.chance(0.4)) {
      // 耕地地力保护补贴: yearly, by contracted area (亩 × 105 元).
      const mu = rng.int(8, 60) / 10;
      for (const y of [2022, 2023]) {
        if (deathOf(head) !== undefined && (deathOf(head) as Day) < day(y, 1, 1)) continue;
        records.payments.push({
          person: head.idx,
          program: PROGRAMS.GDDL.code,
          from: day(y, 1, 1),
          to: day(y, 12, 31),
          payDate: day(y, 6, 20),
          fen: Math.round(mu * PROGRAMS.GDDL.base * 100),
          account: accountFor(head.idNo),
        });
      }
    }
  }
  for (const p of world.persons) {
    if (p.planted || !alive(p) || b.favour.has(p.idx) || taken.has(p.idx)) continue;
    const age = ageOn(p.birth, WINDOW_TO);
    if (age >= 18 && rng.chance(0.012)) {
      payAlive(world, records, p, PROGRAMS.CJ, addMonths(WINDOW_FROM, rng.int(0, 10)), WINDOW_TO);
    } else if (age >= 42 && age <= 59 && !b.employed.has(p.idx) && villageOf(p) && rng.chance(0.012)) {
      const from = addMonths(WINDOW_FROM, rng.int(0, 18));
      payAlive(world, records, p, PROGRAMS.GYGW, from, Math.min(WINDOW_TO, addMonths(from, rng.int(5, 23))));
    }
  }
}

const OFFENCES: [string, number, string[]][] = [
  ['赌博', 3, ['罚款五百元', '罚款一千元', '行政拘留五日']],
  ['饮酒驾驶', 1, ['罚款一千元，暂扣机动车驾驶证六个月']],
  ['醉酒驾驶', 1, ['吊销机动车驾驶证']],
  ['殴打他人', 1, ['行政拘留五日并处罚款五百元', '罚款二百元']],
  ['盗窃', 1, ['行政拘留五日', '行政拘留十日']],
];
const PLACES = ['桐庐县城南街道某棋牌室', '桐庐县桐君街道迎春南路', '桐庐县分水镇农贸市场', '桐庐县横村镇320国道', '桐庐县旧县街道某小区'];

function police(world: World, records: Records, rng: Rng, persons: number): void {
  const members = new Set(records.party.map((m) => m.person));
  const officials = new Set(world.posts.map((p) => p.person));
  const people = companyPeople(world);
  const employerOf = new Map<number, string>();
  people.forEach((set, ci) => {
    for (const p of set) employerOf.set(p, world.companies[ci]?.name ?? '');
  });
  const pool = world.persons.filter(
    (p) =>
      !p.planted &&
      !p.cancel &&
      !members.has(p.idx) &&
      !officials.has(p.idx) &&
      ageOn(p.birth, WINDOW_TO) >= 20 &&
      ageOn(p.birth, WINDOW_TO) <= 68,
  );
  const n = Math.max(4, Math.round(persons / 100));
  for (let i = 0; i < n && pool.length >= 3; i++) {
    const [type, min, penalties] = rng.pick(OFFENCES);
    const time = day(2021, 1, 1) + rng.int(0, 1270);
    const count = Math.min(type === '赌博' ? rng.int(min, 5) : 1, pool.length);
    // Distinct random people without shuffling the whole pool (cases are few, the pool is the county).
    const chosen = new Map<number, Person>();
    while (chosen.size < count) {
      const p = rng.pick(pool);
      chosen.set(p.idx, p);
    }
    const parties: CaseParty[] = [...chosen.values()].map((p, k) => ({
      person: p.idx,
      role: type === '赌博' ? (k === 0 && count > 3 ? '组织者' : '参赌人员') : '违法行为人',
      penalty: rng.pick(penalties),
      political: '群众',
      job: employerOf.has(p.idx) ? '企业负责人' : rng.pick(['农民', '个体', '无业', '司机']),
      employer: employerOf.get(p.idx) ?? '无',
    }));
    if (type === '殴打他人' && rng.chance(0.5)) {
      const w = rng.pick(pool);
      if (!parties.some((x) => x.person === w.idx))
        parties.push({ person: w.idx, role: '证人', penalty: '', political: '群众', job: '农民', employer: '无' });
    }
    records.cases.push({
      caseNo: caseNo(records, time),
      decisionNo: decisionNo(records, time),
      type,
      time,
      second: rng.int(9 * 3600, 23 * 3600),
      place: type === '赌博' ? (PLACES[0] as string) : rng.pick(PLACES),
      unit: type.includes('驾驶') ? '桐庐县公安局交通警察大队' : '桐庐县公安局城南派出所',
      decided: time + rng.int(1, 10),
      parties,
    });
  }
}

/** A few officials sanctioned for reasons of their own, never with a new post inside the impact period. */
function sanctions(world: World, records: Records, rng: Rng): void {
  const members = new Set(records.party.map((m) => m.person));
  const current = world.posts.filter((p) => !p.planted && p.to === undefined && world.orgs[p.org]?.village === undefined);
  const starts = new Map<number, number[]>();
  for (const q of world.posts) starts.set(q.person, [...(starts.get(q.person) ?? []), q.from]);
  for (const post of rng.sample(current, Math.max(1, Math.round(current.length / 15)))) {
    const p = world.persons[post.person];
    if (!p) continue;
    const kind = members.has(p.idx) ? '党纪' : '政务';
    const type = rng.pick(kind === '党纪' ? ['警告', '严重警告'] : ['警告', '记过']);
    const decided = Math.max(post.from + 200, day(2021, 1, 1)) + rng.int(0, 600);
    const until = impactUntil(kind, type, decided);
    if (decided > WINDOW_TO || (starts.get(p.idx) ?? []).some((from) => from >= decided && from <= until)) continue;
    const org = world.orgs[post.org];
    records.sanctions.push({
      docNo: sanctionNo(records, kind, decided),
      person: p.idx,
      post: `${org?.name ?? ''}${post.title}`,
      kind,
      type,
      decided,
      until,
      reason: rng.pick(['违反工作纪律', '违反中央八项规定精神', '违反廉洁纪律', '违反群众纪律']),
    });
  }
}

export function backgroundRecords(world: World, records: Records, rng: Rng, persons: number): void {
  deaths(world, records, rng);
  payroll(world, records);
  partyMembers(world, records, rng);
  insurance(world, records, rng);
  welfare(world, records, rng);
  police(world, records, rng, persons);
  sanctions(world, records, rng);
}
