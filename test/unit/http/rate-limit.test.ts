// Per-caller limits (server/http/rate-limit.ts) on their own, with timed work standing in for statements:
// how many run at once, how database time adds up, requests per minute. Through the app and a real
// Neo4j: test/int/graphql/http-surface.int.test.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CallerLimits, callerKey, DEFAULT_RATE_LIMITS, type Refusal } from '../../../server/http/rate-limit.js';
import { loadConfig } from '../../../platform/config.js';

const refuse = (r: Refusal) => Object.assign(new Error(r.message), { retryAfterS: r.retryAfterS });

describe('statements at once', () => {
  it('lets a caller run at most its share at once; the rest wait, in order, and all finish', async () => {
    const limits = new CallerLimits({ ...DEFAULT_RATE_LIMITS, concurrentStatements: 2 });
    let now = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number) => async () => {
      now++;
      most = Math.max(most, now);
      await sleep(15);
      now--;
      order.push(i);
      return i;
    };
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => limits.run('user:a', work(i), refuse)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    expect(limits.running('user:a')).toBe(0);
  });

  it('does not make one caller wait for another', async () => {
    const limits = new CallerLimits({ ...DEFAULT_RATE_LIMITS, concurrentStatements: 1 });
    let both = false;
    let a = 0;
    const slow = limits.run(
      'user:a',
      async () => {
        a++;
        await sleep(40);
        a--;
      },
      refuse,
    );
    await sleep(5);
    await limits.run(
      'user:b',
      async () => {
        both = a === 1;
      },
      refuse,
    );
    await slow;
    expect(both).toBe(true);
  });

  it('frees the slot when a statement fails', async () => {
    const limits = new CallerLimits({ ...DEFAULT_RATE_LIMITS, concurrentStatements: 1 });
    await expect(limits.run('user:a', () => Promise.reject(new Error('boom')), refuse)).rejects.toThrow('boom');
    expect(await limits.run('user:a', async () => 'next', refuse)).toBe('next');
  });
});

describe('database time', () => {
  it('adds up statement time and refuses the next statement once the minute is spent', async () => {
    const limits = new CallerLimits({ ...DEFAULT_RATE_LIMITS, dbSecondsPerMinute: 0.05 });
    await limits.run('user:a', () => sleep(30), refuse);
    expect(await limits.dbRefusal('user:a')).toBeNull();
    await limits.run('user:a', () => sleep(30), refuse);
    const over = await limits.dbRefusal('user:a');
    expect(over?.message).toMatch(/Database time/);
    expect(over?.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(over?.retryAfterS).toBeLessThanOrEqual(60);
    await expect(limits.run('user:a', async () => 'never', refuse)).rejects.toThrow(/Database time/);
    // Requests are refused at the door too; another caller is untouched.
    expect((await limits.admit('user:a'))?.message).toMatch(/Database time/);
    expect(await limits.admit('user:b')).toBeNull();
  });
});

describe('requests per minute', () => {
  it('counts signed-in callers and addresses apart, each with its own allowance', async () => {
    const limits = new CallerLimits({ ...DEFAULT_RATE_LIMITS, requestsPerMinute: 3, anonymousPerMinute: 2 });
    for (let i = 0; i < 3; i++) expect(await limits.admit('user:a')).toBeNull();
    const over = await limits.admit('user:a');
    expect(over?.message).toMatch(/more than 3 requests a minute/);
    expect(over?.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(await limits.admit('user:b')).toBeNull();

    const ip = callerKey(null, '10.0.0.9');
    expect(await limits.anonymousSpent('10.0.0.9')).toBeNull();
    expect(await limits.admit(ip)).toBeNull();
    expect(await limits.admit(ip)).toBeNull();
    expect(await limits.admit(ip)).not.toBeNull();
    expect(await limits.anonymousSpent('10.0.0.9')).not.toBeNull();
    expect(await limits.anonymousSpent('10.0.0.10')).toBeNull();
  });

  it('keys a caller by principal, or by address without one', () => {
    expect(callerKey({ kind: 'user', id: 'zhang' }, '1.2.3.4')).toBe('user:zhang');
    expect(callerKey(null, '1.2.3.4')).toBe('ip:1.2.3.4');
  });
});

describe('settings', () => {
  it('reads the limits from the environment, with defaults a person clicking never meets', () => {
    expect(loadConfig({}).apiLimits).toEqual({
      maxCost: 5000,
      requestsPerMinute: 300,
      anonymousPerMinute: 60,
      dbSecondsPerMinute: 60,
      concurrentStatements: 4,
    });
    const c = loadConfig({
      HUIYAN_MAX_QUERY_COST: '800',
      HUIYAN_RATE_REQUESTS: '50',
      HUIYAN_RATE_DB_SECONDS: '10',
      HUIYAN_RATE_CONCURRENT: '2',
    });
    expect(c.apiLimits).toMatchObject({ maxCost: 800, requestsPerMinute: 50, dbSecondsPerMinute: 10, concurrentStatements: 2 });
    expect(() => loadConfig({ HUIYAN_RATE_CONCURRENT: '0' })).toThrow(/at least 1/);
  });
});
