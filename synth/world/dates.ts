// Dates are whole days since 1970-01-01 (UTC) inside the generator: cheap to compare and add, and
// Date.UTC is pure, so no clock or time zone can leak into the output.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function ymd(x: Day): { y: number; m: number; d: number } {
  const dt = new Date(x * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** 2021-03-05, the canonical form (and the only one written when noise is off). */
export function iso(x: Day): string {
  const { y, m, d } = ymd(x);
  return `${y}-${p2(m)}-${p2(d)}`;
}

/** 19800101, as used inside ID numbers. */
export function compact(x: Day): string {
  const { y, m, d } = ymd(x);
  return `${y}${p2(m)}${p2(d)}`;
}

export type DateStyle = 'iso' | 'zh' | 'slash' | 'compact';
export const DATE_STYLES: readonly DateStyle[] = ['iso', 'zh', 'slash', 'compact'];

/** The spellings departments actually send (docs/sources.md). */
export function formatDay(x: Day, style: DateStyle): string {
  const { y, m, d } = ymd(x);
  switch (style) {
    case 'iso':
      return iso(x);
    case 'zh':
      return `${y}年${m}月${d}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'compact':
      return compact(x);
  }
}

/** Age in whole years on day `at`. */
export function ageOn(birth: Day, at: Day): number {
  const b = ymd(birth);
  const a = ymd(at);
  return a.y - b.y - (a.m < b.m || (a.m === b.m && a.d < b.d) ? 1 : 0);
}

/** The data snapshot the county "exported" on; all tenures and registrations end by then. */
export const SNAPSHOT: Day = day(2024, 6, 30);
