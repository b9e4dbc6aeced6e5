// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I O Z S V), mod-31 check
// character. Company joins (registry, shareholders, bids, awards) run on it.
import { invalid } from '../errors.js';
import { cellText, type Cell } from './text.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one is outside the set. */
export function usccCheckChar(body17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(body17[i] ?? '?');
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Normalised 18-character credit code, or null when empty; refuses bad characters and bad checks. */
export function uscc(raw: Cell): string | null {
  const s = cellText(raw).replace(/[\s-]/g, '').toUpperCase();
  if (s === '') return null;
  if (!/^[0-9A-Z]{18}$/.test(s)) return invalid(`"${s}" is not an 18-character credit code`);
  const bad = [...s].find((c) => !CHARSET.includes(c));
  if (bad) return invalid(`"${s}" contains "${bad}", which credit codes never use (no I, O, S, V, Z)`);
  const want = usccCheckChar(s.slice(0, 17));
  if (s[17] !== want) invalid(`"${s}" fails the GB 32100 check (check character should be ${want})`);
  return s;
}
