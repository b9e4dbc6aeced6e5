// Identifiers as data: one normaliser per scheme (platform/identifiers/schemes.ts), giving the value itself,
// its scheme, or the Identifier node key "<scheme>:<value>" (a person or company may carry several, each
// one node that every holder links to with HAS_ID). `anyId` takes whatever scheme the value's shape says.
import { invalid } from '../errors.js';
import { idNo } from './id-number.js';
import { cellText, type Cell } from './text.js';
import { uscc } from './uscc.js';
import {
  isHkMoTwPermit,
  isPassportShape,
  isValidOrgCode,
  isValidRegNo,
  regNoCheckDigit,
  schemeByShape,
  SCHEMES,
  type Scheme,
} from '../../../platform/identifiers/schemes.js';
import { orgCodeCheckChar } from '../../../platform/identifiers/uscc.js';

export { SCHEMES };
export const ID_PARTS = ['key', 'scheme', 'value'] as const;

const squeeze = (raw: Cell) =>
  cellText(raw)
    .replace(/[\s\-()（）]/g, '')
    .toUpperCase();

function regNo(s: string): string {
  if (!/^\d{15}$/.test(s)) return invalid('不是15位工商注册号', `"${s}" is not a 15-digit 工商注册号`);
  if (!isValidRegNo(s))
    invalid('工商注册号校验位错误', `"${s}" fails the MOD 11,10 check (check digit should be ${regNoCheckDigit(s.slice(0, 14))})`);
  return s;
}

function orgCode(s: string): string {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(s)) return invalid('不是9位组织机构代码', `"${s}" is not a 9-character 组织机构代码`);
  if (!isValidOrgCode(s))
    invalid('组织机构代码校验位错误', `"${s}" fails the GB 11714 check (check character should be ${orgCodeCheckChar(s.slice(0, 8))})`);
  return s;
}

/** The cleaned value of one scheme, refused with the reason when it does not fit; null when empty. */
export function schemeValue(raw: Cell, scheme: Scheme): string | null {
  if (scheme === 'cn-id') return idNo(raw);
  if (scheme === 'cn-uscc') return uscc(raw);
  if (scheme === 'foreign') return cellText(raw).replace(/\s+/g, ' ').toUpperCase() || null;
  const s = squeeze(raw);
  if (s === '') return null;
  if (scheme === 'cn-regno') return regNo(s);
  if (scheme === 'cn-orgcode') return orgCode(s);
  if (scheme === 'hk-mo-tw')
    return isHkMoTwPermit(s) ? s : invalid('不是港澳台居民通行证号码', `"${s}" is not a Hong Kong, Macau or Taiwan travel permit number`);
  return isPassportShape(s) ? s : invalid('不是护照号码', `"${s}" is not a passport number (5-20 letters and digits)`);
}

/**
 * A value whose scheme its shape tells (ID number, credit code, 注册号, 组织机构代码); refused otherwise. Fifteen
 * digits are either a legacy ID number or a 工商注册号: the one reading that holds (a real birth date, the MOD
 * 11,10 check) wins, and a value both readings fit is refused as ambiguous, since one in ten legacy ID numbers
 * passes the 注册号 check by chance.
 */
export function anyId(raw: Cell): { scheme: Scheme; value: string } | null {
  const s = squeeze(raw);
  if (s === '') return null;
  if (/^\d{15}$/.test(s)) {
    const asId = legacyId(s);
    if (asId && isValidRegNo(s))
      return invalid(
        '既像旧版身份证号又像工商注册号，请注明证件类型',
        `"${s}" reads both as a legacy ID number and as a 工商注册号; give its scheme`,
      );
    if (asId) return { scheme: 'cn-id', value: asId };
  }
  const scheme = schemeByShape(s);
  if (scheme) return { scheme, value: s };
  return invalid(
    '不是校验正确的身份证号、统一社会信用代码、工商注册号或组织机构代码',
    `"${s}" is neither an ID number, a credit code, a 工商注册号 nor a 组织机构代码 with a valid check`,
  );
}

function legacyId(s: string): string | null {
  try {
    return idNo(s);
  } catch {
    return null;
  }
}

/**
 * The `identifier` normaliser: `scheme` is one of SCHEMES or `auto` (by shape, as anyId); `register` names a
 * foreign register (e.g. GB-COH) and becomes part of the scheme (`foreign:GB-COH`); `yields` picks the key
 * `<scheme>:<value>` (default), the scheme or the value.
 */
export function identifier(raw: Cell, opts: Record<string, unknown>): string | null {
  const want = typeof opts.scheme === 'string' ? opts.scheme : 'auto';
  let hit: { scheme: string; value: string } | null;
  if (want === 'auto') hit = anyId(raw);
  else {
    const value = schemeValue(raw, want as Scheme);
    hit = value === null ? null : { scheme: want, value };
  }
  if (hit === null) return null;
  const scheme = hit.scheme === 'foreign' && typeof opts.register === 'string' ? `foreign:${opts.register.toUpperCase()}` : hit.scheme;
  if (opts.yields === 'scheme') return scheme;
  if (opts.yields === 'value') return hit.value;
  return `${scheme}:${hit.value}`;
}
