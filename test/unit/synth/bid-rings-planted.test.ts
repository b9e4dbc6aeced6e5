// M46's planted bid rings: three rings of three, four and five firms and four near misses in a county with
// people to spare, the lot pairs they make planted as the pair models' alerts, and no ring by chance: not in
// the demo county (where the pair cases' firms once chained into two rings nobody planted), not elsewhere.
import { describe, expect, it } from 'vitest';
import { buildWorld, procurementCases } from '../../../synth/generate.js';
import { ringMatches, ringTies } from '../../../synth/cases/procurement/bid-ring-communities.js';
import { bidIds } from '../../../synth/cases/lot-pairs.js';
import type { ModelCase } from '../../../synth/cases/case.js';

const BID_MODELS = ['M25', 'M26', 'M27', 'M28', 'M30', 'M46'];
const unplanned = (cases: ModelCase[]) => cases.filter((c) => BID_MODELS.includes(c.model) && c.kind === 'background').map((c) => c.id);

describe('planted bid rings (M46)', () => {
  const { world, procurement } = buildWorld(2000, 3);
  const cases = procurementCases(world, procurement);
  const m46 = cases.filter((c) => c.model === 'M46');

  it('plants rings of three, four and five firms and four near misses, and nothing else matches', () => {
    expect(m46.filter((c) => c.expected === 'alert').map((c) => [c.id, c.key.length])).toEqual([
      ['M46-A1', 3],
      ['M46-A2', 4],
      ['M46-A3', 5],
    ]);
    expect(m46.filter((c) => c.expected === 'no_alert').map((c) => [c.id, c.key.length])).toEqual([
      ['M46-N1', 3],
      ['M46-N2', 3],
      ['M46-N3', 2],
      ['M46-N4', 3],
    ]);
    expect(unplanned(cases)).toEqual([]);
  });

  it('names the ring firms by uid in credit-code order, as the model sorts its identity', () => {
    for (const c of m46) expect(c.key, c.id).toEqual(c.key.slice().sort());
  });

  it("plants the rings' lot pairs as the pair models' own alerts", () => {
    const pairs = cases.filter((c) => c.kind === 'pair_in_ring');
    expect(new Set(pairs.map((c) => c.model))).toEqual(new Set(['M25', 'M26', 'M27', 'M28']));
    for (const c of pairs) expect(c.expected, c.id).toBe('alert');
  });

  it('ties no firm of the near miss N4 although one phone is on a bid of each of them, each for a lot of its own', () => {
    const n4 = m46.find((c) => c.id === 'M46-N4')!;
    const idx = n4.key.map((u) => world.companies.findIndex((x) => `Company:${x.uscc}` === u));
    const phones = idx.map((i) => new Set(world.bids.filter((b) => b.company === i).map((b) => bidIds(world, b).phone)));
    const common = [...phones[0]!].filter((p) => phones[1]!.has(p) && phones[2]!.has(p));
    expect(common).toHaveLength(1);
    const tied = new Set(ringTies(world).flatMap(([x, y]) => (idx.includes(x) && idx.includes(y) ? [x, y] : [])));
    expect(tied.size).toBe(0);
  });
});

describe('no bid ring by chance', () => {
  it.each([
    [400, 7],
    [400, 2],
    [1500, 3],
  ])(
    '%i persons, seed %i: every ring the oracle finds is planted, and no pair or ring model records a background match',
    (persons, seed) => {
      const { world, procurement } = buildWorld(persons, seed);
      const cases = procurementCases(world, procurement);
      const planted = new Set(cases.filter((c) => c.model === 'M46' && c.expected === 'alert').map((c) => c.key.join(' ')));
      for (const m of ringMatches(world)) {
        const key = m.key.map((r) => ('idx' in r ? `Company:${world.companies[r.idx]!.uscc}` : r.uid)).join(' ');
        expect(planted.has(key), key).toBe(true);
      }
      expect(unplanned(cases)).toEqual([]);
    },
    60_000,
  );
});
