import { describe, expect, it } from 'vitest';
import { createApi } from '../../../web/src/api/queries.js';
import type { AlertDetail, AlertEvent, AlertWorkflow } from '../../../web/src/api/types.js';
import {
  conclusionInput as conclusionWith,
  describeEvent as describeWith,
  emptyDraft,
  mergeWorkflow,
  reopenInput,
  updateRow,
  type Draft,
} from '../../../web/src/panels/triage.js';
import type { Lang } from '../../../web/src/i18n.js';
import { servedWorkflow } from './served.js';

// Outcomes, required reasons and state names are the served workflow's, as in the explorer.
const workflow = await servedWorkflow();
const conclusionInput = (d: Draft) => conclusionWith(d, workflow);
const describeEvent = (e: AlertEvent, lang: Lang) => describeWith(e, lang, workflow);

const draft = (p: Partial<Draft>): Draft => ({ ...emptyDraft('a'), concluding: true, ...p });

describe('triage form', () => {
  it('sends outcome, disposal, reason and amount for a finding', () => {
    expect(conclusionInput(draft({ outcome: 'CONFIRMED', disposal: 'CORRECTION', reason: ' 属实 ', amount: '12,000.5' }))).toEqual({
      ok: true,
      input: { outcome: 'CONFIRMED', disposal: 'CORRECTION', reason: '属实', amountRecovered: 12000.5 },
    });
  });

  it('asks for a reason before dismissing, and drops disposal and amount when nothing was found', () => {
    expect(conclusionInput(draft({ outcome: 'NOT_CONFIRMED' }))).toEqual({ ok: false, key: 'triage.reasonRequired' });
    expect(conclusionInput(draft({ outcome: 'UNVERIFIABLE', reason: '当事人已调离', disposal: 'CASE', amount: '5' }))).toEqual({
      ok: true,
      input: { outcome: 'UNVERIFIABLE', disposal: null, reason: '当事人已调离', amountRecovered: null },
    });
  });
});

describe('conclude form without a choice', () => {
  it('preselects no outcome and will not send until one is chosen', () => {
    expect(emptyDraft('a').outcome).toBe('');
    expect(conclusionInput(draft({ disposal: 'CORRECTION', reason: '属实' }))).toEqual({ ok: false, key: 'triage.outcomeRequired' });
  });
});

describe('reopen form', () => {
  it('will not send without a reason, and sends the reason trimmed', () => {
    expect(reopenInput(draft({ reopening: true, reopenReason: '  ' }))).toEqual({ ok: false, key: 'triage.reopenReasonRequired' });
    // The 办结 reason is another field: it does not count as a reason to reopen.
    expect(reopenInput(draft({ reopening: true, reason: '不属实' }))).toEqual({ ok: false, key: 'triage.reopenReasonRequired' });
    expect(reopenInput(draft({ reopening: true, reopenReason: ' 发现新的投标材料 ' }))).toEqual({
      ok: true,
      input: { reason: '发现新的投标材料' },
    });
  });
});

const wf: AlertWorkflow = {
  id: 'a1',
  state: 'confirmed',
  assignee: '张三',
  outcome: 'CONFIRMED',
  disposal: 'CORRECTION',
  reason: null,
  amountRecovered: 100,
  concludedAt: '2024-06-01T00:00:00Z',
  history: [],
  actions: ['RECTIFY', 'COMMENT'],
};

describe('triage results in the store', () => {
  it('replaces the workflow fields of the open alert and keeps its evidence', () => {
    const a = { id: 'a1', state: 'verifying', evidence: { nodes: [{ id: 'n' }], edges: [] } } as unknown as AlertDetail;
    const m = mergeWorkflow(a, wf);
    expect(m).toMatchObject({ state: 'confirmed', outcome: 'CONFIRMED', actions: ['RECTIFY', 'COMMENT'] });
    expect(m.evidence.nodes).toHaveLength(1);
  });

  it('updates only that alert in the inbox', () => {
    const rows = [
      { id: 'a1', state: 'verifying' },
      { id: 'a2', state: 'new' },
    ] as never;
    expect(updateRow(rows, wf)?.map((r) => [r.id, r.state, r.assignee])).toEqual([
      ['a1', 'confirmed', '张三'],
      ['a2', 'new', undefined],
    ]);
    expect(updateRow(null, wf)).toBeNull();
  });
});

describe('history lines', () => {
  const e: AlertEvent = {
    id: 'e',
    at: '2024-06-01T00:00:00Z',
    actor: '张三',
    role: 'handler',
    action: 'CONCLUDE',
    fromState: 'verifying',
    toState: 'confirmed',
    assignee: null,
    outcome: 'CONFIRMED',
    disposal: 'CORRECTION',
    reason: null,
    comment: null,
    amountRecovered: null,
  };
  it('say what changed in Chinese first, and in English', () => {
    expect(describeEvent(e, 'zh')).toBe('办结，核查中 → 已查实，属实，纠错整改');
    expect(describeEvent(e, 'en')).toBe('Concluded, verifying → confirmed, Confirmed, Correction');
    expect(describeEvent({ ...e, action: 'COMMENT', toState: 'verifying', outcome: null, disposal: null }, 'zh')).toBe('备注');
  });

  it('say a reopening moved the alert back to verifying', () => {
    const reopen: AlertEvent = {
      ...e,
      action: 'REOPEN',
      fromState: 'dismissed',
      toState: 'verifying',
      outcome: null,
      disposal: null,
      reason: '发现新的投标材料',
    };
    expect(describeEvent(reopen, 'zh')).toBe('重新核查，已排除 → 核查中');
    expect(describeEvent(reopen, 'en')).toBe('Reopened, dismissed → verifying');
  });
});

describe('triage mutations', () => {
  it('send each triage action as its own named mutation', async () => {
    const sent: { operationName: string; variables: Record<string, unknown> }[] = [];
    const api = createApi(async (_url, init) => {
      sent.push(JSON.parse(String(init.body)) as never);
      return Response.json({ data: { conclude: wf } });
    });
    const r = await api.triage('CONCLUDE', 'a1', { expectedState: 'verifying', outcome: 'CONFIRMED', disposal: 'CORRECTION' });
    expect(r.state).toBe('confirmed');
    expect(sent[0]).toMatchObject({
      operationName: 'ExplorerConclude',
      variables: { id: 'a1', expectedState: 'verifying', outcome: 'CONFIRMED' },
    });
  });

  it('send reopen with the state shown and the reason', async () => {
    const sent: { operationName: string; query: string; variables: Record<string, unknown> }[] = [];
    const api = createApi(async (_url, init) => {
      sent.push(JSON.parse(String(init.body)) as never);
      return Response.json({ data: { reopen: { ...wf, state: 'verifying', outcome: null } } });
    });
    const r = await api.triage('REOPEN', 'a1', { expectedState: 'dismissed', reason: '发现新的投标材料' });
    expect(r.state).toBe('verifying');
    expect(sent[0]).toMatchObject({
      operationName: 'ExplorerReopen',
      variables: { id: 'a1', expectedState: 'dismissed', reason: '发现新的投标材料' },
    });
    expect(sent[0]!.query).toContain('reopen(id: $id, expectedState: $expectedState, reason: $reason)');
  });
});
