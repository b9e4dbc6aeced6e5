import { describe, expect, it } from 'vitest';
import { datedFacts, datesOf, hiddenAsOf, trueOn } from '../../../web/src/view/as-of.js';

const edge = (id: string, source: string, target: string, properties: Record<string, unknown>, type = 'T') => ({
  id,
  source,
  target,
  properties,
  type,
});

describe('as-of filtering', () => {
  it('reads a spell from from/to and an event from its own date', () => {
    expect(datesOf({ from: '2018-01-01', to: '2020-12-31' })).toEqual({ start: '2018-01-01', end: '2020-12-31' });
    expect(datesOf({ amount: 5, date: '2023-06-01' })).toEqual({ start: '2023-06-01', end: null });
    // A subsidy counts from the day it was paid, not the period it pays for.
    expect(datesOf({ periodFrom: '2023-01-01', periodTo: '2023-01-31', payDate: '2023-02-10' })).toEqual({
      start: '2023-02-10',
      end: null,
    });
    expect(datesOf({ decidedAt: '2021-03-04T00:00:00Z' })).toEqual({ start: '2021-03-04', end: null });
    expect(datesOf({ relation: '配偶' })).toEqual({ start: null, end: null });
  });

  it('takes a spell as true on its first and last day, and an undated fact as always true', () => {
    const spell = { start: '2018-01-01', end: '2020-12-31' };
    expect([trueOn(spell, '2017-12-31'), trueOn(spell, '2018-01-01'), trueOn(spell, '2020-12-31'), trueOn(spell, '2021-01-01')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(trueOn({ start: null, end: null }, '1900-01-01')).toBe(true);
    expect(trueOn({ start: '2023-06-01', end: null }, '2030-01-01')).toBe(true);
  });

  it('hides relationships not yet true and the nodes they leave alone, keeping nodes that stood alone', () => {
    const edges = [
      edge('post', 'P', 'O', { from: '2018-01-01' }),
      edge('kin', 'P', 'S', { relation: '子' }),
      edge('won', 'C', 'J', { date: '2023-06-01' }),
      edge('rep', 'S', 'C', { from: '2022-01-01' }),
    ];
    const before = hiddenAsOf(['P', 'O', 'S', 'C', 'J', 'LONE'], edges, '2021-06-01');
    expect([...before].sort()).toEqual(['C', 'J', 'rep', 'won']);
    const award = hiddenAsOf(['P', 'O', 'S', 'C', 'J', 'LONE'], edges, '2023-06-01');
    expect([...award]).toEqual([]);
    expect(hiddenAsOf(['P'], edges, null).size).toBe(0);
  });

  it('lists dated facts earliest first and leaves undated ones out', () => {
    const edges = [edge('b', 'X', 'Y', { date: '2023-06-01' }), edge('a', 'X', 'Z', { from: '2018-01-01' }), edge('c', 'X', 'W', {})];
    expect(datedFacts(edges).map((f) => [f.edge.id, f.start])).toEqual([
      ['a', '2018-01-01'],
      ['b', '2023-06-01'],
    ]);
  });
});
