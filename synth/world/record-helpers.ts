// Shared builders for the integrity and welfare records: pay periods by cadence, stable accounts,
// case and decision numbers, uids as the loaders will write them. Planted cases and background
// generation both go through these so the files look the same for both.
import { createHash } from 'node:crypto';
import { day, ymd, type Day } from './dates.js';
import { addMonths, monthEnd, monthIndex, monthDay } from './months.js';
import type { World } from './world.js';
import type { Program } from './programs.js';
import type { Payment, Records } from './records.js';

export const personUid = (world: World, p: number): string => `Person:${world.persons[p]?.idNo ?? ''}`;
export const orgUid = (world: World, o: number): string => `Org:${world.orgs[o]?.code ?? ''}`;
export const companyUid = (world: World, c: number): string => `Company:${world.companies[c]?.uscc ?? ''}`;
export const programUid = (code: string): string => `Program:${code}`;

/** Each dead person's day of death as the graph will have it: the earlier of 火化登记 and the register's 注销. */
export function deathDays(world: World, records: Records): Map<number, number> {
  const death = new Map<number, number>();
  for (const d of records.deaths) death.set(d.person, Math.min(d.date, death.get(d.person) ?? Infinity));
  for (const p of world.persons) if (p.cancel?.reason === '死亡') death.set(p.idx, Math.min(p.cancel.date, death.get(p.idx) ?? Infinity));
  return death;
}

/** A 一卡通 account that stays the same for a person across programmes (hash of the ID, no PRNG). */
export function accountFor(idNo: string): string {
  const h = createHash('sha256').update(idNo).digest();
  let digits = '';
  for (let i = 0; digits.length < 15; i++) digits += String((h[i] ?? 0) % 10);
  return `6217${digits}`;
}

/** Amount in fen for one period of `prog` covering `months` months. */
export function periodFen(prog: Program, months: number, perMonth?: number): number {
  return Math.round((perMonth ?? prog.base) * 100) * months;
}

/** Regular payments of `prog` to `person` for every period whose first month lies in [from, to]
 * (cadence-aligned: quarters start in Jan/Apr/Jul/Oct, years in January). Paid on the 10th of the
 * period's first month (yearly: 20 June). */
export function payRange(world: World, records: Records, person: number, prog: Program, from: Day, to: Day, perMonth?: number): Payment[] {
  const out: Payment[] = [];
  const first = monthIndex(from);
  const start = first - (first % prog.cadence);
  const idNo = world.persons[person]?.idNo ?? '';
  for (let mi = start; mi <= monthIndex(to); mi += prog.cadence) {
    if (mi < first && prog.cadence === 1) continue;
    const pFrom = monthDay(mi);
    const y = ymd(pFrom).y;
    const payDate = prog.cadence === 12 ? day(y, 6, 20) : pFrom + 9;
    const p: Payment = {
      person,
      program: prog.code,
      from: pFrom,
      to: monthEnd(addMonths(pFrom, prog.cadence - 1)),
      payDate,
      fen: periodFen(prog, prog.cadence === 12 ? 1 : prog.cadence, perMonth),
      account: accountFor(idNo),
    };
    records.payments.push(p);
    out.push(p);
  }
  return out;
}

/** Police case numbers: A + unit code + year + month + a running number, unique per county. */
export function caseNo(records: Records, time: Day): string {
  const { y, m } = ymd(time);
  return `A330122${String(y)}${String(m).padStart(2, '0')}${String(records.cases.length + 1).padStart(5, '0')}`;
}

export function decisionNo(records: Records, time: Day): string {
  return `桐公(治)行罚决字〔${ymd(time).y}〕${records.cases.length + 101}号`;
}

export function sanctionNo(records: Records, kind: '党纪' | '政务', decided: Day): string {
  return `桐${kind === '党纪' ? '纪' : '监'}处〔${ymd(decided).y}〕${records.sanctions.length + 11}号`;
}

/** Impact periods by sanction type (月): 党纪处分条例 / 政务处分法; 开除 is permanent for promotion. */
export const IMPACT_MONTHS: Record<string, number> = {
  '党纪:警告': 12,
  '党纪:严重警告': 18,
  '党纪:撤销党内职务': 24,
  '党纪:留党察看': 24,
  '党纪:开除党籍': 60,
  '政务:警告': 6,
  '政务:记过': 12,
  '政务:记大过': 18,
  '政务:降级': 24,
  '政务:撤职': 24,
};

export function impactUntil(kind: '党纪' | '政务', type: string, decided: Day): Day {
  return addMonths(decided, IMPACT_MONTHS[`${kind}:${type}`] ?? 12) - 1 + (decided - monthDay(monthIndex(decided)));
}
