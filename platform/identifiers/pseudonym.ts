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
  // A person's number comes back in file after file (a welfare recipient once a month): the last tokens made
  // are kept, up to CACHE entries, then forgotten all at once. Making an HMAC was 5 % of the bulk path's reading.
  let cache = new Map<string, string>();
  return (value) => {
    let t = cache.get(value);
    if (t === undefined) {
      t = createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 32);
      if (cache.size >= CACHE) cache = new Map();
      cache.set(value, t);
    }
    return t;
  };
}

/** Tokens kept per pseudonymiser: about 10 MB. */
const CACHE = 100_000;
