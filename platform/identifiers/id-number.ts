// 公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
// character. The one implementation: the loaders' normaliser, the API's search and the synthetic county
// all check and build ID numbers with these functions.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const ID_CHECK_CHARS = '10X98765432';

/** The check character for a 17-digit body. */
export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** Legacy 15-digit number → 18 digits: "19" before the 2-digit year, then the check character. */
export function upgradeId15(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + idCheckChar(body);
}

/** 18 characters, digits and a final digit or upper-case X, with the right check character. */
export function isValidId18(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

/** 110101********1234: area code and last four stay, birth date and sequence hidden. */
export const maskIdNo = (id: string): string => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length));

/** Birth date and gender the number encodes (odd sequence = male). */
export function idFacts(id: string): { birthDate: string; gender: '男' | '女' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}

/**
 * Text with every valid 18-character ID number in it masked (maskIdNo): for what leaves the server built
 * from values that may hold one, such as an alert summary or the echo of a caller's input in an error.
 */
export const hideIdNumbers = (text: string): string =>
  text.replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => (isValidId18(m.toUpperCase()) ? maskIdNo(m) : m));

/**
 * A rejected ID number usually fails its check, and hideIdNumbers masks valid ones only: any run of 15 to
 * 18 digits, ASCII or full-width (the last may be X), is masked here whether it checks or not. For text
 * about refused values: a rejects file's reasons, and what the API shows of them.
 */
export const maskIdLike = (text: string): string =>
  hideIdNumbers(text).replace(/(?<![0-9A-Za-z０-９])[0-9０-９]{14,17}[0-9０-９XxＸｘ](?![0-9A-Za-z０-９])/g, (m) =>
    m.length === 18 ? maskIdNo(m) : `${m.slice(0, 6)}${'*'.repeat(m.length - 10)}${m.slice(-4)}`,
  );
