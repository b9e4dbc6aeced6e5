// M03 kin of an official at a winning bidder. Each case builds its own households (on its own stream,
// before anyone else), so the kin path is exactly the one intended:
//   A1 spouse, linked only by a 婚姻登记 record (separate households)   → LEGAL_REP   住建局
//   A2 child (22 长子) in the official's household                       → SHAREHOLDER 交通运输局
//   A3 sibling: both sons (22, 23) still in their parents' household     → EXECUTIVE   水利局
//   A4 parent: the village secretary is 22 长子 in his father's household → LEGAL_REP   a 村委会
//   N1 wife's company won a DIFFERENT unit's tender                       (no alert)
//   N2 daughter's company won after the official's post ended             (no alert)
//   N3 same surname, unrelated household                                  (no alert)
//   N4 a 99 非亲属 lodger in the official's household                     (no alert)
// Then the business half: the relative's company, the unit's tender, the bids and the award. Co-owners
// and officers the cases need are background people chosen outside the tendering unit's loose-kin
// circle, so they cannot add matches of their own.
// The oracle: for every award, every post holder of the tendering unit in post on the award date, and
// every loose kin (kin.ts) who holds any role in the winner. Loose kin and date-blind roles make it a
// superset of what any sane M03 Cypher can find, so "oracle == planted" leaves no room for accidents.
import { day, iso, type Day } from '../../world/dates.js';
import { WORKS_TRADES, type CompanyFactory } from '../../world/companies.js';
import { companyPeople, KinIndex, memoKinOf, taintedPeople } from '../../world/kin.js';
import { givenName, surname } from '../../world/names.js';
import type { Population } from '../../world/population.js';
import { Rng } from '../../world/prng.js';
import { addBids, addProject } from '../../world/tenders.js';
import type { Company, Person, Post, World } from '../../world/world.js';
import { ref, type Found, type PlantedCase } from '../case.js';
import type { CaseModule, EarlyCtx, EarlySteps } from '../module.js';
import { modelDefaults } from '../defaults.js';

const MODEL = 'procurement.kin-of-official-at-winning-bidder';
const D = modelDefaults(MODEL);

export type Relation = 'spouse' | 'child' | 'sibling' | 'parent' | 'not_kin';
export type Role = 'LEGAL_REP' | 'SHAREHOLDER' | 'EXECUTIVE';

export interface CaseDef {
  id: string;
  kind: string;
  expected: 'alert' | 'no_alert';
  /** Short name of the official's unit (or 'village' for the first 村委会). */
  unit: string;
  /** Short name of the tendering unit, when it differs from the official's. */
  tenderUnit?: string;
  title: string;
  postFrom: Day;
  postTo?: Day;
  relation: Relation;
  role: Role;
  announced: Day;
  awarded: Day;
  note: string;
}

export const CASES: CaseDef[] = [
  {
    id: 'M03-A1',
    kind: 'spouse_via_marriage_record',
    expected: 'alert',
    unit: '住建局',
    title: '副局长',
    postFrom: day(2019, 3, 1),
    relation: 'spouse',
    role: 'LEGAL_REP',
    announced: day(2022, 7, 12),
    awarded: day(2022, 8, 16),
    note: 'wife registered in her own household; only 婚姻登记 links them',
  },
  {
    id: 'M03-A2',
    kind: 'child_same_household',
    expected: 'alert',
    unit: '交通运输局',
    title: '副局长',
    postFrom: day(2018, 6, 15),
    relation: 'child',
    role: 'SHAREHOLDER',
    announced: day(2021, 4, 6),
    awarded: day(2021, 5, 11),
    note: "son (22 长子) in the official's household holds 49%",
  },
  {
    id: 'M03-A3',
    kind: 'sibling_via_parents_household',
    expected: 'alert',
    unit: '水利局',
    title: '副局长',
    postFrom: day(2020, 1, 10),
    relation: 'sibling',
    role: 'EXECUTIVE',
    announced: day(2023, 3, 1),
    awarded: day(2023, 4, 7),
    note: "official (22) and brother (23) both registered in their father's household; brother is 总经理",
  },
  {
    id: 'M03-A4',
    kind: 'parent_village_cadre',
    expected: 'alert',
    unit: 'village',
    title: '党支部书记',
    postFrom: day(2021, 1, 15),
    relation: 'parent',
    role: 'LEGAL_REP',
    announced: day(2022, 4, 18),
    awarded: day(2022, 5, 20),
    note: "village secretary is 22 长子 in his father's household; the father's firm won the village tender",
  },
  {
    id: 'M03-N1',
    kind: 'near_miss_other_unit',
    expected: 'no_alert',
    unit: '教育局',
    tenderUnit: '农业农村局',
    title: '副局长',
    postFrom: day(2019, 9, 1),
    relation: 'spouse',
    role: 'LEGAL_REP',
    announced: day(2022, 10, 10),
    awarded: day(2022, 11, 15),
    note: "wife's company won a tender of a different unit",
  },
  {
    id: 'M03-N2',
    kind: 'near_miss_post_ended',
    expected: 'no_alert',
    unit: '卫健局',
    title: '副局长',
    postFrom: day(2015, 3, 1),
    postTo: day(2021, 6, 30),
    relation: 'child',
    role: 'LEGAL_REP',
    announced: day(2022, 8, 1),
    awarded: day(2022, 9, 6),
    note: "award date after the official's post ended",
  },
  {
    id: 'M03-N3',
    kind: 'near_miss_same_surname',
    expected: 'no_alert',
    unit: '教育局',
    title: '副局长',
    postFrom: day(2020, 5, 1),
    relation: 'not_kin',
    role: 'LEGAL_REP',
    announced: day(2023, 5, 8),
    awarded: day(2023, 6, 12),
    note: 'representative shares surname and a given-name character, but lives in an unrelated household',
  },
  {
    id: 'M03-N4',
    kind: 'near_miss_non_kin_99',
    expected: 'no_alert',
    unit: '农业农村局',
    title: '副局长',
    postFrom: day(2018, 3, 1),
    relation: 'not_kin',
    role: 'LEGAL_REP',
    announced: day(2021, 9, 1),
    awarded: day(2021, 10, 8),
    note: "representative is a 99 非亲属 lodger in the official's household",
  },
];

export interface PlantedPeople {
  def: CaseDef;
  official: Person;
  relative: Person;
}

/** Builds the planted households (village 0 is the 村委会 of case A4). */
function plantHouseholds(pop: Population, rng: Rng, villages: number[]): PlantedPeople[] {
  const v = (): number => rng.pick(villages);
  const out: PlantedPeople[] = [];
  for (const def of CASES) {
    const fam = surname(rng);
    let official: Person;
    let relative: Person;
    switch (def.id) {
      case 'M03-A1': {
        const [p] = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 48, family: fam },
            { rel: '21', male: true, age: 20, family: fam },
          ],
          true,
        );
        const [k] = pop.household(v(), [{ rel: '02', male: false, age: 46 }], true);
        official = p as Person;
        relative = k as Person;
        pop.marry(official, relative, day(2003, 9, 1), true);
        break;
      }
      case 'M03-A2': {
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 56, family: fam },
            { rel: '10', male: false, age: 54 },
            { rel: '22', male: true, age: 31, family: fam },
            { rel: '38', male: false, age: 29 },
            { rel: '41', male: true, age: 4, family: fam },
            { rel: '32', male: false, age: 27, family: fam },
          ],
          true,
        );
        official = hh[0] as Person;
        relative = hh[2] as Person;
        break;
      }
      case 'M03-A3': {
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 79, family: fam },
            { rel: '10', male: false, age: 76 },
            { rel: '22', male: true, age: 52, family: fam },
            { rel: '23', male: true, age: 47, family: fam },
          ],
          true,
        );
        official = hh[2] as Person;
        relative = hh[3] as Person;
        const [wife] = pop.household(v(), [{ rel: '02', male: false, age: 50 }], true);
        pop.marry(official, wife as Person, undefined, true);
        break;
      }
      case 'M03-A4': {
        const hh = pop.household(
          0,
          [
            { rel: '02', male: true, age: 61, family: fam },
            { rel: '10', male: false, age: 59 },
            { rel: '22', male: true, age: 35, family: fam },
            { rel: '38', male: false, age: 33 },
            { rel: '41', male: false, age: 6, family: fam },
          ],
          true,
        );
        official = hh[2] as Person;
        relative = hh[0] as Person;
        break;
      }
      case 'M03-N1': {
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 50, family: fam },
            { rel: '10', male: false, age: 48 },
            { rel: '21', male: true, age: 22, family: fam },
          ],
          true,
        );
        official = hh[0] as Person;
        relative = hh[1] as Person;
        pop.marry(official, relative, hh[2]?.birth, true);
        break;
      }
      case 'M03-N2': {
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 57, family: fam },
            { rel: '10', male: false, age: 55 },
            { rel: '31', male: false, age: 30, family: fam },
          ],
          true,
        );
        official = hh[0] as Person;
        relative = hh[2] as Person;
        break;
      }
      case 'M03-N3': {
        // Same surname and one shared given-name character: a name join would link them.
        const shared = givenName(rng, true).slice(0, 1);
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 45, name: fam + shared + givenName(rng, true).slice(-1) },
            { rel: '10', male: false, age: 44 },
          ],
          true,
        );
        const other = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 43, name: fam + shared + givenName(rng, true).slice(-1) },
            { rel: '10', male: false, age: 41 },
          ],
          true,
        );
        official = hh[0] as Person;
        relative = other[0] as Person;
        break;
      }
      default: {
        const hh = pop.household(
          v(),
          [
            { rel: '02', male: true, age: 52, family: fam },
            { rel: '10', male: false, age: 50 },
            { rel: '99', male: true, age: 40 },
          ],
          true,
        );
        official = hh[0] as Person;
        relative = hh[2] as Person;
      }
    }
    out.push({ def, official, relative });
  }
  return out;
}

function plantPost(world: World, pp: PlantedPeople, org: number): Post {
  const d = pp.def;
  const post: Post = {
    person: pp.official.idx,
    org,
    title: d.title,
    level: d.unit === 'village' ? '' : '副科级',
    leader: true,
    from: d.postFrom,
    planted: true,
  };
  if (d.postTo !== undefined) post.to = d.postTo;
  world.posts.push(post);
  return post;
}

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

function plantAwards(
  world: World,
  rng: Rng,
  f: CompanyFactory,
  planted: PlantedPeople[],
  units: number[],
  people: Person[],
  bidderPool: Company[],
): PlantedRefs[] {
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
        if (!tainted.has(p.idx) && !p.planted) {
          p.planted = true;
          return p;
        }
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
    const project = addProject(world, rng, org, d.announced, {
      planted: true,
      method: org.village !== undefined ? '邀请招标' : '公开招标',
    });
    const rivals = rng
      .sample(
        bidderPool.filter((b) => b.founded < d.announced - 180 && (b.status === '存续' || b.status === '在业')),
        rng.int(2, 4),
      )
      .map((b) => b.idx);
    const bidders = [c.idx, ...rivals];
    const prices = addBids(world, rng, project, bidders);
    world.awards.push({ project: project.idx, company: c.idx, amount: prices[0] as number, date: d.awarded, planted: true });
    out.push({ pp, unitOrg, tenderOrg, company: c.idx, project: project.idx });
  });
  return out;
}

export interface M03Match {
  officialIdNo: string;
  unitCode: string;
  relativeIdNo: string;
  companyUscc: string;
  projectCode: string;
  awardDate: string;
}

export function bruteForceM03(world: World, opts: { ignoreTenure?: boolean } = {}): M03Match[] {
  const kin = new KinIndex(world);
  const people = companyPeople(world);
  const postsByOrg = postsOfOrgs(world);
  // Each official's kin once: the awards grow with the county and so do a unit's posts, and building the
  // set per award and post made this oracle quadratic (4,000,000 persons).
  const kinOf = memoKinOf(kin);
  const out: M03Match[] = [];
  const seen = new Set<string>();
  for (const a of world.awards) {
    const project = world.projects[a.project];
    if (!project) continue;
    const holders = people[a.company] ?? new Set<number>();
    for (const post of postsByOrg.get(project.org) ?? []) {
      if (!opts.ignoreTenure && (a.date < post.from || (post.to !== undefined && a.date > post.to))) continue;
      for (const k of kinOf(post.person)) {
        if (!holders.has(k)) continue;
        const m: M03Match = {
          officialIdNo: world.persons[post.person]?.idNo ?? '',
          unitCode: world.orgs[project.org]?.code ?? '',
          relativeIdNo: world.persons[k]?.idNo ?? '',
          companyUscc: world.companies[a.company]?.uscc ?? '',
          projectCode: project.code,
          awardDate: iso(a.date),
        };
        const key = JSON.stringify(m);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(m);
        }
      }
    }
  }
  return out.sort((x, y) =>
    (x.projectCode + x.officialIdNo + x.relativeIdNo).localeCompare(y.projectCode + y.officialIdNo + y.relativeIdNo),
  );
}

function early(ctx: EarlyCtx): EarlySteps {
  const rng = new Rng(ctx.seed, 'plant');
  const planted = plantHouseholds(ctx.pop, rng, ctx.villages);
  let units: number[] = [];
  return {
    posts(world) {
      // The planted village secretary replaces the background one (one 书记 per village).
      units = planted.map((pp) => orgByShort(world, pp.def.unit));
      for (const post of world.posts) {
        if (post.org === units[3] && post.title === '党支部书记' && post.to === undefined) {
          post.title = '委员';
          post.leader = false;
        }
      }
      planted.forEach((pp, i) => plantPost(world, pp, units[i] as number));
    },
    awards({ world, factory, people, bidderPool }) {
      return plantAwards(world, rng, factory, planted, units, people, bidderPool).map((r) => ({
        model: D.catalog,
        id: r.pp.def.id,
        expected: r.pp.def.expected,
        kind: r.pp.def.kind,
        key: [ref('Person', r.pp.official.idx), ref('Person', r.pp.relative.idx), ref('Company', r.company), ref('Project', r.project)],
        roles: ['official', 'relative', 'company', 'project'],
        involved: [ref('Org', r.unitOrg), ref('Org', r.tenderOrg)],
        note: r.pp.def.note,
      }));
    },
  };
}

/** The planted M03 cases as the M03 section of truth.json (and its tests) reads them. */
export function m03Refs(world: World, cases: PlantedCase[]): PlantedRefs[] {
  return cases
    .filter((c) => c.model === D.catalog)
    .map((c) => {
      const idx = c.key.concat(c.involved).map((r) => ('idx' in r ? r.idx : -1));
      const def = CASES.find((d) => d.id === c.id) as CaseDef;
      const [official, relative, company, project, unitOrg, tenderOrg] = idx as [number, number, number, number, number, number];
      return {
        pp: { def, official: world.persons[official] as Person, relative: world.persons[relative] as Person },
        unitOrg,
        tenderOrg,
        company,
        project,
      };
    });
}

/** Each unit's posts: looking them up per award, not scanning every post, keeps the oracles linear. */
function postsOfOrgs(world: World): Map<number, Post[]> {
  const byOrg = new Map<number, Post[]>();
  for (const p of world.posts) {
    const list = byOrg.get(p.org);
    if (list) list.push(p);
    else byOrg.set(p.org, [p]);
  }
  return byOrg;
}

/**
 * M03's awards without a tender: a unit (not a village, M04's) paid a company in which a relative of one of
 * its post holders, in post on the day, holds a role. One match per official, relative and company.
 */
export function bruteForceM03Direct(world: World): Found[] {
  const kinOf = memoKinOf(new KinIndex(world));
  const people = companyPeople(world);
  const villageKinds = new Set(D.strings('villageKinds'));
  const postsByOrg = postsOfOrgs(world);
  const out = new Map<string, Found>();
  for (const a of world.direct ?? []) {
    if (a.payee.kind !== 'company' || villageKinds.has(world.orgs[a.org]?.kind ?? '')) continue;
    const holders = people[a.payee.idx] ?? new Set<number>();
    for (const post of postsByOrg.get(a.org) ?? []) {
      if (a.date < post.from || (post.to !== undefined && a.date > post.to)) continue;
      for (const k of kinOf(post.person)) {
        if (!holders.has(k)) continue;
        const key = [
          { uid: `Person:${world.persons[post.person]?.idNo ?? ''}` },
          { uid: `Person:${world.persons[k]?.idNo ?? ''}` },
          { uid: `Company:${world.companies[a.payee.idx]?.uscc ?? ''}` },
        ];
        out.set(JSON.stringify(key), { key, roles: ['official', 'relative', 'company'] });
      }
    }
  }
  return [...out.values()];
}

export const kinOfOfficialAtWinningBidder: CaseModule = {
  model: MODEL,
  early,
  oracle: (w) => [
    ...bruteForceM03(w).map((m): Found => ({
      key: [
        { uid: `Person:${m.officialIdNo}` },
        { uid: `Person:${m.relativeIdNo}` },
        { uid: `Company:${m.companyUscc}` },
        { uid: `Project:${m.projectCode}` },
      ],
      roles: ['official', 'relative', 'company', 'project'],
    })),
    ...bruteForceM03Direct(w),
  ],
};
