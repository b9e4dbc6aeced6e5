// Check characters for the two national identifiers, kept to the standards' definitions
// (models-catalog §4). The loaders have their own validators; this copy only has to produce
// codes those validators accept.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 / ISO 7064 MOD 11-2 check character for a 17-digit body. */
export function idCheckChar(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[s % 11] as string;
}

export function isValidId18(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

/** A wrong check character, for deliberately invalid IDs (noise). */
export function wrongIdCheckChar(body17: string): string {
  const right = ID_CHECK.indexOf(idCheckChar(body17));
  return ID_CHECK[(right + 1 + (Number(body17[16]) % 9)) % 11] as string;
}

// GB 32100: 31 characters, no I O Z S V.
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_CHARS.indexOf(body17[i] as string) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (s % 31)) % 31] as string;
}

export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  for (const ch of code) if (!USCC_CHARS.includes(ch)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

// GB 11714 organisation code (USCC positions 9-17): 8-character body + its own check character.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function orgCodeCheckChar(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] as string;
    const v = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    s += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
