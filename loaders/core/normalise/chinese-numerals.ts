// Numbers written in Chinese, as forms and decisions write them: amounts in capitals on vouchers and
// payment lists (壹仟贰佰叁拾肆元伍角, 伍佰元整), dates in documents (二〇二一年三月五日, the way 处分决定 and
// 处罚决定书 are dated). Only what these fields hold: whole numbers below 10¹², a year digit by digit.

/** Each digit's spellings: ordinary, financial (大写), traditional; 〇 and its look-alikes for zero; 两 for two. */
const SPELLINGS = ['零〇○Ｏ', '壹一', '贰貳二两', '叁參三', '肆四', '伍五', '陆陸六', '柒七', '捌八', '玖九'];
const DIGIT: Record<string, number> = Object.fromEntries(SPELLINGS.flatMap((cs, n) => [...cs].map((c) => [c, n])));
const SMALL: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** A whole number in Chinese numerals (三十一, 壹仟零伍, 一万二千, 十二), or null when the text is not one. */
export function chineseInteger(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      // Two digits in a row without a unit between them (一二) is not a number of this kind; 零 may repeat.
      if (digit !== null && digit !== 0) return null;
      digit = DIGIT[c]!;
    } else if (c in SMALL) {
      // 十二 is twelve: a unit with no digit before it counts once.
      section += (digit ?? 1) * SMALL[c]!;
      digit = null;
    } else if (c in BIG) {
      const big = BIG[c]!;
      const part = section + (digit ?? 0);
      // 一亿二千万: 亿 takes everything before it, 万 only what came after the 亿.
      total = big === 1e8 ? (total + part) * big : total + part * big;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** A number written digit by digit (二〇二一), or null. */
export function chineseDigits(s: string): number | null {
  if (s === '') return null;
  let n = 0;
  for (const c of s) {
    if (!(c in DIGIT) || c === '两') return null;
    n = n * 10 + DIGIT[c]!;
  }
  return n;
}

const CAPITAL =
  /^([零〇○壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九拾十佰百仟千万萬亿億]*)(?:[元圆]([零〇○壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九]角)?零?([零〇○壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九]分)?)?[整正]?$/;

/**
 * An amount in Chinese numerals, as on a voucher: 壹仟贰佰叁拾肆元伍角陆分, 伍佰元整, 叁拾万元 (whose 万 is part of
 * the number). `yuan`: whether it said 元 (else its unit is the column's). Null when it is not one.
 */
export function chineseAmount(s: string): { value: number; yuan: boolean } | null {
  const m = CAPITAL.exec(s.replace(/^人民币/, ''));
  if (!m || s === '') return null;
  const [, whole = '', jiao, fen] = m;
  const yuan = /[元圆]/.test(s);
  if (whole === '' && !jiao && !fen) return null;
  const n = whole === '' ? 0 : chineseInteger(whole);
  if (n === null) return null;
  const tenths = jiao ? DIGIT[jiao[0]!]! : 0;
  const hundredths = fen ? DIGIT[fen[0]!]! : 0;
  return { value: n + tenths / 10 + hundredths / 100, yuan };
}

const CN = '[〇零○Ｏ一二三四五六七八九十]';
/** Built once: the date normaliser asks about every date cell. */
const CN_DATE = new RegExp(`^(${CN}{4})\\s*年\\s*(${CN}{1,3})\\s*月\\s*(${CN}{1,3})\\s*[日号]`);

/** A date in Chinese numerals at the start of `s` (二〇二一年三月五日), as year, month, day and the text after it. */
export function chineseDate(s: string): { y: number; m: number; d: number; length: number } | null {
  const m = CN_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [chineseDigits(m[1]!), chineseInteger(m[2]!), chineseInteger(m[3]!)];
  return y === null || mo === null || d === null ? null : { y, m: mo, d, length: m[0].length };
}
