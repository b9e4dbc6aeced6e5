// Subjects ranked by risk: distinct models and severity first, money second, gone and dismissed alerts
// not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { rankSubjects } from '../../../server/alerts/risk.js';
import { freshGraph } from '../../support/db.js';
import { harnessOn } from '../graphql/harness.js';
import { seed, uid } from '../../support/seed.js';

let db: Executor;

async function alert(
  fp: string,
  modelId: string,
  severity: string,
  amount: number | null,
  subjects: string[],
  extra: Record<string, unknown> = {},
) {
  await db.write(
    `CREATE (a:Alert:Entity {uid: 'Alert:' + $fp, fingerprint: $fp, modelId: $modelId, severity: $severity, amount: $amount, state: 'new', gone: false})
     SET a += $extra
     WITH a UNWIND $subjects AS s MATCH (e:Entity {uid: s}) CREATE (a)-[:FLAGS {role: 'subject'}]->(e)`,
    { fp, modelId, severity, amount, subjects, extra },
  );
}

beforeAll(async () => {
  db = await freshGraph();
  await seed(
    db,
    [
      { label: 'Person', key: 'A', props: { name: '甲' } },
      { label: 'Person', key: 'B', props: { name: '乙' } },
      { label: 'Person', key: 'C', props: { name: '丙' } },
      { label: 'Company', key: 'X', props: { name: '某公司' } },
    ],
    [],
  );
  // A: two distinct models (high + medium), modest money.
  await alert('a1', 'm.one', 'high', 50_000, [uid('Person', 'A')]);
  await alert('a2', 'm.two', 'medium', 20_000, [uid('Person', 'A'), uid('Company', 'X')]);
  // B: the same model three times, large money.
  await alert('b1', 'm.one', 'high', 3_000_000, [uid('Person', 'B')]);
  await alert('b2', 'm.one', 'high', 2_000_000, [uid('Person', 'B')]);
  await alert('b3', 'm.one', 'low', 1_000_000, [uid('Person', 'B')]);
  // C: only alerts that must not count.
  await alert('c1', 'm.one', 'critical', 9_000_000, [uid('Person', 'C')], { gone: true });
  await alert('c2', 'm.two', 'critical', 9_000_000, [uid('Person', 'C')], { state: 'dismissed' });
});
afterAll(async () => {
  await db.close();
});

describe('risk ranking', () => {
  it('puts corroboration by distinct models above repeats of one model', async () => {
    const ranked = await rankSubjects(db, { limit: 10 });
    expect(ranked.map((r) => r.uid)).toEqual(['Person:A', 'Person:B', 'Company:X']);
    const a = ranked[0]!;
    // 3 (high) + 2 (medium) + log10(1 + 70,000/10,000) + 1 extra model
    expect(a.score).toBeCloseTo(3 + 2 + Math.log10(8) + 1, 2);
    expect(a).toMatchObject({ alerts: 2, models: ['m.one', 'm.two'], amount: 70_000, alertIds: ['a1', 'a2'] });
    const b = ranked[1]!;
    expect(b.score).toBeCloseTo(3 + Math.log10(601), 2);
    expect(b.alerts).toBe(3);
  });

  it('leaves out gone and dismissed alerts entirely', async () => {
    const ranked = await rankSubjects(db, { limit: 10 });
    expect(ranked.find((r) => r.uid === 'Person:C')).toBeUndefined();
  });

  it('is served by the API, narrowed by label', async () => {
    const { gql } = harnessOn(db);
    const res = await gql('{ riskRanking(label: "Company") { entity { id caption } score alerts models } }');
    expect(res.errors).toBeUndefined();
    // medium (2) + log10(1 + 20,000/10,000)
    expect(res.data?.riskRanking).toEqual([{ entity: { id: 'Company:X', caption: '某公司' }, score: 2.48, alerts: 1, models: ['m.two'] }]);
    const bad = await gql('{ riskRanking(label: "Nope") { score } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});
