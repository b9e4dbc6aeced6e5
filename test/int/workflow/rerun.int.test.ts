// The workflow against the real model runner: a conclusion and its history survive a re-run of the model
// (alert-store MERGEs by fingerprint and sets the state only on create), an alert the model no longer
// finds can still be concluded, and the state guard turns a lost race into CONFLICT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { neoDate } from '../../../platform/db/values.js';
import { loadLibrary, type Model } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { WorkflowError } from '../../../server/alerts/workflow/errors.js';
import { transition } from '../../../server/alerts/workflow/machine.js';
import { act } from '../../../server/alerts/workflow/service.js';
import { readAlert, readHistory, writeTransition } from '../../../server/alerts/workflow/store.js';
import { freshGraph } from '../../support/db.js';
import { seed, uid } from '../../support/seed.js';

const handler = { user: '张三', role: 'handler' as const };
let db: Executor;
let model: Model;

/** Two planted M03 cases: an official's spouse and an official's sibling at the winning bidder. */
async function plant() {
  const d = neoDate;
  await seed(
    db,
    [
      { label: 'Org', key: 'ZJJ', props: { name: '县住建局' } },
      { label: 'Person', key: 'P1', props: { name: '王志强' } },
      { label: 'Person', key: 'K1', props: { name: '李秀英' } },
      { label: 'Company', key: 'C1', props: { name: '宏达建筑有限公司' } },
      { label: 'Project', key: 'X1', props: { name: '城南道路改造' } },
      { label: 'Person', key: 'P2', props: { name: '陈建国' } },
      { label: 'Person', key: 'K2', props: { name: '陈建军' } },
      { label: 'Company', key: 'C2', props: { name: '建军土石方有限公司' } },
      { label: 'Project', key: 'X2', props: { name: '河道清淤' } },
    ],
    [
      {
        from: uid('Person', 'P1'),
        type: 'HOLDS_POST',
        to: uid('Org', 'ZJJ'),
        props: { title: '副局长', isLeader: true, from: d('2018-01-01') },
      },
      {
        from: uid('Person', 'P1'),
        type: 'KIN',
        to: uid('Person', 'K1'),
        props: { relation: 'spouse', category: '夫妻', source: '婚姻登记' },
      },
      { from: uid('Person', 'K1'), type: 'LEGAL_REP_OF', to: uid('Company', 'C1') },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X1') },
      { from: uid('Company', 'C1'), type: 'WON', to: uid('Project', 'X1'), props: { amount: 3_860_000, date: d('2022-05-10') } },
      { from: uid('Person', 'P2'), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '科长', from: d('2015-03-01') } },
      {
        from: uid('Person', 'P2'),
        type: 'KIN',
        to: uid('Person', 'K2'),
        props: { relation: 'sibling', category: '旁系血亲', source: '户籍' },
      },
      { from: uid('Person', 'K2'), type: 'SHAREHOLDER_OF', to: uid('Company', 'C2'), props: { ratio: 0.6 } },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X2') },
      { from: uid('Company', 'C2'), type: 'WON', to: uid('Project', 'X2'), props: { amount: 420_000, date: d('2023-08-01') } },
    ],
  );
}

/** The fingerprint of the alert flagging this official. */
async function alertOf(official: string): Promise<string> {
  const { rows } = await db.read<{ fp: string }>(
    "MATCH (a:Alert)-[:FLAGS {role: 'official'}]->(:Person {uid: $p}) RETURN a.fingerprint AS fp",
    { p: uid('Person', official) },
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.fp;
}

async function toVerifying(fp: string) {
  await act(db, fp, 'assign', { assignee: '张三' }, handler);
  await act(db, fp, 'startVerification', {}, handler);
}

beforeAll(async () => {
  db = await freshGraph();
  model = loadLibrary().get('procurement.kin-of-official-at-winning-bidder')!;
  await plant();
  const first = await runModel(db, model);
  expect(first.error).toBeNull();
  expect(first.alertsNew).toBe(2);
});
afterAll(async () => {
  await db?.close();
});

describe('workflow and model re-runs', () => {
  it('keeps the state, the conclusion and the history when the model runs again', async () => {
    const fp = await alertOf('P1');
    await toVerifying(fp);
    await act(db, fp, 'conclude', { outcome: 'confirmed', disposal: 'correction', amountRecovered: 50_000, reason: '属实' }, handler);

    const again = await runModel(db, model);
    expect(again.error).toBeNull();
    expect(again.alertsKept).toBe(2);

    const a = await readAlert(db, `Alert:${fp}`);
    expect(a).toMatchObject({
      state: 'confirmed',
      outcome: 'confirmed',
      disposal: 'correction',
      amountRecovered: 50_000,
      assignee: '张三',
      gone: false,
      concludedRevision: model.revision,
    });
    const history = (await readHistory(db, [`Alert:${fp}`])).get(`Alert:${fp}`)!;
    expect(history.map((e) => [e.seq, e.action, e.fromState, e.toState, e.actor])).toEqual([
      [1, 'assign', 'new', 'assigned', '张三'],
      [2, 'startVerification', 'assigned', 'verifying', '张三'],
      [3, 'conclude', 'verifying', 'confirmed', '张三'],
    ]);
    // AlertEvent is bookkeeping, not an Entity the explorer or the entity API would show.
    const { rows } = await db.read<{ n: number }>('MATCH (e:AlertEvent:Entity) RETURN count(e) AS n');
    expect(rows[0]!.n).toBe(0);
  });

  it('lets a handler conclude an alert the model no longer finds', async () => {
    const fp = await alertOf('P2');
    await toVerifying(fp);
    // The shareholding is corrected in the registry: the next run does not find the case any more.
    await db.write('MATCH (:Person {uid: $k})-[r:SHAREHOLDER_OF]->() DELETE r', { k: uid('Person', 'K2') });
    const run = await runModel(db, model);
    expect(run.alertsGone).toBe(1);
    expect(await readAlert(db, `Alert:${fp}`)).toMatchObject({ gone: true, state: 'verifying' });

    const a = await act(db, fp, 'conclude', { outcome: 'partly_confirmed', disposal: 'talk', reason: '已退股' }, handler);
    expect(a).toMatchObject({ state: 'partly_confirmed', gone: true });
  });

  it('refuses a write whose expected state is stale with nothing written (the loser of a race)', async () => {
    const fp = await alertOf('P2');
    const uidA = `Alert:${fp}`;
    const before = (await readHistory(db, [uidA])).get(uidA)!.length;
    // A handler who read the alert while it was still verifying now writes a conclusion.
    const stale = transition(
      { state: 'verifying', assignee: '张三', modelRevision: 1 },
      'conclude',
      { outcome: 'not_confirmed', reason: '不属实' },
      handler,
      new Date(),
    );
    if (!stale.ok) throw stale.error;
    const written = await writeTransition(db, uidA, { state: 'verifying', assignee: '张三' }, stale, { guard: true });
    expect(written).toBeNull();
    expect(await readAlert(db, uidA)).toMatchObject({ state: 'partly_confirmed', outcome: 'partly_confirmed' });
    expect((await readHistory(db, [uidA])).get(uidA)!.length).toBe(before);
  });

  it('lets exactly one of several simultaneous conclusions win', async () => {
    const fp = await alertOf('P1');
    await act(db, fp, 'reopen', { reason: '复查' }, { user: 'root', role: 'admin' });
    const outcomes = ['confirmed', 'not_confirmed', 'partly_confirmed', 'unverifiable'] as const;
    const results = await Promise.allSettled(
      outcomes.map((outcome, i) => act(db, fp, 'conclude', { outcome, reason: `结论${i}` }, { user: `handler${i}`, role: 'handler' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    // The losers either lost the write (CONFLICT) or read the alert after the winner (no longer verifying).
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(WorkflowError);
      expect(['CONFLICT', 'BAD_INPUT']).toContain((l.reason as WorkflowError).code);
    }
    const history = (await readHistory(db, [`Alert:${fp}`])).get(`Alert:${fp}`)!;
    expect(history.filter((e) => e.action === 'conclude')).toHaveLength(2); // the first one, before the reopen, and the winner
  });
});
