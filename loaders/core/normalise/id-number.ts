// 公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
// character. Joins across departments run on this number, so a wrong one must never reach the graph. The
// check itself is platform/identifiers/id-number.ts; this file turns a cell into a number or a reason.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';
import { isRealDate } from './date.js';
import { idCheckChar, upgradeId15 } from '../../../platform/identifiers/id-number.js';

/**
 * Normalised 18-character ID number (upper-case X), or null when empty. Refuses wrong length, bad
 * characters, impossible birth dates and wrong check characters, with the reason.
 */
export function idNo(raw: Cell): string | null {
  if (typeof raw === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number has already lost its last digits.
    // A legacy 15-digit one fits whole (its area code never starts with 0), so it is read as written.
    if (Number.isSafeInteger(raw) && raw >= 1e14 && raw < 1e15) return idNo(String(raw));
    invalid(
      '身份证号被表格存成了数字，位数已丢失，请将该列导出为文本',
      `ID number stored as a number in the spreadsheet (${raw}); digits are lost, export the column as text`,
    );
  }
  const text = cellText(raw);
  if (blankText(text)) return null;
  const s = text.replace(/[\s-]/g, '').toUpperCase();
  if (s === '') return null;
  // A CSV saved from Excel where the column was a number: 3.30122E+17 is all that is left of the ID.
  if (/^\d(\.\d+)?E\+?\d+$/.test(s))
    invalid(
      '身份证号被表格存成了科学计数法，位数已丢失，请将该列导出为文本',
      `"${s}" is an ID number in scientific notation (a spreadsheet took it for a number); digits are lost, export the column as text`,
    );
  let id: string;
  if (/^\d{15}$/.test(s)) id = upgradeId15(s);
  else if (/^\d{17}[\dX]$/.test(s)) id = s;
  else return invalid('不是18位（或15位旧版）身份证号', `"${s}" is not an 18-digit (or legacy 15-digit) ID number`);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1880-01-01')
    invalid(`身份证号中的出生日期 ${birth} 不存在`, `"${s}" has an impossible birth date ${birth}`);
  const want = idCheckChar(id.slice(0, 17));
  if (id[17] !== want) invalid(`身份证号校验位错误（应为 ${want}）`, `"${s}" fails the GB 11643 check (check character should be ${want})`);
  return id;
}
