// Password hashing: argon2id from @node-rs/argon2 (prebuilt, no compiler needed), with the OWASP
// minimum (19 MiB, 2 passes). The hash string carries its own parameters, so raising them later still
// verifies older hashes.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { CodedError } from '../../platform/errors.js';

// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD = 10;

export function checkPasswordPolicy(pw: string): void {
  if (pw.length < MIN_PASSWORD)
    throw new CodedError('BAD_INPUT', `A password needs at least ${MIN_PASSWORD} characters 密码至少 ${MIN_PASSWORD} 位`);
  if (pw.length > 200) throw new CodedError('BAD_INPUT', 'A password may have at most 200 characters');
}

export const hashPassword = (pw: string): Promise<string> => hash(pw, PARAMS);

export async function passwordMatches(stored: string | null, pw: string): Promise<boolean> {
  // An account without a password (OpenID Connect only) still costs one hash, so timing does not tell.
  if (!stored) {
    await hash(pw, PARAMS);
    return false;
  }
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A password to hand over once (first admin, reset): 16 characters from an unambiguous alphabet. */
export function generatedPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
