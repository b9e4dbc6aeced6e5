// Excel 97-2003 workbooks (.xls) load through the same mappings as XLSX. The workbooks here are written as
// BIFF8 by SheetJS's own writer; one made this way was read back by Python's xlrd 2.0.2, an independent
// BIFF reader, with the same cells, dates and sheets (2026-12-05).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../loaders/core/load-files.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { openSource, type DataRow } from '../../../loaders/core/readers/source-reader.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-legacy-'));

/** A BIFF8 workbook of the given sheets; a cell given as [serial, format] is a number with that format. */
function xls(file: string, sheets: Record<string, (string | number | [number, string] | null)[][]>, date1904 = false): string {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = utils.aoa_to_sheet(rows.map((r) => r.map((c) => (Array.isArray(c) ? c[0] : c))));
    rows.forEach((r, R) =>
      r.forEach((c, C) => {
        if (Array.isArray(c)) sheet[utils.encode_cell({ r: R, c: C })]!.z = c[1];
      }),
    );
    utils.book_append_sheet(book, sheet, name);
  }
  if (date1904) book.Workbook = { WBProps: { date1904: true } };
  const out = path.join(dir, file);
  writeFileSync(out, write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
  return out;
}

async function read(file: string, hints = {}) {
  const reader = await openSource(file, 'xlsx', hints);
  const rows: DataRow[] = [];
  for await (const r of reader.rows()) rows.push(r);
  return { reader, rows };
}

describe('an Excel 97-2003 workbook', () => {
  it('reads text, numbers and dates by their format, in UTC, with the title above the header passed over', async () => {
    const f = xls('党员.xls', {
      党员基本信息: [
        ['桐庐县党员信息表', null, null, null],
        ['身份证号码', '姓名', '入党日期', '党费'],
        ['110105194912310021', '张三', [37073, 'yyyy-mm-dd'], 12.5],
        ['110105194912310048', '李四', [40360, 'yyyy"年"m"月"d"日"'], 30],
      ],
    });
    const { reader, rows } = await read(f, { isHeader: (h: string[]) => h.includes('身份证号码') });
    expect(reader.sheet).toBe('党员基本信息');
    expect(reader.headers).toEqual(['身份证号码', '姓名', '入党日期', '党费']);
    expect(reader.titleRows).toEqual(['桐庐县党员信息表']);
    expect(rows.map((r) => [r.row, ...Object.values(r.values).map((v) => (v instanceof Date ? v.toISOString() : v))])).toEqual([
      [1, '110105194912310021', '张三', '2001-07-01T00:00:00.000Z', 12.5],
      [2, '110105194912310048', '李四', '2010-07-01T00:00:00.000Z', 30],
    ]);
  });

  it('reads past a row with no cell at all (a blank line under the title, between two blocks of rows)', async () => {
    const f = xls('空行.xls', {
      党员基本信息: [['桐庐县党员信息表'], [], ['身份证号码', '姓名'], ['110105194912310021', '张三'], [], ['110105194912310048', '李四']],
    });
    const { reader, rows } = await read(f, { isHeader: (h: string[]) => h.includes('身份证号码') });
    expect(reader.titleRows).toEqual(['桐庐县党员信息表']);
    expect(rows.map((r) => [r.row, r.values['姓名']])).toEqual([
      [1, '张三'],
      [2, '李四'],
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const f = xls('1904.xls', { s: [['日期'], [[35611, 'yyyy-mm-dd']]] }, true);
    const { rows } = await read(f);
    expect((rows[0]!.values['日期'] as Date).toISOString()).toBe('2001-07-01T00:00:00.000Z');
  });

  it('reads the sheet the mapping names, else the first with data', async () => {
    const f = xls('sheets.xls', { 说明: [[null]], 数据: [['姓名'], ['张三']], 其他: [['姓名'], ['李四']] });
    expect((await read(f)).reader.sheet).toBe('数据');
    expect((await read(f, { sheet: '其他' })).rows[0]!.values['姓名']).toBe('李四');
  });

  it('is recognised by the mapping of its XLSX export, under a name ending .xls', async () => {
    const folder = mkdtempSync(path.join(dir, 'plan-'));
    const f = xls('party.xls', {
      党员基本信息: [
        ['身份证号码', '姓名', '入党日期'],
        ['110105194912310021', '张三', [37073, 'yyyy-mm-dd']],
      ],
    });
    writeFileSync(path.join(folder, '党员信息2023.xls'), Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(f))));
    const { planned, skipped } = await planFiles([folder], loadMappings({ schema: loadGraphSchema() }));
    expect(skipped).toEqual([]);
    expect(planned.map((p) => [p.mapping.id, p.reader.format, p.reader.sheet])).toEqual([['party', 'xlsx', '党员基本信息']]);
  });

  it('is refused as unreadable, with the reason, when the compound file is not a workbook', async () => {
    const f = path.join(dir, 'broken.xls');
    writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000, 7)]));
    await expect(openSource(f, 'xlsx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('not a readable Excel 97-2003 (.xls) workbook') as string,
    });
  });

  it('is refused unread when it is larger than a workbook may expand to', async () => {
    const f = xls('big.xls', { s: [['姓名'], ['张三']] });
    await expect(
      openSource(
        f,
        'xlsx',
        {},
        { maxCellBytes: 65536, maxJsonDepth: 64, maxExpandedBytes: 1000, maxExpansionRatio: 200, maxArchiveEntries: 10 },
      ),
    ).rejects.toMatchObject({
      code: 'INPUT_LIMIT',
    });
  });
});
