// 公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
// character. Joins across departments run on this number, so a wrong one must never reach the graph.
import { invalid } from '../errors.js';
import { cellText, type Cell } from './text.js';
import { isRealDate } from './date.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for a 17-digit body. */
export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Legacy 15-digit number → 18 digits: "19" before the 2-digit year, then the check character. */
export function upgradeId15(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + idCheckChar(body);
}

/**
 * Normalised 18-character ID number (upper-case X), or null when empty. Refuses wrong length, bad
 * characters, impossible birth dates and wrong check characters, with the reason.
 */
export function idNo(raw: Cell): string | null {
  if (typeof raw === 'number') {
    // Excel keeps 15 significant digits: an ID typed as a number has already lost its last digits.
    invalid(`ID number stored as a number in the spreadsheet (${raw}); digits are lost, export the column as text`);
  }
  const s = cellText(raw).replace(/[\s-]/g, '').toUpperCase();
  if (s === '') return null;
  let id: string;
  if (/^\d{15}$/.test(s)) id = upgradeId15(s);
  else if (/^\d{17}[\dX]$/.test(s)) id = s;
  else return invalid(`"${s}" is not an 18-digit (or legacy 15-digit) ID number`);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1880-01-01') invalid(`"${s}" has an impossible birth date ${birth}`);
  const want = idCheckChar(id.slice(0, 17));
  if (id[17] !== want) invalid(`"${s}" fails the GB 11643 check (check character should be ${want})`);
  return id;
}

/** 110101********1234: area code and last four stay, birth date and sequence hidden. */
export const maskIdNo = (id: string): string => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length));

/** Birth date and gender the number encodes (odd sequence = male). */
export function idFacts(id: string): { birthDate: string; gender: '男' | '女' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}
