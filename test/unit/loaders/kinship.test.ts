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

  describe('pairs read through the head', () => {
    it("links the head's spouse and the head's children as parent and child, flagged as maybe step-kin", () => {
      // The case households hid: the official is the head's son and the relative is the head's wife, who
      // may be his mother or his stepmother; either way she is inside the avoidance scope.
      expect(rel(pairs, 'son', 'wife')).toEqual(['parent']);
      expect(rel(pairs, 'wife', 'son')).toEqual(['child']);
      expect(pairs.find((p) => p.from === 'son' && p.to === 'wife')).toMatchObject({
        category: '直系血亲',
        generation: 2,
        mayBeStep: true,
      });
      expect(pairs.find((p) => p.from === 'head' && p.to === 'son')).toMatchObject({ mayBeStep: false });
    });
    it("makes the head's parents the grandparents of the head's children and the spouse's parents-in-law", () => {
      expect(rel(pairs, 'son', 'father')).toEqual(['grandparent']);
      expect(rel(pairs, 'father', 'daughter')).toEqual(['grandchild']);
      expect(rel(pairs, 'wife', 'father')).toEqual(['spouse_parent']);
      expect(rel(pairs, 'father', 'wife')).toEqual(['child_spouse']);
    });
    it("makes the head's sibling an uncle or aunt of the children and the spouse's sibling-in-law", () => {
      expect(rel(pairs, 'son', 'brother')).toEqual(['uncle_aunt']);
      expect(rel(pairs, 'brother', 'son')).toEqual(['nephew_niece']);
      expect(pairs.find((p) => p.from === 'son' && p.to === 'brother')).toMatchObject({ category: '旁系血亲', generation: 3 });
      expect(rel(pairs, 'wife', 'brother')).toEqual(['spouse_sibling']);
      expect(rel(pairs, 'brother', 'wife')).toEqual(['collateral3_spouse']);
      expect(rel(pairs, 'brother', 'father')).toEqual(['parent']);
    });
    it("makes the head's spouse a (step-)grandparent of the grandchildren and parent-in-law of the 儿媳", () => {
      expect(rel(pairs, 'wife', 'grandson')).toEqual(['grandchild']);
      expect(rel(pairs, 'wife', 'dil')).toEqual(['child_spouse']);
      expect(rel(pairs, 'dil', 'wife')).toEqual(['spouse_parent']);
    });
    it('leaves a grandchild unlinked to the children when two could be the parent', () => {
      expect(rel(pairs, 'son', 'grandson')).toEqual([]);
      const one = deriveHouseholdKin([
        { id: 'h', code: '02' },
        { id: 's', code: '21' },
        { id: 'g', code: '41' },
      ]);
      expect(rel(one, 's', 'g')).toEqual(['child']);
      expect(rel(one, 'g', 's')).toEqual(['parent']);
    });
    it('flags 继/养 codes as maybe step-kin and keeps them inside the scope', () => {
      const p = deriveHouseholdKin([
        { id: 'h', code: '02' },
        { id: 'adopted', code: '27' },
        { id: 'stepmother', code: '58' },
      ]);
      expect(p.find((k) => k.from === 'h' && k.to === 'adopted')).toMatchObject({ relation: 'child', mayBeStep: true });
      expect(p.find((k) => k.from === 'h' && k.to === 'stepmother')).toMatchObject({ relation: 'parent', mayBeStep: true });
      expect(rel(p, 'adopted', 'stepmother')).toEqual(['grandparent']);
    });
    it('reads the wider 回避 scope from the head: uncles and aunts, cousins, nephews and their spouses, by side of the family', () => {
      const p = deriveHouseholdKin([
        { id: 'h', code: '02' },
        { id: 'father', code: '51' },
        { id: 'mother', code: '52' },
        { id: 'grandpa', code: '61' },
        { id: 'maternalGrandma', code: '64' },
        { id: 'uncle', code: '83' },
        { id: 'auntByMarriage', code: '84' },
        { id: 'mothersSister', code: '88' },
        { id: 'cousin', code: '91' },
        { id: 'nephew', code: '93' },
        { id: 'elderBrother', code: '71' },
        { id: 'sisterInLaw', code: '72' },
      ]);
      expect(rel(p, 'h', 'uncle')).toEqual(['uncle_aunt']);
      expect(rel(p, 'h', 'auntByMarriage')).toEqual(['collateral3_spouse']);
      expect(rel(p, 'h', 'cousin')).toEqual(['cousin']);
      expect(rel(p, 'h', 'nephew')).toEqual(['nephew_niece']);
      expect(rel(p, 'nephew', 'h')).toEqual(['uncle_aunt']);
      expect(rel(p, 'father', 'grandpa')).toEqual(['parent']);
      expect(rel(p, 'mother', 'grandpa')).toEqual([]);
      expect(rel(p, 'mother', 'maternalGrandma')).toEqual(['parent']);
      expect(rel(p, 'father', 'uncle')).toEqual(['sibling']);
      expect(rel(p, 'mother', 'mothersSister')).toEqual(['sibling']);
      expect(rel(p, 'grandpa', 'uncle')).toEqual(['child']);
      expect(rel(p, 'maternalGrandma', 'uncle')).toEqual([]);
      expect(rel(p, 'elderBrother', 'sisterInLaw')).toEqual(['spouse']);
      expect(rel(p, 'h', 'sisterInLaw')).toEqual(['collateral3_spouse']);
      expect(rel(p, 'sisterInLaw', 'h')).toEqual(['spouse_sibling']);
    });
    it('never writes the same directed relation twice', () => {
      const keys = pairs.map((p) => `${p.from}>${p.to}>${p.relation}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
});
