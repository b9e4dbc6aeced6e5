import { describe, expect, it } from 'vitest';
import { nextDailyRun } from '../../../server/models/scheduler.js';

describe('nightly run time', () => {
  it('is today when the time is still ahead, tomorrow when it has passed or is now', () => {
    const at = (h: number, m = 0) => new Date(2026, 2, 1, h, m, 0, 0);
    expect(nextDailyRun(at(1, 30), '02:00')).toEqual(at(2));
    expect(nextDailyRun(at(2), '02:00')).toEqual(new Date(2026, 2, 2, 2, 0, 0, 0));
    expect(nextDailyRun(at(23, 59), '02:00')).toEqual(new Date(2026, 2, 2, 2, 0, 0, 0));
  });
});
