import { describe, expect, it } from 'vitest';
import { reasonFrom } from '../../../server/graphql/context.js';
import { hitRate } from '../../../server/alerts/stats.js';

describe('查询事由 from the request', () => {
  it('decodes a percent-encoded reason, drops control characters and caps its length', () => {
    expect(reasonFrom(encodeURIComponent('（2026）浙纪初核12号'))).toBe('（2026）浙纪初核12号');
    expect(reasonFrom('  ')).toBeNull();
    expect(reasonFrom(null)).toBeNull();
    expect(reasonFrom('a\u0000b\nc')).toBe('abc');
    expect(reasonFrom('100%zz')).toBe('100%zz');
    expect(reasonFrom('x'.repeat(500))).toHaveLength(200);
  });
});

describe('查实率', () => {
  it('is (属实 + 部分属实) / concluded, and null when nothing is concluded', () => {
    expect(hitRate(3, 1, 8)).toBe(0.5);
    expect(hitRate(0, 0, 4)).toBe(0);
    expect(hitRate(0, 0, 0)).toBeNull();
  });
});
