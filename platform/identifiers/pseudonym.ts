// Keyed tokens for ID numbers, so departments can match people without exchanging raw numbers: every
// source with the same key turns the same number into the same token, and joins still work.
import { createHmac } from 'node:crypto';
import { IdTokenCache, packIdNumber } from './token-cache.js';

export type Pseudonymiser = (value: string) => string;

export const MIN_KEY_CHARS = 16;

/** What a token looks like: 32 lower-case hex digits, never an ID number (18 digits, maybe an X). */
export const TOKEN = /^[0-9a-f]{32}$/;

/** HMAC-SHA256 of the normalised value, hex, truncated to 128 bits (collisions stay negligible). */
export function pseudonymiser(key: string): Pseudonymiser {
  if (key.length < MIN_KEY_CHARS) throw new Error(`pseudonym key must be at least ${MIN_KEY_CHARS} characters`);
  const digest = (value: string) => createHmac('sha256', key).update(value, 'utf8').digest();
  // The tokens last made are kept: ID numbers in a compact table (token-cache.ts), other values (account and
  // phone numbers, where a mapping marks them sensitive) in a small Map, forgotten all at once when full.
  const ids = new IdTokenCache();
  let others = new Map<string, string>();
  return (value) => {
    const id = packIdNumber(value);
    if (id) {
      let t = ids.get(id[0], id[1]);
      if (t === undefined) {
        const d = digest(value);
        ids.set(id[0], id[1], d);
        t = d.toString('hex', 0, 16);
      }
      return t;
    }
    let t = others.get(value);
    if (t === undefined) {
      t = digest(value).toString('hex', 0, 16);
      if (others.size >= OTHERS) others = new Map();
      others.set(value, t);
    }
    return t;
  };
}

/** Other values' tokens kept per pseudonymiser: about 2.5 MB. */
const OTHERS = 20_000;
