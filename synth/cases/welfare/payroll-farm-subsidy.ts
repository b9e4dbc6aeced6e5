// M09 payroll officials drawing 耕地地力保护补贴: A1 2022+2023, A2 2023; near miss N1 2022, payroll
// from 2023-03.
import { day } from '../../world/dates.js';
import { PROGRAMS } from '../../world/programs.js';
import { accountFor, personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { bureauOf, family, rural, tag, type PeopleCtx } from '../people.js';
import { byPerson, monthsOf, payrollMonths, WELFARE_BUREAUS } from './payments.js';

const MODEL = 'welfare.payroll-farm-subsidy';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const bureau = bureauOf(WELFARE_BUREAUS, pc);
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const a1 = hh(v(), [
    ['02', true, 46],
    ['10', false, 45],
  ]);
  const a2 = hh(v(), [
    ['02', true, 51],
    ['10', false, 50],
  ]);
  const n1 = hh(v(), [['02', true, 37]]);
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, p: Person, note: string) =>
      cases.push(caseOf(D.catalog, tag(pc, id), expected, kind, { official: ctx.uid(p), program: programUid(PROGRAMS.GDDL.code) }, note));
    const farm = (p: Person, years: number[], mu: number): void => {
      for (const y of years)
        ctx.records.payments.push({
          person: p.idx,
          program: PROGRAMS.GDDL.code,
          from: day(y, 1, 1),
          to: day(y, 12, 31),
          payDate: day(y, 6, 20),
          fen: Math.round(mu * PROGRAMS.GDDL.base * 100),
          account: accountFor(p.idNo),
        });
    };
    ctx.post(a1[0] as Person, ctx.org(bureau(3)), '科员', '一级科员', false, day(2016, 5, 1));
    farm(a1[0] as Person, [2022, 2023], 4.6);
    add(
      'M09-A1',
      'alert',
      'official_farm_subsidy_two_years',
      a1[0] as Person,
      'a bureau clerk on the payroll drew 耕地地力保护补贴 for 2022 and 2023',
    );
    ctx.post(a2[0] as Person, ctx.org(bureau(4)), '科长', '四级主任科员', false, day(2011, 9, 1));
    farm(a2[0] as Person, [2023], 6.2);
    add('M09-A2', 'alert', 'official_farm_subsidy', a2[0] as Person, 'a section chief drew the 2023 耕地地力保护补贴');
    ctx.post(n1[0] as Person, ctx.org(bureau(5)), '科员', '一级科员', false, day(2023, 3, 1));
    farm(n1[0] as Person, [2022], 3.1);
    add('M09-N1', 'no_alert', 'near_miss_before_payroll', n1[0] as Person, 'the 2022 subsidy predates his first payroll month (2023-03)');
    return cases;
  };
}

export function bruteForceM09(world: World, records: Records): Record<string, string>[] {
  const programs = D.strings('programs');
  const pay = byPerson(records);
  const out = matchSet();
  for (const [p, months] of payrollMonths(records)) {
    // As the model: his own payments, and (household) those of the members of his household.
    const hh = world.households[world.persons[p]?.hh ?? -1]?.members ?? [];
    const recipients = new Set([p, ...(D.bool('household') ? hh : [])]);
    for (const r of recipients)
      for (const x of pay.get(r) ?? []) {
        if (!programs.includes(x.program) || !monthsOf(x.from, x.to).some((m) => months.has(m))) continue;
        out.add({ official: personUid(world, p), program: programUid(x.program) });
      }
  }
  return out.list();
}

export const payrollFarmSubsidy: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM09(w, r).map(byRole) };
