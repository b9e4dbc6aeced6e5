// Household kinship on the bulk path (loaders/bulk/kin.ts): a derived KIN names its kind and its household's
// provenance by index, and folds back into the properties writeHouseholdKin sets, with the file and run of
// the household it was derived from, not those of another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpilledGraph } from '../../../loaders/bulk/collect.js';
import { foldPair, pairEnds, type FoldedNode, type RelRecord } from '../../../loaders/bulk/fold.js';
import { KinDeriver } from '../../../loaders/bulk/kin.js';
import { KIN_SOURCE_HUKOU } from '../../../loaders/core/kinship.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-kin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const household = (key: string, prov: number): FoldedNode => ({ key, uid: `Household:${key}`, props: {}, sources: ['hukou'], prov });

describe('household kinship on the bulk path', () => {
  it("gives each derived KIN its own household's file and run, and the kind's category and generation", () => {
    const graph = new SpilledGraph(path.join(dir, 'a'), []);
    graph.provs.push(
      { source: 'welfare', file: '民生资金发放.csv', run: 'welfare-1' },
      { source: 'hukou', file: '户籍人口一.csv', run: 'hukou-1' },
      { source: 'hukou', file: '户籍人口二.csv', run: 'hukou-2' },
    );
    const kin = new KinDeriver(graph);
    kin.node('Household', household('H1', 1));
    kin.node('Household', household('H2', 2));
    kin.node('Company', household('X', 0));
    const member = (person: string, hh: string, code: string, seq: number) =>
      kin.member('MEMBER_OF', 'Person', person, 'Household', hh, seq, { relToHead: code });
    member('A', 'H1', '02', 1);
    member('B', 'H1', '10', 2);
    member('C', 'H2', '02', 3);
    member('D', 'H2', '20', 4);
    member('E', 'H2', '27', 5);
    expect(kin.derive()).toEqual({ households: 2, relationships: 8 });

    const got = new Map<string, object>();
    for (const group of graph.store.groups('rel:KIN')) {
      const { from, to } = pairEnds(group[0]![0]);
      for (const rel of foldPair(group as RelRecord[], graph.provs, kin.kinds)) got.set(`${from}>${to}`, rel);
    }
    const hukou = { source: KIN_SOURCE_HUKOU, _source: 'hukou', _derived: 'householdKin' };
    const first = { ...hukou, _file: '户籍人口一.csv', _run: 'hukou-1' };
    const second = { ...hukou, _file: '户籍人口二.csv', _run: 'hukou-2' };
    const lineal = { category: '直系血亲', generation: 2 };
    const step = { mayBeStep: true };
    expect(Object.fromEntries(got)).toEqual({
      'A>B': { relation: 'spouse', category: '夫妻', ...first },
      'B>A': { relation: 'spouse', category: '夫妻', ...first },
      'C>D': { relation: 'child', ...lineal, ...second },
      'D>C': { relation: 'parent', ...lineal, ...second },
      'C>E': { relation: 'child', ...lineal, ...step, ...second },
      'E>C': { relation: 'parent', ...lineal, ...step, ...second },
      'D>E': { relation: 'sibling', category: '旁系血亲', generation: 2, ...step, ...second },
      'E>D': { relation: 'sibling', category: '旁系血亲', generation: 2, ...step, ...second },
    });
    // Four kinds of tie (spouse, child, parent, sibling), each kept once however many KIN name it.
    expect(kin.kinds).toHaveLength(4);
  });
});
