// The county writes deliberately broken ID numbers as noise: the loaders must refuse them. The checks
// themselves are the project's one implementation in platform/identifiers.
import { ID_CHECK_CHARS, idCheckChar } from '../../platform/identifiers/id-number.js';

/** A wrong check character, for deliberately invalid IDs (noise). */
export function wrongIdCheckChar(body17: string): string {
  const right = ID_CHECK_CHARS.indexOf(idCheckChar(body17));
  return ID_CHECK_CHARS[(right + 1 + (Number(body17[16]) % 9)) % 11] as string;
}
