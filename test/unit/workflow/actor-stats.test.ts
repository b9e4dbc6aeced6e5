import { describe, expect, it } from 'vitest';
import { ANONYMOUS, parseUser, userFromHeader } from '../../../server/access/actor.js';
import { hitRate } from '../../../server/alerts/stats.js';

describe('actor from the request', () => {
  it('is anonymous without a name, trimmed and capped otherwise', () => {
    expect(parseUser(undefined)).toBe(ANONYMOUS);
    expect(parseUser('  ')).toBe(ANONYMOUS);
    expect(parseUser(' 张三 ')).toBe('张三');
    expect(parseUser('a\u0000b\nc')).toBe('abc');
    expect(parseUser('x'.repeat(100))).toHaveLength(64);
  });

  it('decodes a percent-encoded name, since browsers cannot send Chinese in a header', () => {
    expect(userFromHeader(encodeURIComponent('张三'))).toBe('张三');
    expect(userFromHeader('100%zz')).toBe('100%zz');
  });
});

describe('查实率', () => {
  it('is (属实 + 部分属实) / concluded, and null when nothing is concluded', () => {
    expect(hitRate(3, 1, 8)).toBe(0.5);
    expect(hitRate(0, 0, 4)).toBe(0);
    expect(hitRate(0, 0, 0)).toBeNull();
  });
});
