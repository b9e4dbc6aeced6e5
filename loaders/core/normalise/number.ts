// Amounts, ratios and phone numbers. Amounts arrive as 12,345.00, 1.2万元, ¥3,000, 0.5亿 or in capitals (伍佰元整); the graph keeps
// 元 as a float, rounded to the fen so that 1.2 × 10000 does not become 12000.000000000002.
import { e164 } from './contact.js';
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';
import { chineseAmount } from './chinese-numerals.js';

const UNIT: Record<string, number> = { '': 1, 元: 1, 万元: 1e4, 万: 1e4, 亿元: 1e8, 亿: 1e8 };

/**
 * Amount in 元. `defaultUnit` applies to bare numbers (the 注册资本 column is in 万元 without saying so);
 * an explicit unit in the cell wins.
 */
export function amount(raw: Cell, defaultUnit: '元' | '万元' | '亿元' = '元'): number | null {
  let n: number;
  let unit = defaultUnit as string;
  if (typeof raw === 'number') {
    n = raw;
  } else {
    const s = cellText(raw)
      .replace(/[,，\s]/g, '')
      .replace(/^[¥￥]/, '')
      .replace(/^RMB/i, '')
      .replace(/^人民币/, '')
      // 元整, as amounts are written on vouchers: "exactly so many 元".
      .replace(/(元|万元|亿元)整$/, '$1');
    if (blankText(s)) return null;
    const m = /^(-?\d+(?:\.\d+)?)(元|万元|万|亿元|亿)?$/.exec(s);
    // In capitals, as on a voucher (伍佰元整); a 万 inside is part of the number, a 元 says the unit.
    const capital = m ? null : chineseAmount(s);
    if (!m && !capital)
      return invalid(
        '不是金额（应如 12,345.00、1.2万元 或 伍佰元整）',
        `"${cellText(raw)}" is not an amount (expected e.g. 12,345.00, 1.2万元 or 伍佰元整)`,
      );
    if (m) {
      n = Number(m[1]);
      if (m[2]) unit = m[2];
    } else {
      n = capital!.value;
      if (capital!.yuan) unit = '元';
    }
  }
  if (!Number.isFinite(n)) return invalid('不是金额', `${String(raw)} is not an amount`);
  if (n < 0) invalid('金额不能为负数', `${String(raw)}: amounts cannot be negative`);
  return Math.round(n * UNIT[unit]! * 100) / 100;
}

/** Share ratio as a fraction: "35%", "0.35" and "35" (a bare number above 1 is a percentage) → 0.35. */
export function ratio(raw: Cell): number | null {
  let n: number;
  if (typeof raw === 'number') n = raw > 1 ? raw / 100 : raw;
  else {
    const s = cellText(raw).replace(/\s/g, '');
    if (blankText(s)) return null;
    const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(s);
    if (!m) return invalid('不是比例（应如 35% 或 0.35）', `"${s}" is not a ratio (expected 35% or 0.35)`);
    n = Number(m[1]);
    if (m[2] || n > 1) n /= 100;
  }
  if (!(n >= 0 && n <= 1)) invalid('出资比例应在 0 到 100% 之间', `${String(raw)}: a share ratio must lie between 0 and 100%`);
  return Math.round(n * 1e6) / 1e6;
}

/**
 * A phone number as a Phone node's key: E.164 (`+8657188880000`), so the same line written locally
 * (0571-8888 0000), with +86 or 0086, or by the `e164` normaliser is one node, and a foreign number
 * (+44 20 7946 0958) is accepted instead of refused. A local number written without its area code cannot
 * be placed: it is kept as its digits (`87654321`), as before, rather than rejecting the bid it is on.
 */
export function phone(raw: Cell): string | null {
  const s = cellText(typeof raw === 'number' ? String(raw) : raw);
  if (blankText(s)) return null;
  const d = s.replace(/\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i, '').replace(/[\s\-().（）]/g, '');
  if (/^[2-9]\d{6,7}$/.test(d)) return d;
  return e164(raw);
}
