// Register numbers by year, in order of the day a record starts (ties in generation order), as a register
// issues them: TLXF-2023-00012, TLSP-2023-000123.
import { ymd, type Day } from '../world/dates.js';

export function assignYearCodes<T extends { code: string }>(records: T[], dayOf: (r: T) => Day, prefix: string, digits: number): void {
  const perYear = new Map<number, number>();
  const order = records.map((r, i) => ({ r, i })).sort((a, b) => dayOf(a.r) - dayOf(b.r) || a.i - b.i);
  for (const { r } of order) {
    const y = ymd(dayOf(r)).y;
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    r.code = `${prefix}-${y}-${String(n).padStart(digits, '0')}`;
  }
}
