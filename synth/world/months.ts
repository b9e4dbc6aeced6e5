// Month arithmetic on generator days: pay periods, payroll months and insurance spells are whole
// months, and the models compare them with death dates and post dates.
import { day, ymd, type Day } from './dates.js';

/** Months since year 0: a total order where +1 is the next month. */
export const monthIndex = (d: Day): number => {
  const t = ymd(d);
  return t.y * 12 + t.m - 1;
};
export const monthDay = (mi: number): Day => day(Math.floor(mi / 12), (mi % 12) + 1, 1);
/** First day of d's month. */
export const monthStart = (d: Day): Day => monthDay(monthIndex(d));
/** Last day of d's month. */
export const monthEnd = (d: Day): Day => monthDay(monthIndex(d) + 1) - 1;
export const addMonths = (d: Day, n: number): Day => monthDay(monthIndex(d) + n);
/** The months the records cover: the pay data starts in 2022-01; the snapshot is 2024-06-30. */
export const WINDOW_FROM: Day = day(2022, 1, 1);
export const WINDOW_TO: Day = day(2024, 6, 30);
export const overlaps = (a1: Day, a2: Day | undefined, b1: Day, b2: Day | undefined): boolean =>
  a1 <= (b2 ?? Infinity) && b1 <= (a2 ?? Infinity);
