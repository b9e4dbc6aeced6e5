// The online run's per-file times (bench/load/online-run.ts ownSpans): files overlap, the next one read while
// the one before writes, so each is timed from where the one before ended and the times add up to the load's.
import { describe, expect, it } from 'vitest';
import { ownSpans } from '../../../bench/load/online-run.js';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 7) + ms).toISOString();
const file = (source: string, start: number, durationMs: number) => ({ source, rowsRead: 1, startedAt: at(start), durationMs });

describe('per-file times of an online run', () => {
  it('time each file from where the one before ended, so that they add up to the span of the files', () => {
    const spans = ownSpans([file('a', 0, 1000), file('b', 800, 700), file('c', 1500, 500), file('d', 1700, 100)]);
    expect(spans.map((s) => [s.source, s.ms])).toEqual([
      ['a', 1000],
      ['b', 500],
      ['c', 500],
      // Ended before c did (nothing to write): no time of its own.
      ['d', 0],
    ]);
    expect(spans.reduce((a, s) => a + s.ms, 0)).toBe(2000);
  });
});
