// alertBreakdown on a real Neo4j: the statistics page's counts by model, state, unit and month over the
// seeded county plus two townships (jurisdiction-seed.ts), and the same counts cut to a township's alerts
// for a caller of that township.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { J, seedJurisdiction } from './jurisdiction-seed.js';
import { UIDS } from './seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedJurisdiction(h.executor);
});
afterAll(async () => {
  await h?.executor.close();
});

const Q = `query($gone: Boolean) { alertBreakdown(includeGone: $gone) {
  total byModel { key count } byState { key count } byUnit { key label count } byMonth { key count } } }`;
const months = (n2024_01: number, n2024_07: number) => [
  { key: '2024-01', count: n2024_01 },
  ...['02', '03', '04', '05', '06'].map((m) => ({ key: `2024-${m}`, count: 0 })),
  { key: '2024-07', count: n2024_07 },
];

describe('alertBreakdown', () => {
  it('counts the current alerts county-wide by model, state, unit and month, empty months as 0', async () => {
    const r = await h.gql(Q, {}, await h.as('stats-county', 'viewer', ['*']));
    expect(r.errors).toBeUndefined();
    const b = r.data?.alertBreakdown;
    expect(b.total).toBe(10);
    expect(b.byModel).toEqual([
      { key: 'procurement.kin-wins-tender', count: 9 },
      { key: 'welfare.dead-recipient', count: 1 },
    ]);
    expect(b.byState).toEqual([
      { key: 'new', count: 8 },
      { key: 'confirmed', count: 1 },
      { key: 'dismissed', count: 1 },
    ]);
    // Township B: its official's post and the company it regulates; the bureau through its head (fp-main).
    expect(b.byUnit).toEqual([
      { key: J.townB, label: '乙镇人民政府', count: 2 },
      { key: UIDS.org, label: expect.any(String), count: 1 },
      { key: J.townA, label: '甲镇人民政府', count: 1 },
      { key: J.villageA, label: '甲镇东村村民委员会', count: 1 },
    ]);
    expect(b.byMonth).toEqual(months(5, 5));
  });

  it('counts gone alerts only when asked', async () => {
    const r = await h.gql(Q, { gone: true }, await h.as('stats-county', 'viewer', ['*']));
    expect(r.data?.alertBreakdown.total).toBe(11);
    expect(r.data?.alertBreakdown.byMonth[0]).toEqual({ key: '2024-01', count: 6 });
  });

  it("counts only township A's alerts for a viewer of township A", async () => {
    const r = await h.gql(Q, {}, await h.as('stats-a', 'viewer', [J.townA]));
    expect(r.errors).toBeUndefined();
    const b = r.data?.alertBreakdown;
    expect(b.total).toBe(2);
    expect(b.byModel).toEqual([{ key: 'procurement.kin-wins-tender', count: 2 }]);
    expect(b.byState).toEqual([
      { key: 'confirmed', count: 1 },
      { key: 'new', count: 1 },
    ]);
    expect(b.byUnit.map((u: { key: string }) => u.key)).toEqual([J.townA, J.villageA]);
    expect(b.byMonth).toEqual([{ key: '2024-07', count: 2 }]);
  });

  it('clamps the number of units to at least one', async () => {
    const r = await h.gql('{ alertBreakdown(units: 0) { total byUnit { key } } }', {}, await h.as('stats-county', 'viewer', ['*']));
    expect(r.data?.alertBreakdown.byUnit).toHaveLength(1);
  });
});
