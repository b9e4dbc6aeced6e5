// M08 payroll staff in a household drawing 低保/特困: A1 father's 农村低保, A2 wife's 城市低保; near
// miss N1 the household's 低保 ended before the staff member joined the payroll.
import { day } from '../../world/dates.js';
import { PROGRAMS, type Program } from '../../world/programs.js';
import { personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { bureauOf, family, rural, tag, urban as urbanOf, type PeopleCtx } from '../people.js';
import { byPerson, monthsOf, pay, payrollMonths, WELFARE_BUREAUS } from './payments.js';

const MODEL = 'welfare.payroll-household-means-tested';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const bureau = bureauOf(WELFARE_BUREAUS, pc);
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const urban = urbanOf(pc);
  const a1 = hh(v(), [
    ['02', true, 63],
    ['10', false, 61],
    ['22', true, 34],
  ]);
  const a2 = hh(urban.length ? pc.rng.pick(urban) : v(), [
    ['02', true, 38],
    ['10', false, 37],
  ]);
  const n1 = hh(v(), [
    ['02', true, 58],
    ['10', false, 56],
    ['21', true, 26],
  ]);
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (
      id: string,
      expected: PlantedCase['expected'],
      kind: string,
      staff: Person,
      recipient: Person,
      prog: Program,
      note: string,
    ) =>
      cases.push(
        caseOf(
          D.catalog,
          tag(pc, id),
          expected,
          kind,
          { staff: ctx.uid(staff), recipient: ctx.uid(recipient), program: programUid(prog.code) },
          note,
        ),
      );
    ctx.post(a1[2] as Person, ctx.org(bureau(0)), '科员', '一级科员', false, day(2019, 3, 1));
    pay(ctx, a1[0] as Person, PROGRAMS.DBNC, day(2022, 7, 1), day(2024, 6, 1));
    add(
      'M08-A1',
      'alert',
      'staff_father_rural_dibao',
      a1[2] as Person,
      a1[0] as Person,
      PROGRAMS.DBNC,
      "a bureau clerk on the payroll lives in his father's household, which draws 农村低保",
    );
    const inst = ctx.world.orgs.find((o) => o.kind === '事业单位')?.idx ?? ctx.org(bureau(1));
    ctx.post(a2[0] as Person, inst, '职员', '管理九级', false, day(2018, 8, 1));
    pay(ctx, a2[1] as Person, urban.length ? PROGRAMS.DBCS : PROGRAMS.DBNC, day(2023, 1, 1), day(2024, 6, 1));
    add(
      'M08-A2',
      'alert',
      'staff_wife_dibao',
      a2[0] as Person,
      a2[1] as Person,
      urban.length ? PROGRAMS.DBCS : PROGRAMS.DBNC,
      "a 事业单位 employee's wife draws 低保 in his household",
    );
    ctx.post(n1[2] as Person, ctx.org(bureau(2)), '科员', '二级科员', false, day(2023, 9, 1));
    pay(ctx, n1[0] as Person, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 6, 1));
    add(
      'M08-N1',
      'no_alert',
      'near_miss_no_overlap',
      n1[2] as Person,
      n1[0] as Person,
      PROGRAMS.DBNC,
      "the household's 低保 ended in 2023-06; the son joined the payroll in 2023-09",
    );
    return cases;
  };
}

export function bruteForceM08(world: World, records: Records): Record<string, string>[] {
  const programs = D.strings('programs');
  const pay = byPerson(records);
  const out = matchSet();
  for (const [staff, months] of payrollMonths(records)) {
    for (const r of world.households[world.persons[staff]?.hh ?? -1]?.members ?? []) {
      for (const p of pay.get(r) ?? []) {
        if (!programs.includes(p.program) || !monthsOf(p.from, p.to).some((m) => months.has(m))) continue;
        out.add({ staff: personUid(world, staff), recipient: personUid(world, r), program: programUid(p.program) });
      }
    }
  }
  return out.list();
}

export const payrollHouseholdMeansTested: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM08(w, r).map(byRole) };
