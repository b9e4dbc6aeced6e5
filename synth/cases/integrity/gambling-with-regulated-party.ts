// M19 official gambling with a regulated party: an official gambles (same 赌博 case file) with a
// company's legal representative.
//   A1, A2  the official's unit holds a licence/check/penalty record of that company (REGULATES)
//   N1      the partner's company is regulated only by other units (管理服务对象 of someone else)
// The partners are background company representatives picked from the 行政许可检查处罚 records. Both
// officials are later disciplined for the gambling, so M17 stays with its own cases.
import { ageOn, day, type Day } from '../../world/dates.js';
import { personUid, orgUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, RegRecord, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { tag, type PeopleCtx } from '../people.js';
import { rolesOf } from './roles.js';

const MODEL = 'integrity.gambling-with-regulated-party';
const D = modelDefaults(MODEL);

/** A live company's representative who is a plain background adult (no post, not planted). */
function partnerOf(world: World, company: number, officials: Set<number>): Person | undefined {
  const c = world.companies[company];
  const p = c ? world.persons[c.rep] : undefined;
  if (!c || !p || c.planted || p.planted || p.cancel || officials.has(p.idx) || (c.status !== '存续' && c.status !== '在业'))
    return undefined;
  const age = ageOn(p.birth, day(2023, 1, 1));
  return age >= 25 && age <= 65 ? p : undefined;
}

/**
 * What every planted set's M19 plant reads of the county, kept up to date rather than built again: a
 * county has a set per 5,000 persons, and building these per set (290,000 licence records, every post,
 * every police case) made 4,000,000 persons quadratic. The world's lists are only appended to, so each
 * structure is extended from where it stopped, or rebuilt when its source changed length otherwise.
 */
interface Shared {
  regsSeen: number;
  byCompany: Map<number, Set<number>>;
  /** byCompany's companies in order, where the plant starts its search at a random one. */
  companies: number[];
  postsSeen: number;
  postHolders: Set<number>;
  casesSeen: number;
  /** Persons already in a police case (or picked as a partner, who is then put in one). */
  used: Set<number>;
  /** Each person's companies (any role), and how far into the world's lists it has been read. */
  roles: { index: Map<number, Set<number>>; companies: number; shares: number; officers: number };
  regulatorsOfPerson: (person: number) => Set<number>;
}

const shared = new WeakMap<World, Shared>();

/** The unit's projects that make a company its managed party (the model's `projects`): a lot it tendered that
 * the company won, a direct award to the company; none when `projects` is off. */
function projectLinks(world: World): { org: number; company: number; date: number }[] {
  if (!D.bool('projects')) return [];
  const out: { org: number; company: number; date: number }[] = [];
  for (const a of world.awards) {
    const p = world.projects[a.project];
    if (p) out.push({ org: p.org, company: a.company, date: a.date });
  }
  for (const x of world.direct ?? []) if (x.payee.kind === 'company') out.push({ org: x.org, company: x.payee.idx, date: x.date });
  return out;
}

function sharedFor(world: World, records: Records): Shared {
  let s = shared.get(world);
  if (!s) {
    const fresh: Shared = {
      regsSeen: -1,
      byCompany: new Map(),
      companies: [],
      postsSeen: 0,
      postHolders: new Set(),
      casesSeen: 0,
      used: new Set(),
      roles: { index: new Map(), companies: 0, shares: 0, officers: 0 },
      // Every unit regulating any company the person has a role in (M19 reads legal representative,
      // shareholder and officer alike): a near miss's partner must be clear of the unit in all of them, not
      // only in the company they were picked for; in a big county many represent one firm and sit in another.
      regulatorsOfPerson: (person) => {
        // Extended by what was added since (the plants of other sets add firms): only membership is read.
        const r = fresh.roles;
        const add = (p: number, c: number) => (r.index.get(p) ?? r.index.set(p, new Set<number>()).get(p)!).add(c);
        for (; r.companies < world.companies.length; r.companies++) {
          const c = world.companies[r.companies]!;
          add(c.rep, c.idx);
        }
        for (; r.shares < world.shareholdings.length; r.shares++) {
          const h = world.shareholdings[r.shares]!;
          if (h.holder.kind === 'person') add(h.holder.idx, h.company);
        }
        for (; r.officers < world.officers.length; r.officers++)
          add(world.officers[r.officers]!.person, world.officers[r.officers]!.company);
        return new Set([...(r.index.get(person) ?? [])].flatMap((c) => [...(fresh.byCompany.get(c) ?? [])]));
      },
    };
    shared.set(world, (s = fresh));
  }
  const regs: RegRecord[] = world.regs ?? [];
  // The units that let the company a project count as its regulators too (the model's `projects`): a near
  // miss's partner must be clear of them as well.
  const seen = regs.length + (D.bool('projects') ? world.awards.length + (world.direct ?? []).length : 0);
  if (seen !== s.regsSeen) {
    s.byCompany = new Map();
    const add = (company: number, org: number) => s!.byCompany.set(company, (s!.byCompany.get(company) ?? new Set<number>()).add(org));
    for (const r of regs) add(r.company, r.org);
    for (const l of projectLinks(world)) add(l.company, l.org);
    s.companies = [...s.byCompany.keys()].sort((a, b) => a - b);
    s.regsSeen = seen;
  }
  for (; s.postsSeen < world.posts.length; s.postsSeen++) s.postHolders.add(world.posts[s.postsSeen]!.person);
  for (; s.casesSeen < records.cases.length; s.casesSeen++) for (const x of records.cases[s.casesSeen]!.parties) s.used.add(x.person);
  return s;
}

function people(pc: PeopleCtx): Finish {
  const officials = [0, 1, 2].map(
    (i) => pc.pop.household(pc.rng.pick(pc.villages), [{ rel: '02', male: true, age: 40 + i * 4 }], true)[0] as Person,
  );
  return (ctx: PlantCtx): PlantedCase[] => {
    const world = ctx.world;
    const { byCompany, companies, postHolders, used, regulatorsOfPerson } = sharedFor(world, ctx.records);
    const bureaus = world.orgs.filter((o) => o.kind === '党政机关' && o.name.endsWith('局')).map((o) => o.idx);
    const cases: PlantedCase[] = [];
    const pick = (want: (orgs: Set<number>) => number | undefined, allRoles = false): { partner: Person; unit: number } | undefined => {
      const start = companies.length ? ctx.rng.int(0, companies.length - 1) : 0;
      for (let i = 0; i < companies.length; i++) {
        const c = companies[(start + i) % companies.length] as number;
        const partner = partnerOf(world, c, postHolders);
        const unit = partner ? want(allRoles ? regulatorsOfPerson(partner.idx) : (byCompany.get(c) ?? new Set())) : undefined;
        if (partner && unit !== undefined && !used.has(partner.idx)) {
          used.add(partner.idx);
          return { partner, unit };
        }
      }
      return undefined;
    };
    const plant = (
      id: string,
      expected: PlantedCase['expected'],
      kind: string,
      official: Person,
      found: { partner: Person; unit: number },
      time: Day,
      note: string,
    ) => {
      const unitName = world.orgs[found.unit]?.name ?? '';
      ctx.post(official, found.unit, '科长', '四级主任科员', false, day(2015, 3, 1));
      // A room of its own per planted set: two sets' games on one day in one room would be one gathering
      // (the model's copresenceHours), pairing one set's official with the other's partner.
      const c = ctx.police('赌博', time, `桐庐县桐君街道某茶楼${pc.set + 1}号包厢`, [
        { person: official.idx, role: '参赌人员', penalty: '行政拘留五日', political: '群众', job: '公务员', employer: unitName },
        { person: found.partner.idx, role: '参赌人员', penalty: '行政拘留五日', political: '群众', job: '企业负责人', employer: '' },
      ]);
      ctx.sanction(official, `${unitName}科长`, '政务', '记过', time + 60, '参与赌博');
      cases.push(
        caseOf(
          D.catalog,
          tag(pc, id),
          expected,
          kind,
          { official: ctx.uid(official), partner: ctx.uid(found.partner), policeCase: `PoliceCase:${c.caseNo}` },
          `${note} (${orgUid(world, found.unit)})`,
        ),
      );
    };
    const own = (orgs: Set<number>) => [...orgs].find((o) => bureaus.includes(o));
    const a1 = pick(own);
    const a2 = pick(own);
    const n1 = pick((orgs) => bureaus.find((b) => !orgs.has(b)), true);
    if (a1)
      plant(
        'M19-A1',
        'alert',
        'gambling_with_regulated_party',
        officials[0] as Person,
        a1,
        day(2023, 1, 14),
        "the official's unit licensed, inspected or let a project to the partner's company",
      );
    if (a2)
      plant(
        'M19-A2',
        'alert',
        'gambling_with_regulated_party',
        officials[1] as Person,
        a2,
        day(2022, 12, 3),
        "the official's unit licensed, inspected or let a project to the partner's company",
      );
    if (n1)
      plant(
        'M19-N1',
        'no_alert',
        'near_miss_partner_not_regulated_by_unit',
        officials[2] as Person,
        n1,
        day(2023, 4, 22),
        "the partner's company is regulated by other units only",
      );
    return cases;
  };
}

/** An official in post on the day and another party of the same case (of the model's types), or of a case of the
 * same place within copresenceHours, who holds a role in a company that the official's unit licensed, checked,
 * fined or let a project to within windowYears of it. */
export function bruteForceM19(world: World, records: Records, years = D.num('windowYears')): Record<string, string>[] {
  const types = D.strings('caseTypes');
  const roles = rolesOf(world);
  const regs = new Map<string, number[]>();
  for (const r of world.regs ?? [])
    regs.set(`${r.org}:${r.company}`, [...(regs.get(`${r.org}:${r.company}`) ?? []), r.date, r.validTo ?? r.date]);
  for (const l of projectLinks(world)) regs.set(`${l.org}:${l.company}`, [...(regs.get(`${l.org}:${l.company}`) ?? []), l.date]);
  // Each person's posts, in the posts' order, so the matches come out as a scan of every post would give them.
  const postsOf = new Map<number, typeof world.posts>();
  for (const post of world.posts) {
    const mine = postsOf.get(post.person);
    if (mine) mine.push(post);
    else postsOf.set(post.person, [post]);
  }
  const out = matchSet();
  const span = years * 366;
  const inScope = records.cases.filter((c) => types.some((t) => c.type.includes(t)));
  // Who was together with a party of case c: the others of c, and, within copresenceHours, the parties of
  // another case of the same place who are not in c (and of whose case c's party is not one).
  const hours = D.num('copresenceHours');
  const byPlace = new Map<string, typeof inScope>();
  if (hours > 0) for (const c of inScope) if (c.place) byPlace.set(c.place, [...(byPlace.get(c.place) ?? []), c]);
  const at = (c: (typeof inScope)[number]) => c.time * 86_400 + c.second;
  const together = (c: (typeof inScope)[number], p: number): number[] => {
    const out = c.parties.map((x) => x.person).filter((x) => x !== p);
    for (const c2 of byPlace.get(c.place) ?? []) {
      if (c2 === c || Math.abs(at(c2) - at(c)) > hours * 3600 || c2.parties.some((x) => x.person === p)) continue;
      for (const q of c2.parties) if (!c.parties.some((x) => x.person === q.person)) out.push(q.person);
    }
    return out;
  };
  for (const c of inScope) {
    for (const p of c.parties) {
      const posts = (postsOf.get(p.person) ?? []).filter((post) => post.from <= c.time && (post.to === undefined || post.to >= c.time));
      if (!posts.length) continue;
      const partners = together(c, p.person);
      for (const post of posts) {
        for (const q of partners) {
          for (const r of roles.get(q) ?? []) {
            const days = regs.get(`${post.org}:${r.company}`) ?? [];
            if (!days.some((d) => Math.abs(d - c.time) <= span)) continue;
            out.add({ official: personUid(world, p.person), partner: personUid(world, q), policeCase: `PoliceCase:${c.caseNo}` });
          }
        }
      }
    }
  }
  return out.list();
}

export const gamblingWithRegulatedParty: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM19(w, r).map(byRole) };
