// The pseudonymiser's table of ID-number tokens (platform/identifiers/token-cache.ts): a number is packed
// exactly, so a kept token is always the number's own, through growing and emptying the table.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdTokenCache, packIdNumber } from '../../../platform/identifiers/token-cache.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';

const KEY = 'token-cache-test-key-0123456789';
const hmac = (v: string) => createHmac('sha256', KEY).update(v, 'utf8').digest();
/** Distinct 18-character numbers, some ending in X (the check character is not verified here). */
const idNo = (i: number) => `${String(110101190000000000 + i * 1_000_003).slice(0, 17)}${i % 11 === 10 ? 'X' : i % 10}`;

describe('ID numbers packed for the token table', () => {
  it('pack numbers that differ in any character differently, and X apart from every digit', () => {
    const ids = [
      '110101199001011234',
      '110101199001011235',
      '210101199001011234',
      '11010119900101123X',
      '000000000000000000',
      '999999999999999999',
    ];
    const packed = ids.map((s) => packIdNumber(s)!.join(':'));
    expect(new Set(packed).size).toBe(ids.length);
    for (const p of ids.map((s) => packIdNumber(s)!)) {
      expect(p[0]).toBeGreaterThan(0);
      expect(p[0]).toBeLessThan(2 ** 32);
      expect(p[1]).toBeLessThan(2 ** 32);
    }
  });

  it('leave every other value to the slower path', () => {
    for (const v of ['11010119900101123', '1101011990010112345', '11010119900101123x', '1101011990010A1234', '6217331451549911114', ''])
      expect(packIdNumber(v)).toBeUndefined();
  });
});

describe('the token table', () => {
  it('give back the token kept for each number and none for a number never kept, across growing', () => {
    const cache = new IdTokenCache(1 << 16);
    for (let i = 0; i < 40_000; i++) cache.set(...packIdNumber(idNo(i))!, hmac(idNo(i)));
    expect(cache.size).toBe(40_000);
    for (let i = 0; i < 40_000; i += 97) expect(cache.get(...packIdNumber(idNo(i))!)).toBe(hmac(idNo(i)).toString('hex', 0, 16));
    expect(cache.get(...packIdNumber(idNo(40_001))!)).toBeUndefined();
  });

  it('forget everything at once when full at its largest, and never give a wrong token after', () => {
    const cache = new IdTokenCache(1 << 13);
    const n = 20_000;
    for (let i = 0; i < n; i++) cache.set(...packIdNumber(idNo(i))!, hmac(idNo(i)));
    expect(cache.size).toBeLessThan(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const t = cache.get(...packIdNumber(idNo(i))!);
      if (t === undefined) continue;
      kept++;
      expect(t).toBe(hmac(idNo(i)).toString('hex', 0, 16));
    }
    expect(kept).toBe(cache.size);
    // The last numbers kept are among those held.
    expect(cache.get(...packIdNumber(idNo(n - 1))!)).toBeDefined();
  });
});

describe('the pseudonymiser', () => {
  it('turn every value into the HMAC it always did, repeated or not, ID number or not', () => {
    const p = pseudonymiser(KEY);
    const values = [...Array.from({ length: 30_000 }, (_, i) => idNo(i)), '6217331451549911114', '13800138000', '11010119900101123x'];
    for (const round of [1, 2]) for (const v of values) expect(p(v), `${v} (round ${round})`).toBe(hmac(v).toString('hex').slice(0, 32));
  });
});
