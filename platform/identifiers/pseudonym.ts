// Keyed tokens for ID numbers, so departments can match people without exchanging raw numbers: every
// source with the same key turns the same number into the same token, and joins still work.
import { createHmac } from 'node:crypto';

export type Pseudonymiser = (value: string) => string;

/** HMAC-SHA256 of the normalised value, hex, truncated to 128 bits (collisions stay negligible). */
export function pseudonymiser(key: string): Pseudonymiser {
  if (key.length < 16) throw new Error('pseudonym key must be at least 16 characters');
  return (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 32);
}
