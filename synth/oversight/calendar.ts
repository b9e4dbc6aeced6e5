// Working days as M39 and M41 count them with their default `holidays: []`: Monday to Friday. Days are the
// generator's whole days since 1970-01-01 (dates.ts), so 1970-01-01, a Thursday, is day 0.
import type { Day } from '../world/dates.js';

/** 1 = Monday … 7 = Sunday, as Cypher's date.dayOfWeek. */
export const dayOfWeek = (d: Day): number => ((((d + 3) % 7) + 7) % 7) + 1;
const working = (d: Day) => dayOfWeek(d) < 6;

/** Working days after `from` up to and including `to`: what the models compute. */
export function workdaysBetween(from: Day, to: Day): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (working(d)) n++;
  return n;
}

/** The day `n` working days after `from` (n ≥ 1). */
export function addWorkdays(from: Day, n: number): Day {
  let d = from;
  for (let k = 0; k < n;) if (working(++d)) k++;
  return d;
}

/** `d` or the next working day. */
export const onWorkday = (d: Day): Day => (working(d) ? d : onWorkday(d + 1));
