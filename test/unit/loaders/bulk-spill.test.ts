// The bulk path's sorted runs (loaders/bulk/spill.ts) read back exactly what was added, in (key, sequence)
// order, whatever the records hold: text in several scripts, and a record longer than the write buffer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpillStore, type SpillRecord } from '../../../loaders/bulk/spill.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sorted runs on disk', () => {
  it('give back every record unchanged in key and sequence order, a megabyte-long one included', () => {
    const store = new SpillStore(path.join(dir, 'a'), { chars: 1 << 30, records: 4 });
    const long = '长'.repeat(400_000) + '\u{1F600}' + 'x'.repeat(300_000);
    const recs: SpillRecord[] = [
      ['b', 3, { name: '张三', note: 'line\nbreak "quoted"' }],
      ['a', 2, long],
      ['b', 1, null],
      ['a', 5, 'ü'],
      ['c', 4, [1, 2.5, true]],
      ['a', 0, 'first'],
    ];
    for (const r of recs) store.add('s', r);
    expect(store.spills).toBe(1);
    const back = [...store.read('s')];
    expect(back).toEqual([...recs].sort((x, y) => (x[0] === y[0] ? x[1] - y[1] : x[0] < y[0] ? -1 : 1)));
    expect((back[1]![2] as string).length).toBe(long.length);
  });

  it('spill by size across streams and keep records of equal key and sequence in the order added', () => {
    const store = new SpillStore(path.join(dir, 'b'), { chars: 1_200, records: 1_000_000 });
    const added: Record<string, SpillRecord[]> = { p: [], q: [] };
    for (let i = 0; i < 300; i++) {
      const stream = i % 3 ? 'p' : 'q';
      // Few keys and sequences, so that many records tie on both within a run; the payload tells them apart.
      const r: SpillRecord = [`k${(i * 7) % 5}`, i % 4, `第${i}行`];
      added[stream]!.push(r);
      store.add(stream, r);
    }
    expect(store.spills).toBeGreaterThan(1);
    for (const s of ['p', 'q']) {
      const want = [...added[s]!].sort((x, y) => (x[0] === y[0] ? x[1] - y[1] : x[0] < y[0] ? -1 : 1));
      expect([...store.read(s)]).toEqual(want);
    }
  });
});
