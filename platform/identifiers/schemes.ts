// Identifier schemes beyond the 18-digit ID number and the credit code, with their checks, and how a bare
// value's scheme is told from its shape. Older exports (before the 2015 credit-code reform) key companies
// by the 15-digit 工商注册号 or the 9-character 组织机构代码; people from Hong Kong, Macau and Taiwan by
// their 通行证, foreigners by passport numbers.
import { isValidId18 } from './id-number.js';
import { isValidUscc, orgCodeCheckChar } from './uscc.js';

export const SCHEMES = ['cn-id', 'cn-uscc', 'cn-regno', 'cn-orgcode', 'hk-mo-tw', 'passport', 'foreign'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * 工商注册号 (GS15-2006): 14 digits and a check digit by ISO 7064 MOD 11,10 (the hybrid system: p starts
 * at 10; for each digit s = (p + d) mod 10, 0 read as 10, p = 2s mod 11; the check makes the final s 1).
 */
export function regNoCheckDigit(body14: string): string {
  let p = 10;
  for (const ch of body14) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (2 * s) % 11;
  }
  return String((11 - p) % 10);
}

export const isValidRegNo = (s: string): boolean => /^\d{15}$/.test(s) && regNoCheckDigit(s.slice(0, 14)) === s[14];

/** 组织机构代码 (GB 11714): 8 digits or capital letters and a check character (0-9 or X), no hyphen. */
export const isValidOrgCode = (s: string): boolean => /^[0-9A-Z]{8}[0-9X]$/.test(s) && orgCodeCheckChar(s.slice(0, 8)) === s[8];

/**
 * 港澳居民来往内地通行证 (H/M + 8 digits, or + 10 digits on older cards) and 台湾居民来往大陆通行证 (8 digits,
 * or 10 digits with a letter on older cards). They carry no published check character.
 */
export const isHkMoTwPermit = (s: string): boolean => /^[HM]\d{8}(\d{2})?$/.test(s) || /^\d{8}$/.test(s) || /^\d{10}[A-Z]?$/.test(s);

/** Passport numbers: 5 to 20 letters and digits (a Chinese one is E or G and 8 more). */
export const isPassportShape = (s: string): boolean => /^[A-Z0-9]{5,20}$/.test(s);

/**
 * The scheme a bare, already cleaned (upper-case, no spaces or hyphens) value belongs to by its shape and
 * check, most specific first; undefined when none fits. A 15-digit number is a 工商注册号 only when its MOD
 * 11,10 check holds (a legacy 15-digit ID number otherwise), and a permit or passport is never guessed.
 */
export function schemeByShape(s: string): 'cn-id' | 'cn-uscc' | 'cn-regno' | 'cn-orgcode' | undefined {
  if (isValidId18(s)) return 'cn-id';
  if (isValidUscc(s)) return 'cn-uscc';
  if (isValidRegNo(s)) return 'cn-regno';
  if (isValidOrgCode(s)) return 'cn-orgcode';
  return undefined;
}
