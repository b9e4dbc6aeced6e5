// Department spreadsheets often open with a title, a line naming the filing unit, or a group heading above
// the real header, and end with a 合计 row. The header is found below them, in CSV and in XLSX, by the
// mapping that recognises the file; the rows above it are reported, never read as data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../loaders/core/load-files.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { columnNotes } from '../../../loaders/core/outcome.js';
import { cutPoints } from '../../../loaders/core/readers/cut-points.js';
import { openSource, rangeRows, type DataRow, type TextSource } from '../../../loaders/core/readers/source-reader.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-titles-'));
const hasId = (h: string[]) => h.includes('身份证号');

const TITLED_CSV = [
  '桐庐县2023年困难群众救助金发放明细表,,,',
  ',,,',
  '填报单位：桐庐县民政局,,,填报日期：2023-12-31',
  '姓名,身份证号,发放金额,备注',
  '张三,110105194912310021,330,',
  '李四,110105194912310048,"1,200",补发',
  '合计,,1530,',
].join('\r\n');

async function rowsOf(rows: AsyncIterable<DataRow>) {
  const out: DataRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('a CSV with a title above its header', () => {
  it('takes the first head row the mapping recognises as the header, and the rows below it as data', async () => {
    const f = path.join(dir, 'titled-gbk.csv');
    writeFileSync(f, iconv.encode(TITLED_CSV, 'gbk'));
    const reader = await openSource(f, 'csv', { isHeader: hasId });
    expect(reader.headers).toEqual(['姓名', '身份证号', '发放金额', '备注']);
    expect(reader.titleRows).toEqual(['桐庐县2023年困难群众救助金发放明细表', '填报单位：桐庐县民政局 填报日期：2023-12-31']);
    const rows = await rowsOf(reader.rows());
    // Numbered from the first data row, as in every file; the total row is a row (the mapping rejects it).
    expect(rows.map((r) => [r.row, r.values['姓名'], r.values['身份证号']])).toEqual([
      [1, '张三', '110105194912310021'],
      [2, '李四', '110105194912310048'],
      [3, '合计', ''],
    ]);
  });

  it('keeps the first row as the header when no head row passes the test, as before', async () => {
    const f = path.join(dir, 'titled-plain.csv');
    writeFileSync(f, TITLED_CSV);
    const reader = await openSource(f, 'csv', { isHeader: (h) => h.includes('公民身份号码') });
    expect(reader.headers[0]).toBe('桐庐县2023年困难群众救助金发放明细表');
    expect(reader.titleRows).toEqual([]);
    expect((await rowsOf(reader.rows())).length).toBe(5);
  });

  it('gives the same rows when its byte ranges are read apart, as the bulk path reads them', async () => {
    const f = path.join(dir, 'titled-ranges.csv');
    const data = Array.from({ length: 300 }, (_, i) => `人${i},11010519491231${String(i).padStart(4, '0')},${i},`);
    writeFileSync(f, [...TITLED_CSV.split('\r\n').slice(0, 4), ...data].join('\n'));
    const reader = await openSource(f, 'csv', { isHeader: hasId });
    const whole = (await rowsOf(reader.rows())).map((r) => r.values['姓名']);
    const src = reader.text as TextSource;
    const parts: unknown[] = [];
    let ranges = 0;
    for await (const range of cutPoints(src, 1_000, 512)) {
      ranges++;
      for (const r of await rowsOf(rangeRows(src, range, { rows: 0 }))) parts.push(r.values['姓名']);
    }
    expect(ranges).toBeGreaterThan(3);
    expect(whole).toHaveLength(300);
    expect(parts).toEqual(whole);
  });
});

describe('a workbook with a title above its header', () => {
  it('takes the header below the title and the group heading, and reads the data after it', async () => {
    const f = path.join(dir, 'titled.xlsx');
    const cells = (...v: (string | number | null)[]) => v.map((value) => (value === null ? null : { value }));
    const data = [
      cells('桐庐县2023年困难群众救助金发放明细表', null, null),
      cells(null, null, null),
      cells('基本信息', null, '发放信息'),
      cells('姓名', '身份证号', '发放金额'),
      cells('张三', '110105194912310021', 330),
      cells('李四', '110105194912310048', 1200),
    ];
    writeFileSync(f, await (writeXlsxFile(data as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer());
    const reader = await openSource(f, 'xlsx', { isHeader: hasId });
    expect(reader.headers).toEqual(['姓名', '身份证号', '发放金额']);
    expect(reader.titleRows).toEqual(['桐庐县2023年困难群众救助金发放明细表', '基本信息 发放信息']);
    const rows = await rowsOf(reader.rows());
    expect(rows.map((r) => [r.row, r.values['姓名'], r.values['发放金额']])).toEqual([
      [1, '张三', 330],
      [2, '李四', 1200],
    ]);
  });
});

describe('recognising a titled file', () => {
  it('finds the mapping by the header under the title, whatever the file is called, and says what it passed over', async () => {
    const folder = mkdtempSync(path.join(dir, 'plan-'));
    const f = path.join(folder, '2023年12月导出.csv');
    writeFileSync(
      f,
      iconv.encode(
        ['桐庐县常住人口信息表,,,,', '公民身份号码,姓名,户号,与户主关系,住址', '110105194912310021,张三,0001,户主,桐庐镇1号'].join('\r\n'),
        'gbk',
      ),
    );
    const { planned, skipped } = await planFiles([folder], loadMappings({ schema: loadGraphSchema() }));
    expect(skipped).toEqual([]);
    expect(planned.map((p) => [p.mapping.id, p.reader.headers[0], p.reader.titleRows])).toEqual([
      ['hukou', '公民身份号码', ['桐庐县常住人口信息表']],
    ]);
  });

  it('finds it when the header notes a format or unit in brackets after a column name (身份证号(18位), 出生日期（yyyy-mm-dd）)', async () => {
    const folder = mkdtempSync(path.join(dir, 'notes-'));
    writeFileSync(
      path.join(folder, '2023年导出.csv'),
      iconv.encode(
        [
          '常住人口台账,,,,',
          '公民身份号码(18位),姓名,户号,与户主关系（代码）,出生日期【yyyy-mm-dd】',
          '110105194912310021,张三,0001,02,1949-12-31',
        ].join('\r\n'),
        'gbk',
      ),
    );
    const { planned, skipped } = await planFiles([folder], loadMappings({ schema: loadGraphSchema() }));
    expect(skipped).toEqual([]);
    expect(planned.map((p) => [p.mapping.id, p.reader.headers[0], p.reader.titleRows])).toEqual([
      ['hukou', '公民身份号码(18位)', ['常住人口台账']],
    ]);
  });

  it('prints the rows above the header under the reconciliation', () => {
    const notes = columnNotes({
      file: 'x.csv',
      source: 'welfare',
      status: 'loaded',
      warnings: [],
      unreadColumns: [],
      missingOptional: [],
      columnsRead: '{}',
      titleRows: ['明细表', '填报单位：民政局'],
    } as never);
    expect(notes).toEqual([
      'ℹ x.csv: the header is non-empty row 3; above it, read as a title and not as data: 「明细表」 「填报单位：民政局」',
    ]);
  });
});

describe('a header of two rows', () => {
  it('takes the columns without a group from the heading row above, in CSV and XLSX alike', async () => {
    const lines = [
      '桐庐县困难群众救助金发放表,,,,',
      '序号,申请人,,发放金额,发放日期',
      ',姓名,身份证号,,',
      '1,张三,110105194912310021,330,2023-01-10',
    ];
    const f = path.join(dir, 'two-rows.csv');
    writeFileSync(f, lines.join('\n'));
    const needs = (h: string[]) => h.includes('身份证号') && h.includes('发放金额');
    const reader = await openSource(f, 'csv', { isHeader: needs });
    expect(reader.headers).toEqual(['序号', '姓名', '身份证号', '发放金额', '发放日期']);
    expect(reader.titleRows).toEqual(['桐庐县困难群众救助金发放表']);
    const rows = await rowsOf(reader.rows());
    expect(rows.map((r) => [r.row, r.values['姓名'], r.values['发放金额'], r.values['发放日期']])).toEqual([
      [1, '张三', '330', '2023-01-10'],
    ]);

    const x = path.join(dir, 'two-rows.xlsx');
    const data = lines.map((l) => l.split(',').map((value) => (value === '' ? null : { value })));
    writeFileSync(x, await (writeXlsxFile(data as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer());
    const book = await openSource(x, 'xlsx', { isHeader: needs });
    expect(book.headers).toEqual(['序号', '姓名', '身份证号', '发放金额', '发放日期']);
    expect((await rowsOf(book.rows())).map((r) => r.values['发放金额'])).toEqual(['330']);
  });

  it('never names a column after a title above a header with blanks', async () => {
    const f = path.join(dir, 'title-blanks.csv');
    writeFileSync(f, ['桐庐县发放表,,', '姓名,身份证号,', '张三,110105194912310021,x'].join('\n'));
    const reader = await openSource(f, 'csv', { isHeader: hasId });
    expect(reader.headers).toEqual(['姓名', '身份证号', '']);
  });
});
