// Spells (docs/loaders.md "Spells"): the same payroll, exported as spells (起始年月/终止年月) and as monthly
// rows, gives the same ON_PAYROLL spells and the same alerts of the payroll models (M08, M09). The months
// load in any order, twice, in small batches, and over the spell export, with the same outcome.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/index.js';
import { loadLibrary } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { freshGraph } from '../../support/db.js';
import { id } from './fixtures.js';

const S = { s1: id('33012219800101011'), s2: id('33012219810202022'), s3: id('33012219820303033') };
const F = { f1: id('33012219500101044'), f3: id('33012219520303055') };

/** [person, unit, first month, last month, monthly pay]: S1 leaves and comes back (a gap), S3's gap covers his father's 低保. */
const SPELLS: [string, string, string, string, string][] = [
  [S.s1, 'U1', '2023-01', '2023-12', '6800'],
  [S.s1, 'U1', '2024-03', '2024-06', '7000'],
  [S.s1, 'U2', '2023-06', '2023-08', '800'],
  [S.s2, 'U2', '2022-06', '2024-05', '5200'],
  [S.s3, 'U1', '2022-01', '2022-06', '6100'],
  [S.s3, 'U1', '2023-07', '2023-12', '6100'],
];

const months = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (
    let [y, m] = first.split('-').map(Number) as [number, number];
    `${y}-${String(m).padStart(2, '0')}` <= last;
    m === 12 ? (y++, (m = 1)) : m++
  )
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};
const MONTH_ROWS = SPELLS.flatMap(([p, u, a, b, pay]) => months(a, b).map((m) => [p, '', u, u, m, pay]));

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
let dir: string;
const write = (name: string, rows: string[][], encoding = 'utf8') => {
  const file = path.join(dir, name);
  writeFileSync(file, iconv.encode(csv(rows), encoding));
  return file;
};
const PAYROLL_HEADER = ['身份证号', '姓名', '单位名称', '单位代码', '工资月份', '应发工资'];
/** Monthly payroll rows whose month is in [from, to], as one export file. */
const monthFile = (name: string, from: string, to: string) =>
  write(name, [PAYROLL_HEADER, ...MONTH_ROWS.filter((r) => r[4]! >= from && r[4]! <= to)]);

let db: Executor;
let base: string[];
let spellFile: string;

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(path.join(tmpdir(), 'huiyan-spells-'));
  const hukou = [
    ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系', '住址', '注销标志', '注销日期', '注销原因'],
    [F.f1, '胡长贵', '男', '1950-01-01', 'H1', '02', '某村1号', '否', '', ''],
    [S.s1, '胡斌', '男', '1980-01-01', 'H1', '22', '某村1号', '否', '', ''],
    [S.s2, '蔡文', '男', '1981-02-02', 'H2', '02', '某村2号', '否', '', ''],
    [F.f3, '程德胜', '男', '1952-03-03', 'H3', '02', '某村3号', '否', '', ''],
    [S.s3, '程亮', '男', '1982-03-03', 'H3', '22', '某村3号', '否', '', ''],
  ];
  const pay = (code: string, name: string, who: string, hh: string, period: string, amount: string, paid = `${period}-20`) => [
    code,
    name,
    '民政局',
    '否',
    who,
    '',
    hh,
    period,
    paid,
    amount,
  ];
  const welfare = [
    ['项目代码', '项目名称', '主管部门', '是否普惠', '身份证号', '姓名', '户号', '发放所属期', '发放日期', '发放金额'],
    // S1's father draws 低保 from 2023-11 to 2024-04: 2 months overlap his first spell, 2 his second, 2 fall in the gap.
    ...months('2023-11', '2024-04').map((m) => pay('MZ-DBNC', '农村最低生活保障金', F.f1, 'H1', m, '870')),
    // S3's father draws 低保 in S3's gap only: no alert.
    ...months('2022-09', '2023-03').map((m) => pay('MZ-DBNC', '农村最低生活保障金', F.f3, 'H3', m, '870')),
    // S2 draws the farm subsidy for 2023 (a year inside his spell) and S3 for 2023-01..03 (his gap): one alert.
    pay('NY-GDDL', '耕地地力保护补贴', S.s2, 'H2', '2023-01至2023-12', '651', '2023-12-20'),
    pay('NY-GDDL', '耕地地力保护补贴', S.s3, 'H3', '2023-01至2023-03', '120', '2023-03-20'),
  ];
  base = [write('户籍人口.csv', hukou, 'gbk'), write('民生资金发放.csv', welfare, 'gb18030')];
  spellFile = write('财政供养人员期间.csv', [
    ['身份证号', '姓名', '单位名称', '单位代码', '起始年月', '终止年月', '应发工资'],
    ...SPELLS.map(([p, u, a, b, amount]) => [p, '', u, u, a, b, amount]),
  ]);
});

afterAll(async () => {
  await db?.close();
});

const rejectsDir = () => path.join(dir, 'rejects');

/** An empty graph, the register and payments, then each payroll load in turn (each a list of files). */
async function loadAll(payrollLoads: string[][], batchSize?: number): Promise<void> {
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await loadFiles(db, base, { rejectsDir: rejectsDir() });
  for (const files of payrollLoads) {
    const report = await loadFiles(db, files, { rejectsDir: rejectsDir(), ...(batchSize ? { batchSize } : {}) });
    for (const f of report.files) expect(f.rowsRejected, f.path).toBe(0);
    expect(report.skipped).toEqual([]);
  }
}

async function spells(): Promise<string[]> {
  const { rows } = await db.read<{ s: string }>(
    `MATCH (p:Person)-[w:ON_PAYROLL]->(o:Org)
     RETURN p.idNo + ' ' + o.code + ' ' + toString(w.from) + '..' + coalesce(toString(w.to), '') + ' ' + coalesce(toString(w.months), 'null') + ' ' + toString(w.amount) AS s
     ORDER BY s`,
  );
  return rows.map((r) => r.s);
}

async function found(): Promise<string[]> {
  const library = loadLibrary();
  const out: string[] = [];
  for (const modelId of ['welfare.payroll-household-means-tested', 'welfare.payroll-farm-subsidy']) {
    const r = await runModel(db, library.get(modelId)!, { preview: true });
    expect(r.error).toBeNull();
    for (const d of r.drafts ?? []) out.push(`${modelId}: ${d.summaryZh}`);
  }
  return out.sort();
}

describe('payroll exported as spells and as months', () => {
  let expectedSpells: string[];
  let expectedAlerts: string[];

  it('loads the spell export as one ON_PAYROLL per spell, and the models find the overlaps only', async () => {
    await loadAll([[spellFile]]);
    expectedSpells = await spells();
    expect(expectedSpells).toEqual(
      [
        `${S.s1} U1 2023-01-01..2023-12-31 12 6800.0`,
        `${S.s1} U1 2024-03-01..2024-06-30 4 7000.0`,
        `${S.s1} U2 2023-06-01..2023-08-31 3 800.0`,
        `${S.s2} U2 2022-06-01..2024-05-31 24 5200.0`,
        `${S.s3} U1 2022-01-01..2022-06-30 6 6100.0`,
        `${S.s3} U1 2023-07-01..2023-12-31 6 6100.0`,
      ].sort(),
    );
    expectedAlerts = await found();
    expect(expectedAlerts).toEqual([
      'welfare.payroll-farm-subsidy: 蔡文（U2财政供养）领取耕地地力保护补贴1笔，共651元',
      expect.stringMatching(
        /^welfare\.payroll-household-means-tested: 胡斌（U[12]财政供养）所在户的胡长贵领取农村最低生活保障金，两者重叠4个月$/,
      ),
    ]);
  });

  it('coalesces the monthly export into the same spells and alerts', async () => {
    await loadAll([[monthFile('财政供养人员工资-all.csv', '0000', '9999')]]);
    expect(await spells()).toEqual(expectedSpells);
    expect(await found()).toEqual(expectedAlerts);
  });

  it('gives the same spells with month files loaded out of order, twice, in small batches', async () => {
    const late = monthFile('财政供养人员工资-2024.csv', '2024-01', '9999');
    const early = monthFile('财政供养人员工资-2022.csv', '0000', '2022-12');
    const middle = monthFile('财政供养人员工资-2023.csv', '2023-01', '2023-12');
    await loadAll([[late], [early], [late], [middle], [early]], 7);
    expect(await spells()).toEqual(expectedSpells);
    expect(await found()).toEqual(expectedAlerts);
  });

  it('merges months over the spell export without duplicating a spell', async () => {
    await loadAll([
      [monthFile('财政供养人员工资-2023.csv', '2023-01', '2023-12')],
      [spellFile],
      [monthFile('财政供养人员工资-all.csv', '0000', '9999')],
    ]);
    expect(await spells()).toEqual(expectedSpells);
    expect(await found()).toEqual(expectedAlerts);
  });

  it('changes nothing when the same file loads again', async () => {
    const file = monthFile('财政供养人员工资-all.csv', '0000', '9999');
    await loadAll([[file]]);
    const props = () =>
      db.read<{ p: unknown }>('MATCH ()-[w:ON_PAYROLL]->() RETURN properties(w) AS p ORDER BY w.from, w._row').then((r) => r.rows);
    const before = await props();
    await loadFiles(db, [file], { rejectsDir: rejectsDir() });
    expect(await props()).toEqual(before);
  });

  it('keeps a spell still running open, and months after its start inside it', async () => {
    const open = write('财政供养人员期间-open.csv', [
      ['身份证号', '姓名', '单位名称', '单位代码', '起始年月', '终止年月', '应发工资'],
      [S.s2, '', '', 'U3', '2024-01', '', '5600'],
    ]);
    await loadAll([
      [open],
      [
        write('财政供养人员工资-u3.csv', [
          PAYROLL_HEADER,
          [S.s2, '', '', 'U3', '2024-09', '5900'],
          [S.s2, '', '', 'U3', '2023-12', '5500'],
        ]),
      ],
    ]);
    expect(await spells()).toEqual([`${S.s2} U3 2023-12-01.. null 5600.0`]);
  });

  it('lets a full snapshot end an open spell it no longer lists, and a month over that end extends it again', async () => {
    const header = ['身份证号', '姓名', '单位名称', '单位代码', '起始年月', '终止年月', '应发工资'];
    const first = write('财政供养人员期间-0615.csv', [
      header,
      [S.s2, '', '', 'U3', '2024-01', '', '5600'],
      [S.s1, '', '', 'U3', '2023-01', '', '6000'],
    ]);
    const second = write('财政供养人员期间-0715.csv', [header, [S.s1, '', '', 'U3', '2023-01', '', '6000']]);
    await loadAll([]);
    const snapshot = (deliveredOn: string) => ({ rejectsDir: rejectsDir(), snapshot: { sources: 'all' as const, deliveredOn } });
    await loadFiles(db, [first], snapshot('2024-06-15'));
    await loadFiles(db, [second], snapshot('2024-07-15'));
    const ended = () =>
      db
        .read<{ s: string }>(
          `MATCH (p:Person {idNo: $p})-[w:ON_PAYROLL]->(:Org {code: 'U3'})
           RETURN toString(w.from) + '..' + coalesce(toString(w.to), '') + ' ' + coalesce(toString(w._endedOn), '-') AS s`,
          { p: S.s2 },
        )
        .then((r) => r.rows.map((x) => x.s));
    expect(await ended()).toEqual(['2024-01-01..2024-07-15 2024-07-15']);
    expect((await spells()).filter((x) => x.startsWith(S.s1))).toEqual([`${S.s1} U3 2023-01-01.. null 6000.0`]);
    await loadFiles(db, [write('财政供养人员工资-0715.csv', [PAYROLL_HEADER, [S.s2, '', '', 'U3', '2024-07', '5600']])], {
      rejectsDir: rejectsDir(),
    });
    expect(await ended()).toEqual(['2024-01-01..2024-07-31 -']);
  });

  it('closes an open spell when a later spell export gives its end', async () => {
    const header = ['身份证号', '姓名', '单位名称', '单位代码', '起始年月', '终止年月', '应发工资'];
    await loadAll([
      [write('财政供养人员期间-a.csv', [header, [S.s3, '', '', 'U4', '2020-01', '', '6000']])],
      [write('财政供养人员期间-b.csv', [header, [S.s3, '', '', 'U4', '2020-01', '2024-06', '6300']])],
    ]);
    expect(await spells()).toEqual([`${S.s3} U4 2020-01-01..2024-06-30 54 6300.0`]);
  });
});
