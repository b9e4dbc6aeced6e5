import { describe, expect, it } from 'vitest';
import { asOfCanvas, datedFacts, datesOf, entityDatesOf, trueOn } from '../../../web/src/view/as-of.js';

const edge = (id: string, source: string, target: string, properties: Record<string, unknown>, type = 'T') => ({
  id,
  source,
  target,
  properties,
  type,
});

const node = (id: string, properties: Record<string, unknown> = {}) => ({ id, properties });

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

  it('hides relationships not yet true and dims the nodes they leave unlinked, keeping nodes that stood alone', () => {
    const edges = [
      edge('post', 'P', 'O', { from: '2018-01-01' }),
      edge('kin', 'P', 'S', { relation: '子' }),
      edge('won', 'C', 'J', { date: '2023-06-01' }),
      edge('rep', 'S', 'C', { from: '2022-01-01' }),
    ];
    const nodes = ['P', 'O', 'S', 'C', 'J', 'LONE'].map((id) => node(id));
    const before = asOfCanvas(nodes, edges, '2021-06-01');
    expect([...before.hidden].sort()).toEqual(['rep', 'won']);
    // C and J existed (no dates of their own say otherwise) but nothing of theirs on the canvas was true yet.
    expect([...before.dimmed].sort()).toEqual(['C', 'J']);
    const award = asOfCanvas(nodes, edges, '2023-06-01');
    expect([...award.hidden, ...award.dimmed]).toEqual([]);
    expect(asOfCanvas(nodes, edges, null)).toEqual({ hidden: new Set(), dimmed: new Set() });
  });

  it('hides an entity that did not exist on the day, with its relationships, and dims what it leaves alone', () => {
    const nodes = [node('P', { birthDate: '1960-05-01', deathDate: '2022-03-01' }), node('C', { foundedDate: '2020-01-10' }), node('U')];
    const edges = [edge('rep', 'P', 'C', { from: '2019-01-01' }), edge('post', 'P', 'U', {})];
    const early = asOfCanvas(nodes, edges, '2019-06-01');
    // The company was founded later: it is hidden, and its legal representative spell with it.
    expect([...early.hidden].sort()).toEqual(['C', 'rep']);
    expect([...early.dimmed]).toEqual([]);
    const late = asOfCanvas(nodes, edges, '2022-03-02');
    // The person died the day before: hidden with both relationships; the unit and the company are left unlinked.
    expect([...late.hidden].sort()).toEqual(['P', 'post', 'rep']);
    expect([...late.dimmed].sort()).toEqual(['C', 'U']);
    expect(asOfCanvas(nodes, edges, '2021-01-01').hidden.size).toBe(0);
  });

  it("reads an entity's own span from founding, birth, submission or decision to death, ignoring a masked birth year", () => {
    expect(entityDatesOf({ foundedDate: '2020-01-10', status: '注销' })).toEqual({ start: '2020-01-10', end: null });
    expect(entityDatesOf({ birthDate: '1965', deathDate: '2022-03-01' })).toEqual({ start: null, end: '2022-03-01' });
    expect(entityDatesOf({ submittedAt: '2023-05-20T09:30:00+08:00' })).toEqual({ start: '2023-05-20', end: null });
    expect(entityDatesOf({ name: '某单位' })).toEqual({ start: null, end: null });
  });

  it('lists dated facts earliest first and leaves undated ones out', () => {
    const edges = [edge('b', 'X', 'Y', { date: '2023-06-01' }), edge('a', 'X', 'Z', { from: '2018-01-01' }), edge('c', 'X', 'W', {})];
    expect(datedFacts(edges).map((f) => [f.edge.id, f.start])).toEqual([
      ['a', '2018-01-01'],
      ['b', '2023-06-01'],
    ]);
  });
});
