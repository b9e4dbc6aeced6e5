// How many models run at once: HUIYAN_MODEL_CONCURRENCY when set (a bad value refused with the reason),
// and the start's progress while several run side by side.
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, concurrencyFromEnv } from '../../../server/models/concurrency.js';
import { writeQueue } from '../../../server/models/runner.js';
import { StartupProgress } from '../../../server/startup-progress.js';

describe('the model concurrency setting', () => {
  it('is unset without the variable, and the number when it is a whole number from 1 to 16', () => {
    expect(concurrencyFromEnv({})).toBeUndefined();
    expect(concurrencyFromEnv({ HUIYAN_MODEL_CONCURRENCY: '' })).toBeUndefined();
    expect(concurrencyFromEnv({ HUIYAN_MODEL_CONCURRENCY: '1' })).toBe(1);
    expect(concurrencyFromEnv({ HUIYAN_MODEL_CONCURRENCY: ' 4 ' })).toBe(4);
  });

  it('refuses zero, fractions, words and more than 16', () => {
    for (const v of ['0', '2.5', 'two', '17', '-1'])
      expect(() => concurrencyFromEnv({ HUIYAN_MODEL_CONCURRENCY: v })).toThrow(ConcurrencyError);
    expect(() => concurrencyFromEnv({ HUIYAN_MODEL_CONCURRENCY: 'two' })).toThrow(/from 1 to 16, got "two"/);
  });
});

describe('writes of runs side by side', () => {
  it('take turns: the second starts when the first has finished, even when the first failed', async () => {
    const turn = writeQueue();
    const seen: string[] = [];
    let releaseFirst!: () => void;
    const first = turn(async () => {
      seen.push('first start');
      await new Promise<void>((r) => (releaseFirst = r));
      seen.push('first end');
      throw new Error('deadlock');
    });
    const second = turn(async () => {
      seen.push('second start');
      return 2;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['first start']);
    releaseFirst();
    await expect(first).rejects.toThrow('deadlock');
    expect(await second).toBe(2);
    expect(seen).toEqual(['first start', 'first end', 'second start']);
  });
});

describe('the start progress with models side by side', () => {
  it('names the earliest model still running, and counts each end once', () => {
    const p = new StartupProgress();
    p.models(3);
    p.running('a');
    p.running('b');
    expect(p.snapshot().current).toBe('a');
    p.ran('a');
    expect(p.snapshot()).toMatchObject({ current: 'b', modelsDone: 1 });
    p.running('c');
    p.ran('c');
    expect(p.snapshot()).toMatchObject({ current: 'b', modelsDone: 2 });
    p.ran('b');
    expect(p.snapshot()).toMatchObject({ current: null, modelsDone: 3 });
  });
});
