// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I O Z S V), mod-31 check
// character; positions 9-17 are the GB 11714 organisation code with a check character of its own.
// The one implementation, shared by the loaders, the API and the synthetic county.

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one is outside the set. */
export function usccCheckChar(body17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(body17[i] ?? '?');
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character for an 8-character organisation-code body. */
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
