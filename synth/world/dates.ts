// Dates are whole days since 1970-01-01 (UTC) inside the generator: cheap to compare and add, and
// Date.UTC is pure, so no clock or time zone can leak into the output.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/**
 * The civil date of a day number, by integer arithmetic (H. Hinnant's civil_from_days), where a `Date`
 * per call took a tenth of a million-person county's generation. Same answer as the UTC calendar for
 * every day (a unit test walks 1900–2100 against `Date`).
 */
export function ymd(x: Day): { y: number; m: number; d: number } {
  const z = Math.floor(x) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
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
