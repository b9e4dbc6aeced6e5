// Pure pieces of search: recognising identifiers typed into the search box, and turning free text into a
// Lucene query that cannot be misread as Lucene syntax.
import { upgradeId15 } from '../../../platform/identifiers/id-number.js';

const ID18 = /^\d{17}[\dX]$/;
const ID15 = /^\d{15}$/;
// GB 32100: 18 characters from the code set without I, O, Z, S, V.
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface Identifier {
  /** Person ID number, normalised to 18 characters with an upper-case X. */
  idNo?: string;
  /** A code that may be a Company uscc or an Org code. */
  code?: string;
}

/**
 * An ID number or credit code typed as the whole query. Full-width digits and letters (common in pasted
 * Chinese text) and inner spaces are tolerated. An 18-digit string can be both an ID number and a credit
 * code (credit codes may be all digits), so both are tried.
 */
export function asIdentifier(q: string): Identifier | null {
  const s = q.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const out: Identifier = {};
  if (ID18.test(s)) out.idNo = s;
  else if (ID15.test(s)) out.idNo = upgradeId15(s);
  if (USCC.test(s)) out.code = s;
  return out.idNo || out.code ? out : null;
}

const ID_SCHEMES = ['cn-id', 'cn-uscc', 'cn-regno', 'cn-orgcode', 'hk-mo-tw', 'passport'];

/**
 * The Identifier node keys ("<scheme>:<value>", graph.yaml) a typed identifier may have: an old 注册号, a
 * 组织机构代码 (with or without its hyphen), a permit or passport number. Any scheme is tried, since the
 * shape alone does not tell a passport from a permit; the unique key index makes each try one lookup.
 */
export function identifierKeys(q: string): string[] {
  const s = q
    .normalize('NFKC')
    .replace(/[\s\-()]/g, '')
    .toUpperCase();
  if (!/^[0-9A-Z]{5,20}$/.test(s) || !/\d/.test(s)) return [];
  return ID_SCHEMES.map((scheme) => `${scheme}:${s}`);
}

// Lucene's classic query parser treats these as syntax; `&&` and `||` are covered by escaping & and |.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * User text as a Lucene query of plain terms. Special characters are escaped, and the whole is
 * lower-cased so that AND, OR and NOT are words rather than operators (the CJK analyzer lower-cases the
 * index anyway, so nothing is lost).
 */
export function luceneQuery(q: string): string {
  return q
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(LUCENE_SPECIAL, (c) => `\\${c}`)
    .replace(/\s+/g, ' ');
}

/** Number of characters as a person counts them (a CJK character is one, surrogate pairs too). */
export const charCount = (s: string): number => [...s.normalize('NFKC').trim()].length;
