// Full-snapshot deliveries (docs/loaders.md "Full snapshots and deltas"): a shareholder register delivered
// whole, twice, the second time without the official's shareholding. Loaded as snapshots, the missing
// shareholding is ended (never deleted) and M01, run by the runner, stops alerting; loaded as deltas, nothing
// ends. Also: a re-run changes nothing, rejected rows do not end their facts, too many rejects end nothing,
// and a fact named again after its ending is reopened with its ended spell kept.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { reopenQuery, type SnapshotOption } from '../../../loaders/core/snapshot.js';
import { loadLibrary } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { freshGraph, wipe } from '../../support/db.js';
import { id, uscc } from './fixtures.js';

const OFFICIAL = id('33012219700606007');
const CO = { a: uscc('91330122MA2A00001'), b: uscc('91330122MA2B00002'), c: uscc('91330122MA2C00003') };
/** 30 small holders of company c, so one rejected row stays under the reject threshold (5%). */
const HOLDERS = Array.from({ length: 30 }, (_, i) => id(`33012219800101${String(i + 1).padStart(3, '0')}`));

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const HEADER = ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证件号码', '出资比例', '认缴日期', '退出日期'];
const officialRow = [CO.a, '桐庐甲建设有限公司', '孙国庆', '自然人', OFFICIAL, '30%', '2020-01-01', ''];
const companyRow = [CO.c, '桐庐丙贸易有限公司', '桐庐乙工程有限公司', '企业法人', CO.b, '40%', '2019-05-01', ''];
const holderRow = (i: number, ratio = '2%') => [CO.c, '桐庐丙贸易有限公司', `股东${i}`, '自然人', HOLDERS[i]!, ratio, '2019-05-01', ''];
const holderRows = (skip: number[] = [], bad: number[] = []) =>
  HOLDERS.flatMap((_, i) => (skip.includes(i) ? [] : [holderRow(i, bad.includes(i) ? '百分之二' : '2%')]));

let dir: string;
let rejectsDir: string;
/** Writes one shareholder delivery in a folder of its own (the file name says which delivery it is). */
function delivery(name: string, rows: string[][]): string {
  const d = mkdtempSync(path.join(dir, 'delivery-'));
  const file = path.join(d, `企业股东-${name}.csv`);
  writeFileSync(file, iconv.encode(csv([HEADER, ...rows]), 'gb18030'));
  return file;
}

let db: Executor;
let base: string;
let v1: string;
let v2: string;

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(path.join(tmpdir(), 'huiyan-snapshot-'));
  rejectsDir = mkdtempSync(path.join(tmpdir(), 'huiyan-snapshot-rejects-'));
  base = mkdtempSync(path.join(dir, 'base-'));
  await writeXlsxFile(
    [
      ['身份证号', '姓名', '单位名称', '单位代码', '单位类型', '职务', '职级', '是否领导成员', '任职开始日期', '任职结束日期'],
      [OFFICIAL, '孙国庆', '桐庐县住建局', 'ORG-ZJJ', '党政机关', '科长', '', '否', '2018-01-15', ''],
    ],
    { sheet: '干部名册' },
  ).toFile(path.join(base, '干部名册.xlsx'));
  await writeXlsxFile(
    [
      ['统一社会信用代码', '企业名称', '登记状态', '成立日期'],
      [CO.a, '桐庐甲建设有限公司', '存续', '2010-01-01'],
      [CO.b, '桐庐乙工程有限公司', '在业', '2012-06-01'],
      [CO.c, '桐庐丙贸易有限公司', '存续', '2015-03-01'],
    ],
    { sheet: '企业基本信息' },
  ).toFile(path.join(base, '企业登记.xlsx'));
  v1 = delivery('2026-01', [officialRow, companyRow, ...holderRows()]);
  v2 = delivery('2026-03', [companyRow, ...holderRows()]);
});
afterAll(async () => {
  await db?.close();
});

const snapshot = (deliveredOn: string): SnapshotOption => ({ sources: ['shareholder'], deliveredOn });
const load = (paths: string[], snap?: SnapshotOption) => loadFiles(db, paths, { rejectsDir, ...(snap ? { snapshot: snap } : {}) });
const m01 = () => loadLibrary().get('integrity.official-in-business')!;

/** Every SHAREHOLDER_OF with the properties a snapshot reads and writes, by holder key. */
async function holdings() {
  const { rows } = await db.read<{
    holder: string;
    company: string;
    from: string | null;
    to: string | null;
    endedBy: string | null;
    endedOn: string | null;
    run: string;
    spells: string[] | null;
    ratio: number | null;
  }>(
    `MATCH (h)-[r:SHAREHOLDER_OF]->(c:Company)
     RETURN coalesce(h.idNo, h.uscc) AS holder, c.uscc AS company, toString(r.from) AS from, toString(r.to) AS to,
            r._endedBy AS endedBy, toString(r._endedOn) AS endedOn, r._run AS run, r._spells AS spells, r.ratio AS ratio`,
  );
  return new Map(rows.map((r) => [`${r.holder}>${r.company}`, r]));
}
const key = (holder: string, company: string) => `${holder}>${company}`;
const fileOf = (r: LoadReport) => r.files.find((f) => f.source === 'shareholder')!;

/** Every relationship with all its properties, to compare before and after a re-run. */
async function allRels() {
  const { rows } = await db.read<{ a: string; t: string; b: string; p: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS p',
  );
  return rows.map((r) => JSON.stringify([r.a, r.t, r.b, Object.entries(r.p).sort(([x], [y]) => x.localeCompare(y))])).sort();
}

// Each step loads real files into the embedded Neo4j; on a loaded machine a step takes tens of seconds.
describe('two full snapshots of a shareholder register', { timeout: 300_000 }, () => {
  let first: LoadReport;
  let second: LoadReport;

  it('first delivery: the official holds 30% of company a, and M01 alerts', async () => {
    // The workbooks every later step stands on, each read whole (once in CI at 389f8b7 every step after failed
    // as if they were not: asserted here, a repeat says which file and why).
    const loaded = await load([base]);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.files.map((f) => [f.file, f.status, f.rowsLoaded, f.rowsRejected, f.stopReason])).toEqual([
      ['干部名册.xlsx', 'loaded', 1, 0, null],
      ['企业登记.xlsx', 'loaded', 3, 0, null],
    ]);
    first = await load([v1], snapshot('2026-01-31'));
    expect(fileOf(first)).toMatchObject({ deliveryKind: 'snapshot', deliveredOn: '2026-01-31', relationshipsEnded: 0 });
    expect((await holdings()).get(key(OFFICIAL, CO.a))).toMatchObject({ to: null, endedBy: null, ratio: 0.3 });
    const r = await runModel(db, m01());
    expect(r.error).toBeNull();
    expect(r.alertsNew).toBe(1);
  });

  it('second delivery without that row: the shareholding is ended on the delivery date, never deleted', async () => {
    second = await load([v2], snapshot('2026-03-31'));
    const run = fileOf(second).id;
    expect(fileOf(second).relationshipsEnded).toBe(1);
    const h = await holdings();
    expect(h.size).toBe(32);
    expect(h.get(key(OFFICIAL, CO.a))).toMatchObject({
      from: '2020-01-01',
      to: '2026-03-31',
      endedBy: run,
      endedOn: '2026-03-31',
      ratio: 0.3,
    });
    // the others were confirmed by the second delivery and stay open
    for (const [k, r] of h) if (k !== key(OFFICIAL, CO.a)) expect(r, k).toMatchObject({ to: null, endedBy: null, run });
  });

  it('records the delivery on its LoadRun', async () => {
    const { rows } = await db.read<{ kind: string; on: string; ended: number }>(
      'MATCH (r:LoadRun {id: $id}) RETURN r.deliveryKind AS kind, toString(r.deliveredOn) AS on, r.relationshipsEnded AS ended',
      { id: fileOf(second).id },
    );
    expect(rows).toEqual([{ kind: 'snapshot', on: '2026-03-31', ended: 1 }]);
  });

  it('M01, run by the runner, no longer alerts; looking back to a day in the first delivery it still finds the case', async () => {
    const r = await runModel(db, m01());
    expect(r.error).toBeNull();
    expect([r.alertsNew, r.alertsGone]).toEqual([0, 1]);
    const back = await runModel(db, m01(), { params: { asOf: '2026-02-15' }, preview: true });
    expect(back.drafts?.map((d) => d.subjects.find((s) => s.role === 'official')?.uid)).toEqual([`Person:${OFFICIAL}`]);
  });

  it('loading the same snapshot again changes nothing', async () => {
    const before = await allRels();
    const again = await load([v2], snapshot('2026-03-31'));
    expect(fileOf(again).relationshipsEnded).toBe(0);
    expect(await allRels()).toEqual(before);
  });

  it('an older delivery loaded late ends nothing the newer one confirmed', async () => {
    const before = await allRels();
    const late = await load([delivery('2025-12', [officialRow, companyRow])], snapshot('2025-12-31'));
    expect(fileOf(late).relationshipsEnded).toBe(0);
    // it wrote its own rows (provenance moves to it), but nothing was ended
    const h = await holdings();
    expect([...h.values()].filter((r) => r.endedBy).map((r) => r.holder)).toEqual([OFFICIAL]);
    expect(before.length).toBe((await allRels()).length);
  });

  it('a rejected row does not end its fact; an absent one in the same delivery is ended', async () => {
    // holder 4's row has a ratio no normaliser reads (rejected); holder 5 is absent
    const v3 = await load([delivery('2026-04', [companyRow, ...holderRows([5], [4])])], snapshot('2026-04-30'));
    expect(fileOf(v3)).toMatchObject({ rowsRejected: 1, relationshipsEnded: 1 });
    const h = await holdings();
    expect(h.get(key(HOLDERS[4]!, CO.c))).toMatchObject({ to: null, endedBy: null });
    expect(h.get(key(HOLDERS[5]!, CO.c))).toMatchObject({ to: '2026-04-30', endedBy: fileOf(v3).id });
  });

  it('a delivery with too many rejected rows ends nothing and says why, but reopens what it names again', async () => {
    const v4 = await load([delivery('2026-05', [companyRow, ...holderRows([6], [7, 8, 9])])], snapshot('2026-05-31'));
    // holder 5, ended by the delivery before, is back: its row loaded, which is evidence enough
    expect(fileOf(v4)).toMatchObject({ rowsRejected: 3, relationshipsEnded: 0, relationshipsReopened: 1 });
    expect(fileOf(v4).snapshotHeld).toMatch(/3 of 30 rows rejected/);
    expect((await holdings()).get(key(HOLDERS[6]!, CO.c))).toMatchObject({ to: null, endedBy: null });
  });

  it('a fact named again after its ending is reopened, its ended spell kept', async () => {
    const v5 = await load([delivery('2026-06', [officialRow, companyRow, ...holderRows()])], snapshot('2026-06-30'));
    expect(fileOf(v5).relationshipsReopened).toBe(1);
    const h = await holdings();
    expect(h.get(key(OFFICIAL, CO.a))).toMatchObject({
      from: '2020-01-01',
      to: null,
      endedBy: null,
      spells: ['2020-01-01/2026-03-31'],
    });
    expect(h.get(key(HOLDERS[5]!, CO.c))).toMatchObject({ from: '2019-05-01', to: null, spells: ['2019-05-01/2026-04-30'] });
    const r = await runModel(db, m01());
    expect(r.alertsNew + r.alertsKept).toBe(1);
  });

  it('finds the facts a snapshot ended through an index holding only those, never by scanning every fact of the type', async () => {
    // Run after every file of every load: a scan would grow with the graph, the index with what was ended.
    type Plan = { operatorType: string; arguments: Record<string, unknown>; children: Plan[] };
    const { summary } = await db.autoCommit(`EXPLAIN ${reopenQuery('SHAREHOLDER_OF')}`, { runs: ['x'], d: '2026-07-01' });
    const ops = (p: Plan): string[] => [`${p.operatorType} ${String(p.arguments.Details ?? '')}`, ...p.children.flatMap(ops)];
    const plan = ops((summary as unknown as { plan: Plan }).plan);
    expect(
      plan.some((o) => /RelationshipIndex(Scan|Seek)/.test(o) && /SHAREHOLDER_OF\(_endedOn\)/.test(o)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((o) => /RelationshipTypeScan|AllRelationshipsScan|NodeByLabelScan|AllNodesScan/.test(o)),
      plan.join('\n'),
    ).toBe(false);
  });
});

describe('the same two files loaded as deltas', { timeout: 300_000 }, () => {
  it('end nothing: a delta says what changed, not what is gone', async () => {
    await wipe(db);
    await load([base]);
    await load([v1]);
    const report = await load([v2]);
    expect(fileOf(report)).toMatchObject({ deliveryKind: 'delta', relationshipsEnded: 0 });
    const h = await holdings();
    expect(h.size).toBe(32);
    for (const [k, r] of h) expect(r, k).toMatchObject({ to: null, endedBy: null });
    const r = await runModel(db, m01());
    expect(r.alertsNew + r.alertsKept).toBe(1);
  });
});
