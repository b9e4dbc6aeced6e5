// What the welfare cases share: paying a planted person, and reading payments, payroll and insurance
// month by month (pay dates never matter: arrears and late payments are for the months they cover).
import type { Day } from '../../world/dates.js';
import { monthIndex } from '../../world/months.js';
import type { Program } from '../../world/programs.js';
import { payRange } from '../../world/record-helpers.js';
import type { Payment, Records } from '../../world/records.js';
import type { Person } from '../../world/world.js';
import type { PlantCtx } from '../plant-context.js';

/** The units welfare officials are planted in, turned by the planted set. */
export const WELFARE_BUREAUS = ['农业农村局', '水利局', '教育局', '住建局', '交通运输局', '卫健局'];

export const pay = (ctx: PlantCtx, p: Person, prog: Program, from: Day, to: Day): void => {
  payRange(ctx.world, ctx.records, p.idx, prog, from, to);
};

export const monthsOf = (from: number, to: number | undefined, cap = 2100 * 12): number[] => {
  const out: number[] = [];
  for (let m = monthIndex(from); m <= Math.min(to === undefined ? cap : monthIndex(to), cap); m++) out.push(m);
  return out;
};

export function byPerson(records: Records): Map<number, Payment[]> {
  const out = new Map<number, Payment[]>();
  for (const p of records.payments) {
    const l = out.get(p.person);
    if (l) l.push(p);
    else out.set(p.person, [p]);
  }
  return out;
}

export function payrollMonths(records: Records): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const s of records.payroll) {
    const set = out.get(s.person) ?? new Set<number>();
    out.set(s.person, set);
    for (const m of monthsOf(s.from, s.to)) set.add(m);
  }
  return out;
}
