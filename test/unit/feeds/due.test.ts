import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, isOverdue, nextDue } from '../../../server/feeds/due.js';

describe('feed due dates', () => {
  it('counts days at UTC+8: 17:00 UTC is already the next day in China', () => {
    expect(chinaDate('2026-03-04T15:59:59Z')).toBe('2026-03-04');
    expect(chinaDate('2026-03-04T16:00:00Z')).toBe('2026-03-05');
  });

  it('adds months keeping the day where the month has it', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('puts the next delivery one interval plus the grace days after the last', () => {
    const f = { graceDays: 2, dueDay: undefined, since: undefined };
    expect(nextDue({ ...f, cadence: 'daily' }, '2026-03-31')).toBe('2026-04-03');
    expect(nextDue({ ...f, cadence: 'weekly' }, '2026-03-31')).toBe('2026-04-09');
    expect(nextDue({ ...f, cadence: 'monthly' }, '2026-03-31')).toBe('2026-05-02');
    expect(nextDue({ ...f, cadence: 'quarterly' }, '2026-03-31')).toBe('2026-07-02');
    expect(nextDue({ ...f, cadence: 'on-change' }, '2026-03-31')).toBeNull();
  });

  it('with a due day: that day of the month after the period the last delivery fell in', () => {
    const f = { graceDays: 0, since: undefined, dueDay: 10 };
    expect(nextDue({ ...f, cadence: 'monthly' }, '2026-03-02')).toBe('2026-04-10');
    expect(nextDue({ ...f, cadence: 'monthly' }, '2026-12-28')).toBe('2027-01-10');
    expect(nextDue({ ...f, cadence: 'quarterly' }, '2026-05-20')).toBe('2026-07-10');
  });

  it('before the first delivery counts from since, and without since is overdue at once', () => {
    const f = { cadence: 'monthly' as const, graceDays: 0, dueDay: undefined };
    expect(nextDue({ ...f, since: '2026-01-15' }, null)).toBe('2026-02-15');
    expect(nextDue({ ...f, since: undefined }, null)).toBeNull();
    expect(isOverdue(f, null, null, new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isOverdue({ cadence: 'on-change' }, null, null, new Date())).toBe(false);
  });

  it('is overdue from the day after the due date (UTC+8)', () => {
    const f = { cadence: 'monthly' as const };
    expect(isOverdue(f, '2026-04-10', '2026-03-02', new Date('2026-04-10T15:59:00Z'))).toBe(false);
    expect(isOverdue(f, '2026-04-10', '2026-03-02', new Date('2026-04-10T16:00:00Z'))).toBe(true);
  });
});
