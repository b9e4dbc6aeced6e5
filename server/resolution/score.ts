// Whether two records name the same person or company: a score from stated weights, and the reasons that
// earned it, so a handler sees why a pair was proposed. Pure: the candidate finder (find.ts) feeds it what
// it read from the graph. The weights are data; docs/resolution.md explains each.

export interface PersonSide {
  name: string;
  /** YYYY-MM-DD, from the birthDate property or digits 7-14 of the ID number. */
  birthDate: string | null;
  gender?: string | null;
  /** The raw 18-character number when the graph holds it (not pseudonymised). */
  idNo?: string | null;
  idNoMasked?: string | null;
  address?: string | null;
  /** Households (uids) the record belongs to. */
  households: string[];
}

export interface CompanySide {
  name: string;
  /** 统一社会信用代码, or an older 15-digit 注册号 when that is what the record is keyed by. */
  code: string;
  address?: string | null;
  /** uids of the legal representatives. */
  legalReps: string[];
}

/** Each rule and what it adds; `gate` rules must all hold or the pair is no candidate at all. */
export const PERSON_RULES = {
  sameNameAndBirthDate: { weight: 0.5, gate: true },
  sharedHousehold: { weight: 0.35 },
  sameAddress: { weight: 0.2 },
  nearIdenticalId: { weight: 0.35 },
  sameMaskedId: { weight: 0.15 },
  differentGender: { weight: -0.3 },
} as const;

export const COMPANY_RULES = {
  sameName: { weight: 0.5, gate: true },
  sameLegalRep: { weight: 0.35 },
  creditCodeAndOldRegNo: { weight: 0.25 },
  sameAddress: { weight: 0.15 },
} as const;

/** A pair at or above this score is proposed to a handler. */
export const PROPOSE_AT = 0.7;

export type PersonReason = keyof typeof PERSON_RULES;
export type CompanyReason = keyof typeof COMPANY_RULES;

export interface Score<R extends string> {
  score: number;
  reasons: R[];
}

/** Full-width to half-width, no spaces or middle dots: 张 伟 and 张伟, （ and ( compare alike. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s·•.]/g, '')
    .toUpperCase();
}

/** Addresses compare loosely: width, spaces and punctuation do not count. */
const normaliseAddress = (s: string) => s.normalize('NFKC').replace(/[\s,，。.、\-#号]/g, '');

/**
 * How two ID numbers differ in their first 17 characters (the part a clerk types; the check character
 * follows from it): one digit, two neighbours swapped, or not near. The 15-digit form is upgraded by the
 * loader's normaliser, so an old and a new number of one person are already the same key.
 */
export function idNearness(a: string, b: string): 'same' | 'oneDigit' | 'transposition' | null {
  const form = /^\d{17}[\dX]$/;
  if (!form.test(a) || !form.test(b)) return null;
  const x = a.slice(0, 17);
  const y = b.slice(0, 17);
  if (x === y) return 'same';
  const diff: number[] = [];
  for (let i = 0; i < 17; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return 'oneDigit';
  if (diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!]) return 'transposition';
  return null;
}

const round = (n: number) => Math.round(Math.min(Math.max(n, 0), 1) * 100) / 100;

export function scorePersons(a: PersonSide, b: PersonSide): Score<PersonReason> | null {
  if (!a.birthDate || a.birthDate !== b.birthDate || normaliseName(a.name) !== normaliseName(b.name)) return null;
  const reasons: PersonReason[] = ['sameNameAndBirthDate'];
  if (a.households.some((h) => b.households.includes(h))) reasons.push('sharedHousehold');
  if (a.address && b.address && normaliseAddress(a.address) === normaliseAddress(b.address)) reasons.push('sameAddress');
  if (a.idNo && b.idNo && idNearness(a.idNo, b.idNo)) reasons.push('nearIdenticalId');
  else if (a.idNoMasked && a.idNoMasked === b.idNoMasked) reasons.push('sameMaskedId');
  if (a.gender && b.gender && a.gender !== b.gender) reasons.push('differentGender');
  return { score: round(reasons.reduce((s, r) => s + PERSON_RULES[r].weight, 0)), reasons };
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const OLD_REG_NO = /^\d{15}$/;

export function scoreCompanies(a: CompanySide, b: CompanySide): Score<CompanyReason> | null {
  if (normaliseName(a.name) !== normaliseName(b.name)) return null;
  const reasons: CompanyReason[] = ['sameName'];
  if (a.legalReps.some((r) => b.legalReps.includes(r))) reasons.push('sameLegalRep');
  if ((USCC.test(a.code) && OLD_REG_NO.test(b.code)) || (OLD_REG_NO.test(a.code) && USCC.test(b.code)))
    reasons.push('creditCodeAndOldRegNo');
  if (a.address && b.address && normaliseAddress(a.address) === normaliseAddress(b.address)) reasons.push('sameAddress');
  return { score: round(reasons.reduce((s, r) => s + COMPANY_RULES[r].weight, 0)), reasons };
}
