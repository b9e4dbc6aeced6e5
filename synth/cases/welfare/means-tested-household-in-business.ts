// M10 (company part) a household draws 低保/特困 while a member of it holds a company role: A1 a son is legal
// representative of his firm during his father's 农村低保; A2 a wife takes 30% of a neighbour's firm in the
// middle of the household's 低保 (城市 where the county has communities); A3 a 特困 recipient is himself
// 监事 of a firm. Near misses: N1 the son's firm was founded after the 低保 ended; N2 the son's share of a
// firm deregistered (注销) in 2019 ended then, before the 低保 began; N3 a daughter who runs a firm lives in
// her husband's household, not her parents'; N4 the household draws 高龄津贴 (universal, not means-tested).
import { day, type Day } from '../../world/dates.js';
import { PROGRAMS, type Program } from '../../world/programs.js';
import { companyUid, personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Company, Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { alone, family, rural, tag, urban as urbanOf, type PeopleCtx } from '../people.js';
import { rolesOf } from '../integrity/roles.js';
import { pay } from './payments.js';

const MODEL = 'welfare.means-tested-household-in-business';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const urban = urbanOf(pc);
  const a1 = hh(v(), [
    ['02', true, 64],
    ['10', false, 62],
    ['22', true, 36],
  ]);
  const a2 = hh(urban.length ? pc.rng.pick(urban) : v(), [
    ['02', true, 48],
    ['10', false, 46],
  ]);
  const a3 = hh(v(), [['02', true, 71]]);
  const n1 = hh(v(), [
    ['02', true, 60],
    ['10', false, 58],
    ['22', true, 33],
  ]);
  const n2 = hh(v(), [
    ['02', true, 66],
    ['10', false, 63],
    ['21', true, 38],
  ]);
  const n3 = hh(v(), [
    ['02', true, 63],
    ['10', false, 61],
  ]);
  // The daughter of N3's couple, married into a household of her own.
  const n3d = hh(v(), [
    ['02', true, 37],
    ['10', false, 35],
  ]);
  const n4 = hh(v(), [
    ['02', true, 83],
    ['22', true, 52],
  ]);
  const neighbour = alone(pc, 51);
  const nephew = alone(pc, 45);
  const partner = alone(pc, 57);
  return (ctx: PlantCtx): PlantedCase[] => {
    type Spec = [id: string, kind: string, recipient: Person, member: Person, company: Company, prog: Program, note: string];
    const officer = (c: Company, p: Person, role: string, from: Day) =>
      ctx.world.officers.push({ company: c.idx, person: p.idx, role, from });

    const [f1, , s1] = a1 as [Person, Person, Person];
    pay(ctx, f1, PROGRAMS.DBNC, day(2022, 7, 1), day(2024, 6, 1));
    const c1 = ctx.company(s1, day(2019, 5, 10), { pct: 100 });

    const [h2, w2] = a2 as [Person, Person];
    const dibao2 = urban.length ? PROGRAMS.DBCS : PROGRAMS.DBNC;
    pay(ctx, h2, dibao2, day(2022, 10, 1), day(2024, 6, 1));
    const c2 = ctx.company(neighbour, day(2017, 3, 1), { pct: 70 });
    ctx.share(c2, w2, 30, day(2023, 6, 1));

    const [r3] = a3 as [Person];
    pay(ctx, r3, PROGRAMS.TK, day(2022, 1, 1), day(2024, 6, 1));
    const c3 = ctx.company(nephew, day(2016, 8, 18), { pct: 100 });
    officer(c3, r3, '监事', day(2021, 4, 1));

    const [f4, , s4] = n1 as [Person, Person, Person];
    pay(ctx, f4, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 3, 1));
    const c4 = ctx.company(s4, day(2023, 9, 1), { pct: 100 });

    const [f5, , s5] = n2 as [Person, Person, Person];
    pay(ctx, f5, PROGRAMS.DBNC, day(2022, 4, 1), day(2024, 6, 1));
    const c5 = ctx.company(partner, day(2012, 3, 1), { status: '注销', pct: 60 });
    ctx.share(c5, s5, 40, day(2012, 3, 1), day(2019, 11, 30));

    const [f6] = n3 as [Person];
    const [, d6] = n3d as [Person, Person];
    pay(ctx, f6, PROGRAMS.DBNC, day(2022, 1, 1), day(2024, 6, 1));
    const c6 = ctx.company(d6, day(2018, 6, 1), { pct: 100 });

    const [f7, s7] = n4 as [Person, Person];
    pay(ctx, f7, PROGRAMS.GL, day(2022, 1, 1), day(2024, 6, 1));
    const c7 = ctx.company(s7, day(2010, 11, 1), { pct: 100 });

    const alerts: Spec[] = [
      [
        'M10-A1',
        'son_legal_rep_during_dibao',
        f1,
        s1,
        c1,
        PROGRAMS.DBNC,
        "the son runs his own firm while his father's household draws 农村低保",
      ],
      [
        'M10-A2',
        'wife_shareholder_from_mid_dibao',
        h2,
        w2,
        c2,
        dibao2,
        "the wife takes 30% of a neighbour's firm in 2023-06, while the household draws 低保",
      ],
      ['M10-A3', 'tekun_recipient_officer', r3, r3, c3, PROGRAMS.TK, 'a 特困 recipient living alone is 监事 of a firm since 2021-04'],
    ];
    const nearMisses: Spec[] = [
      [
        'M10-N1',
        'near_miss_founded_after_dibao',
        f4,
        s4,
        c4,
        PROGRAMS.DBNC,
        "the son's firm was founded 2023-09-01, after the 低保 ended in 2023-03",
      ],
      [
        'M10-N2',
        'near_miss_deregistered_before_dibao',
        f5,
        s5,
        c5,
        PROGRAMS.DBNC,
        "the son's 40% ended (退出日期 2019-11-30) when the firm was deregistered (注销), before the 低保 began in 2022-04",
      ],
      [
        'M10-N3',
        'near_miss_other_household',
        f6,
        d6,
        c6,
        PROGRAMS.DBNC,
        "the daughter who runs a firm is registered in her husband's household, not in her parents' (who draw 低保)",
      ],
      ['M10-N4', 'near_miss_universal_programme', f7, s7, c7, PROGRAMS.GL, 'the father draws 高龄津贴 (universal), no means-tested aid'],
    ];
    const caseFor =
      (expected: PlantedCase['expected']) =>
      ([id, kind, recipient, member, company, prog, note]: Spec): PlantedCase =>
        caseOf(
          D.catalog,
          tag(pc, id),
          expected,
          kind,
          {
            recipient: ctx.uid(recipient),
            member: ctx.uid(member),
            company: companyUid(ctx.world, company.idx),
            program: programUid(prog.code),
          },
          note,
        );
    return [...alerts.map(caseFor('alert')), ...nearMisses.map(caseFor('no_alert'))];
  };
}

/** Every (recipient, household member, company, programme) with a means-tested payment period that the
 * member's role overlaps, in a company founded by the period's end: the model's reading, walked over the
 * world and the payment records rather than the graph. */
export function bruteForceM10(world: World, records: Records): Record<string, string>[] {
  const programs = D.strings('programs');
  const roles = rolesOf(world);
  const out = matchSet();
  for (const p of records.payments) {
    if (!programs.includes(p.program)) continue;
    for (const m of world.households[world.persons[p.person]?.hh ?? -1]?.members ?? []) {
      for (const r of roles.get(m) ?? []) {
        const c = world.companies[r.company];
        if (!c || c.founded > p.to || (r.from ?? -Infinity) > p.to || (r.to ?? Infinity) < p.from) continue;
        out.add({
          recipient: personUid(world, p.person),
          member: personUid(world, m),
          company: companyUid(world, c.idx),
          program: programUid(p.program),
        });
      }
    }
  }
  return out.list();
}

export const meansTestedHouseholdInBusiness: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM10(w, r).map(byRole) };
