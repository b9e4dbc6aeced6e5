// A corpus of malformed department files, each loaded by the real loader into Neo4j, with the outcome it
// must have: nothing lost, nothing stored wrong, and a report (and exit status) that says what happened.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { utils as xlsUtils, write as xlsWrite } from '@e965/xlsx';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { columnNotes, EXIT, exitCodeOf, fileMark, loadFiles, type LoadReport } from '../../../loaders/index.js';
import { freshGraph } from '../../support/db.js';
import { id, uscc } from './fixtures.js';

let db: Executor;
const root = mkdtempSync(path.join(tmpdir(), 'huiyan-bad-input-'));

const caseDir = (name: string) => {
  const dir = mkdtempSync(path.join(root, `${name}-`));
  return { dir, f: (file: string) => path.join(dir, file) };
};
const load = (dir: string, batchSize?: number): Promise<LoadReport> =>
  loadFiles(db, [dir], { rejectsDir: path.join(dir, 'rejects'), ...(batchSize ? { batchSize } : {}) });

/** A valid ID number per case and row, so cases never share a person. */
const person = (caseNo: number, n: number) => id(`3301${String(caseNo).padStart(2, '0')}19900101${String(n).padStart(3, '0')}`);
const HUKOU = ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系'];
const hukouRow = (caseNo: number, n: number, name = `张${n}`) => [person(caseNo, n), name, '男', '1990-01-01', `H${caseNo}-${n}`, '02'];
const rejectLines = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);
/** row, column and reason of each line of a rejects file. */
const rejectsOf = (file: string) =>
  (parseCsv(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[]).map(
    (r) => `${r.row},${r.column} ${r.reason}`,
  );
const personsOf = async (caseNo: number) =>
  (
    await db.read<{ name: string }>('MATCH (p:Person) WHERE p.idNo STARTS WITH $prefix RETURN p.name AS name ORDER BY p.idNo', {
      prefix: person(caseNo, 0).slice(0, 14),
    })
  ).rows.map((r) => r.name);

beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  await db.close();
});

describe('line endings', () => {
  it.each([
    ['CRLF', ['\r\n', '\r\n', '\r\n', '\r\n']],
    ['LF', ['\n', '\n', '\n', '\n']],
    ['CR', ['\r', '\r', '\r', '\r']],
    ['mixed', ['\r\n', '\n', '\r', '\r\n']],
  ])('loads all 4 rows of a %s register, clean', async (style, endings) => {
    const caseNo = 10 + ['CRLF', 'LF', 'CR', 'mixed'].indexOf(style);
    const { dir, f } = caseDir(`endings-${style}`);
    const lines = [HUKOU, ...[1, 2, 3, 4].map((n) => hukouRow(caseNo, n))].map((r) => r.join(','));
    writeFileSync(f('户籍人口.csv'), iconv.encode(lines.map((l, i) => l + (i ? endings[i - 1] : '\r\n')).join(''), 'gbk'));
    const r = await load(dir);
    expect(r.files.map((x) => [x.rowsRead, x.rowsLoaded, x.rowsRejected, x.status])).toEqual([[4, 4, 0, 'loaded']]);
    expect(await personsOf(caseNo)).toEqual(['张1', '张2', '张3', '张4']);
    expect(exitCodeOf(r)).toBe(EXIT.clean);
  });
});

describe('a broken quote at row 240 of 250', () => {
  const caseNo = 20;
  const rows = (broken: boolean) =>
    [HUKOU, ...Array.from({ length: 250 }, (_, i) => hukouRow(caseNo, i + 1, broken && i + 1 === 240 ? '"王五' : `张${i + 1}`))]
      .map((r) => r.join(','))
      .join('\r\n');
  const { dir, f } = caseDir('broken-quote');
  let stopped: LoadReport;

  beforeAll(async () => {
    writeFileSync(f('户籍人口.csv'), iconv.encode(rows(true), 'gbk'));
    stopped = await load(dir, 50);
  });

  it('loads the 239 rows before it, says where and why it stopped, and is not called skipped', async () => {
    expect(stopped.skipped).toEqual([]);
    const [file] = stopped.files;
    expect([file!.status, file!.stoppedAtRow, file!.rowsRead, file!.rowsLoaded, file!.reconciles]).toEqual([
      'stopped',
      240,
      239,
      239,
      true,
    ]);
    expect(file!.stopReason).toMatch(/CSV parse error after data row 239: Quote Not Closed/);
    expect((await personsOf(caseNo)).length).toBe(239);
    const { rows: run } = await db.read<{ r: Record<string, unknown> }>('MATCH (r:LoadRun {id: $id}) RETURN properties(r) AS r', {
      id: file!.id,
    });
    expect(run[0]!.r).toMatchObject({ status: 'stopped', stoppedAtRow: 240, rowsRead: 239, rowsLoaded: 239 });
    expect(fileMark(file!)).toBe('✗');
    expect(columnNotes(file!)[0]).toMatch(/^✗ 户籍人口\.csv: stopped at data row 240: .*none from it on$/);
    expect(exitCodeOf(stopped)).toBe(EXIT.filesFailed);
  });

  it('reports the rows from the failure on as not loaded in the rejects file', () => {
    expect(rejectLines(stopped.files[0]!.rejectsFile!)).toEqual([
      expect.stringMatching(
        /^户籍人口\.csv,240,,,文件从此行起无法读取，此行及以后各行均未装载 the file cannot be read from this row on: .*this row and every later one were not loaded/,
      ),
    ]);
  });

  it('completes when the corrected file is loaded, and again changes nothing', async () => {
    writeFileSync(f('户籍人口.csv'), iconv.encode(rows(false), 'gbk'));
    const fixed = await load(dir, 50);
    expect(fixed.files.map((x) => [x.status, x.rowsLoaded, x.rejectsFile])).toEqual([['loaded', 250, null]]);
    const before = await db.read('MATCH (p:Person) WHERE p.idNo STARTS WITH $p RETURN properties(p) AS p ORDER BY p.idNo', {
      p: person(caseNo, 0).slice(0, 14),
    });
    expect(before.rows.length).toBe(250);
    const again = await load(dir, 50);
    expect(again.files[0]!.id).toBe(fixed.files[0]!.id);
    const after = await db.read('MATCH (p:Person) WHERE p.idNo STARTS WITH $p RETURN properties(p) AS p ORDER BY p.idNo', {
      p: person(caseNo, 0).slice(0, 14),
    });
    expect(after.rows).toEqual(before.rows);
  });
});

describe('cells that would be stored wrong', () => {
  it('rejects the rows with undecodable GBK bytes, a NUL and a 1 MiB cell, with column and reason, and loads the rest', async () => {
    const caseNo = 30;
    const { dir, f } = caseDir('bad-cells');
    const gbk = (s: string) => iconv.encode(s, 'gbk');
    const line = (cells: (string | Buffer)[]) =>
      Buffer.concat([...cells.flatMap((c, i) => [i ? gbk(',') : Buffer.alloc(0), typeof c === 'string' ? gbk(c) : c]), gbk('\r\n')]);
    const [idNo, , ...rest] = hukouRow(caseNo, 2);
    writeFileSync(
      f('户籍人口.csv'),
      Buffer.concat([
        line([...HUKOU, '住址']),
        line([...hukouRow(caseNo, 1), '某村1号']),
        line([idNo!, Buffer.concat([gbk('王'), Buffer.from([0xff])]), ...rest, '']),
        line([...hukouRow(caseNo, 3, 'a\u0000b'), '']),
        line([...hukouRow(caseNo, 4), 'x'.repeat(1024 * 1024)]),
        line([...hukouRow(caseNo, 5), '某村5号']),
      ]),
    );
    const r = await load(dir);
    const [file] = r.files;
    expect([file!.rowsRead, file!.rowsLoaded, file!.rowsRejected]).toEqual([5, 2, 3]);
    expect(rejectsOf(file!.rejectsFile!)).toEqual([
      expect.stringMatching(/^2,姓名 含无法按 gbk 解码的字节.* bytes that are not valid gbk/),
      '3,姓名 单元格含控制字符 U+0000 control character U+0000 in the cell',
      '4,住址 单元格 1048576 字节，超过上限 65536 cell of 1048576 bytes, more than the limit of 65536 (maxCellBytes)',
    ]);
    expect(await personsOf(caseNo)).toEqual(['张1', '张5']);
    expect(exitCodeOf(r)).toBe(EXIT.withRejects);
  });
});

describe('JSON nested 200,000 levels deep', () => {
  it('rejects that line and loads the others, without taking the run down', async () => {
    const { dir, f } = caseDir('deep-json');
    const line = (n: number, caseNo: unknown) =>
      JSON.stringify({ 案件编号: caseNo, 违法行为类别: '赌博', 身份证号: person(40, n), 涉案角色: '违法行为人' });
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    writeFileSync(f('公安行政处罚.jsonl'), [line(1, 'AJ1'), line(2, 'AJ2').replace('"AJ2"', deep), line(3, 'AJ3')].join('\n'));
    const r = await load(dir);
    expect(r.files.map((x) => [x.rowsRead, x.rowsLoaded, x.rowsRejected])).toEqual([[3, 2, 1]]);
    expect(rejectLines(r.files[0]!.rejectsFile!)).toEqual([
      '公安行政处罚.jsonl,2,,,JSON 嵌套超过 64 层 JSON nested deeper than 64 levels (maxJsonDepth)',
    ]);
  });
});

describe('workbooks', () => {
  const company = (header: string[], sheet = '企业基本信息') =>
    writeXlsxFile([header, [uscc('91330122MA2Q00001'), '桐庐丁有限公司', '存续', '张三', person(50, 1)]], { sheet });

  it('refuses a zip bomb from its directory, at once, with INPUT_LIMIT', async () => {
    const { dir, f } = caseDir('zip-bomb');
    await company(['统一社会信用代码', '企业名称', '登记状态', '法定代表人', '法定代表人证件号码']).toFile(f('企业登记.xlsx'));
    const b = readFileSync(f('企业登记.xlsx'));
    const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let p = b.indexOf(central); p >= 0; p = b.indexOf(central, p + 4)) b.writeUInt32LE(0xfffffff0, p + 24);
    writeFileSync(f('企业登记.xlsx'), b);
    const t0 = Date.now();
    const r = await load(dir);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['企业登记.xlsx', 'INPUT_LIMIT']]);
    expect(exitCodeOf(r)).toBe(EXIT.filesFailed);
  });

  it('refuses a file that is not a workbook as UNREADABLE_FILE', async () => {
    const { dir, f } = caseDir('not-xlsx');
    writeFileSync(f('企业登记.xlsx'), 'this is not a zip archive');
    const r = await load(dir);
    expect(r.skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['企业登记.xlsx', 'UNREADABLE_FILE']]);
    expect(exitCodeOf(r)).toBe(EXIT.filesFailed);
  });
});

describe('a business registry workbook holding three sources, a sheet each, after a cover sheet', () => {
  it("loads each sheet through the mapping its header names, in the sources' order, and names the cover as not read", async () => {
    const { dir, f } = caseDir('registry-sheets');
    const co = [uscc('91330122MA2R00001'), uscc('91330122MA2R00002')];
    const book = xlsUtils.book_new();
    const sheet = (name: string, rows: (string | number)[][]) => xlsUtils.book_append_sheet(book, xlsUtils.aoa_to_sheet(rows), name);
    sheet('填表说明', [['本表由县市场监管局导出'], ['各表以统一社会信用代码关联']]);
    // Shareholders and officers first in tab order: their companies must still be loaded before them.
    sheet('股东及出资信息', [
      ['统一社会信用代码', '股东名称', '股东类型', '证件号码', '出资比例'],
      [co[0]!, '李一', '自然人股东', person(90, 1), '60%'],
      [co[1]!, '李二', '自然人股东', person(90, 2), '100%'],
    ]);
    sheet('企业基本信息', [
      ['统一社会信用代码', '企业名称', '登记状态', '法定代表人', '法定代表人证件号码'],
      [co[0]!, '桐庐甲建设有限公司', '存续', '李一', person(90, 1)],
      [co[1]!, '桐庐乙贸易有限公司', '存续', '李二', person(90, 2)],
    ]);
    sheet('主要人员', [
      ['统一社会信用代码', '姓名', '身份证号', '职务'],
      [co[0]!, '李三', person(90, 3), '监事'],
    ]);
    writeFileSync(f('企业登记信息.xlsx'), xlsWrite(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    const r = await load(dir);
    expect(r.skipped).toEqual([]);
    expect(r.files.map((x) => [x.file, x.source, x.sheet, x.rowsRead, x.rowsLoaded, x.rowsRejected])).toEqual([
      ['企业登记信息.xlsx', 'company', '企业基本信息', 2, 2, 0],
      ['企业登记信息.xlsx', 'shareholder', '股东及出资信息', 2, 2, 0],
      ['企业登记信息.xlsx', 'officer', '主要人员', 1, 1, 0],
    ]);
    for (const x of r.files) expect(x.sheetsNotRead).toEqual(['填表说明']);
    // One LoadRun and one rejects name each: the runs differ by source.
    expect(new Set(r.files.map((x) => x.id)).size).toBe(3);
    const { rows } = await db.read<{ t: string; n: number }>(
      'MATCH (p:Person)-[x:SHAREHOLDER_OF|EXECUTIVE_OF]->(c:Company) WHERE c.uscc IN $co RETURN type(x) AS t, count(*) AS n ORDER BY t',
      { co },
    );
    expect(rows).toEqual([
      { t: 'EXECUTIVE_OF', n: 1 },
      { t: 'SHAREHOLDER_OF', n: 2 },
    ]);
    expect(exitCodeOf(r)).toBe(EXIT.clean);
  });
});

describe("a household ledger with 户号 and 住址 merged down over each household's members", () => {
  it.each(['xlsx', 'xls'] as const)(
    'reads every member with the merged values from the %s workbook, and leaves the merged title alone',
    async (type) => {
      const caseNo = type === 'xlsx' ? 91 : 92;
      const { dir, f } = caseDir(`merged-${type}`);
      const header = ['户号', '公民身份号码', '姓名', '性别', '出生日期', '与户主关系', '住址'];
      const member = (n: number, hh: string, relation: string, address = '') => [
        n === 1 || n === 4 ? hh : '',
        person(caseNo, n),
        `赵${n}`,
        '男',
        '1990-01-01',
        relation,
        address,
      ];
      const sheet = xlsUtils.aoa_to_sheet([
        ['桐庐县低保家庭成员台账'],
        [],
        header,
        member(1, `H${caseNo}-1`, '户主', '桐君街道1号'),
        member(2, '', '配偶'),
        member(3, '', '子'),
        member(4, `H${caseNo}-2`, '户主', '桐君街道2号'),
        member(5, '', '女'),
      ]);
      // Rows and columns from 0: the title over two rows and the width; 户号 and 住址 down each household.
      sheet['!merges'] = [
        { s: { r: 0, c: 0 }, e: { r: 1, c: 6 } },
        { s: { r: 3, c: 0 }, e: { r: 5, c: 0 } },
        { s: { r: 3, c: 6 }, e: { r: 5, c: 6 } },
        { s: { r: 6, c: 0 }, e: { r: 7, c: 0 } },
        { s: { r: 6, c: 6 }, e: { r: 7, c: 6 } },
      ];
      const book = xlsUtils.book_new();
      xlsUtils.book_append_sheet(book, sheet, '成员');
      writeFileSync(f(`低保家庭成员.${type}`), xlsWrite(book, { bookType: type === 'xls' ? 'biff8' : 'xlsx', type: 'buffer' }) as Buffer);
      const r = await load(dir);
      expect(r.skipped).toEqual([]);
      const file = r.files[0]!;
      expect(file).toMatchObject({ source: 'hukou', rowsRead: 5, rowsLoaded: 5, rowsRejected: 0, titleRows: ['桐庐县低保家庭成员台账'] });
      expect(file.mergedCells).toEqual({ ranges: 4, cells: 6 });
      expect(columnNotes(file).join('\n')).toContain(
        '6 empty cell(s) under 4 merged range(s) of several rows (合并单元格) read as the merged value',
      );
      const { rows } = await db.read<{ hh: string; names: string[]; addresses: string[] }>(
        `MATCH (p:Person)-[:MEMBER_OF]->(h:Household) WHERE p.idNo STARTS WITH $p
       WITH h, p ORDER BY p.name RETURN h.hhNo AS hh, collect(p.name) AS names, collect(p.address) AS addresses ORDER BY hh`,
        { p: person(caseNo, 0).slice(0, 14) },
      );
      expect(rows).toEqual([
        { hh: `H${caseNo}-1`, names: ['赵1', '赵2', '赵3'], addresses: ['桐君街道1号', '桐君街道1号', '桐君街道1号'] },
        { hh: `H${caseNo}-2`, names: ['赵4', '赵5'], addresses: ['桐君街道2号', '桐君街道2号'] },
      ]);
      expect(exitCodeOf(r)).toBe(EXIT.clean);
    },
  );
});

describe('a register whose system kept the ID numbers as text for Excel', () => {
  it('reads ="…" (bare and quoted) and a leading \' as the value inside', async () => {
    const { dir, f } = caseDir('excel-text');
    const rows = [
      HUKOU.join(','),
      `="${person(93, 1)}",张1,男,1990-01-01,="H93-1",02`,
      `"=""${person(93, 2)}""",张2,男,1990-01-01,H93-2,02`,
      `'${person(93, 3)},张3,男,1990-01-01,'H93-3,02`,
    ];
    writeFileSync(f('户籍人口.csv'), iconv.encode(rows.join('\r\n'), 'gbk'));
    const r = await load(dir);
    expect(r.files.map((x) => [x.rowsRead, x.rowsLoaded, x.rowsRejected])).toEqual([[3, 3, 0]]);
    expect(await personsOf(93)).toEqual(['张1', '张2', '张3']);
    const { rows: households } = await db.read<{ hh: string }>(
      'MATCH (p:Person)-[:MEMBER_OF]->(h:Household) WHERE p.idNo STARTS WITH $p RETURN h.hhNo AS hh ORDER BY hh',
      { p: person(93, 0).slice(0, 14) },
    );
    expect(households.map((h) => h.hh)).toEqual(['H93-1', 'H93-2', 'H93-3']);
  });
});

describe('a case register listing several people in one cell', () => {
  it('loads one INVOLVED_IN per person listed, rejects the one bad ID number alone, and counts each as a row', async () => {
    const { dir, f } = caseDir('split');
    const maps = path.join(dir, 'maps');
    mkdirSync(maps);
    writeFileSync(
      path.join(maps, 'site-cases.yaml'),
      `id: site-cases
title: { zh: 治安案件, en: Public order cases }
order: 95
match: { files: ['治安案件*.csv'], headers: [caseNo, idNo] }
format: { type: csv, encoding: utf-8 }
columns:
  caseNo: { headers: [案件编号], normalise: code, required: true }
  type: { headers: [案由], required: true }
  idNo: { headers: [涉案人员身份证号], normalise: idNo, required: true, split: true }
nodes:
  case: { label: PoliceCase, key: caseNo, props: { type: type } }
  person: { label: Person, key: idNo, mode: fill }
relationships:
  - { type: INVOLVED_IN, from: person, to: case, props: { role: { value: 涉案人员 } } }
`,
    );
    const bad = person(94, 9).slice(0, 17) + (person(94, 9).endsWith('1') ? '2' : '1');
    writeFileSync(
      f('治安案件.csv'),
      [
        '案件编号,案由,涉案人员身份证号',
        `AJ94-1,赌博,"${person(94, 1)}、${person(94, 2)}；${person(94, 3)}"`,
        `AJ94-2,斗殴,${person(94, 4)}`,
        `AJ94-3,盗窃,"${person(94, 5)},${bad}"`,
      ].join('\r\n'),
    );
    const r = await loadFiles(db, [f('治安案件.csv')], { rejectsDir: path.join(dir, 'rejects'), extraMappingsDirs: [maps] });
    expect(r.files.map((x) => [x.source, x.rowsRead, x.rowsLoaded, x.rowsRejected, x.reconciles])).toEqual([['site-cases', 6, 5, 1, true]]);
    expect(rejectsOf(r.files[0]!.rejectsFile!)).toEqual([expect.stringMatching(/^3,涉案人员身份证号 .*GB 11643/) as string]);
    const { rows } = await db.read<{ c: string; n: number }>(
      'MATCH (p:Person)-[:INVOLVED_IN]->(c:PoliceCase) WHERE c.caseNo STARTS WITH "AJ94" RETURN c.caseNo AS c, count(p) AS n ORDER BY c',
    );
    expect(rows).toEqual([
      { c: 'AJ94-1', n: 3 },
      { c: 'AJ94-2', n: 1 },
      { c: 'AJ94-3', n: 1 },
    ]);
  });
});

describe('a mapping that misses a column', () => {
  it('says so in the reconciliation and on the LoadRun: the header nothing read, the column that found none, the relationship never built', async () => {
    const { dir, f } = caseDir('missing-alias');
    // 法定代表人证件号 (no 码): the company mapping has no alias for it.
    await writeXlsxFile(
      [
        ['统一社会信用代码', '企业名称', '登记状态', '法定代表人', '法定代表人证件号'],
        [uscc('91330122MA2Q00001'), '桐庐丁有限公司', '存续', '张三', person(50, 1)],
      ],
      { sheet: '企业基本信息' },
    ).toFile(f('企业登记.xlsx'));
    const r = await load(dir);
    const [file] = r.files;
    expect([file!.rowsLoaded, file!.reconciles]).toEqual([1, true]);
    expect(file!.unreadColumns).toEqual(['法定代表人证件号']);
    expect(file!.missingOptional).toContain('法定代表人证件号码 (repId)');
    expect(file!.warnings).toEqual(["LEGAL_REP_OF rep→company: no header for rep's key 法定代表人证件号码 (repId)"]);
    expect(JSON.parse(file!.columnsRead)).toMatchObject({ uscc: '统一社会信用代码', repName: '法定代表人' });
    expect(fileMark(file!)).toBe('✗');
    const notes = columnNotes(file!).join('\n');
    expect(notes).toContain('✗ 企业登记.xlsx: a relationship no row could build: LEGAL_REP_OF');
    expect(notes).toContain('file columns no mapping column read: 法定代表人证件号');
    expect(notes).toContain(
      "file columns that look like them (add one to the column's headers if it is): 法定代表人证件号码 (repId) ≈ 法定代表人证件号",
    );
    expect(exitCodeOf(r)).toBe(EXIT.withRejects);
    const { rows } = await db.read<{ r: Record<string, unknown> }>('MATCH (r:LoadRun {id: $id}) RETURN properties(r) AS r', {
      id: file!.id,
    });
    expect(rows[0]!.r).toMatchObject({
      status: 'loaded',
      unreadColumns: ['法定代表人证件号'],
      warnings: [expect.stringContaining('LEGAL_REP_OF') as string],
      columnsRead: file!.columnsRead,
    });
  });

  it('reads a UTF-8 export its mapping declares GBK as UTF-8: the bytes overrule the declaration', async () => {
    const { dir, f } = caseDir('utf8-declared-gbk');
    // The register mapping declares GBK; this export is UTF-8 without a BOM.
    writeFileSync(f('户籍人口.csv'), [HUKOU, hukouRow(60, 1)].map((r) => r.join(',')).join('\r\n'));
    const r = await load(dir);
    expect(r.skipped).toEqual([]);
    expect(r.files.map((x) => [x.encoding, x.rowsLoaded, x.rowsRejected])).toEqual([['utf8', 1, 0]]);
  });

  it('names the encoding and shows the decoded header when a wrong one makes every column missing', async () => {
    const { dir, f } = caseDir('wrong-encoding');
    // The register mapping declares GBK; this export is UTF-16 without a byte-order mark, which neither
    // the declaration nor the bytes' own test can tell.
    writeFileSync(f('户籍人口.csv'), iconv.encode([HUKOU, hukouRow(60, 1)].map((r) => r.join(',')).join('\r\n'), 'utf16le'));
    const r = await load(dir);
    expect(r.files).toEqual([]);
    expect(r.skipped.map((s) => s.code)).toEqual(['MISSING_COLUMNS']);
    const reason = r.skipped[0]!.reason;
    expect(reason).toContain('; read as gbk, the header is: ');
    expect(reason).toMatch(/read as utf16le every required column is found: declare encoding: utf16le$/);
    expect(exitCodeOf(r)).toBe(EXIT.filesFailed);
  });
});

describe('a register exported under a title, with a total row', () => {
  it('loads the rows under the header, says what stood above it, and sets totals and the lines under the table aside, not as rejects', async () => {
    const { dir, f } = caseDir('titled');
    const lines = [
      ['桐庐县户籍人口信息表', '', '', '', '', ''],
      ['填报单位：桐庐县公安局', '', '', '', '', '导出日期：2023-12-31'],
      HUKOU,
      hukouRow(70, 1),
      hukouRow(70, 2),
      ['小计', '2人', '', '', '', ''],
      hukouRow(70, 3),
      ['', '张4', '男', '1990-01-01', 'H70-4', '02'],
      ['合 计', '4人', '', '', '', ''],
      ['制表人：李梅', '审核人：王强', '', '', '', '制表日期：2024年1月2日'],
      ['注：1.本表数据截至2023年12月31日', '', '', '', '', ''],
    ];
    writeFileSync(f('户籍人口.csv'), iconv.encode(lines.map((r) => r.join(',')).join('\r\n'), 'gbk'));
    const r = await load(dir);
    expect(r.skipped).toEqual([]);
    const file = r.files[0]!;
    // Four rows of people read: three loaded, the one without an ID number rejected. The 小计 and 合计 rows
    // and the two lines under the table are neither read nor rejected, so the feed's reject rate is 1 of 4.
    expect(file).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, reconciles: true });
    expect(file.titleRows).toEqual(['桐庐县户籍人口信息表', '填报单位：桐庐县公安局 导出日期：2023-12-31']);
    expect(file.asideRows).toEqual({
      count: 4,
      first: [
        { row: 3, text: '小计 2人' },
        { row: 6, text: '合 计 4人' },
        { row: 7, text: '制表人:李梅 审核人:王强 制表日期:2024年1月2日' },
        { row: 8, text: '注:1.本表数据截至2023年12月31日' },
      ],
    });
    expect(await personsOf(70)).toEqual(['张1', '张2', '张3']);
    // The LoadRun keeps the count, so the feed page can say why a delivery that rejected nothing has notes.
    const { rows } = await db.read<{ aside: number }>('MATCH (r:LoadRun {id: $id}) RETURN r.rowsAside AS aside', { id: file.id });
    expect(rows).toEqual([{ aside: 4 }]);
    expect(rejectsOf(file.rejectsFile!)).toEqual([
      '3, 合计或表尾说明行，不是记录：未装载，不计入读取和拒收 not a record but a total or a line under the table: 「小计 2人」; not loaded, not counted as read or rejected',
      '5,公民身份号码 必填项为空 required value is empty',
      '6, 合计或表尾说明行，不是记录：未装载，不计入读取和拒收 not a record but a total or a line under the table: 「合 计 4人」; not loaded, not counted as read or rejected',
      '7, 合计或表尾说明行，不是记录：未装载，不计入读取和拒收 not a record but a total or a line under the table: 「制表人:李梅 审核人:王强 制表日期:2024年1月2日」; not loaded, not counted as read or rejected',
      '8, 合计或表尾说明行，不是记录：未装载，不计入读取和拒收 not a record but a total or a line under the table: 「注:1.本表数据截至2023年12月31日」; not loaded, not counted as read or rejected',
    ]);
    const notes = columnNotes(file).join('\n');
    expect(notes).toContain('the header is non-empty row 3; above it, read as a title and not as data: 「桐庐县户籍人口信息表」');
    expect(notes).toContain('4 row(s) read as totals or lines under the table, not as records');
    expect(exitCodeOf(r)).toBe(EXIT.withRejects);
  });
});

describe('a party register exported as an Excel 97-2003 workbook', () => {
  it('loads through the XLSX mapping, dates by their format, with the same reconciliation', async () => {
    const { dir, f } = caseDir('xls');
    const sheet = xlsUtils.aoa_to_sheet([
      ['桐庐县党员信息表'],
      ['身份证号码', '姓名', '入党日期', '所在党支部'],
      [person(80, 1), '王一', 37073, '一支部'],
      [person(80, 2), '王二', '2010年7月1日', '二支部'],
      ['', '王三', 40360, '三支部'],
    ]);
    sheet['C3']!.z = 'yyyy-mm-dd';
    sheet['C5']!.z = 'yyyy-mm-dd';
    const book = xlsUtils.book_new();
    xlsUtils.book_append_sheet(book, sheet, '党员基本信息');
    writeFileSync(f('党员信息.xls'), xlsWrite(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const r = await load(dir);
    expect(r.skipped).toEqual([]);
    expect(r.files[0]).toMatchObject({
      source: 'party',
      sheet: '党员基本信息',
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
      reconciles: true,
    });
    expect(r.files[0]!.titleRows).toEqual(['桐庐县党员信息表']);
    const { rows } = await db.read<{ name: string; joined: string; branch: string }>(
      'MATCH (p:Person) WHERE p.idNo STARTS WITH $p AND p.partyMember RETURN p.name AS name, toString(p.joinedPartyDate) AS joined, p.partyBranch AS branch ORDER BY p.idNo',
      { p: person(80, 0).slice(0, 14) },
    );
    expect(rows).toEqual([
      { name: '王一', joined: '2001-07-01', branch: '一支部' },
      { name: '王二', joined: '2010-07-01', branch: '二支部' },
    ]);
    expect(rejectsOf(r.files[0]!.rejectsFile!)).toEqual(['3,身份证号码 必填项为空 required value is empty']);
  });
});
