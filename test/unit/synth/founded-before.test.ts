// The tender generator picks bidders by rank among the firms founded before a day: the index must give exactly
// what filtering the pool gives (the county's bytes depend on it), over blocks, repeated days and the edges.
import { describe, expect, it } from 'vitest';
import { FoundedBefore } from '../../../synth/world/founded-before.js';
import { Rng } from '../../../synth/world/prng.js';

const pool = (n: number, rng: Rng) => Array.from({ length: n }, (_, idx) => ({ idx, founded: rng.int(100, 400) }));

describe('the firms founded before a day', () => {
  it.each([0, 1, 511, 512, 513, 3000])('are those the filter gives, in its order, in a pool of %i', (n) => {
    const rng = new Rng(n, 'founded-before');
    const firms = pool(n, rng);
    const index = new FoundedBefore(firms);
    for (const day of [0, 100, 101, 250, 400, 401, 1000, ...Array.from({ length: 20 }, () => rng.int(90, 410))]) {
      const want = firms.filter((c) => c.founded < day);
      const got = index.before(day);
      expect(got.length).toBe(want.length);
      expect(Array.from({ length: got.length }, (_, k) => got.at(k))).toEqual(want);
      expect(got.list()).toEqual(want);
    }
  });

  it('refuses a rank outside them', () => {
    const view = new FoundedBefore(pool(600, new Rng(1, 'founded-before'))).before(250);
    expect(() => view.at(view.length)).toThrow(RangeError);
    expect(() => view.at(-1)).toThrow(RangeError);
    expect(() => new FoundedBefore([]).before(250).at(0)).toThrow(/no company 0 of 0/);
  });
});
