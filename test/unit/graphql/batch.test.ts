import { describe, expect, it } from 'vitest';
import { Batcher } from '../../../server/graphql/batch.js';

describe('Batcher', () => {
  it('sends keys asked for in one tick as one batch, each key once', async () => {
    const calls: string[][] = [];
    const b = new Batcher<string, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length]));
    }, -1);
    const out = await Promise.all([b.load('a'), b.load('bb'), b.load('a'), b.load('missing')]);
    expect(out).toEqual([1, 2, 1, -1]);
    expect(calls).toEqual([['a', 'bb', 'missing']]);
    expect(await b.load('bb')).toBe(2);
    expect(calls).toHaveLength(1);
  });

  it('rejects every waiting key when the batch fails', async () => {
    const b = new Batcher<string, number>(async () => {
      throw new Error('down');
    }, 0);
    await expect(Promise.all([b.load('a'), b.load('b')])).rejects.toThrow('down');
  });
});
