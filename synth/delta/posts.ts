// The month's public-sector changes: a unit set up (机构编制名录, a full snapshot: the register again with
// it), posts ended and filled (干部名册, a full snapshot: the roster of everyone in post at the month's end),
// July's pay run (财政供养人员工资), and the pension register (社保参保, a full snapshot: every spell, the
// month's new and closed ones included).
// The roster and the pension register each leave some facts out on purpose, so loading them as full
// snapshots ends those facts by their absence (loaders/core/snapshot.ts): half the posts ended in July are
// sent with their 任职结束日期, the other half are simply no longer listed; the pension spells of people
// who died or moved away, and a few employees' spells at firms, are no longer listed either.
import { unitHierarchy } from '../world/hierarchy.js';
import { IdIssuer } from '../world/ids.js';
import { monthIndex } from '../world/months.js';
import { Rng } from '../world/prng.js';
import { COUNTY } from '../world/region.js';
import type { InsuranceSpell, PayrollSpell, Records } from '../world/records.js';
import type { Company, Org, Post, World } from '../world/world.js';
import { DELTA_MONTH, every, FIRST, july, LAST, type People } from './month.js';

export interface PublicMonth {
  orgs: Org[];
  /** The open posts that end on 15 July. */
  ending: Post[];
  /** The roster at the month's end: posts still held, the month's new posts, and half the ended ones with their end date. */
  roster: Post[];
  payroll: PayrollSpell[];
  insurance: InsuranceSpell[];
  counts: {
    unitsNew: number;
    postsEnded: number;
    postsEndedByAbsence: number;
    postsNew: number;
    payroll: number;
    leftPayroll: number;
    insuranceNew: number;
    insuranceClosed: number;
    insuranceEndedByAbsence: number;
  };
}

const ENDED = july(15);
const APPOINTED = july(16);

/** A 事业单位 set up in July under the county government, with a code no unit (nor the register's root) has. */
function newUnit(world: World, seed: number): Org {
  const taken = new Set([...world.orgs.map((o) => o.code), unitHierarchy(world, seed)[0]!.code]);
  const ids = new IdIssuer(new Rng(seed, 'delta-org-ids'));
  let code = ids.uscc('12', true);
  while (taken.has(code)) code = ids.uscc('12', true);
  return { idx: world.orgs.length, code, name: `${COUNTY}数字化改革服务中心`, short: '数改中心', kind: '事业单位' };
}

/**
 * `people`: who may take the posts July leaves open and head the new unit; `gone`: people who died or left
 * the county in July; `firms`: companies founded in July, each insuring its representative.
 */
export function publicMonth(
  world: World,
  records: Records,
  seed: number,
  people: People,
  gone: ReadonlySet<number>,
  firms: Company[],
): PublicMonth {
  const unit = newUnit(world, seed);
  const orgs = [...world.orgs, unit];

  // One open post in 200 (at least two) ends on 15 July; the next day someone new takes the same title.
  // Planted posts stay in post (and on the roster): the cases are built around them.
  const current = world.posts.filter((p) => p.to === undefined);
  const ending = every(
    current.filter((p) => !p.planted),
    0.005,
    2,
  );
  const endingSet = new Set(ending);
  const appointees = people.take(ending.length + 1, 25, 58);
  const successors = ending.map((p, i) => ({ ...p, person: appointees[i]!.idx, from: APPOINTED, to: undefined }));
  const head = appointees[ending.length]!;
  const director: Post = { person: head.idx, org: unit.idx, title: '主任', level: '正科级', leader: true, from: APPOINTED };
  // Every other ended post is written with its end date; the rest are left off the roster.
  const explicit = ending.filter((_, i) => i % 2 === 0).map((p) => ({ ...p, to: ENDED }));
  const roster = [...current.filter((p) => !endingSet.has(p)), ...explicit, ...successors, director];

  // July's pay: June's spells carried one month, but one in two hundred who leave the payroll in June.
  const june = records.payroll.filter((s) => monthIndex(s.to) === DELTA_MONTH - 1);
  const leaving = new Set(every(june, 0.005));
  const payroll = june.filter((s) => !leaving.has(s)).map((s) => ({ ...s, from: FIRST, to: FIRST }));

  // The pension register. A post ended with its date closes its holder's open spell at that unit in July
  // (参保终止年月 filled in); a post that left the roster, a death, a move away and one firm spell in 500
  // leave the register (ended by absence). New posts at 机关 and 事业单位 (the units on the payroll) and new firms open spells from July.
  const key = (person: number, code: string) => `${person}|${code}`;
  const closing = new Set(explicit.map((p) => key(p.person, world.orgs[p.org]!.code)));
  const dropped = new Set(ending.filter((_, i) => i % 2 === 1).map((p) => key(p.person, world.orgs[p.org]!.code)));
  const openSpells = records.insurance.filter((s) => s.to === undefined);
  for (const s of every(
    openSpells.filter((s) => s.employer.kind === 'company' && !world.persons[s.person]!.planted),
    0.002,
  ))
    dropped.add(key(s.person, s.employer.code));
  let closed = 0;
  let absent = 0;
  const insurance: InsuranceSpell[] = [];
  for (const s of records.insurance) {
    const k = key(s.person, s.employer.code);
    if (s.to === undefined && (dropped.has(k) || gone.has(s.person))) {
      absent++;
      continue;
    }
    if (s.to === undefined && closing.has(k)) {
      closed++;
      insurance.push({ ...s, to: LAST });
    } else insurance.push(s);
  }
  const opened: InsuranceSpell[] = [
    ...[...successors, director]
      .filter((p) => orgs[p.org]!.kind === '党政机关' || orgs[p.org]!.kind === '事业单位')
      .map((p): InsuranceSpell => ({
        person: p.person,
        employer: { kind: 'org', code: orgs[p.org]!.code, name: orgs[p.org]!.name },
        scheme: '机关事业单位养老保险',
        from: FIRST,
      })),
    ...firms.map((c): InsuranceSpell => ({
      person: c.rep,
      employer: { kind: 'company', code: c.uscc, name: c.name },
      scheme: '企业职工基本养老保险',
      from: FIRST,
    })),
  ];
  insurance.push(...opened);

  return {
    orgs,
    ending,
    roster,
    payroll,
    insurance,
    counts: {
      unitsNew: 1,
      postsEnded: ending.length,
      postsEndedByAbsence: ending.length - explicit.length,
      postsNew: successors.length + 1,
      payroll: payroll.length,
      leftPayroll: leaving.size,
      insuranceNew: opened.length,
      insuranceClosed: closed,
      insuranceEndedByAbsence: absent,
    },
  };
}
