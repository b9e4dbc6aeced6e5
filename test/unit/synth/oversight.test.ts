// The oversight sources of the synthetic county (synth/oversight): the working-day calendar the models
// count with, and the planted M41 and M39 cases sitting exactly on their limits, as the oracles judge them.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../synth/generate.js';
import { addWorkdays, dayOfWeek, workdaysBetween } from '../../../synth/oversight/calendar.js';
import { generateOversight } from '../../../synth/oversight/index.js';
import { approvalMatches, petitionMatches } from '../../../synth/oversight/oracle.js';
import { day } from '../../../synth/world/dates.js';

describe('the working-day calendar', () => {
  it('counts Monday to Friday as Cypher date.dayOfWeek does', () => {
    expect(dayOfWeek(day(2024, 3, 1))).toBe(5); // a Friday
    expect(dayOfWeek(day(2024, 3, 3))).toBe(7);
    expect(workdaysBetween(day(2024, 3, 1), day(2024, 3, 8))).toBe(5);
    expect(workdaysBetween(day(2024, 3, 1), day(2024, 3, 11))).toBe(6);
    expect(addWorkdays(day(2024, 3, 1), 5)).toBe(day(2024, 3, 8));
    expect(addWorkdays(day(2024, 3, 1), 1)).toBe(day(2024, 3, 4));
  });
});

describe('planted petitions and approvals (400 persons, seed 5)', () => {
  const { world } = buildWorld(400, 5);
  const o = generateOversight(world, 5, 400);
  const byId = (id: string) => o.cases.find((c) => c.id === id)!;
  const petition = (id: string) => o.petitions.find((p) => `Petition:${p.code}` === byId(id).key[0])!;
  const approval = (id: string) => o.approvals.find((a) => `Approval:${a.code}` === byId(id).key[0])!;

  it('plants every case of M41 and M39 once, the oracles agreeing', () => {
    const ids = o.cases.filter((c) => c.kind !== 'background').map((c) => c.id);
    expect(ids).toEqual(
      ['A1', 'A2', 'A3', 'N1', 'N2', 'A4', 'N3', 'N4', 'A5', 'N5']
        .map((x) => `M41-${x}`)
        .concat(['A1', 'A2', 'N1', 'A3', 'N2'].map((x) => `M39-${x}`)),
    );
    const found = [...petitionMatches(world, o.petitions), ...approvalMatches(world, o.approvals)].map((k) => k.join());
    for (const c of o.cases) expect(found.includes(c.key.join()), c.id).toBe(c.expected === 'alert');
  }, 120_000);

  it('puts the near misses on the limits: the 5th working day across a weekend, day 60, the last working day', () => {
    const n1 = petition('M41-N1');
    expect(workdaysBetween(n1.received, n1.accepted!)).toBe(5);
    expect(n1.accepted! - n1.received).toBe(7);
    const n2 = petition('M41-N2');
    expect(n2.concluded! - n2.received).toBe(60);
    const a = approval('M39-N1');
    expect(workdaysBetween(a.submitted, a.concluded!)).toBe(a.limitDays);
    expect(petition('M41-A2').concluded).toBeUndefined();
    expect(approval('M39-A2').concluded).toBeUndefined();
  }, 120_000);

  it('keeps the background inside every limit, so background petitions and approvals raise nothing', () => {
    const bg = o.petitions.filter((p) => !p.planted);
    expect(bg.length).toBeGreaterThan(10);
    expect(
      bg.every((p) => p.concluded !== undefined && p.concluded - p.received <= 60 && workdaysBetween(p.received, p.accepted!) <= 5),
    ).toBe(true);
    expect(o.approvals.filter((a) => !a.planted).every((a) => workdaysBetween(a.submitted, a.concluded!) <= (a.limitDays ?? 20))).toBe(
      true,
    );
  });
});
