// The month's business and procurement deliveries, all deltas (the month's new rows and the rows that
// changed): the business register (companies founded in July, and companies deregistered, their row again
// with 注销), public procurement (tenders announced in July with their bids, and the awards of July, for
// earlier tenders too), direct awards and village works paid in July, and July's licences and inspections.
import { CompanyFactory } from '../world/companies.js';
import { day, SNAPSHOT } from '../world/dates.js';
import { IdIssuer } from '../world/ids.js';
import { Rng } from '../world/prng.js';
import { addBids, addProject } from '../world/tenders.js';
import type { Award, Bid, Company, DirectAward, Officer, Person, Project, RegRecord, Shareholding, World } from '../world/world.js';
import { every, july, LAST, perMonth } from './month.js';

const live = (c: Company) => c.status === '存续' || c.status === '在业';

export interface FirmsMonth {
  companies: Company[];
  created: Company[];
  shares: Shareholding[];
  officers: Officer[];
  deregistered: number;
}

/** New companies (three in a thousand a month, at least two), each founded by `founders` in turn, and a few deregistered. */
export function firmsMonth(world: World, seed: number, founders: Person[]): FirmsMonth {
  const rng = new Rng(seed, 'delta');
  const usccs = new Set([...world.companies.map((c) => c.uscc), ...world.orgs.map((o) => o.code)]);
  const names = new Set(world.companies.map((c) => c.name));
  const factory = new CompanyFactory(world, rng, new IdIssuer(new Rng(rng.int(1, 2 ** 30), 'delta-ids')));
  const created: Company[] = [];
  for (let i = 0; created.length < founders.length && i < founders.length * 10; i++) {
    const c = factory.create('other', founders[created.length]!, { founded: day(2024, 7, rng.int(1, 31)) });
    c.status = '存续';
    if (usccs.has(c.uscc) || names.has(c.name)) continue;
    usccs.add(c.uscc);
    names.add(c.name);
    created.push(c);
  }
  const shares: Shareholding[] = created.map((c) => ({
    company: c.idx,
    holder: { kind: 'person', idx: c.rep },
    pct: 100,
    from: c.founded,
  }));
  const officers: Officer[] = created.map((c) => ({ company: c.idx, person: c.rep, role: '执行董事', from: c.founded }));
  const active = world.companies.filter((c) => !c.planted && c.role === 'other' && live(c) && !created.includes(c));
  const gone = every(active, 0.002).map((c) => ({ ...c, status: '注销' as const }));
  return { companies: [...created, ...gone], created, shares, officers, deregistered: gone.length };
}

export interface ProcurementMonth {
  projects: Project[];
  bids: Bid[];
  awards: Award[];
}

/**
 * Tenders announced in the first days of July (about one a month per 6,000 people, at least two), bid on
 * within the month, and the awards July decides: those of July's tenders opened in time, and of earlier
 * tenders still open at the snapshot, each won by its lowest valid bid. Project and bid codes continue the
 * county's numbering.
 */
export function procurementMonth(world: World, seed: number): ProcurementMonth {
  const rng = new Rng(seed, 'delta-tenders');
  const awarded = new Set(world.awards.map((a) => a.project));
  const bidsOf = new Map<number, Bid[]>();
  for (const b of world.bids) bidsOf.set(b.project, [...(bidsOf.get(b.project) ?? []), b]);
  const lowest = (p: number) =>
    (bidsOf.get(p) ?? []).filter((b) => !b.disqualified).sort((a, b) => a.price - b.price || a.code.localeCompare(b.code))[0];
  const awards: Award[] = [];
  for (const p of world.projects) {
    if (p.planted || awarded.has(p.idx) || p.announced < SNAPSHOT - 50) continue;
    const win = lowest(p.idx);
    const date = Math.max(july(1), p.announced + 21);
    if (win && date <= LAST) awards.push({ project: p.idx, company: win.company, amount: win.price, date });
  }

  const bureaus = world.orgs.filter((o) => o.village === undefined && o.kind === '党政机关' && o.name.endsWith('局'));
  const villages = world.orgs.filter((o) => o.village !== undefined);
  const pool = world.companies.filter((c) => c.role === 'bidder' && !c.planted && live(c) && c.founded < july(1) - 180);
  const year = world.projects.filter((p) => p.code.startsWith('TLZB-2024-')).length;
  const firstProject = world.projects.length;
  const firstBid = world.bids.length;
  const n = perMonth(world.persons.length, 1 / 6000, 2);
  for (let i = 0; i < n && pool.length >= 3; i++) {
    const org = rng.chance(0.7) ? rng.pick(bureaus) : rng.pick(villages);
    const p = addProject(world, rng, org, july(rng.int(1, 5)), { method: rng.chance(0.7) ? '公开招标' : '邀请招标' });
    p.code = `TLZB-2024-${String(year + i + 1).padStart(4, '0')}`;
    const bidders = rng.sample(pool, rng.int(3, 5)).map((c) => c.idx);
    const prices = addBids(world, rng, p, bidders);
    // Opened a few days after the last bid; awarded in July when that falls inside it.
    const date = Math.max(...world.bids.slice(-bidders.length).map((b) => b.submitted)) + rng.int(1, 6);
    const best = prices.indexOf(Math.min(...prices));
    if (date <= LAST) awards.push({ project: p.idx, company: bidders[best]!, amount: prices[best]!, date });
  }
  const bids = world.bids.slice(firstBid);
  bids.forEach((b, i) => {
    const k = bids.slice(0, i).filter((x) => x.project === b.project).length;
    b.code = `${world.projects[b.project]!.code}-TB${String(k + 1).padStart(2, '0')}`;
  });
  return { projects: world.projects.slice(firstProject), bids, awards };
}

const UNIT_JOBS = ['办公楼维修', '绿化养护', '零星道路修补', '会议室改造', '围墙修缮'];
const VILLAGE_JOBS = ['挖机台班费', '村道修补', '垃圾清运', '路灯维修', '沟渠清淤'];

/**
 * Direct awards and village works paid in July (about one unit in eight pays one a month, at least one),
 * to live firms that are no tender agents; voucher numbers continue the county's.
 */
export function directMonth(world: World, seed: number): DirectAward[] {
  const rng = new Rng(seed, 'delta-direct');
  const firms = world.companies.filter((c) => !c.planted && live(c) && c.role !== 'agent' && c.founded < july(1));
  const payers = rng.sample(world.orgs, perMonth(world.orgs.length, 0.13));
  const seq = world.direct?.length ?? 0;
  return payers.map((o, i): DirectAward => {
    const village = o.village !== undefined;
    return {
      ref: `ZF2024${String(seq + i + 1).padStart(5, '0')}`,
      org: o.idx,
      payee: { kind: 'company', idx: rng.pick(firms).idx },
      job: rng.pick(village ? VILLAGE_JOBS : UNIT_JOBS),
      site: village ? (world.villages[o.village!]?.name ?? '') : o.short,
      amount: rng.int(20, 95) * 1000,
      date: july(rng.int(1, 31)),
      method: '直接发包',
    };
  });
}

/**
 * July's 许可/检查/处罚: licences that expire in July renewed for five years, and one firm in a hundred
 * checked by an inspector of the bureau that licensed it. Record numbers continue the county's.
 */
export function regulationMonth(world: World, seed: number): RegRecord[] {
  const rng = new Rng(seed, 'delta-regulation');
  const regs = world.regs ?? [];
  const out: RegRecord[] = [];
  const ref = (kind: RegRecord['kind']) =>
    `${kind === '许可' ? 'XK' : kind === '检查' ? 'JC' : 'CF'}2024${String(regs.length + out.length + 1).padStart(5, '0')}`;
  const gone = new Set(world.companies.filter((c) => !live(c)).map((c) => c.idx));
  for (const r of regs) {
    if (r.kind !== '许可' || r.validTo === undefined || r.validTo < july(1) || r.validTo > LAST || gone.has(r.company)) continue;
    out.push({
      ref: ref('许可'),
      org: r.org,
      company: r.company,
      kind: '许可',
      date: r.validTo,
      validTo: r.validTo + 5 * 365,
      result: '准予许可',
    });
  }
  const inspectors = new Map<number, number[]>();
  for (const r of regs)
    if (r.inspector !== undefined && !r.planted) inspectors.set(r.org, [...new Set([...(inspectors.get(r.org) ?? []), r.inspector])]);
  const licences = regs.filter((r) => r.kind === '许可' && !r.planted && !gone.has(r.company) && inspectors.has(r.org));
  for (const l of every(licences, 0.01)) {
    const strict = rng.chance(0.3);
    out.push({
      ref: ref('检查'),
      org: l.org,
      company: l.company,
      kind: '检查',
      date: july(rng.int(1, 31)),
      inspector: rng.pick(inspectors.get(l.org)!),
      result: strict ? '责令整改' : '合格',
    });
  }
  return out;
}
