// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I O Z S V), mod-31 check
// character. Company joins (registry, shareholders, bids, awards) run on it.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';
import { USCC_CHARS, usccCheckChar } from '../../../platform/identifiers/uscc.js';

/** Normalised 18-character credit code, or null when empty; refuses bad characters and bad checks. */
export function uscc(raw: Cell): string | null {
  const text = cellText(raw);
  if (blankText(text)) return null;
  const s = text.replace(/[\s-]/g, '').toUpperCase();
  if (s === '') return null;
  if (!/^[0-9A-Z]{18}$/.test(s)) return invalid('不是18位统一社会信用代码', `"${s}" is not an 18-character credit code`);
  const bad = [...s].find((c) => !USCC_CHARS.includes(c));
  if (bad)
    return invalid(
      `统一社会信用代码不使用字符 ${bad}（无 I、O、S、V、Z）`,
      `"${s}" contains "${bad}", which credit codes never use (no I, O, S, V, Z)`,
    );
  const want = usccCheckChar(s.slice(0, 17));
  if (s[17] !== want)
    invalid(`统一社会信用代码校验位错误（应为 ${want}）`, `"${s}" fails the GB 32100 check (check character should be ${want})`);
  return s;
}
