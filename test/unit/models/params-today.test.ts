// A date parameter may default to `today` (M01 and M02 examine what holds on $asOf): resolved to the day of
// the run when the parameters are, while an override keeps its date and a wrong one is refused.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../server/models/library.js';
import { BadParameter, resolveParams } from '../../../server/models/params.js';

const m01 = loadLibrary().get('integrity.official-in-business')!;

describe('a date parameter defaulting to today', () => {
  it('declares today in the header and resolves it to the date of the run', () => {
    expect(m01.parameters.find((p) => p.name === 'asOf')?.default).toBe('today');
    expect(resolveParams(m01, {}).asOf).toBe(new Date().toLocaleDateString('en-CA'));
  });
  it('keeps an override, and refuses one that is not a date', () => {
    expect(resolveParams(m01, { asOf: '2025-01-01' }).asOf).toBe('2025-01-01');
    expect(() => resolveParams(m01, { asOf: 'yesterday' })).toThrow(BadParameter);
  });
});
