import { describe, expect, it } from 'vitest';
import { parseValues } from '../../../web/src/admin/policy.js';

describe('policy page values', () => {
  it('takes a JSON object, an empty box as no values, and refuses anything else', () => {
    expect(parseValues('{"minAmount": 1000000, "leadersOnly": true}')).toEqual({ minAmount: 1000000, leadersOnly: true });
    expect(parseValues('  ')).toEqual({});
    expect(parseValues('[1]')).toBeNull();
    expect(parseValues('minAmount=5')).toBeNull();
    expect(parseValues('null')).toBeNull();
  });
});
