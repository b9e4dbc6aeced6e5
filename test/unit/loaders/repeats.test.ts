import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import type { Value } from '../../../loaders/core/normalise/index.js';
import type { Grouped, NodeRow } from '../../../loaders/core/writer/group.js';
import { FIRST_CAPACITY, RepeatFilter, SETTLED_LAG } from '../../../loaders/core/writer/repeats.js';

// welfare: node 0 is the recipient (Person, fill), node 1 the programme (Program, set).
const welfare = loadMappings({ schema: loadGraphSchema() }).find((m) => m.id === 'welfare')!;
const node = (key: string, row: number, p: Record<string, Value | null>): NodeRow => ({
  key,
  uid: `X:${key}`,
  row,
  p: p as Record<string, Value>,
});
const rel = { from: 'a', to: 'b', row: 1, id: {}, p: {} };
const batch = (people: NodeRow[], programs: NodeRow[] = []): Grouped => ({ nodes: [people, programs], rels: [[rel]] });
const keys = (g: Grouped, spec: number) => g.nodes[spec]!.map((r) => r.key);

describe('the filter of node rows repeated across batches', () => {
  it('drops a repeat with nothing new once the batch that wrote it is SETTLED_LAG batches back, never sooner', () => {
    const f = new RepeatFilter(welfare);
    const seen: string[][] = [];
    for (let b = 0; b < 4; b++) seen.push(keys(f.filter(batch([node('p1', b, { name: '张三' })])), 0));
    expect(SETTLED_LAG).toBe(2);
    expect(seen).toEqual([['p1'], ['p1'], [], []]);
    expect(f.dropped).toBe(2);
  });

  it('keeps a fill row that fills a property still empty, and not one that only differs in a filled one', () => {
    const f = new RepeatFilter(welfare);
    f.filter(batch([node('p1', 1, { name: null })]));
    f.filter(batch([]));
    expect(keys(f.filter(batch([node('p1', 3, { name: '张三' })])), 0)).toEqual(['p1']);
    f.filter(batch([]));
    // A fill keeps the name it has (coalesce(n.name, v)), so another name changes nothing.
    expect(keys(f.filter(batch([node('p1', 5, { name: '李四' })])), 0)).toEqual([]);
  });

  it('keeps a set row with a changed value, and drops one whose values are all empty or unchanged', () => {
    const f = new RepeatFilter(welfare);
    const prog = (row: number, name: string | null, dept: string | null) => batch([], [node('MZ-DB', row, { name, dept })]);
    const out = [
      prog(1, '低保', '民政局'),
      prog(2, null, null),
      prog(3, '低保', null),
      prog(4, '最低生活保障', '民政局'),
      prog(5, null, '民政局'),
      prog(6, null, null),
    ].map((g) => keys(f.filter(g), 1));
    // Row 2 repeats row 1 a batch later and is sent again, row 3 two batches later and is dropped; row 4
    // renames; rows 5 and 6 repeat it, one and two batches later.
    expect(out).toEqual([['MZ-DB'], ['MZ-DB'], [], ['MZ-DB'], ['MZ-DB'], []]);
  });

  it('treats a new value as a new write, from which the lag starts again', () => {
    const f = new RepeatFilter(welfare);
    const prog = (name: string) => keys(f.filter(batch([], [node('MZ-DB', 1, { name })]))!, 1);
    expect([prog('a'), prog('a'), prog('a'), prog('b'), prog('b'), prog('b')]).toEqual([
      ['MZ-DB'],
      ['MZ-DB'],
      [],
      ['MZ-DB'],
      ['MZ-DB'],
      [],
    ]);
  });

  it('forgets the least recently mentioned keys beyond its capacity, which are then written again', () => {
    const f = new RepeatFilter(welfare, 2);
    const send = (...ks: string[]) => keys(f.filter(batch(ks.map((k) => node(k, 1, { name: k })))), 0);
    send('a', 'b');
    send('a');
    // 'b' is now the least recently mentioned; 'c' pushes it out.
    send('c');
    expect(send('a', 'b')).toEqual(['b']);
  });

  it('keeps the order of mention when it grows past its first capacity, so the same key is forgotten', () => {
    const f = new RepeatFilter(welfare, FIRST_CAPACITY + 904);
    const ks = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `k${from + i}`);
    const send = (names: string[]) => keys(f.filter(batch(names.map((k) => node(k, 1, { name: 'x' })))), 0);
    send(ks(0, FIRST_CAPACITY));
    // k0 mentioned again: now the most recent, k1 the least.
    send(['k0']);
    // Grows on the first of these, then fills to capacity.
    send(ks(FIRST_CAPACITY, FIRST_CAPACITY + 904));
    send([`k${FIRST_CAPACITY + 904}`]);
    // k1 was forgotten and is written again; k0 and k2 are remembered and settled, so dropped (k2 before k1,
    // whose return pushes out the least recently mentioned key).
    expect(send(['k0', 'k2', 'k1'])).toEqual(['k1']);
  });

  it('leaves relationships and rows of other specs alone', () => {
    const f = new RepeatFilter(welfare);
    for (let b = 0; b < 3; b++) {
      const g = f.filter(batch([node('p1', b, { name: '张三' })], [node('MZ-DB', b, { name: '低保' })]));
      expect(g.rels).toEqual([[rel]]);
    }
    expect(f.dropped).toBe(2);
  });
});
