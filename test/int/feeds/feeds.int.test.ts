// The feed registry end to end on a real Neo4j: three feeds whose deliveries are real loads of small
// files through the loaders, one of them delivered two months ago (the loader stamps the real time and has
// no clock to set, so that run's startedAt is moved back: the one hand edit), one rejecting half its rows.
// The checks raise their alerts on the responsible units, GraphQL shows feeds and rejects within each
// caller's permissions and jurisdiction, and a new delivery closes the overdue alert.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMappings, loadFiles } from '../../../loaders/index.js';
import type { Executor } from '../../../platform/db/executor.js';
import { parseFeedRegistry, type Feed } from '../../../platform/feeds/registry.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { checkFeeds } from '../../../server/feeds/checks.js';
import { addDays, addMonths, chinaDate } from '../../../server/feeds/due.js';
import { feedStatuses } from '../../../server/feeds/status.js';
import { freshGraph } from '../../support/db.js';
import { harnessOn, type Harness } from '../graphql/harness.js';

const id = (first17: string) => first17 + idCheckChar(first17);
const badId = (first17: string) => first17 + (idCheckChar(first17) === '1' ? '2' : '1');
const BAD = badId('33012219900101009');

const REGISTRY = `
feeds:
  - id: units
    title: { zh: 机构编制名录, en: Register of public bodies }
    department: 测试县委编办
    responsible: G001
    mappings: [unit]
    cadence: weekly
    delivery: snapshot
    rejectRateMax: 0.01
  - id: hukou
    title: { zh: 户籍人口, en: Household register }
    department: 测试县公安局
    responsible: B001
    mappings: [hukou]
    cadence: quarterly
    delivery: snapshot
    rejectRateMax: 0.2
    contact: 户政科 王科长
  - id: marriage
    title: { zh: 婚姻登记, en: Marriages }
    department: 测试县民政局
    responsible: A001
    mappings: [marriage]
    cadence: monthly
    graceDays: 5
    delivery: delta
    rejectRateMax: 0.05
`;

// With a byte-order mark: the mappings of unit and hukou declare GBK, and a BOM overrides the declaration.
const csv = (rows: string[][]) => '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

let db: Executor;
let h: Harness;
let dir: string;
let feeds: Feed[];
let backThen: string;

const org = (code: string) => `Org:${code}`;
const write = (name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  writeFileSync(file, csv(rows));
  return file;
};
const marriageFile = (name: string, husband: string, wife: string, under: string[][] = []) =>
  write(name, [
    ['男方身份证号', '男方姓名', '女方身份证号', '女方姓名', '登记日期', '登记类型'],
    [id(husband), '孙国庆', id(wife), '周敏', '2020-10-01', '结婚'],
    ...under,
  ]);

/** Alerts of a built-in check flagging `uid`, with whether they are gone. */
async function alertsOn(modelId: string) {
  const { rows } = await db.read<{ uid: string; gone: boolean; summary: string }>(
    `MATCH (a:Alert {modelId: $modelId})-[:FLAGS {role: 'responsible'}]->(o:Org)
     RETURN o.uid AS uid, coalesce(a.gone, false) AS gone, a.summaryZh AS summary ORDER BY uid`,
    { modelId },
  );
  return rows;
}

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  dir = mkdtempSync(path.join(tmpdir(), 'huiyan-feeds-'));
  const rejectsDir = mkdtempSync(path.join(tmpdir(), 'huiyan-feeds-rejects-'));
  const files = [
    write('机构编制名录.csv', [
      ['统一社会信用代码', '单位名称', '单位类型', '上级单位代码', '上级单位名称'],
      ['G001', '测试县人民政府', '党政机关', '', ''],
      ['A001', '测试县民政局', '党政机关', 'G001', '测试县人民政府'],
      ['B001', '测试县公安局', '党政机关', 'G001', '测试县人民政府'],
    ]),
    // Data rows 2 and 3 fail: a bad check digit, an impossible date.
    write('户籍人口.csv', [
      ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系'],
      [id('33012219600101001'), '王建国', '男', '1960-01-01', 'H001', '02'],
      [BAD, '赵六', '男', '1990-01-01', 'H002', '02'],
      [id('33012219900101011'), '钱七', '男', '1990-02-30', 'H002', '10'],
      [id('33012219620202002'), '李秀英', '女', '1962-02-02', 'H001', '12'],
    ]),
    // Signed under the table: a line set aside, so the delivery rejects nothing yet has a rejects file of notes.
    marriageFile('婚姻登记.csv', '33012219700606007', '33012219720707008', [
      ['制表人：民政局婚登处', '', '', '', '制表日期：2024-01-02', ''],
    ]),
  ];
  const report = await loadFiles(db, files, { rejectsDir });
  expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsRejected])).toEqual([
    ['hukou', 4, 2],
    ['marriage', 1, 0],
    ['unit', 3, 0],
  ]);
  // The marriage feed's delivery came two months ago.
  backThen = new Date(Date.now() - 60 * 86_400_000).toISOString();
  await db.write(`MATCH (r:LoadRun {source: 'marriage'}) SET r.startedAt = $at`, { at: backThen });
  feeds = parseFeedRegistry(
    REGISTRY,
    listMappings().map((m) => m.id),
  );
  h = harnessOn(db, { feeds: { feeds, rejectsDir } });
});
afterAll(async () => {
  await db.close();
});

describe('feed status', () => {
  it('reads each feed’s deliveries from the load runs: the late one overdue, the bad one over its threshold', async () => {
    const byId = new Map((await feedStatuses(db, feeds, new Date())).map((s) => [s.feed.id, s]));
    const marriage = byId.get('marriage')!;
    const last = chinaDate(backThen);
    expect(marriage.last?.date).toBe(last);
    expect(marriage.nextDue).toBe(addDays(addMonths(last, 1), 5));
    expect(marriage.overdue).toBe(true);
    expect(marriage.responsible).toEqual({ ref: 'A001', uid: org('A001'), name: '测试县民政局' });

    const hukou = byId.get('hukou')!;
    expect([hukou.last?.rowsRead, hukou.last?.rowsRejected, hukou.last?.rejectRate]).toEqual([4, 2, 0.5]);
    expect([hukou.overdue, hukou.rejectsOver]).toEqual([false, true]);
    // Units are found by name as well as by code.
    expect(hukou.department).toEqual({ ref: '测试县公安局', uid: org('B001'), name: '测试县公安局' });

    const units = byId.get('units')!;
    expect([units.overdue, units.rejectsOver, units.last?.rowsLoaded]).toEqual([false, false, 3]);
    // A filing unit that is not in the graph: named as written, resolved to nothing.
    expect(units.department).toEqual({ ref: '测试县委编办', uid: null, name: null });
  });

  it('with a later clock, the feeds due by then are overdue too', async () => {
    const later = new Date(Date.now() + 40 * 86_400_000);
    const overdue = (await feedStatuses(db, feeds, later)).filter((s) => s.overdue).map((s) => s.feed.id);
    // Weekly units are 40 days late; the quarterly household register is not due yet.
    expect(overdue).toEqual(['units', 'marriage']);
  });
});

describe('feed alerts', () => {
  it('raise an overdue alert on the late feed’s responsible unit and a rejects alert on the bad one’s', async () => {
    const r = await checkFeeds(db, feeds);
    expect([r.overdue.new, r.rejects.new]).toEqual([1, 1]);
    const overdue = await alertsOn('feed-overdue');
    expect(overdue.map((a) => [a.uid, a.gone])).toEqual([[org('A001'), false]]);
    expect(overdue[0]!.summary).toContain('「婚姻登记」逾期未报送');
    const rejects = await alertsOn('feed-rejects');
    expect(rejects.map((a) => [a.uid, a.gone])).toEqual([[org('B001'), false]]);
    expect(rejects[0]!.summary).toContain('拒收 2/4 行（50.0%，阈值 20.0%');
    expect(rejects[0]!.summary).toContain('联系人 户政科 王科长');
  });

  it('keep the same alerts when checked again', async () => {
    const r = await checkFeeds(db, feeds);
    expect([r.overdue.new, r.overdue.kept, r.rejects.new, r.rejects.kept]).toEqual([0, 1, 0, 1]);
  });

  it('reach the inbox of the responsible unit only', async () => {
    const q = `query($m: String) { alerts(filter: { modelId: $m }) { totalCount edges { node { modelId subjects { role entity { id } } } } } }`;
    const a = await h.as('handler-a', 'handler', [org('A001')]);
    const b = await h.as('handler-b', 'handler', [org('B001')]);
    const seen = async (headers: Record<string, string>, m: string) => {
      const res = await h.gql(q, { m }, headers);
      expect(res.errors).toBeUndefined();
      return res.data?.alerts.totalCount;
    };
    expect([await seen(a, 'feed-overdue'), await seen(a, 'feed-rejects')]).toEqual([1, 0]);
    expect([await seen(b, 'feed-overdue'), await seen(b, 'feed-rejects')]).toEqual([0, 1]);
    const res = await h.gql(q, { m: 'feed-overdue' }, a);
    expect(res.data?.alerts.edges[0].node.subjects).toEqual([{ role: 'responsible', entity: { id: org('A001') } }]);
  });
});

describe('feeds over GraphQL', () => {
  const FEEDS = `{ feeds { id titleZh cadence delivery overdue rejectsOver rejectRate nextDue
    department { ref uid name } responsible { uid name }
    lastDelivery { date rowsRead rowsRejected rowsAside runs { id source file rowsAside hasRejects } }
    deliveries(last: 3) { date rowsRead } } }`;

  it('lists every feed for an admin, with status and deliveries', async () => {
    const res = await h.gql(FEEDS, {}, await h.as('admin', 'admin'));
    expect(res.errors).toBeUndefined();
    const feeds = res.data!.feeds;
    expect(feeds.map((f: { id: string }) => f.id)).toEqual(['units', 'hukou', 'marriage']);
    const hukou = feeds[1];
    expect(hukou).toMatchObject({ cadence: 'quarterly', delivery: 'snapshot', overdue: false, rejectsOver: true, rejectRate: 0.5 });
    expect(hukou.lastDelivery.runs).toEqual([
      { id: expect.stringMatching(/^hukou-/), source: 'hukou', file: '户籍人口.csv', rowsAside: 0, hasRejects: true },
    ]);
    expect(feeds[2]).toMatchObject({ overdue: true, responsible: { uid: org('A001'), name: '测试县民政局' } });
    // The 制表人 line under the marriages is neither read nor rejected, and is counted apart.
    expect(feeds[2].lastDelivery).toMatchObject({ rowsRead: 1, rowsRejected: 0, rowsAside: 1 });
    expect(feeds[2].lastDelivery.runs).toEqual([
      { id: expect.stringMatching(/^marriage-/), source: 'marriage', file: '婚姻登记.csv', rowsAside: 1, hasRejects: true },
    ]);
  });

  it('shows a unit’s handler the feeds its units answer for, and no other', async () => {
    const a = await h.as('handler-a', 'handler', [org('A001')]);
    expect((await h.gql(FEEDS, {}, a)).data!.feeds.map((f: { id: string }) => f.id)).toEqual(['marriage']);
    expect((await h.gql(`{ feed(id: "hukou") { id } }`, {}, a)).data!.feed).toBeNull();
    expect((await h.gql(`{ feed(id: "marriage") { id overdue } }`, {}, a)).data!.feed).toEqual({ id: 'marriage', overdue: true });
    // The county government's unit covers the whole county.
    const county = await h.as('viewer-county', 'viewer', [org('G001')]);
    expect((await h.gql(FEEDS, {}, county)).data!.feeds).toHaveLength(3);
  });
});

describe('deliveryRejects', () => {
  const Q = `query($run: ID!, $first: Int, $after: String) { deliveryRejects(runId: $run, first: $first, after: $after) {
    run { source rowsRejected } rows { n file row column value reason } pageInfo { hasNextPage endCursor } } }`;
  const hukouRun = async () => (await db.read<{ id: string }>(`MATCH (r:LoadRun {source: 'hukou'}) RETURN r.id AS id`)).rows[0]!.id;

  it('gives an analyst the rejected cells with file, row, column and reason, ID numbers masked', async () => {
    const res = await h.gql(Q, { run: await hukouRun() }, await h.as('analyst', 'analyst'));
    expect(res.errors).toBeUndefined();
    const { rows, run, pageInfo } = res.data!.deliveryRejects;
    expect(run).toEqual({ source: 'hukou', rowsRejected: 2 });
    expect(rows.map((r: { file: string; row: number; column: string }) => [r.file, r.row, r.column])).toEqual([
      ['户籍人口.csv', 2, '公民身份号码'],
      ['户籍人口.csv', 3, '出生日期'],
    ]);
    expect(rows[0].value).toBe(`${BAD.slice(0, 6)}********${BAD.slice(14)}`);
    expect(rows[0].reason).toMatch(/GB 11643/);
    expect(rows[1].value).toBe('1990-02-30');
    expect(pageInfo.hasNextPage).toBe(false);
  });

  it('gives an admin the raw value, and pages with first and after', async () => {
    const admin = await h.as('admin', 'admin');
    const run = await hukouRun();
    const page1 = (await h.gql(Q, { run, first: 1 }, admin)).data!.deliveryRejects;
    expect(page1.rows.map((r: { value: string }) => r.value)).toEqual([BAD]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await h.gql(Q, { run, first: 1, after: page1.pageInfo.endCursor }, admin)).data!.deliveryRejects;
    expect(page2.rows.map((r: { row: number }) => r.row)).toEqual([3]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const bad = await h.gql(Q, { run, after: 'abc' }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('refuses handlers, analysts of another unit, unknown runs and a rejects file outside the rejects folder', async () => {
    const run = await hukouRun();
    const code = async (headers: Record<string, string>, runId = run) =>
      (await h.gql(Q, { run: runId }, headers)).errors?.[0]?.extensions?.code;
    expect(await code(await h.as('handler', 'handler'))).toBe('FORBIDDEN');
    expect(await code(await h.as('analyst-a', 'analyst', [org('A001')]))).toBe('FORBIDDEN');
    expect(await code(await h.as('analyst-b', 'analyst', [org('B001')]))).toBeUndefined();
    const admin = await h.as('admin', 'admin');
    expect(await code(admin, 'no-such-run')).toBe('NOT_FOUND');
    await db.write(`CREATE (:LoadRun {id: 'unit-doctored', source: 'unit', file: 'x.csv', startedAt: $at, rejectsFile: '/etc/passwd'})`, {
      at: new Date().toISOString(),
    });
    const outside = await h.gql(Q, { run: 'unit-doctored' }, admin);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(outside.errors?.[0]?.message).not.toContain('passwd');
    await db.write(`MATCH (r:LoadRun {id: 'unit-doctored'}) DELETE r`);
  });
});

describe('catching up', () => {
  it('a new delivery of the late feed marks its overdue alert gone, and the inbox drops it', async () => {
    const report = await loadFiles(db, [marriageFile('婚姻登记-补报.csv', '33012219800808005', '33012219820909006')], {
      rejectsDir: mkdtempSync(path.join(tmpdir(), 'huiyan-feeds-rejects-')),
    });
    expect(report.files.map((f) => [f.source, f.rowsLoaded])).toEqual([['marriage', 1]]);
    const r = await checkFeeds(db, feeds);
    expect([r.overdue.new, r.overdue.kept, r.overdue.gone]).toEqual([0, 0, 1]);
    expect((await alertsOn('feed-overdue')).map((a) => [a.uid, a.gone])).toEqual([[org('A001'), true]]);
    const a = await h.as('handler-a', 'handler', [org('A001')]);
    const res = await h.gql(`{ alerts(filter: { modelId: "feed-overdue" }) { totalCount } }`, {}, a);
    expect(res.data?.alerts.totalCount).toBe(0);
    // The rejects alert is another feed's and stays.
    expect((await alertsOn('feed-rejects')).map((x) => x.gone)).toEqual([false]);
  });
});
