// The business half of the planted M03 cases: the relative's company, the unit's tender, the bids
// and the award. Co-owners and officers the cases need are background people chosen outside the
// tendering unit's loose-kin circle, so they cannot add matches of their own.
import { WORKS_TRADES, type CompanyFactory } from '../world/companies.js';
import { KinIndex, taintedPeople } from '../world/kin.js';
import type { Company, Person, World } from '../world/world.js';
import type { PlantedPeople } from './plant-m03.js';
import type { Rng } from '../world/prng.js';
import { addBids, addProject } from '../world/tenders.js';

export interface PlantedRefs {
  pp: PlantedPeople;
  unitOrg: number;
  tenderOrg: number;
  company: number;
  project: number;
}

export function orgByShort(world: World, short: string): number {
  if (short === 'village') {
    const v = world.orgs.find((o) => o.village === 0);
    if (!v) throw new Error('village 0 has no committee');
    return v.idx;
  }
  const o = world.orgs.find((x) => x.short === short);
  if (!o) throw new Error(`no unit ${short}`);
  return o.idx;
}

export function plantAwards(world: World, rng: Rng, f: CompanyFactory, planted: PlantedPeople[], units: number[], people: Person[], bidderPool: Company[]): PlantedRefs[] {
  const kin = new KinIndex(world);
  const out: PlantedRefs[] = [];
  planted.forEach((pp, i) => {
    const d = pp.def;
    const unitOrg = units[i] as number;
    const tenderOrg = d.tenderUnit ? orgByShort(world, d.tenderUnit) : unitOrg;
    const tainted = taintedPeople(world, kin, tenderOrg);
    const safe = (): Person => {
      for (;;) {
        const p = rng.pick(people);
        if (!tainted.has(p.idx) && !p.planted) { p.planted = true; return p; }
      }
    };
    const K = pp.relative;
    const founded = d.announced - rng.int(900, 2500);
    let c: Company;
    if (d.role === 'LEGAL_REP') {
      c = f.create('bidder', K, { founded, planted: true, trades: WORKS_TRADES });
      const s = safe();
      const pct = d.id === 'M03-A4' || d.kind.startsWith('near_miss_same') || d.kind.startsWith('near_miss_non') ? 100 : 70;
      f.share(c, { kind: 'person', idx: K.idx }, pct);
      if (pct < 100) f.share(c, { kind: 'person', idx: s.idx }, 100 - pct);
      f.officer(c, K, '执行董事兼总经理');
      f.officer(c, s, '监事');
    } else {
      const rep = safe();
      c = f.create('bidder', rep, { founded, planted: true, trades: WORKS_TRADES });
      if (d.role === 'SHAREHOLDER') {
        f.share(c, { kind: 'person', idx: rep.idx }, 51);
        f.share(c, { kind: 'person', idx: K.idx }, 49);
        f.officer(c, rep, '执行董事兼总经理');
        f.officer(c, safe(), '监事');
      } else {
        f.share(c, { kind: 'person', idx: rep.idx }, 100);
        f.officer(c, rep, '执行董事');
        f.officer(c, K, '总经理');
        f.officer(c, safe(), '监事');
      }
    }
    c.status = '存续';
    const org = world.orgs[tenderOrg];
    if (!org) throw new Error('missing org');
    const project = addProject(world, rng, org, d.announced, { planted: true, method: org.village !== undefined ? '邀请招标' : '公开招标' });
    const rivals = rng.sample(bidderPool.filter((b) => b.founded < d.announced - 180 && (b.status === '存续' || b.status === '在业')), rng.int(2, 4)).map((b) => b.idx);
    const bidders = [c.idx, ...rivals];
    const prices = addBids(world, rng, project, bidders);
    world.awards.push({ project: project.idx, company: c.idx, amount: prices[0] as number, date: d.awarded, planted: true });
    out.push({ pp, unitOrg, tenderOrg, company: c.idx, project: project.idx });
  });
  return out;
}
