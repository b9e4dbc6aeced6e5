// 名单筛查: what one line of a screened list is. A promotion list or a lot's bidders comes as ID numbers,
// credit codes or names, typed or pasted from a spreadsheet, so full-width characters and inner spaces are
// tolerated; an ID number or credit code whose check character is wrong is reported as such rather than
// looked up (a typo must not read as "not on record").
import { isValidId18, upgradeId15 } from '../../platform/identifiers/id-number.js';
import { isValidUscc } from '../../platform/identifiers/uscc.js';

export type Entry =
  | { kind: 'idNo'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'invalid'; value: string; problem: 'idCheck' | 'codeCheck' | 'empty' | 'tooLong' };

/** Names are short; a longer line is a pasted paragraph, not an entry. */
export const MAX_ENTRY_CHARS = 100;
const ID18 = /^\d{17}[\dX]$/;
const ID15 = /^\d{15}$/;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function classify(raw: string): Entry {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { kind: 'invalid', value: '', problem: 'empty' };
  if ([...text].length > MAX_ENTRY_CHARS) return { kind: 'invalid', value: text.slice(0, 20), problem: 'tooLong' };
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (ID15.test(compact)) return { kind: 'idNo', value: upgradeId15(compact) };
  if (ID18.test(compact)) {
    if (isValidId18(compact)) return { kind: 'idNo', value: compact };
    // 18 digits can also be an all-digit credit code.
    if (isValidUscc(compact)) return { kind: 'code', value: compact };
    return { kind: 'invalid', value: compact, problem: 'idCheck' };
  }
  if (USCC.test(compact))
    return isValidUscc(compact) ? { kind: 'code', value: compact } : { kind: 'invalid', value: compact, problem: 'codeCheck' };
  return { kind: 'name', value: text.replace(/\s+/g, ' ') };
}
