// Pay periods (发放所属期, 缴费年月, 工资月份) as departments write them: one month (2021-03, 2021年3月,
// 202103, 2021.3, 2021/03), a range of months (2021-01至2021-03, 2021年1月-3月, 202101~202103) or a
// whole year (2023, 2023年, 2023年度). Stored as dates, because models compare periods with death dates,
// payroll months and insurance spells: periodStart is the first day of the first month, periodEnd the
// last day of the last month. Comparing the period, not the pay date, is what keeps arrears (补发)
// and late payments from looking like money paid for months after a death.
import { invalid } from '../errors.js';
import { cellText, isBlank, type Cell } from './text.js';

interface Month {
  y: number;
  m: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function month(y: number, m: number, shown: string): Month {
  if (y < 1880 || y > 2100) invalid(`年份 ${y} 超出范围`, `"${shown}": year ${y} is out of range`);
  if (m < 1 || m > 12) invalid(`月份 ${m} 不存在`, `"${shown}": month ${m} is not a month`);
  return { y, m };
}

/** One month token; `year` fills in "3月" in "2021年1月-3月". */
function oneMonth(s: string, shown: string, year?: number): Month | null {
  let r = /^(\d{4})\s*年\s*(\d{1,2})\s*月?(份)?$/.exec(s) ?? /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (r) return month(Number(r[1]), Number(r[2]), shown);
  r = /^(\d{1,2})\s*月(份)?$/.exec(s);
  if (r && year !== undefined) return month(year, Number(r[1]), shown);
  return null;
}

/** [first month, last month] of a period cell, or null when empty. */
export function period(raw: Cell): [Month, Month] | null {
  if (typeof raw === 'number') raw = String(raw);
  if (raw instanceof Date)
    return invalid('完整日期不是发放所属期（应如 2021-03）', 'a full date is not a pay period (expected e.g. 2021-03)');
  if (isBlank(raw)) return null;
  const s = cellText(raw).replace(/\s+/g, '');
  const year = /^(\d{4})(年度?)?$/.exec(s);
  if (year) {
    const y = Number(year[1]);
    return [month(y, 1, s), month(y, 12, s)];
  }
  const single = oneMonth(s, s);
  if (single) return [single, single];
  // A hyphen separates two months only where it cannot be inside one (2021年1月-3月, 202101-202103).
  const parts = /至|~|～|—|－|--/.test(s)
    ? s.split(/至|~|～|—|－|--/)
    : ((/^(.+月)-(.+)$/.exec(s) ?? /^(\d{6})-(\d{6})$/.exec(s))?.slice(1) ?? []);
  if (parts.length === 2) {
    const a = oneMonth(parts[0]!, s);
    const b = a ? oneMonth(parts[1]!, s, a.y) : null;
    if (a && b) {
      if (b.y * 12 + b.m < a.y * 12 + a.m) invalid('所属期的结束早于开始', `"${s}": the period ends before it starts`);
      return [a, b];
    }
  }
  return invalid(
    '不是发放所属期（应如 2021-03、2021年3月、202103、2021-01至2021-03 或 2023年度）',
    `"${s}" is not a pay period (expected e.g. 2021-03, 2021年3月, 202103, 2021-01至2021-03 or 2023年度)`,
  );
}

export function periodStart(raw: Cell): string | null {
  const p = period(raw);
  return p ? `${p[0].y}-${pad(p[0].m)}-01` : null;
}

export function periodEnd(raw: Cell): string | null {
  const p = period(raw);
  if (!p) return null;
  const last = new Date(Date.UTC(p[1].y, p[1].m, 0)).getUTCDate();
  return `${p[1].y}-${pad(p[1].m)}-${pad(last)}`;
}
