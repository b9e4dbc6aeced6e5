// M21 one person on two units' payroll at once: A1 a bureau clerk also paid by a 事业单位 for 14 months,
// A2 two bureaus paying one section chief since 2023-09; near misses N1 the month of a transfer (both
// units pay it), N2 a promotion inside one unit.
import { day } from '../../world/dates.js';
import { monthIndex } from '../../world/months.js';
import { deathDays, orgUid, personUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type PlantCtx } from '../plant-context.js';
import { alone, bureauOf, tag, type PeopleCtx } from '../people.js';
import { OFFICIAL_BUREAUS } from './official-in-business.js';

const MODEL = 'integrity.double-payroll';
const D = modelDefaults(MODEL);

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const [a1, a2, n1, n2] = [alone(ctx, 38), alone(ctx, 44), alone(ctx, 41), alone(ctx, 36)];
  return (p: PlantCtx): PlantedCase[] => {
    const w = p.world;
    const institutions = w.orgs.filter((o) => o.kind === '事业单位');
    const institution = (institutions[ctx.set % Math.max(1, institutions.length)] ?? w.orgs[p.org(bureau(5))]!).idx;
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, who: Person, units: [number, number], note: string) => {
      const [u1, u2] = units.map((u) => orgUid(w, u)).sort() as [string, string];
      cases.push(caseOf(D.catalog, tag(ctx, id), expected, kind, { person: p.uid(who), unit: u1, unit2: u2 }, note));
    };
    let [x, y] = [p.org(bureau(0)), institution];
    p.post(a1, x, '科员', '一级科员', false, day(2015, 7, 1));
    p.post(a1, y, '办事员', '二级科员', false, day(2022, 5, 9), day(2023, 6, 20));
    add('M21-A1', 'alert', 'double_payroll_institution', a1, [x, y], "a bureau clerk also on an institution's payroll, 2022-05 to 2023-06");
    [x, y] = [p.org(bureau(1)), p.org(bureau(2))];
    p.post(a2, x, '科长', '四级主任科员', false, day(2017, 3, 1));
    p.post(a2, y, '科长', '四级主任科员', false, day(2023, 9, 1));
    add(
      'M21-A2',
      'alert',
      'double_payroll_two_bureaus',
      a2,
      [x, y],
      'transferred on paper in 2023-09, the old bureau never stopped paying',
    );
    [x, y] = [p.org(bureau(3)), p.org(bureau(4))];
    p.post(n1, x, '科员', '一级科员', false, day(2016, 4, 1), day(2023, 3, 10));
    p.post(n1, y, '科员', '一级科员', false, day(2023, 3, 11));
    add('M21-N1', 'no_alert', 'near_miss_transfer_month', n1, [x, y], 'transferred on 2023-03-11: both units paid March only');
    x = p.org(bureau(0));
    p.post(n2, x, '科员', '一级科员', false, day(2014, 9, 1), day(2022, 8, 31));
    p.post(n2, x, '科长', '四级主任科员', false, day(2022, 8, 15));
    add('M21-N2', 'no_alert', 'near_miss_one_unit', n2, [x, x], 'promoted inside one unit: two posts, one payroll');
    return cases;
  };
}

/** People paid by two units for at least minMonths of the same months (month sets, as the loader coalesces them). */
export function doublePayrollMatches(world: World, records: Records): Record<string, string>[] {
  const minMonths = D.num('minMonths');
  const months = new Map<number, Map<number, Set<number>>>();
  for (const s of records.payroll) {
    const byOrg = months.get(s.person) ?? months.set(s.person, new Map()).get(s.person)!;
    const set = byOrg.get(s.org) ?? byOrg.set(s.org, new Set()).get(s.org)!;
    for (let m = monthIndex(s.from); m <= monthIndex(s.to); m++) set.add(m);
  }
  const out = matchSet();
  for (const [person, byOrg] of months) {
    const orgs = [...byOrg.keys()];
    for (let i = 0; i < orgs.length; i++)
      for (let j = i + 1; j < orgs.length; j++) {
        const [a, b] = [byOrg.get(orgs[i]!)!, byOrg.get(orgs[j]!)!];
        if ([...a].filter((m) => b.has(m)).length < minMonths) continue;
        const [u1, u2] = [orgUid(world, orgs[i]!), orgUid(world, orgs[j]!)].sort() as [string, string];
        out.add({ person: personUid(world, person), unit: u1, unit2: u2 });
      }
  }
  return out.list();
}

/** People still paid by a unit for at least minMonths after the month of their death, as the model's other form. */
export function paidAfterDeathMatches(world: World, records: Records): Record<string, string>[] {
  const minMonths = D.num('minMonths');
  const death = deathDays(world, records);
  const after = new Map<string, Set<number>>();
  for (const s of records.payroll) {
    const d = death.get(s.person);
    if (d === undefined) continue;
    const key = `${s.person}|${s.org}`;
    const set = after.get(key) ?? after.set(key, new Set()).get(key)!;
    for (let m = Math.max(monthIndex(s.from), monthIndex(d) + 1); m <= monthIndex(s.to); m++) set.add(m);
  }
  const out = matchSet();
  for (const [key, months] of after) {
    if (months.size < minMonths) continue;
    const [person, org] = key.split('|').map(Number) as [number, number];
    out.add({ person: personUid(world, person), unit: orgUid(world, org) });
  }
  return out.list();
}

export const doublePayroll: CaseModule = {
  model: MODEL,
  people,
  // Background posts overlap now and then (a 兼职 at an institution): they are what the model is for.
  recordsBackground: true,
  oracle: (w, r) => [...doublePayrollMatches(w, r), ...paidAfterDeathMatches(w, r)].map(byRole),
};
