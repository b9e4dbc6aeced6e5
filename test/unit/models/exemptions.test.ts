import { describe, expect, it } from 'vitest';
import { BadExemption, expiryOf, isValidAt } from '../../../server/models/exemptions.js';

const now = new Date('2026-03-01T08:00:00Z');

describe('exemption expiry', () => {
  it('holds a date through that day and an instant until then', () => {
    const end = expiryOf('2026-03-10', now);
    expect(isValidAt({ expires: end }, new Date('2026-03-10T12:00:00'))).toBe(true);
    expect(isValidAt({ expires: end }, new Date('2026-03-11T00:00:01'))).toBe(false);
    expect(expiryOf('2026-03-02T09:00:00Z', now)).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses a past, unreadable or over-a-year expiry', () => {
    expect(() => expiryOf('2026-02-28', now)).toThrow(BadExemption);
    expect(() => expiryOf('next week', now)).toThrow(/date YYYY-MM-DD/);
    expect(() => expiryOf('2027-06-01', now)).toThrow(/reviewed at least yearly/);
  });
});
