// Triage over GraphQL on a real Neo4j: the transitions with their history, the coded refusals (illegal
// move, viewer, stale or simultaneous conclusion) and the inbox filters the workflow adds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.executor.close();
});

const FIELDS = 'id state assignee outcome disposal reason amountRecovered concludedAt actions';
const HISTORY = `query($id: ID!) { alert(id: $id) { ${FIELDS}
  history { at actor role action fromState toState assignee outcome disposal reason comment amountRecovered }
  comments { actor comment } } }`;

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

describe('alert workflow over GraphQL', () => {
  it('takes an alert from new to rectified and keeps every change with who and when', async () => {
    const assign = await h.gql(`mutation { assign(id: "fp-main") { ${FIELDS} } }`, {}, await h.as('张三'));
    expect(assign.errors).toBeUndefined();
    expect(assign.data?.assign).toMatchObject({
      state: 'assigned',
      assignee: '张三',
      actions: ['ASSIGN', 'START_VERIFICATION', 'COMMENT'],
    });

    const start = await h.gql(`mutation { startVerification(id: "fp-main", expectedState: assigned) { state } }`, {}, await h.as('张三'));
    expect(start.data?.startVerification.state).toBe('verifying');

    const note = await h.gql(
      'mutation($id: ID!, $t: String!) { comment(id: $id, text: $t) { state } }',
      { id: 'fp-main', t: '已调取合同' },
      await h.as('李四'),
    );
    expect(note.data?.comment.state).toBe('verifying');

    const conclude = await h.gql(
      `mutation { conclude(id: "fp-main", outcome: CONFIRMED, disposal: CORRECTION, reason: "亲属企业中标属实", amountRecovered: 80000) { ${FIELDS} } }`,
      {},
      await h.as('张三'),
    );
    expect(conclude.errors).toBeUndefined();
    expect(conclude.data?.conclude).toMatchObject({
      state: 'confirmed',
      outcome: 'CONFIRMED',
      disposal: 'CORRECTION',
      amountRecovered: 80000,
      reason: '亲属企业中标属实',
    });

    const rectify = await h.gql('mutation { rectify(id: "fp-main", comment: "已退回") { state } }', {}, await h.as('张三'));
    expect(rectify.data?.rectify.state).toBe('rectified');

    const r = await h.gql(HISTORY, { id: 'fp-main' });
    const a = r.data?.alert;
    expect(a.history.map((e: Loose) => [e.action, e.fromState, e.toState, e.actor, e.role])).toEqual([
      ['ASSIGN', 'new', 'assigned', '张三', 'handler'],
      ['START_VERIFICATION', 'assigned', 'verifying', '张三', 'handler'],
      ['COMMENT', 'verifying', 'verifying', '李四', 'handler'],
      ['CONCLUDE', 'verifying', 'confirmed', '张三', 'handler'],
      ['RECTIFY', 'confirmed', 'rectified', '张三', 'handler'],
    ]);
    expect(a.history[0].assignee).toBe('张三');
    expect(a.history[3]).toMatchObject({ outcome: 'CONFIRMED', disposal: 'CORRECTION', amountRecovered: 80000 });
    for (const e of a.history) expect(Date.parse(e.at)).not.toBeNaN();
    expect(a.comments).toEqual([
      { actor: '李四', comment: '已调取合同' },
      { actor: '张三', comment: '已退回' },
    ]);
    // handler: only a comment is left; the conclusion stays on the alert.
    expect(a).toMatchObject({ state: 'rectified', outcome: 'CONFIRMED', actions: ['COMMENT'] });
  });

  it('records the signed-in user as the actor, and assigns to a named person', async () => {
    await h.as('王五'); // a handler who can sign in, so one to assign to
    const r = await h.gql('mutation { assign(id: "fp-h0", assignee: "王五") { assignee history { actor } } }');
    expect(r.data?.assign).toEqual({ assignee: '王五', history: [{ actor: 'tester' }] });
  });

  it('assigns only to a user who may take alerts: not to a free-text name, nor to a viewer', async () => {
    await h.as('只读', 'viewer');
    for (const who of ['纪委书记', '只读']) {
      const r = await h.gql(`mutation { assign(id: "fp-h1", assignee: "${who}") { state } }`);
      expect(code(r), who).toBe('BAD_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/not a user who can take alerts/);
    }
    const read = await h.gql('{ alert(id: "fp-h1") { state assignee } }');
    expect(read.data?.alert).toEqual({ state: 'new', assignee: null });
  });

  it('refuses an illegal transition with BAD_INPUT and changes nothing', async () => {
    const r = await h.gql('mutation { conclude(id: "fp-h1", outcome: CONFIRMED) { state } }', {}, await h.as('张三'));
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/new/);
    const after = await h.gql(HISTORY, { id: 'fp-h1' });
    expect(after.data?.alert).toMatchObject({ state: 'new', history: [] });
  });

  it('refuses a dismissal without a reason with BAD_INPUT', async () => {
    await h.gql('mutation { assign(id: "fp-h2") { state } }', {}, await h.as('张三'));
    await h.gql('mutation { startVerification(id: "fp-h2") { state } }', {}, await h.as('张三'));
    const r = await h.gql('mutation { conclude(id: "fp-h2", outcome: NOT_CONFIRMED) { state } }', {}, await h.as('张三'));
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/reason/);
  });

  it('refuses every mutation for a viewer with FORBIDDEN, and offers a viewer no actions', async () => {
    const viewer = await h.as('访客', 'viewer');
    for (const m of [
      'assign(id: "fp-h1")',
      'startVerification(id: "fp-h1")',
      'conclude(id: "fp-h1", outcome: CONFIRMED)',
      'rectify(id: "fp-h1")',
      'comment(id: "fp-h1", text: "x")',
      'reopen(id: "fp-h1", reason: "x")',
    ]) {
      const r = await h.gql(`mutation { ${m} { state } }`, {}, viewer);
      expect(code(r), m).toBe('FORBIDDEN');
    }
    const read = await h.gql('{ alert(id: "fp-h1") { state actions history { id } } }', {}, viewer);
    expect(read.data?.alert).toEqual({ state: 'new', actions: [], history: [] });
  });

  it('refuses an unknown alert with NOT_FOUND', async () => {
    const r = await h.gql('mutation { assign(id: "no-such-alert") { state } }', {}, await h.as('张三'));
    expect(code(r)).toBe('NOT_FOUND');
  });

  it('gives CONFLICT to a handler who concludes an alert another handler concluded after they looked', async () => {
    await h.gql('mutation { startVerification(id: "fp-h0") { state } }', {}, await h.as('王五'));
    const seen = (await h.gql('{ alert(id: "fp-h0") { state } }')).data?.alert.state;
    expect(seen).toBe('verifying');
    const first = await h.gql(
      `mutation($s: AlertState) { conclude(id: "fp-h0", outcome: PARTLY_CONFIRMED, reason: "部分属实", expectedState: $s) { state } }`,
      { s: seen },
      await h.as('王五'),
    );
    expect(first.data?.conclude.state).toBe('partly_confirmed');
    const second = await h.gql(
      `mutation($s: AlertState) { conclude(id: "fp-h0", outcome: NOT_CONFIRMED, reason: "不属实", expectedState: $s) { state } }`,
      { s: seen },
      await h.as('赵六'),
    );
    expect(code(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toMatch(/王五/);
  });

  it('lets only one of two simultaneous conclusions through; the other is refused with a code', async () => {
    // fp-h2 is verifying (from the dismissal test above).
    const [a, b] = await Promise.all([
      h.gql('mutation { conclude(id: "fp-h2", outcome: CONFIRMED, reason: "甲") { state } }', {}, await h.as('甲')),
      h.gql('mutation { conclude(id: "fp-h2", outcome: NOT_CONFIRMED, reason: "乙") { state } }', {}, await h.as('乙')),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    const loser = results.find((r) => r.errors !== undefined)!;
    expect(['CONFLICT', 'BAD_INPUT']).toContain(code(loser));
    const hist = await h.gql(HISTORY, { id: 'fp-h2' });
    expect(hist.data?.alert.history.filter((e: Loose) => e.action === 'CONCLUDE')).toHaveLength(1);
  });

  it('lets an admin reopen a conclusion, keeping the old one in the history', async () => {
    const handler = await h.gql('mutation { reopen(id: "fp-h0", reason: "新线索") { state } }', {}, await h.as('张三'));
    expect(code(handler)).toBe('FORBIDDEN');
    const r = await h.gql(
      'mutation { reopen(id: "fp-h0", reason: "新线索") { state outcome concludedAt history { action outcome } } }',
      {},
      await h.as('主任', 'admin'),
    );
    expect(r.data?.reopen).toMatchObject({ state: 'verifying', outcome: null, concludedAt: null });
    expect(r.data?.reopen.history.map((e: Loose) => [e.action, e.outcome])).toContainEqual(['CONCLUDE', 'PARTLY_CONFIRMED']);
  });

  it('filters the inbox by assignee, the caller, states and first-seen dates', async () => {
    const q = 'query($f: AlertFilter) { alerts(filter: $f, first: 50) { totalCount edges { node { id } } } }';
    const ids = async (f: Record<string, unknown>, headers?: Record<string, string>) => {
      const r = await h.gql(q, { f }, headers);
      expect(r.errors).toBeUndefined();
      return r.data?.alerts.edges.map((e: Loose) => e.node.id).sort();
    };
    expect(await ids({ assignee: '张三' })).toEqual(['fp-h2', 'fp-main']);
    expect(await ids({ assignedToMe: true }, await h.as('王五'))).toEqual(['fp-h0']);
    expect(await ids({ assignedToMe: true }, await h.as('tester'))).toEqual([]);
    expect(await ids({ states: ['new', 'assigned'] })).toEqual(['fp-h1']);
    expect(await ids({ firstSeenFrom: '2024-01-01', firstSeenTo: '2024-01-01' })).toHaveLength(5);
    expect(await ids({ firstSeenFrom: '2024-01-02' })).toEqual([]);
    expect(await ids({ firstSeenTo: '2023-12-31' })).toEqual([]);
    const bad = await h.gql(q, { f: { firstSeenFrom: 'yesterday' } });
    expect(code(bad)).toBe('BAD_INPUT');
  });
});
