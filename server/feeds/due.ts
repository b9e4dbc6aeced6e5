// When a feed's next delivery is due, on China's calendar: a department files by its own working day,
// so a load at 23:30 UTC on the 4th is a delivery on the 5th. Dates are `YYYY-MM-DD` strings; the
// arithmetic runs on UTC midnights so no local time zone of the server can shift a day.
import type { Feed } from '../../platform/feeds/registry.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date at UTC+8 of an instant. */
export function chinaDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(d: string, n: number): string {
  const [y, m, day] = parts(d);
  return fmt(Date.UTC(y, m - 1, day) + n * DAY_MS);
}

/** Months later, the day kept where the month has it (31 January + 1 month = 28 or 29 February). */
export function addMonths(d: string, n: number): string {
  const [y, m, day] = parts(d);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return fmt(Date.UTC(y, m - 1 + n, Math.min(day, last)));
}

/** Day `dueDay` of the month after the period holding `d` (a month, or a quarter of three). */
function dayAfterPeriod(d: string, months: 1 | 3, dueDay: number): string {
  const [y, m] = parts(d);
  const periodStart = months === 1 ? m - 1 : Math.floor((m - 1) / 3) * 3;
  return fmt(Date.UTC(y, periodStart + months, dueDay));
}

/**
 * The last day the next delivery may arrive, counted from the last delivery's date (or, before the
 * first, from `since`). Null: no due date (an on-change feed, or a feed never delivered that names no
 * `since`, which is overdue at once: see isOverdue).
 */
export function nextDue(feed: Pick<Feed, 'cadence' | 'dueDay' | 'graceDays' | 'since'>, lastDelivery: string | null): string | null {
  const from = lastDelivery ?? feed.since ?? null;
  if (feed.cadence === 'on-change' || from === null) return null;
  if (feed.dueDay !== undefined && (feed.cadence === 'monthly' || feed.cadence === 'quarterly'))
    return dayAfterPeriod(from, feed.cadence === 'monthly' ? 1 : 3, feed.dueDay);
  const interval =
    feed.cadence === 'daily'
      ? addDays(from, 1)
      : feed.cadence === 'weekly'
        ? addDays(from, 7)
        : addMonths(from, feed.cadence === 'monthly' ? 1 : 3);
  return addDays(interval, feed.graceDays);
}

/**
 * Overdue: today (UTC+8) is past the due date. A periodic feed that has never delivered and names no
 * `since` is overdue from the start: it was filed but nothing came.
 */
export function isOverdue(feed: Pick<Feed, 'cadence'>, due: string | null, lastDelivery: string | null, now: Date): boolean {
  if (feed.cadence === 'on-change') return false;
  if (due === null) return lastDelivery === null;
  return chinaDate(now) > due;
}
