import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import type { Value } from '../../../loaders/core/normalise/index.js';
import type { Grouped, NodeRow } from '../../../loaders/core/writer/group.js';
import { RepeatFilter, SETTLED_LAG } from '../../../loaders/core/writer/repeats.js';

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

  it('keeps a fill row that has a value for a property the last one sent had none for, and not one that only differs in values', () => {
    const f = new RepeatFilter(welfare);
    f.filter(batch([node('p1', 1, { name: null })]));
    f.filter(batch([]));
    expect(keys(f.filter(batch([node('p1', 3, { name: '张三' })])), 0)).toEqual(['p1']);
    f.filter(batch([]));
    // A fill keeps the name it has (coalesce(n.name, v)), so another name changes nothing.
    expect(keys(f.filter(batch([node('p1', 5, { name: '李四' })])), 0)).toEqual([]);
  });

  it('keeps a set row with a changed value or other empty values, and drops one equal to the last sent', () => {
    const f = new RepeatFilter(welfare);
    const prog = (row: number, name: string | null, dept: string | null) => batch([], [node('MZ-DB', row, { name, dept })]);
    const out = [
      prog(1, '低保', '民政局'),
      prog(2, '低保', '民政局'),
      prog(3, '低保', '民政局'),
      prog(4, '最低生活保障', '民政局'),
      prog(5, null, '民政局'),
      prog(6, null, '民政局'),
      prog(7, null, '民政局'),
    ].map((g) => keys(f.filter(g), 1));
    // Row 2 repeats row 1 a batch later and is sent again, row 3 two batches later and is dropped; row 4
    // renames; row 5 leaves the name out and is sent; rows 6 and 7 repeat it, one and two batches later.
    expect(out).toEqual([['MZ-DB'], ['MZ-DB'], [], ['MZ-DB'], ['MZ-DB'], ['MZ-DB'], []]);
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

  it('tells values of different types apart, and never takes a NaN for a repeat', () => {
    const f = new RepeatFilter(welfare);
    const prog = (dept: Value) => keys(f.filter(batch([], [node('MZ-DB', 1, { name: 'x', dept })]))!, 1);
    expect([prog('1'), prog('1'), prog('1'), prog(1), prog(1), prog(1)]).toEqual([['MZ-DB'], ['MZ-DB'], [], ['MZ-DB'], ['MZ-DB'], []]);
    expect([prog(NaN), prog(NaN), prog(NaN)]).toEqual([['MZ-DB'], ['MZ-DB'], ['MZ-DB']]);
  });

  // Slots of 8: a generation holds 6 keys.
  const small = () => new RepeatFilter(welfare, 8, 8);
  const ks = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `k${from + i}`);
  const sender = (f: RepeatFilter) => (names: string[]) => keys(f.filter(batch(names.map((k) => node(k, 1, { name: 'x' })))), 0);

  it('remembers every key among the last generation of distinct keys, and forgets one two generations old', () => {
    const send = sender(small());
    send(ks(0, 6));
    // k6..k11 fill a second generation; k0..k5 are the older one, still remembered.
    send(ks(6, 12));
    send([]);
    // k0 comes back from the older generation into a full newer one: a third generation starts with it (its
    // batch and row those sent first, so a settled repeat), and the generation of k0..k5 is dropped.
    expect(send(['k0'])).toEqual([]);
    send([]);
    expect(send(['k1', 'k0', 'k6', 'k11'])).toEqual(['k1']);
  });

  it('forgets nothing while its table grows, up to its largest size', () => {
    const f = new RepeatFilter(welfare, 64, 8);
    const send = sender(f);
    // 48 keys: the first table of 8 slots grows to 64 on the seventh and holds all of them.
    send(ks(0, 48));
    send([]);
    expect(send(ks(0, 48))).toEqual([]);
    expect(f.dropped).toBe(48);
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
