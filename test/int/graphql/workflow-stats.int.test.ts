// Model.stats on a seeded set of alerts whose outcomes are known: 查实率 per model and per revision, the
// 纠错 count, the median days to conclusion, and null (not 0) where nothing is concluded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';

let h: Harness;

const MODEL = 'welfare.dead-recipient';
const concluded = (fp: string, revision: number, outcome: string, days: number, extra: Record<string, unknown> = {}) => ({
  uid: `Alert:${fp}`,
  fingerprint: fp,
  modelId: MODEL,
  modelRevision: 2,
  concludedRevision: revision,
  severity: 'medium',
  state: outcome === 'confirmed' ? 'confirmed' : outcome === 'partly_confirmed' ? 'partly_confirmed' : 'dismissed',
  outcome,
  firstSeen: '2024-03-01T00:00:00Z',
  concludedAt: new Date(Date.parse('2024-03-01T00:00:00Z') + days * 86_400_000).toISOString(),
  ...extra,
});
const open = (fp: string, revision: number, state: string) => ({
  uid: `Alert:${fp}`,
  fingerprint: fp,
  modelId: MODEL,
  modelRevision: revision,
  severity: 'medium',
  state,
  firstSeen: '2024-03-01T00:00:00Z',
});

// revision 1: 属实 ×2 (one 纠错整改 and rectified), 不属实 ×1 → 2/3
// revision 2: 部分属实 ×1 (纠错整改), 无法核实 ×1, open (verifying) ×1, new ×1, and the seed's fp-m → 1/2
const SEEDED = [
  concluded('s1', 1, 'confirmed', 10, { disposal: 'correction', state: 'rectified', amountRecovered: 3000 }),
  concluded('s2', 1, 'confirmed', 20, { disposal: 'case' }),
  concluded('s3', 1, 'not_confirmed', 30),
  concluded('s4', 2, 'partly_confirmed', 4, { disposal: 'correction', amountRecovered: 500 }),
  concluded('s5', 2, 'unverifiable', 6),
  open('s6', 2, 'verifying'),
  open('s7', 2, 'new'),
];

beforeAll(async () => {
  h = await startHarness();
  // The harness seed holds one alert of this model already (fp-m: dismissed without an outcome, rev 2).
  await h.executor.write('UNWIND $rows AS a CREATE (n:Alert:Entity) SET n = a', { rows: SEEDED });
});
afterAll(async () => {
  await h?.executor.close();
});

const STATS = `query($id: String!) { model(id: $id) { stats {
  alerts reviewed concluded confirmed partlyConfirmed dismissed unverifiable hitRate corrections rectified amountRecovered medianDaysToConclusion
  byRevision { revision alerts reviewed concluded confirmed partlyConfirmed dismissed unverifiable hitRate corrections rectified amountRecovered medianDaysToConclusion } } } }`;

describe('model statistics', () => {
  it('counts outcomes and 查实率 per model and per revision', async () => {
    const r = await h.gql(STATS, { id: MODEL });
    expect(r.errors).toBeUndefined();
    const s = r.data?.model.stats;
    expect(s).toMatchObject({
      alerts: 8,
      reviewed: 7,
      concluded: 5,
      confirmed: 2,
      partlyConfirmed: 1,
      dismissed: 1,
      unverifiable: 1,
      hitRate: 3 / 5,
      corrections: 2,
      rectified: 1,
      amountRecovered: 3500,
      medianDaysToConclusion: 10,
    });
    const [r1, r2] = s.byRevision as Loose[];
    expect(r1).toMatchObject({
      revision: 1,
      alerts: 3,
      reviewed: 3,
      concluded: 3,
      confirmed: 2,
      dismissed: 1,
      corrections: 1,
      medianDaysToConclusion: 20,
    });
    expect(r1.hitRate).toBeCloseTo(2 / 3);
    expect(r2).toMatchObject({
      revision: 2,
      alerts: 5,
      reviewed: 4,
      concluded: 2,
      partlyConfirmed: 1,
      unverifiable: 1,
      hitRate: 0.5,
      medianDaysToConclusion: 5,
    });
  });

  it('gives a null 查实率 and median, not 0, for a model with nothing concluded', async () => {
    const r = await h.gql(STATS, { id: 'procurement.kin-wins-tender' });
    expect(r.data?.model.stats).toMatchObject({ concluded: 0, hitRate: null, medianDaysToConclusion: null, alerts: 5 });
  });

  it('moves with a conclusion made through the API', async () => {
    const as = await h.as('zhang', 'handler');
    await h.gql('mutation { assign(id: "s7") { state } }', {}, as);
    await h.gql('mutation { startVerification(id: "s7") { state } }', {}, as);
    const c = await h.gql('mutation { conclude(id: "s7", outcome: CONFIRMED, disposal: TALK) { state concludedRevision } }', {}, as);
    expect(c.data?.conclude).toEqual({ state: 'confirmed', concludedRevision: 2 });
    const s = (await h.gql(STATS, { id: MODEL })).data?.model.stats;
    expect(s).toMatchObject({ concluded: 6, confirmed: 3, hitRate: 4 / 6 });
    expect(s.byRevision[1]).toMatchObject({ revision: 2, concluded: 3, hitRate: 2 / 3 });
  });

  it('answers stats for the whole models list in one go', async () => {
    const r = await h.gql('{ models { id stats { alerts hitRate } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.models.map((m: Loose) => m.id)).toEqual(['procurement.kin-wins-tender', MODEL]);
  });
});
