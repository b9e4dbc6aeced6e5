// M03 on a hand-made county: three planted cases and the near misses the catalog warns about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { neoDate } from '../../../platform/db/values.js';
import { loadLibrary, type Model } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { freshGraph } from '../../support/db.js';
import { seed, uid } from '../../support/seed.js';

const d = neoDate;
let db: Executor;
let model: Model;

beforeAll(async () => {
  db = await freshGraph();
  model = loadLibrary().get('procurement.kin-of-official-at-winning-bidder')!;
  await seed(
    db,
    [
      { label: 'Org', key: 'ZJJ', props: { name: '县住建局' } },
      { label: 'Org', key: 'SLJ', props: { name: '县水利局' } },
      // planted: spouse is legal rep of the winner of the official's own unit's tender
      { label: 'Person', key: 'P1', props: { name: '王志强' } },
      { label: 'Person', key: 'K1', props: { name: '李秀英' } },
      { label: 'Company', key: 'C1', props: { name: '宏达建筑有限公司' } },
      { label: 'Project', key: 'X1', props: { name: '城南道路改造' } },
      // planted: sibling is a shareholder
      { label: 'Person', key: 'P2', props: { name: '陈建国' } },
      { label: 'Person', key: 'K2', props: { name: '陈建军' } },
      { label: 'Company', key: 'C2', props: { name: '建军土石方有限公司' } },
      { label: 'Project', key: 'X2', props: { name: '河道清淤' } },
      // near miss: the kin's company won a tender of a different unit
      { label: 'Person', key: 'P3', props: { name: '赵敏' } },
      { label: 'Person', key: 'K3', props: { name: '赵刚' } },
      { label: 'Company', key: 'C3', props: { name: '刚强劳务有限公司' } },
      { label: 'Project', key: 'X3', props: { name: '水库加固' } },
      // near miss: the award came after the official left the post
      { label: 'Person', key: 'P4', props: { name: '孙丽' } },
      { label: 'Person', key: 'K4', props: { name: '孙伟' } },
      { label: 'Company', key: 'C4', props: { name: '伟业市政有限公司' } },
      { label: 'Project', key: 'X4', props: { name: '路灯维护' } },
      // near miss: same surname, same company, but no KIN edge
      { label: 'Person', key: 'P5', props: { name: '周平' } },
      { label: 'Person', key: 'K5', props: { name: '周安' } },
      { label: 'Company', key: 'C5', props: { name: '安平绿化有限公司' } },
      { label: 'Project', key: 'X5', props: { name: '公园绿化' } },
      // near miss: the spouse was divorced before the award
      { label: 'Person', key: 'P6', props: { name: '吴军' } },
      { label: 'Person', key: 'K6', props: { name: '郑芳' } },
      { label: 'Company', key: 'C6', props: { name: '芳华装饰有限公司' } },
      { label: 'Project', key: 'X6', props: { name: '办公楼装修' } },
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

      {
        from: uid('Person', 'P2'),
        type: 'HOLDS_POST',
        to: uid('Org', 'SLJ'),
        props: { title: '科长', from: d('2015-03-01'), to: d('2024-12-31') },
      },
      {
        from: uid('Person', 'P2'),
        type: 'KIN',
        to: uid('Person', 'K2'),
        props: { relation: 'sibling', category: '旁系血亲', source: '户籍' },
      },
      { from: uid('Person', 'K2'), type: 'SHAREHOLDER_OF', to: uid('Company', 'C2'), props: { ratio: 0.6 } },
      { from: uid('Org', 'SLJ'), type: 'TENDERED', to: uid('Project', 'X2') },
      { from: uid('Company', 'C2'), type: 'WON', to: uid('Project', 'X2'), props: { amount: 420_000, date: d('2023-08-01') } },

      { from: uid('Person', 'P3'), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '科员', from: d('2019-01-01') } },
      { from: uid('Person', 'P3'), type: 'KIN', to: uid('Person', 'K3'), props: { relation: 'sibling', source: '户籍' } },
      { from: uid('Person', 'K3'), type: 'LEGAL_REP_OF', to: uid('Company', 'C3') },
      { from: uid('Org', 'SLJ'), type: 'TENDERED', to: uid('Project', 'X3') },
      { from: uid('Company', 'C3'), type: 'WON', to: uid('Project', 'X3'), props: { amount: 900_000, date: d('2021-06-01') } },

      {
        from: uid('Person', 'P4'),
        type: 'HOLDS_POST',
        to: uid('Org', 'ZJJ'),
        props: { title: '股长', from: d('2010-01-01'), to: d('2019-12-31') },
      },
      { from: uid('Person', 'P4'), type: 'KIN', to: uid('Person', 'K4'), props: { relation: 'child', source: '户籍' } },
      { from: uid('Person', 'K4'), type: 'EXECUTIVE_OF', to: uid('Company', 'C4'), props: { role: '总经理' } },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X4') },
      { from: uid('Company', 'C4'), type: 'WON', to: uid('Project', 'X4'), props: { amount: 150_000, date: d('2021-03-15') } },

      { from: uid('Person', 'P5'), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '科员', from: d('2012-01-01') } },
      { from: uid('Person', 'K5'), type: 'LEGAL_REP_OF', to: uid('Company', 'C5') },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X5') },
      { from: uid('Company', 'C5'), type: 'WON', to: uid('Project', 'X5'), props: { amount: 80_000, date: d('2020-04-01') } },

      { from: uid('Person', 'P6'), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '科长', from: d('2016-01-01') } },
      {
        from: uid('Person', 'P6'),
        type: 'KIN',
        to: uid('Person', 'K6'),
        props: { relation: 'spouse', source: '婚姻登记', from: d('2008-05-01'), to: d('2019-09-01') },
      },
      { from: uid('Person', 'K6'), type: 'LEGAL_REP_OF', to: uid('Company', 'C6') },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X6') },
      { from: uid('Company', 'C6'), type: 'WON', to: uid('Project', 'X6'), props: { amount: 260_000, date: d('2022-02-01') } },
    ],
  );
});
afterAll(async () => {
  await db.close();
});

const flagged = async () =>
  (
    await db.read<{ official: string; gone: boolean }>(
      "MATCH (a:Alert {modelId: $id})-[:FLAGS {role: 'official'}]->(p) RETURN p.uid AS official, a.gone AS gone ORDER BY official",
      { id: model.id },
    )
  ).rows;

describe('M03 kin of an official at a winning bidder', () => {
  it('raises one alert per planted case and none for the near misses', async () => {
    const run = await runModel(db, model);
    expect(run.error).toBeNull();
    expect(run.alertsNew).toBe(2);
    expect(await flagged()).toEqual([
      { official: 'Person:P1', gone: false },
      { official: 'Person:P2', gone: false },
    ]);
  });

  it('writes a summary a case handler can read, and the amount', async () => {
    const { rows } = await db.read<{ zh: string; en: string; amount: number }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'official'}]->(:Person {uid: 'Person:P1'}) RETURN a.summaryZh AS zh, a.summaryEn AS en, a.amount AS amount",
    );
    expect(rows[0]?.zh).toBe(
      '王志强（县住建局副局长）的配偶李秀英是宏达建筑有限公司的法定代表人，该企业于2022-05-10中标县住建局项目“城南道路改造”，金额3,860,000元',
    );
    expect(rows[0]?.en).toContain('spouse of 王志强');
    expect(rows[0]?.amount).toBe(3_860_000);
  });

  it('keeps the paths that make the case as evidence, each edge found again in the graph', async () => {
    const { rows } = await db.read<{ nodes: string[]; edges: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'official'}]->(:Person {uid: 'Person:P1'}) RETURN a.evidenceNodes AS nodes, a.evidenceEdges AS edges",
    );
    const ev = rows[0]!;
    expect(ev.nodes).toEqual(['Company:C1', 'Org:ZJJ', 'Person:K1', 'Person:P1', 'Project:X1']);
    expect(ev.edges).toEqual(
      expect.arrayContaining([
        'Person:P1|HOLDS_POST|Org:ZJJ',
        'Person:P1|KIN|Person:K1',
        'Person:K1|LEGAL_REP_OF|Company:C1',
        'Company:C1|WON|Project:X1',
        'Org:ZJJ|TENDERED|Project:X1',
      ]),
    );
    for (const key of ev.edges) {
      const [s, type, e] = key.split('|');
      const found = await db.read<{ n: number }>(
        'MATCH (a:Entity {uid: $s})-[r]->(b:Entity {uid: $e}) WHERE type(r) = $type RETURN count(r) AS n',
        { s, e, type },
      );
      expect(found.rows[0]?.n, key).toBeGreaterThan(0);
    }
  });

  it('does not raise an alert twice when run again', async () => {
    const again = await runModel(db, model);
    expect(again).toMatchObject({ alertsNew: 0, alertsKept: 2, alertsGone: 0 });
    const { rows } = await db.read<{ n: number }>('MATCH (a:Alert) RETURN count(a) AS n');
    expect(rows[0]?.n).toBe(2);
  });

  it('marks an alert gone when a re-run no longer finds it', async () => {
    await db.write("MATCH (:Person {uid: 'Person:P2'})-[k:KIN]->() DELETE k");
    const run = await runModel(db, model);
    expect(run).toMatchObject({ alertsKept: 1, alertsGone: 1 });
    expect(await flagged()).toEqual([
      { official: 'Person:P1', gone: false },
      { official: 'Person:P2', gone: true },
    ]);
  });

  it('narrows with a parameter override: leaders only', async () => {
    const run = await runModel(db, model, { params: { leadersOnly: true } });
    expect(run.rows).toBe(1);
  });

  it('previews without storing anything', async () => {
    const before = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const preview = await runModel(db, model, { preview: true });
    expect(preview.drafts?.map((d) => d.summaryZh)).toEqual([expect.stringContaining('王志强')]);
    const after = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('checks one subject only, and leaves the other alerts as they are', async () => {
    const scoped = await runModel(db, model, { subject: 'Project:X5' });
    expect(scoped).toMatchObject({ alertsNew: 0, alertsKept: 0, alertsGone: 0, subject: 'Project:X5' });
    const hit = await runModel(db, model, { subject: 'Project:X1' });
    expect(hit).toMatchObject({ alertsKept: 1, alertsGone: 0 });
    expect((await flagged()).filter((a) => !a.gone)).toEqual([{ official: 'Person:P1', gone: false }]);
  });

  it('records every run with its counts', async () => {
    const { rows } = await db.read<{ n: number }>('MATCH (r:ModelRun {modelId: $id}) RETURN count(r) AS n', { id: model.id });
    expect(rows[0]?.n).toBe(6);
  });
});
