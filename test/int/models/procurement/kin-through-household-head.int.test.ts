// The two misses households hid on an independent county: the official is the head's son and the relative
// is the head's wife (his mother or stepmother). The register only relates each member to the head, so the
// pair is derived through the head; here it goes through the real loader and the shipped hukou mapping, and
// M03 must flag it, flag the stepmother written as 58 继母, and leave a lodger (99 非亲属) alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../../platform/db/executor.js';
import { neoDate } from '../../../../platform/db/values.js';
import { loadFiles } from '../../../../loaders/index.js';
import { loadLibrary } from '../../../../server/models/library.js';
import { runModel } from '../../../../server/models/runner.js';
import { freshGraph } from '../../../support/db.js';
import { seed, uid, type SeedRel } from '../../../support/seed.js';
import { id } from '../../loaders/fixtures.js';

const P = {
  head: id('33012219600101011'),
  wife: id('33012219620202012'),
  son: id('33012219850303013'),
  lodger: id('33012219700404014'),
  head2: id('33012219580505015'),
  stepmother: id('33012219600606016'),
  daughter2: id('33012219880707027'),
};

let db: Executor;
let work: string;

beforeAll(async () => {
  db = await freshGraph();
  work = mkdtempSync(path.join(tmpdir(), 'huiyan-kin-head-'));
  const rows = [
    ['公民身份号码', '姓名', '户号', '与户主关系'],
    [P.head, '王建华', 'H0001', '户主'],
    [P.wife, '李秀兰', 'H0001', '妻'],
    [P.son, '王磊', 'H0001', '长子'],
    [P.lodger, '赵四', 'H0001', '非亲属'],
    [P.head2, '钱国强', 'H0002', '02'],
    [P.stepmother, '孙美玲', 'H0002', '58'],
    [P.daughter2, '钱芳', 'H0002', '32'],
  ];
  writeFileSync(path.join(work, '户籍人口.csv'), iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gbk'));
  await loadFiles(db, [work], { rejectsDir: path.join(work, 'rejects') });

  const d = neoDate;
  const award = (unit: string, company: string, project: string): SeedRel[] => [
    { from: uid('Org', unit), type: 'TENDERED', to: uid('Project', project) },
    { from: uid('Company', company), type: 'WON', to: uid('Project', project), props: { amount: 1_200_000, date: d('2023-04-01') } },
  ];
  await seed(
    db,
    [
      { label: 'Org', key: 'JTJ', props: { name: '县交通运输局' } },
      { label: 'Org', key: 'WJW', props: { name: '县卫健局' } },
      { label: 'Company', key: 'C1', props: { name: '秀兰建材有限公司' } },
      { label: 'Company', key: 'C2', props: { name: '赵四劳务有限公司' } },
      { label: 'Company', key: 'C3', props: { name: '美玲医疗器械有限公司' } },
      { label: 'Project', key: 'X1', props: { name: '乡道养护' } },
      { label: 'Project', key: 'X2', props: { name: '桥梁检测' } },
      { label: 'Project', key: 'X3', props: { name: '医疗设备采购' } },
    ],
    [
      { from: uid('Person', P.son), type: 'HOLDS_POST', to: uid('Org', 'JTJ'), props: { title: '科长', from: d('2019-01-01') } },
      { from: uid('Person', P.wife), type: 'LEGAL_REP_OF', to: uid('Company', 'C1') },
      ...award('JTJ', 'C1', 'X1'),
      // near miss: a lodger in the same household is no kin
      { from: uid('Person', P.lodger), type: 'LEGAL_REP_OF', to: uid('Company', 'C2') },
      ...award('JTJ', 'C2', 'X2'),
      { from: uid('Person', P.daughter2), type: 'HOLDS_POST', to: uid('Org', 'WJW'), props: { title: '副主任', from: d('2020-01-01') } },
      { from: uid('Person', P.stepmother), type: 'SHAREHOLDER_OF', to: uid('Company', 'C3') },
      ...award('WJW', 'C3', 'X3'),
    ],
  );
});
afterAll(async () => {
  await db.close();
});

describe('kinship read through the head of household, loaded from a register', () => {
  it("links the head's son and the head's wife as child and parent, flagged as maybe step-kin", async () => {
    const { rows } = await db.read<{ relation: string; mayBeStep: boolean | null; category: string }>(
      `MATCH (:Person {idNo: $son})-[k:KIN]->(:Person {idNo: $wife}) RETURN k.relation AS relation, k.mayBeStep AS mayBeStep, k.category AS category`,
      { son: P.son, wife: P.wife },
    );
    expect(rows).toEqual([{ relation: 'parent', mayBeStep: true, category: '直系血亲' }]);
  });

  it('flags the official whose (step)mother is at the winner, and not the lodger', async () => {
    const model = loadLibrary().get('procurement.kin-of-official-at-winning-bidder')!;
    const run = await runModel(db, model, {});
    expect(run.alertsNew).toBe(2);
    const { rows } = await db.read<{ subjects: string[] }>(
      `MATCH (a:Alert {modelId: $m})-[:FLAGS]->(s) WITH a, collect(s.uid) AS subjects RETURN subjects`,
      { m: model.id },
    );
    const flagged = rows.map((r) => r.subjects);
    expect(flagged.some((s) => s.includes(uid('Person', P.son)) && s.includes(uid('Company', 'C1')))).toBe(true);
    expect(flagged.some((s) => s.includes(uid('Person', P.daughter2)) && s.includes(uid('Company', 'C3')))).toBe(true);
    expect(flagged.some((s) => s.includes(uid('Company', 'C2')))).toBe(false);
  });
});
