// Which sheets of a workbook hold the source: a cover sheet before the data is passed over, a register split
// into one sheet a month is read whole with its rows numbered on, and a sheet holding another source is left
// to that source's mapping.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../loaders/core/load-files.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { columnNotes } from '../../../loaders/core/outcome.js';
import { openSource, type DataRow } from '../../../loaders/core/readers/source-reader.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-sheets-'));
const hasId = (h: string[]) => h.includes('身份证号码');
type Rows = (string | null)[][];

async function book(name: string, sheets: Record<string, Rows>, folder = dir): Promise<string> {
  const file = path.join(folder, name);
  const data = Object.entries(sheets).map(([sheet, rows]) => ({
    sheet,
    data: rows.map((r) => r.map((value) => (value === null ? null : { value }))),
  }));
  writeFileSync(file, await (writeXlsxFile(data as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer());
  return file;
}

async function rowsOf(file: string, hints = {}) {
  const reader = await openSource(file, 'xlsx', hints);
  const rows: DataRow[] = [];
  for await (const r of reader.rows()) rows.push(r);
  return { reader, rows };
}

const HEADER = ['身份证号码', '姓名', '入党日期'];
const member = (n: number) => [`11010519491231${String(n).padStart(4, '0')}`, `党员${n}`, '2001-07-01'];

describe('a workbook whose data is not on its first sheet', () => {
  it('passes over a cover sheet to the sheet with the header', async () => {
    const f = await book('cover.xlsx', { 填表说明: [['1. 身份证号码填18位'], ['2. 日期格式为 2001-07-01']], 数据: [HEADER, member(1)] });
    const { reader, rows } = await rowsOf(f, { isHeader: hasId });
    expect(reader.sheet).toBe('数据');
    expect(rows.map((r) => r.values['姓名'])).toEqual(['党员1']);
  });

  it('reads the first sheet with data, as before, when no header test is given', async () => {
    const f = await book('cover-plain.xlsx', { 填表说明: [['说明']], 数据: [HEADER, member(1)] });
    expect((await rowsOf(f)).reader.sheet).toBe('填表说明');
  });
});

describe('a register split into one sheet a month', () => {
  it('reads every sheet with the header, rows numbered on, and says which rows each gave', async () => {
    const f = await book('monthly.xlsx', {
      '1月': [['2023年1月党员名单'], HEADER, member(1), member(2)],
      '2月': [HEADER, member(3)],
      汇总说明: [['本表由组织部汇总']],
      '3月': [HEADER],
      '4月': [['2023年4月党员名单'], HEADER, member(4)],
    });
    const { reader, rows } = await rowsOf(f, { isHeader: hasId });
    expect(reader.sheet).toBe('1月、2月、3月、4月');
    expect(reader.sheetsNotRead).toEqual(['汇总说明']);
    expect(reader.titleRows).toEqual(['2023年1月党员名单']);
    expect(rows.map((r) => [r.row, r.values['姓名']])).toEqual([
      [1, '党员1'],
      [2, '党员2'],
      [3, '党员3'],
      [4, '党员4'],
    ]);
    expect(reader.sheetsRead).toEqual([
      { name: '1月', firstRow: 1, lastRow: 2 },
      { name: '2月', firstRow: 3, lastRow: 3 },
      { name: '3月', firstRow: 4, lastRow: 3 },
      { name: '4月', firstRow: 4, lastRow: 4 },
    ]);
    expect(
      columnNotes({ file: 'monthly.xlsx', warnings: [], unreadColumns: [], missingOptional: [], sheetsRead: reader.sheetsRead } as never),
    ).toEqual([
      'ℹ monthly.xlsx: read 4 sheets with the same header, rows numbered on: 1月 (rows 1–2), 2月 (row 3), 3月 (no rows), 4月 (row 4)',
    ]);
  });

  it('reads only the sheet the mapping names', async () => {
    const f = await book('named.xlsx', { '1月': [HEADER, member(1)], '2月': [HEADER, member(2)] });
    const { reader, rows } = await rowsOf(f, { sheet: '2月', isHeader: hasId });
    expect(reader.sheet).toBe('2月');
    expect(reader.sheetsRead).toBeUndefined();
    expect(rows.map((r) => r.values['姓名'])).toEqual(['党员2']);
  });
});

describe('a workbook holding two sources', () => {
  it('plans each source of a two-source workbook from the sheets with its header, none named as not read', async () => {
    const folder = mkdtempSync(path.join(dir, 'two-'));
    await book(
      '组织部报送.xlsx',
      {
        干部: [
          ['身份证号码', '姓名', '单位名称', '单位代码', '职务'],
          ['110105194912310021', '张三', '桐庐县财政局', '11330122002502713X', '局长'],
        ],
        党员: [HEADER, member(1)],
      },
      folder,
    );
    const { planned, skipped } = await planFiles([folder], loadMappings({ schema: loadGraphSchema() }));
    expect(skipped).toEqual([]);
    expect(planned.map((p) => [p.mapping.id, p.reader.sheet, p.reader.sheetsNotRead])).toEqual([
      ['cadre', '干部', undefined],
      ['party', '党员', undefined],
    ]);
  });
});
