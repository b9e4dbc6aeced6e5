// Dates as departments write them (2021年3月5日, 2021/3/5, 2021-03-05, 20210305, 2021.3.5, 20210305093015,
// Excel date cells and serial numbers, a month alone as its first day) and as systems' APIs send them (epoch milliseconds or seconds, an
// instant in UTC) → ISO YYYY-MM-DD. Impossible dates (2021-02-30) are refused, never rolled over.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';
import { chineseDate } from './chinese-numerals.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Years outside this window are typos (0021, 2201), not history the graph needs. */
const MIN_YEAR = 1880;
const MAX_YEAR = 2100;

function ymd(y: number, mo: number, d: number, shown: string): string {
  const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (y < MIN_YEAR || y > MAX_YEAR) invalid(`年份 ${y} 超出范围`, `"${shown}": year ${y} is out of range`);
  if (!isRealDate(iso)) invalid('日期不存在', `"${shown}" is not a real date`);
  return iso;
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Lotus's phantom 1900-02-29 (serial 60). */
function fromExcelSerial(n: number): string {
  const days = Math.floor(n) - (n >= 60 ? 2 : 1);
  const t = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), String(n));
}

const DATE_RES: RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/,
  /^(\d{4})(\d{2})(\d{2})(?!\d)/,
];

/**
 * The zone a date is taken in when the value is an instant (an epoch number, a time with Z or another
 * offset): the records are Chinese, and an API that stores 2021-03-05 00:00 in Beijing sends
 * 2021-03-04T16:00:00Z or 1614873600000, which are 2021-03-05 here.
 */
const CHINA_MS = 8 * 3_600_000;

function dateAt(ms: number, shown: string): string {
  const t = new Date(ms + CHINA_MS);
  if (Number.isNaN(t.getTime())) return invalid('不是日期', `"${shown}" is not a date`);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), shown);
}

/**
 * Epoch time as JSON APIs and dataframe exports write it (pandas' to_json, Java's Date): 10 digits are
 * seconds, 11–13 milliseconds; before 1970, negative (9–10 digits seconds, more milliseconds). Not 8 or 14
 * digits (20210305, 20210305093015), nor 10 or 12 that read as a real date and hour (2021030509,
 * 202103050930), nor a positive 9 (a date typed with a digit too many). Undefined when it is none of these.
 */
function epochMs(digits: string): number | undefined {
  const m = /^(-?)(\d{9,13})$/.exec(digits);
  if (!m) return undefined;
  const [neg, n] = [m[1] === '-', m[2]!];
  if (!neg && n.length === 9) return undefined;
  // Ten or twelve digits that read as a real yyyymmddhh[mm] are a date written so, never taken for an epoch.
  if (!neg && (n.length === 10 || n.length === 12) && compactReads(n)) return undefined;
  return Number(digits) * (n.length <= 10 ? 1000 : 1);
}

/** Whether ten or twelve digits are a real yyyymmddhh or yyyymmddhhmm. */
function compactReads(n: string): boolean {
  const [y, h, mi] = [Number(n.slice(0, 4)), Number(n.slice(8, 10)), Number(n.slice(10, 12) || '0')];
  return y >= MIN_YEAR && y <= MAX_YEAR && isRealDate(`${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}`) && h < 24 && mi < 60;
}

/**
 * A month alone, as rosters write 任现职时间 and 出生年月 (2018年3月, 1985.03, 2018-03, 2018/3): its first day,
 * the nearest the source comes to a date. Never six bare digits (201803), which an amount or a code may be.
 */
const YEAR_MONTH = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月份?|[-/.](\d{1,2}))$/;

/** A text cell of five digits (44256): an Excel date serial saved into a CSV from a cell formatted General (1927–2119). */
const TEXT_SERIAL = /^\d{5}$/;

/** A compact timestamp as many systems write it: 20210305093015 or 202103050930. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/;

const WEEKDAY = /^[（(]?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*[）)]?/;
const WEEKDAY_NO: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/**
 * The rest after a date, less a weekday written after it (2021/3/5 星期五, 2021年3月5日（周五）, as a system's
 * export or a clerk writes it); a weekday that is not the date's refuses the cell, since one of them is wrong.
 */
function withoutWeekday(s: string, iso: string, rest: string): string {
  const w = WEEKDAY.exec(rest);
  if (!w) return rest;
  if (new Date(`${iso}T00:00:00Z`).getUTCDay() !== WEEKDAY_NO[w[1]!])
    invalid(`星期与日期不符（${iso} 不是星期${w[1]}）`, `"${s}": ${iso} is not a 星期${w[1]}; the date or the weekday is wrong`);
  return rest.slice(w[0].length).trim();
}

/** Splits a date-led string into its date and the rest (a time, for datetime). */
function leadingDate(s: string): { iso: string; rest: string } {
  const { iso, rest } = leadingDateAndRest(s);
  return { iso, rest: withoutWeekday(s, iso, rest) };
}

function leadingDateAndRest(s: string): { iso: string; rest: string } {
  const ms = epochMs(s);
  if (ms !== undefined) return { iso: dateAt(ms, s), rest: '' };
  const c = COMPACT.exec(s);
  if (c) return { iso: ymd(Number(c[1]), Number(c[2]), Number(c[3]), s), rest: `${c[4]}:${c[5]}:${c[6] ?? '00'}` };
  for (const re of DATE_RES) {
    const m = re.exec(s);
    if (m) return { iso: ymd(Number(m[1]), Number(m[2]), Number(m[3]), s), rest: s.slice(m[0].length).trim() };
  }
  // As documents date themselves: 二〇二一年三月五日.
  const cn = chineseDate(s);
  if (cn) return { iso: ymd(cn.y, cn.m, cn.d, s), rest: s.slice(cn.length).trim() };
  return invalid(
    '不是日期（应如 2021-03-05、2021/3/5、2021年3月5日、20210305）',
    `"${s}" is not a date (expected e.g. 2021-03-05, 2021/3/5, 2021年3月5日, 20210305)`,
  );
}

/** A time after a date: 9:30, 09:30:15.0, 9时30分15秒, with an optional offset; undefined when it is not one. */
function timeOf(s: string, rest: string): { h: number; mi: number; se: number; offset?: string } | undefined {
  const m = /^T?\s*(\d{1,2})\s*[:时]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(rest);
  if (!m) return undefined;
  const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || se > 59) invalid('时间不存在', `"${s}" is not a real time`);
  return { h, mi, se, ...(m[4] ? { offset: m[4] } : {}) };
}

/** Integers that are dates (20210305) or compact timestamps (20210305093015) rather than serials. */
const isDateDigits = (n: number) =>
  Number.isInteger(n) && ((n >= 18800101 && n <= 21001231) || (n >= 18800101000000 && n <= 21001231235959));

export function date(raw: Cell): string | null {
  if (raw instanceof Date) {
    // XLSX readers put the cell's wall-clock date in UTC fields.
    if (Number.isNaN(raw.getTime())) return invalid('日期单元格无法读取', 'unreadable date cell');
    return ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), raw.toISOString());
  }
  if (typeof raw === 'number') {
    if (isDateDigits(raw)) return leadingDate(String(raw)).iso;
    if (raw > 0 && raw < 80_000) return fromExcelSerial(raw);
    const ms = Number.isInteger(raw) ? epochMs(String(raw)) : undefined;
    if (ms !== undefined) return dateAt(ms, String(raw));
    return invalid('不是日期', `${raw} is not a date`);
  }
  const s = cellText(raw);
  if (blankText(s)) return null;
  if (TEXT_SERIAL.test(s) && Number(s) < 80_000) return fromExcelSerial(Number(s));
  const ym = YEAR_MONTH.exec(s);
  if (ym) return ymd(Number(ym[1]), Number(ym[2] ?? ym[3]), 1, s);
  const { iso, rest } = leadingDate(s);
  if (rest === '') return iso;
  // A time after the date (what a system's export writes into a 受理日期 column) leaves the date as written;
  // the time must be a real one. Anything else after the date is not a date. A time with an offset other
  // than Beijing's is an instant: its date is the date in Beijing.
  const t = timeOf(s, rest);
  if (!t) return invalid('日期后有多余文字', `"${s}" has trailing text after the date`);
  if (t.offset === undefined) return iso;
  const offsetMs =
    t.offset === 'Z' ? 0 : (t.offset[0] === '-' ? -1 : 1) * (Number(t.offset.slice(1, 3)) * 60 + Number(t.offset.slice(-2))) * 60_000;
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return dateAt(Date.UTC(y, mo - 1, d, t.h, t.mi, t.se) - offsetMs, s);
}

/**
 * Date and time → ISO 8601 with offset. Times may be 9:30, 09:30:15 or 9时30分; no time means midnight.
 * Without an offset the wall clock is taken as `tz` (China Standard Time by default).
 */
export function datetime(raw: Cell, tz = '+08:00'): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return invalid('日期单元格无法读取', 'unreadable date cell');
    const d = ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), raw.toISOString());
    return `${d}T${pad(raw.getUTCHours())}:${pad(raw.getUTCMinutes())}:${pad(raw.getUTCSeconds())}${tz}`;
  }
  if (typeof raw === 'number') {
    if (isDateDigits(raw)) return datetime(String(raw), tz);
    if (Number.isInteger(raw) && epochMs(String(raw)) !== undefined) return datetime(String(raw), tz);
    const d = date(raw);
    if (d === null) return null;
    const secs = Math.round((raw % 1) * 86_400);
    return `${d}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}${tz}`;
  }
  const s = cellText(raw);
  if (blankText(s)) return null;
  // An epoch number is an instant: written as UTC, which is what it is.
  if (TEXT_SERIAL.test(s) && Number(s) < 80_000) return datetime(Number(s), tz);
  const ms = epochMs(s);
  if (ms !== undefined) return instant(ms, s);
  const { iso, rest } = leadingDate(s);
  if (rest === '') return `${iso}T00:00:00${tz}`;
  const t = timeOf(s, rest);
  if (!t) return invalid('日期中的时间无法读取', `"${s}" has an unreadable time "${rest}"`);
  const { h, mi, se } = t;
  let offset = t.offset ?? tz;
  if (offset !== 'Z' && !offset.includes(':')) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `${iso}T${pad(h)}:${pad(mi)}:${pad(se)}${offset}`;
}

function instant(ms: number, shown: string): string {
  const t = new Date(ms);
  if (Number.isNaN(t.getTime())) return invalid('不是日期', `"${shown}" is not a date`);
  const d = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), shown);
  return `${d}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}Z`;
}
