import { describe, expect, it } from 'vitest';
import { deriveHouseholdKin, type KinPair } from '../../../loaders/core/kinship.js';

const rel = (pairs: KinPair[], from: string, to: string) => pairs.filter((p) => p.from === from && p.to === to).map((p) => p.relation);

describe('household kinship (GB/T 4761 codes)', () => {
  const household = [
    { id: 'head', code: '02' },
    { id: 'wife', code: '12' },
    { id: 'son', code: '22' },
    { id: 'daughter', code: '32' },
    { id: 'dil', code: '38' },
    { id: 'grandson', code: '41' },
    { id: 'father', code: '51' },
    { id: 'brother', code: '73' },
    { id: 'lodger', code: '99' },
  ];
  const pairs = deriveHouseholdKin(household);

  it('makes the head and the spouse spouses, both ways', () => {
    expect(rel(pairs, 'head', 'wife')).toEqual(['spouse']);
    expect(rel(pairs, 'wife', 'head')).toEqual(['spouse']);
    expect(pairs.find((p) => p.from === 'head' && p.to === 'wife')).toMatchObject({ category: '夫妻', generation: null });
  });
  it('makes the head parent of the children, seen from the start node', () => {
    expect(rel(pairs, 'head', 'son')).toEqual(['child']);
    expect(rel(pairs, 'son', 'head')).toEqual(['parent']);
    expect(pairs.find((p) => p.from === 'head' && p.to === 'son')).toMatchObject({ category: '直系血亲', generation: 2 });
  });
  it('makes two children of the head siblings', () => {
    expect(rel(pairs, 'son', 'daughter')).toEqual(['sibling']);
    expect(rel(pairs, 'daughter', 'son')).toEqual(['sibling']);
  });
  it('pairs the only son with the only 儿媳', () => {
    expect(rel(pairs, 'son', 'dil')).toEqual(['spouse']);
  });
  it('links the head with in-laws, grandchildren, parents and siblings', () => {
    expect(rel(pairs, 'head', 'dil')).toEqual(['child_spouse']);
    expect(rel(pairs, 'dil', 'head')).toEqual(['spouse_parent']);
    expect(rel(pairs, 'head', 'grandson')).toEqual(['grandchild']);
    expect(rel(pairs, 'grandson', 'head')).toEqual(['grandparent']);
    expect(rel(pairs, 'head', 'father')).toEqual(['parent']);
    expect(rel(pairs, 'father', 'head')).toEqual(['child']);
    expect(rel(pairs, 'head', 'brother')).toEqual(['sibling']);
  });
  it('derives nothing for a non-relative (99) and does not treat 28 女婿 as a son', () => {
    expect(pairs.some((p) => p.from === 'lodger' || p.to === 'lodger')).toBe(false);
    const p2 = deriveHouseholdKin([
      { id: 'h', code: '02' },
      { id: 'sil', code: '28' },
    ]);
    expect(rel(p2, 'h', 'sil')).toEqual(['child_spouse']);
  });
  it('leaves 儿媳 unpaired when two sons make it ambiguous', () => {
    const p3 = deriveHouseholdKin([
      { id: 'h', code: '02' },
      { id: 's1', code: '22' },
      { id: 's2', code: '23' },
      { id: 'd', code: '38' },
    ]);
    expect(p3.some((p) => p.relation === 'spouse')).toBe(false);
  });
  it('derives nothing without a head', () => {
    expect(
      deriveHouseholdKin([
        { id: 'a', code: '22' },
        { id: 'b', code: '32' },
      ]),
    ).toEqual([]);
  });
});
