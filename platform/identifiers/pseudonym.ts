// Keyed tokens for ID numbers, so departments can match people without exchanging raw numbers: every
// source with the same key turns the same number into the same token, and joins still work.
import { createHmac } from 'node:crypto';

export type Pseudonymiser = (value: string) => string;

export const MIN_KEY_CHARS = 16;

/** What a token looks like: 32 lower-case hex digits, never an ID number (18 digits, maybe an X). */
export const TOKEN = /^[0-9a-f]{32}$/;

/** HMAC-SHA256 of the normalised value, hex, truncated to 128 bits (collisions stay negligible). */
export function pseudonymiser(key: string): Pseudonymiser {
  if (key.length < MIN_KEY_CHARS) throw new Error(`pseudonym key must be at least ${MIN_KEY_CHARS} characters`);
  return (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 32);
}
