// A department changes its export (户编号 where the register had 户号) and the next delivery is refused whole.
// Before, the refusal was printed by the command that ran the load and nothing else knew: the feed looked
// delivered-never-again until it turned overdue. Now the refused file is a LoadRun of its own: the 数据备案 page
// shows the delivery with the reason (and the look-alike header), the feed's reject alert is raised, and the
// due date still runs from the last delivery that filed data. On a real Neo4j, through the loaders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMappings, loadFiles, type LoadReport } from '../../../loaders/index.js';
import type { Executor } from '../../../platform/db/executor.js';
import { parseFeedRegistry, type Feed } from '../../../platform/feeds/registry.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { checkFeeds } from '../../../server/feeds/checks.js';
import { feedStatuses } from '../../../server/feeds/status.js';
import { freshGraph } from '../../support/db.js';
import { harnessOn, type Harness } from '../graphql/harness.js';

const id = (first17: string) => first17 + idCheckChar(first17);

const REGISTRY = `
feeds:
  - id: hukou
    title: { zh: 户籍人口, en: Household register }
    department: 测试县公安局
    responsible: B001
    mappings: [hukou]
    cadence: monthly
    delivery: snapshot
    rejectRateMax: 0.2
`;

const csv = (rows: string[][]) => '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

let db: Executor;
let h: Harness;
let feeds: Feed[];
let refusedLoad: LoadReport;
let dir: string;
let rejectsDir: string;

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  dir = mkdtempSync(path.join(tmpdir(), 'huiyan-refused-'));
  rejectsDir = mkdtempSync(path.join(tmpdir(), 'huiyan-refused-rejects-'));
  const write = (folder: string, name: string, rows: string[][]) => {
    const file = path.join(dir, folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, csv(rows));
    return file;
  };
  const first = await loadFiles(
    db,
    [
      write('1', '机构编制名录.csv', [
        ['统一社会信用代码', '单位名称', '单位类型', '上级单位代码', '上级单位名称'],
        ['B001', '测试县公安局', '党政机关', '', ''],
      ]),
      write('1', '户籍人口.csv', [
        ['公民身份号码', '姓名', '户号', '与户主关系'],
        [id('33012219600101001'), '王建国', 'H001', '02'],
      ]),
    ],
    { rejectsDir },
  );
  expect(first.skipped).toEqual([]);
  // The register's last good delivery came two months ago (the loader stamps the real time).
  const backThen = new Date(Date.now() - 60 * 86_400_000);
  await db.write(`MATCH (r:LoadRun {source: 'hukou'}) SET r.startedAt = $at, r.deliveredOn = date($d)`, {
    at: backThen.toISOString(),
    d: backThen.toISOString().slice(0, 10),
  });
  // This month's export, with the household number under another header: recognised by its name, refused whole.
  refusedLoad = await loadFiles(
    db,
    [
      write('2', '户籍人口.csv', [
        ['公民身份号码', '姓名', '户编号', '与户主关系'],
        [id('33012219600101001'), '王建国', 'H001', '02'],
      ]),
    ],
    { rejectsDir },
  );
  feeds = parseFeedRegistry(
    REGISTRY,
    listMappings().map((m) => m.id),
  );
  h = harnessOn(db, { feeds: { feeds, rejectsDir } });
});
afterAll(async () => {
  await db.close();
});

describe('a delivery refused whole', () => {
  it('is reported by the load and kept as a refused run with its reason', async () => {
    expect(refusedLoad.files).toEqual([]);
    expect(refusedLoad.skipped.map((s) => s.code)).toEqual(['MISSING_COLUMNS']);
    const { rows } = await db.read<{ status: string; reason: string; read: number; warnings: string[] }>(
      `MATCH (r:LoadRun {source: 'hukou', status: 'refused'})
       RETURN r.status AS status, r.stopReason AS reason, r.rowsRead AS read, r.warnings AS warnings`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toContain('户号 (hhNo) ≈ 户编号');
    expect(rows[0]!.warnings).toEqual(['MISSING_COLUMNS']);
    // The row's ID number in the header line is not quoted, and a quoted one would be masked.
    expect(rows[0]!.reason).not.toMatch(/\d{17}[\dX]/);
  });

  it('shows on the feed: over its threshold, and overdue from the last delivery that filed data', async () => {
    const [s] = await feedStatuses(db, feeds, new Date());
    expect(s!.last!.filesRefused).toBe(1);
    expect(s!.last!.runs.map((r) => r.status)).toEqual(['refused']);
    expect(s!.rejectsOver).toBe(true);
    expect(s!.deliveries).toHaveLength(2);
    expect(s!.overdue).toBe(true);
  });

  it('raises the feed’s reject alert naming the file and the reason', async () => {
    const result = await checkFeeds(db, feeds);
    expect(result.rejects.new).toBe(1);
    expect(result.overdue.new).toBe(1);
    const { rows } = await db.read<{ zh: string }>(`MATCH (a:Alert {modelId: 'feed-rejects'}) RETURN a.summaryZh AS zh`);
    expect(rows[0]!.zh).toContain('1 个文件整体拒收（户籍人口.csv）');
    expect(rows[0]!.zh).toContain('户编号');
  });

  it('is served by GraphQL with its status and reason', async () => {
    const res = await h.gql(
      `{ feed(id: "hukou") { rejectsOver deliveries { filesRefused runs { file status reason rowsRead hasRejects } } } }`,
      {},
      await h.as('admin', 'admin'),
    );
    expect(res.errors).toBeUndefined();
    const [latest, earlier] = res.data!.feed.deliveries;
    expect(latest.filesRefused).toBe(1);
    expect(latest.runs[0]).toMatchObject({ file: '户籍人口.csv', status: 'refused', rowsRead: 0, hasRejects: false });
    expect(latest.runs[0].reason).toContain('required columns missing');
    expect(earlier).toMatchObject({ filesRefused: 0, runs: [{ status: 'loaded', reason: null }] });
  });

  it('is no longer counted once the corrected file is loaded the same day, and the alert is gone', async () => {
    const corrected = path.join(dir, '3', '户籍人口.csv');
    mkdirSync(path.dirname(corrected), { recursive: true });
    writeFileSync(
      corrected,
      csv([
        ['公民身份号码', '姓名', '户号', '与户主关系'],
        [id('33012219600101001'), '王建国', 'H001', '02'],
        [id('33012219620202002'), '李秀英', 'H001', '10'],
      ]),
    );
    const report = await loadFiles(db, [corrected], { rejectsDir });
    expect(report.skipped).toEqual([]);
    const [s] = await feedStatuses(db, feeds, new Date());
    expect(s!.last!.runs.map((r) => r.status)).toEqual(['loaded', 'refused']);
    expect(s!.last!.filesRefused).toBe(0);
    expect(s!.rejectsOver).toBe(false);
    expect(s!.overdue).toBe(false);
    const result = await checkFeeds(db, feeds);
    expect(result.rejects.gone).toBe(1);
    expect(result.overdue.gone).toBe(1);
  });
});
