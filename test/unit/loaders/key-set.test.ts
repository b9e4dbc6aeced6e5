// The bulk path's compact key set (loaders/bulk/key-set.ts): every key added is found again across many
// doublings of its table, and keys never added are not (a wrong "present" needs a 64-bit hash collision).
import { describe, expect, it } from 'vitest';
import { hash64 } from '../../../loaders/core/hash64.js';
import { KeySet } from '../../../loaders/bulk/key-set.js';

describe('the bulk key set', () => {
  it('finds every key added, through its growth, and no key it was not given', () => {
    const s = new KeySet(4);
    const key = (i: number) => `3301021960${String(i).padStart(8, '0')}`;
    let refused = 0;
    for (let i = 0; i < 100_000; i += 2) if (!s.add(key(i))) refused++;
    expect(refused).toBe(0);
    expect(s.size).toBe(50_000);
    // At most half full: 2^17 slots of 8 bytes for 50,000 keys.
    expect(s.bytes).toBe(2 ** 17 * 8);
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) if (s.has(key(i)) !== (i % 2 === 0)) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(s.add(key(0))).toBe(false);
    expect(s.size).toBe(50_000);
  });

  it('hashes near-identical keys, Chinese text included, to different values', () => {
    const seen = new Set<string>();
    for (const k of ['', 'a', 'b', 'ab', 'ba', '张三', '张叁', '民政\u0000局', '民政局']) seen.add(hash64(k).join(':'));
    expect(seen.size).toBe(9);
  });
});
