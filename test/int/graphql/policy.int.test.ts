// setModelPolicy, the runs through the API that use it, and the 豁免名单 with its expiry: real Neo4j,
// the real library and runner, the audit trail on disk.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { loadLibrary } from '../../../server/models/library.js';
import { freshGraph } from '../../support/db.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { M03, SMALL_WINNER, seedTwoAwards } from '../models/policy-seed.js';
import { codeOf, siteApp, type SiteApp } from './site-app.js';

const VAR = path.join(ROOT, 'var', 'test-policy-api');
const SITE = path.join(VAR, 'site');
let db: Executor;
let s: SiteApp;

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  await seedTwoAwards(db);
  rmSync(VAR, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  s = siteApp(db, loadLibrary(), SITE, VAR);
});
afterAll(async () => {
  await db?.close();
});

const SET = `mutation ($p: JSON!, $why: String!) { setModelPolicy(model: "${M03}", params: $p, reason: $why) { modelId params parameters { name value tuned default } } }`;
const PREVIEW = `mutation ($p: JSON) { previewModel(id: "${M03}", params: $p) { fingerprint subjects { id } } }`;
const RUN = `mutation { runModel(id: "${M03}") { alertsNew alertsKept alertsGone error } }`;
/** Every record of the audit trail so far, as text (one JSON line each). */
const trailText = (dir = path.join(VAR, 'audit')) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('');

describe('site policy through the API', () => {
  it('lets an admin tune a threshold: the file is written, later runs use it, explicit params still override', async () => {
    expect((await s.gql(PREVIEW)).data?.previewModel).toHaveLength(2);
    const set = await s.gql(SET, { p: { minAmount: 1_000_000 }, why: '本县口径：百万元以上' });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setModelPolicy.params).toEqual({ minAmount: 1_000_000 });
    expect(set.data?.setModelPolicy.parameters.find((p: { name: string }) => p.name === 'minAmount')).toEqual({
      name: 'minAmount',
      value: 1_000_000,
      tuned: true,
      default: 0,
    });
    expect(readFileSync(path.join(SITE, 'policy.yaml'), 'utf8')).toContain('minAmount: 1000000');
    expect((await s.gql(PREVIEW)).data?.previewModel).toHaveLength(1);
    expect((await s.gql(PREVIEW, { p: { minAmount: 0 } })).data?.previewModel).toHaveLength(2);
    expect((await s.gql(RUN)).data?.runModel).toEqual({ alertsNew: 1, alertsKept: 0, alertsGone: 0, error: null });
  });

  it('records who changed the policy, why, and the values before and after', async () => {
    await s.gql(SET, { p: { minAmount: 1_000_000, leadersOnly: true }, why: '只看领导成员' });
    const line = trailText()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { actor: string; writes: { action: string }[]; detail: string | null })
      .filter((r) => r.writes.some((w) => w.action === 'model.policy'))
      .at(-1)!;
    expect(line.actor).toBe('admin-user');
    expect(line.detail).toContain('before {"minAmount":1000000} after {"minAmount":1000000,"leadersOnly":true}; why: 只看领导成员');
    const policy = await s.gql('{ sitePolicy { dailyAt file models { modelId params } } }', {}, 'analyst');
    expect(policy.data?.sitePolicy.dailyAt).toBe('02:00');
    expect(policy.data?.sitePolicy.models.find((m: { modelId: string }) => m.modelId === M03).params).toEqual({
      minAmount: 1_000_000,
      leadersOnly: true,
    });
  });

  it('refuses a change to an analyst, an unknown parameter and a wrongly typed value', async () => {
    expect(codeOf(await s.gql(SET, { p: { minAmount: 5 }, why: 'try' }, 'analyst'))).toBe('FORBIDDEN');
    const unknown = await s.gql(SET, { p: { threshold: 5 }, why: 'try' });
    expect(codeOf(unknown)).toBe('BAD_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/has no parameter threshold/);
    expect(codeOf(await s.gql(SET, { p: { minAmount: 'lots' }, why: 'try' }))).toBe('BAD_INPUT');
    expect(readFileSync(path.join(SITE, 'policy.yaml'), 'utf8')).not.toContain('lots');
    await s.gql(SET, { p: {}, why: '恢复默认' });
  });
});

const ADD = `mutation ($i: ExemptionInput!) { addExemption(input: $i) { id subject model valid expires createdBy } }`;

describe('豁免名单 exemptions', () => {
  it('drops the exempted subject from the model while valid, and raises it again after expiry', { timeout: 90_000 }, async () => {
    const before = await s.gql(RUN);
    expect(before.data?.runModel.error).toBeNull();
    const open = async () =>
      (
        await db.read<{ n: number }>(
          `MATCH (a:Alert {modelId: $m})-[:FLAGS]->(:Company {uid: $c}) WHERE NOT coalesce(a.gone, false) RETURN count(a) AS n`,
          { m: M03, c: SMALL_WINNER },
        )
      ).rows[0]!.n;
    expect(await open()).toBe(1);
    const expires = new Date(Date.now() + 20_000).toISOString();
    const added = await s.gql(ADD, { i: { subject: SMALL_WINNER, model: M03, reason: '小额维修，经核实无利益关系', expires } }, 'analyst');
    expect(added.errors).toBeUndefined();
    expect(added.data?.addExemption).toMatchObject({ subject: SMALL_WINNER, valid: true, createdBy: 'analyst-user' });
    expect((await s.gql(PREVIEW)).data?.previewModel).toHaveLength(1);
    expect((await s.gql(RUN)).data?.runModel).toMatchObject({ alertsNew: 0, alertsKept: 1, alertsGone: 1 });
    expect(await open()).toBe(0);
    const listed = await s.gql('{ exemptions { id subject valid } }', {}, 'analyst');
    expect(listed.data?.exemptions).toEqual([{ id: added.data?.addExemption.id, subject: SMALL_WINNER, valid: true }]);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(expires) - Date.now() + 200)));
    expect((await s.gql('{ exemptions { id } }', {}, 'analyst')).data?.exemptions).toEqual([]);
    expect((await s.gql(RUN)).data?.runModel).toMatchObject({ alertsNew: 0, alertsKept: 2, alertsGone: 0 });
    expect(await open()).toBe(1);
    expect(trailText()).toContain('exemption.add');
  });

  it('refuses a handler, a past expiry, an unknown subject, and lifts an exemption with a reason', async () => {
    const input = { subject: SMALL_WINNER, model: M03, reason: '误报', expires: '2099-01-01' };
    expect(codeOf(await s.gql(ADD, { i: input }, 'handler'))).toBe('FORBIDDEN');
    expect((await s.gql(ADD, { i: input }, 'analyst')).errors?.[0]?.message).toMatch(/more than 366 days/);
    expect(codeOf(await s.gql(ADD, { i: { ...input, expires: '2020-01-01' } }, 'analyst'))).toBe('BAD_INPUT');
    expect(codeOf(await s.gql(ADD, { i: { ...input, subject: 'Company:NOPE', expires: tomorrow() } }, 'analyst'))).toBe('NOT_FOUND');
    const ok = await s.gql(ADD, { i: { ...input, expires: tomorrow() } }, 'analyst');
    expect(ok.errors).toBeUndefined();
    const lifted = await s.gql(
      'mutation ($id: ID!) { removeExemption(id: $id, reason: "核查后恢复") { id } }',
      { id: ok.data?.addExemption.id },
      'admin',
    );
    expect(lifted.errors).toBeUndefined();
    // The lifted one is gone; the one that expired in the test before is still on record, no longer valid.
    const all = (await s.gql('{ exemptions(includeExpired: true) { id valid } }', {}, 'analyst')).data?.exemptions;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ valid: false });
    expect(all[0].id).not.toBe(ok.data?.addExemption.id);
  });
});

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA');
}
