// Folding one pair's relationship records as the online writer's MERGE would leave them: a pair with many
// records (a recipient's monthly payments from one programme) goes through a keyed path, which must give
// exactly what the record-by-record scan gives, in the order the relationships were created.
import { describe, expect, it } from 'vitest';
import { KIN_SOURCE_HUKOU } from '../../../loaders/core/kinship.js';
import { pairKey } from '../../../loaders/bulk/collect.js';
import { foldPair, pairEnds, type KinKind, type Provenance, type RelBody, type RelRecord } from '../../../loaders/bulk/fold.js';

const provs: Provenance[] = [
  { source: 'welfare', file: 'a.csv', run: 'r1' },
  { source: 'welfare', file: 'b.csv', run: 'r2' },
];
const rec = (seq: number, body: RelBody): RelRecord => ['Person:1\u0000Programme:x', seq, body];
const pay = (seq: number, month: string | number, amount: number, prov = 0): RelRecord =>
  rec(seq, ['r', { month }, { amount }, prov, seq + 2]);

describe('folding a pair of many relationships', () => {
  it('merges records on equal identity values, the later one winning, in creation order', () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-01', '2024-04', '2024-02', '2024-05', '2024-06', '2024-01'];
    const out = foldPair(
      months.map((m, i) => pay(i, m, 100 + i, i % 2)),
      provs,
    );
    expect(out.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    const jan = out[0]!;
    expect(jan).toMatchObject({ month: '2024-01', amount: 108, _row: 10, _file: 'a.csv', _run: 'r1' });
    expect(out[1]).toMatchObject({ amount: 105, _file: 'b.csv' });
  });

  it('keeps a number and the same digits as text apart, as === does', () => {
    const out = foldPair([...Array.from({ length: 8 }, (_, i) => pay(i, `m${i}`, i)), pay(8, 1, 1), pay(9, '1', 2)], provs);
    expect(out).toHaveLength(10);
    expect(out.slice(-2).map((r) => r.amount)).toEqual([1, 2]);
  });

  it('gives the same relationships as the short path when the identity names differ between records', () => {
    // One record lacks the identity value (its cell was empty): it matches the first relationship, as MERGE
    // on the properties it has would.
    const records = [...Array.from({ length: 9 }, (_, i) => pay(i, `2024-0${i + 1}`, i)), rec(9, ['r', {}, { amount: 99 }, 1, 11])];
    const out = foldPair(records, provs);
    expect(out).toHaveLength(9);
    expect(out[0]).toMatchObject({ month: '2024-01', amount: 99, _row: 11 });
  });
});

describe('the ends of a pair key', () => {
  it('splits at the first colon of each end, so keys may hold colons', () => {
    expect(pairEnds(pairKey('Person', 'ab:12', 'Company', '9133:x:y'))).toEqual({
      fromLabel: 'Person',
      from: 'ab:12',
      toLabel: 'Company',
      to: '9133:x:y',
    });
  });
});

describe('folding a derived kinship', () => {
  const kinds: KinKind[] = [
    ['parent', '直系血亲', 2],
    ['spouse', 'spouse', null],
    ['sibling', '旁系血亲', 2],
  ];
  const kinProvs: Provenance[] = [
    ...provs,
    { source: 'hukou', file: 'h.csv', run: 'r9' },
    { source: 'hukou', file: '户籍.csv', run: 'r10' },
  ];

  it('sets what writeHouseholdKin sets, removing the nulls, over a KIN from a file', () => {
    const fromFile = rec(0, ['r', { relation: 'spouse', source: KIN_SOURCE_HUKOU }, { category: 'spouse' }, 0, 5]);
    // A derived KIN names its kind and its household's provenance by index.
    const [kin] = foldPair([fromFile, rec(1, ['K', 1, 0, 2])], kinProvs, kinds);
    expect(kin).toEqual({
      relation: 'spouse',
      source: KIN_SOURCE_HUKOU,
      category: 'spouse',
      _source: 'hukou',
      _derived: 'householdKin',
      _file: 'h.csv',
      _run: 'r9',
    });
  });

  it('gives a lone derived KIN the same properties as the general fold does', () => {
    const cases: RelBody[] = [
      ['K', 0, 1, 2],
      ['K', 1, 0, 3],
      ['K', 2, 0, 2],
    ];
    for (const body of cases) {
      const [lone] = foldPair([rec(0, body)], kinProvs, kinds);
      // Two records take the general path; a second, identical SET changes nothing.
      const [general] = foldPair([rec(0, body), rec(1, body)], kinProvs, kinds);
      expect(lone).toEqual(general);
    }
    expect(foldPair([rec(0, ['K', 0, 1, 3])], kinProvs, kinds)[0]).toEqual({
      relation: 'parent',
      source: KIN_SOURCE_HUKOU,
      category: '直系血亲',
      generation: 2,
      mayBeStep: true,
      _source: 'hukou',
      _derived: 'householdKin',
      _file: '户籍.csv',
      _run: 'r10',
    });
  });
});
