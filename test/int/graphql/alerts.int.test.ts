import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';
import { ALERT_ORDER, UIDS } from './seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.executor.close();
});

const PAGE = `query($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id severity lastSeen } } pageInfo { hasNextPage endCursor } } }`;

describe('alerts', () => {
  it('pages through every alert, most severe and newest first, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await h.gql(PAGE, { first: 2, after });
      expect(r.errors).toBeUndefined();
      const c = r.data?.alerts;
      expect(c.totalCount).toBe(ALERT_ORDER.length);
      seen.push(...c.edges.map((e: Loose) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(ALERT_ORDER);
  });

  it('filters by severity, model, state and subject', async () => {
    const high = await h.gql(PAGE, { filter: { severity: 'HIGH' } });
    expect(high.data?.alerts.totalCount).toBe(3);
    const model = await h.gql(PAGE, { filter: { modelId: 'welfare.dead-recipient' } });
    expect(model.data?.alerts.edges.map((e: Loose) => e.node.id)).toEqual(['fp-m']);
    const state = await h.gql(PAGE, { filter: { state: 'new' } });
    expect(state.data?.alerts.totalCount).toBe(4);
    const subject = await h.gql(PAGE, { filter: { subject: UIDS.official } });
    expect(subject.data?.alerts.edges.map((e: Loose) => e.node.id)).toEqual(['fp-main']);
  });

  it('lists alerts the model no longer finds only when asked', async () => {
    const r = await h.gql(PAGE, { filter: { includeGone: true }, first: 10 });
    expect(r.data?.alerts.totalCount).toBe(ALERT_ORDER.length + 1);
    expect(r.data?.alerts.edges[1].node.id).toBe('fp-gone');
    const one = await h.gql('{ alert(id: "fp-gone") { gone } current: alert(id: "fp-main") { gone } }');
    expect(one.data).toEqual({ alert: { gone: true }, current: { gone: false } });
  });

  it('refuses a cursor it did not make', async () => {
    const r = await h.gql(PAGE, { after: 'bm90IGEgY3Vyc29y' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('returns one alert with its subjects, summary in either language and its evidence graph', async () => {
    const r = await h.gql(`{ alert(id: "fp-main") {
      id modelId modelRevision modelTitle en: modelTitle(lang: "en") severity state amount firstSeen lastSeen
      summary summaryEn: summary(lang: "en")
      subjects { role entity { id caption properties } }
      evidence { nodes { id label } edges { id type source target } } } }`);
    expect(r.errors).toBeUndefined();
    const a = r.data?.alert;
    expect(a).toMatchObject({
      id: 'fp-main',
      severity: 'CRITICAL',
      modelTitle: '亲属企业中标本单位项目',
      summary: '摘要 fp-main',
      summaryEn: 'Summary fp-main',
      amount: 1250000,
    });
    expect(a.subjects.map((s: Loose) => [s.role, s.entity.id]).sort()).toEqual([
      ['company', UIDS.company],
      ['official', UIDS.official],
    ]);
    expect(a.subjects.find((s: Loose) => s.role === 'official').entity.properties.idNo).toBeUndefined();
    expect(a.evidence.edges.map((e: Loose) => e.id).sort()).toEqual(
      [
        `${UIDS.official}|HOLDS_POST|${UIDS.org}`,
        `${UIDS.official}|KIN|${UIDS.son}`,
        `${UIDS.son}|LEGAL_REP_OF|${UIDS.company}`,
        `${UIDS.company}|WON|${UIDS.project}`,
        `${UIDS.org}|TENDERED|${UIDS.project}`,
      ].sort(),
    );
    const nodeIds = new Set(a.evidence.nodes.map((n: Loose) => n.id));
    expect(nodeIds).toEqual(new Set([UIDS.official, UIDS.son, UIDS.org, UIDS.company, UIDS.project]));
    for (const e of a.evidence.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
  });

  it('returns null for an unknown alert', async () => {
    const r = await h.gql('{ alert(id: "nope") { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.alert).toBeNull();
  });

  it('returns the subjects of every alert on a page', async () => {
    const r = await h.gql('{ alerts(first: 5) { edges { node { id subjects { role entity { id degree } } } } } }');
    expect(r.errors).toBeUndefined();
    const byId = Object.fromEntries(r.data?.alerts.edges.map((e: Loose) => [e.node.id, e.node.subjects]));
    expect(byId['fp-h1']).toEqual([{ role: 'subject', entity: { id: UIDS.other, degree: 5 } }]);
  });
});

describe('models and runs', () => {
  it('lists the models with alert counts and their last run', async () => {
    const r = await h.gql(
      '{ models { id severity titleEn alertCount lastRun { id modelRevision durationMs error } parameters { name type default } } }',
    );
    expect(r.errors).toBeUndefined();
    const [kin, dead] = r.data?.models;
    expect(kin).toMatchObject({
      id: 'procurement.kin-wins-tender',
      severity: 'HIGH',
      alertCount: 5,
      lastRun: { id: 'run-2', modelRevision: 2, durationMs: 1200, error: null },
    });
    expect(kin.parameters).toEqual([{ name: 'minAmount', type: 'float', default: 100000 }]);
    expect(dead).toMatchObject({ alertCount: 1, lastRun: null });
  });

  it('returns one model by id, null for an unknown one', async () => {
    expect((await h.gql('{ model(id: "welfare.dead-recipient") { titleZh } }')).data?.model).toEqual({ titleZh: '死亡人员领取补贴' });
    expect((await h.gql('{ model(id: "nope") { id } }')).data?.model).toBeNull();
  });

  it('lists load runs newest first', async () => {
    const r = await h.gql('{ loadRuns(limit: 5) { id source rowsRead rowsLoaded rowsRejected } }');
    expect(r.data?.loadRuns).toEqual([{ id: 'load-1', source: 'hr.roster', rowsRead: 12, rowsLoaded: 11, rowsRejected: 1 }]);
  });
  it('gives a run recorded before column reports a complete status and empty column lists', async () => {
    const r = await h.gql(
      '{ loadRuns(limit: 5) { status stoppedAtRow columnsRead { column header } unreadColumns missingOptional warnings } }',
    );
    expect(r.data?.loadRuns).toEqual([
      { status: 'loaded', stoppedAtRow: null, columnsRead: [], unreadColumns: [], missingOptional: [], warnings: [] },
    ]);
  });
});
