import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../../loaders/core/readers/source-reader.js';
import { dateOfSerial } from '../../../loaders/core/readers/workbook.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BOOKS = path.join(HERE, 'workbooks');
const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-workbooks-'));

async function read(file: string, sheetName?: string) {
  const r = await openSource(file, 'xlsx', sheetName ? { sheet: sheetName } : {});
  const rows: unknown[][] = [];
  for await (const row of r.rows()) rows.push(Object.values(row.values).map((v) => (v instanceof Date ? v.toISOString() : v)));
  return { sheet: r.sheet, headers: r.headers, rows };
}

async function written(sheets: { sheet: string; data: unknown[][] }[], name = 'book.xlsx'): Promise<string> {
  const file = path.join(mkdtempSync(path.join(dir, 'w-')), name);
  writeFileSync(file, await (writeXlsxFile(sheets as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer());
  return file;
}

describe('XLSX workbooks with several sheets', () => {
  const sheet = (first: string, n: number) => [
    [{ value: '姓名' }, { value: '身份证号' }],
    ...Array.from({ length: n }, (_, i) => [{ value: `${first}${i}` }, { value: `11010519491231002${i}` }]),
  ];
  const names = async (file: string, sheetName?: string) => {
    const { sheet: s, rows } = await read(file, sheetName);
    return { sheet: s, out: rows.map((r) => r[0]) };
  };

  it("reads the mapping's sheet, wherever it sits in the workbook", async () => {
    const file = await written([
      { sheet: '2023年', data: sheet('旧', 3) },
      { sheet: '党员基本信息', data: sheet('张', 2) },
    ]);
    expect(await names(file, '党员基本信息')).toEqual({ sheet: '党员基本信息', out: ['张0', '张1'] });
  });
  it('falls back to the first sheet with data when the named one is missing', async () => {
    const file = await written([
      { sheet: '说明', data: [] },
      { sheet: 'Sheet2', data: sheet('李', 1) },
    ]);
    expect(await names(file, '党员基本信息')).toEqual({ sheet: 'Sheet2', out: ['李0'] });
    expect(await names(file)).toEqual({ sheet: 'Sheet2', out: ['李0'] });
  });
  it('takes the first tab, not the first sheet file, when no sheet is named', async () => {
    // tabs.xlsx lists its second sheet file first, as a workbook does once a tab has been moved to the front.
    const r = await read(path.join(BOOKS, 'tabs.xlsx'));
    expect([r.sheet, r.headers]).toEqual(['数据', ['姓名', '身份证号']]);
  });
  it('refuses a workbook whose named sheet is empty, as having no data', async () => {
    const file = await written([
      { sheet: '党员基本信息', data: [] },
      { sheet: 'Sheet2', data: sheet('李', 1) },
    ]);
    await expect(openSource(file, 'xlsx', { sheet: '党员基本信息' })).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });
});

describe('XLSX workbooks from other writers', () => {
  // test/unit/loaders/workbooks/make.py writes them; the same rows in each.
  const header = ['身份证号码', '姓名', '入党日期', '金额', '是否', '备注', '时间', '公式'];
  const rows = (formulas: unknown[]) => [
    [
      '330122199011142524',
      ' 陈云 ',
      '2021-01-04T00:00:00.000Z',
      1234.5,
      true,
      'A&B <c> "q" &lt;x&gt;',
      '2021-03-05T14:30:00.000Z',
      formulas[0],
    ],
    ['33012219901114252X', '李四', '1950-03-11T00:00:00.000Z', 0, false, null, '1999-12-31T23:59:59.000Z', formulas[1]],
    // A number stays a number, a date typed as text stays text, an empty string is an empty cell, and a
    // formula that failed (#DIV/0!) is an empty cell.
    [330122199011142, '王五', '2001-03-11', -7, null, null, null, formulas[2]],
    // The empty row between is not a row; rich text in runs is its text.
    ['330122198006018137', '严宁凯', '1900-03-01T00:00:00.000Z', 3.14159265358979, true, '富文本结尾', '2020-02-29T00:00:00.000Z', null],
  ];

  it.each([
    // Inline strings, sheets named by targets from the package root, formulas without computed results.
    ['openpyxl.xlsx', [null, null, null]],
    // Shared strings after the sheets, rich text in shared strings, formulas by their computed results.
    ['xlsxwriter.xlsx', [2, 'ab', null]],
    // The 1904 date system: the same dates.
    ['xlsxwriter-1904.xlsx', [2, 'ab', null]],
    // Inline strings in runs (XlsxWriter's constant-memory mode).
    ['xlsxwriter-inline.xlsx', [2, 'ab', null]],
  ])('reads %s as it was written', async (file, formulas) => {
    expect(await read(path.join(BOOKS, file), '党员基本信息')).toEqual({ sheet: '党员基本信息', headers: header, rows: rows(formulas) });
  });

  it('reads a workbook with no styles, no shared strings and no cell references, as a hand-rolled exporter writes', async () => {
    expect(await read(path.join(BOOKS, 'minimal.xlsx'), '党员基本信息')).toEqual({
      sheet: '党员基本信息',
      headers: ['身份证号码', '姓名', '金额'],
      rows: [
        ['330122199011142524', '陈云', 12.5],
        ['33012219901114252X', null, 7],
      ],
    });
  });

  it('reads a workbook whose SpreadsheetML is bound to a prefix, as the Open XML SDK writes it', async () => {
    const r = await read(path.join(BOOKS, 'prefixed.xlsx'), '党员基本信息');
    expect([r.sheet, r.headers, r.rows.length]).toEqual(['党员基本信息', ['身份证号码', '姓名', '金额'], 2]);
  });

  it('reads a date stored with a built-in Chinese number format as a date, not as its serial number', async () => {
    // Chinese Excel and WPS store 31 (yyyy"年"m"月"d"日") and the like by number alone, with no format code.
    expect((await read(path.join(BOOKS, 'builtin-dates.xlsx'))).rows).toEqual([
      ['14', '2021-01-04T00:00:00.000Z'],
      ['31', '2021-01-05T00:00:00.000Z'],
      ['57', '2021-02-01T00:00:00.000Z'],
      ['58', '2021-03-08T00:00:00.000Z'],
      ['32', '1899-12-30T14:30:00.000Z'],
    ]);
  });

  it('reads an ISO 8601 date cell as that date, in UTC like a serial date, whatever the time zone', async () => {
    expect((await read(path.join(BOOKS, 'iso-dates.xlsx'))).rows).toEqual([
      ['1', '2021-01-04T00:00:00.000Z'],
      ['2', '2021-03-05T14:30:00.000Z'],
      ['3', '1950-03-11T00:00:00.000Z'],
    ]);
  });

  it('reads the rows before a break in the XML and stops the file at the row where it breaks', async () => {
    const r = await openSource(path.join(BOOKS, 'broken.xlsx'), 'xlsx', {});
    const ids: unknown[] = [];
    const stopped = await (async () => {
      for await (const row of r.rows()) ids.push(row.values['身份证号码']);
    })().catch((e: unknown) => e);
    expect(stopped).toMatchObject({ code: 'UNREADABLE_FILE', atRow: 2501 });
    expect(ids).toEqual(Array.from({ length: 2500 }, (_, i) => `3301221990${String(i).padStart(8, '0')}`));
  });

  it('stops at the first row a workbook removed after its header was read', async () => {
    const file = path.join(mkdtempSync(path.join(dir, 'gone-')), 'book.xlsx');
    copyFileSync(path.join(BOOKS, 'xlsxwriter.xlsx'), file);
    const r = await openSource(file, 'xlsx', { sheet: '党员基本信息' });
    rmSync(file);
    const stopped = await (async () => {
      for await (const _ of r.rows());
    })().catch((e: unknown) => e);
    expect(stopped).toMatchObject({ code: 'UNREADABLE_FILE', atRow: 1 });
  });

  it('names the sheet it fell back to when the named one is missing', async () => {
    const r = await read(path.join(BOOKS, 'openpyxl.xlsx'), '干部名册');
    expect([r.sheet, r.headers, r.rows]).toEqual(['说明', ['本表为测试'], []]);
  });
});

describe('XLSX workbooks read as a stream', () => {
  it('keeps every Chinese character whose bytes fall across two chunks of the expanded sheet', async () => {
    // Each cell is read in chunks of the archive's expanded bytes; a character of three UTF-8 bytes split
    // between two chunks came out as two replacement characters (徐 as ��) in about one row in a thousand.
    const names = Array.from({ length: 4000 }, (_, i) => `徐金倩${String.fromCodePoint(0x4e00 + (i % 2000))}${i}`);
    const file = await written([{ sheet: '党员基本信息', data: [[{ value: '姓名' }], ...names.map((n) => [{ value: n }])] }]);
    const { rows } = await read(file, '党员基本信息');
    expect(rows.map((r) => r[0])).toEqual(names);
  });

  it('closes the workbook whether its rows are read through, part-way or not at all', async () => {
    // A load plans every file of a delivery before it reads one: an open left behind by the header pass or a
    // load stopped part-way would hold a descriptor per workbook until the process ended.
    const file = path.join(BOOKS, 'xlsxwriter.xlsx');
    const held = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false; // closed while listed
        }
      }).length;
    const r = await openSource(file, 'xlsx', { sheet: '党员基本信息' });
    expect(held()).toBe(0);
    for await (const _ of r.rows()) {
      expect(held()).toBe(1);
      break;
    }
    expect(held()).toBe(0);
    let n = 0;
    for await (const _ of r.rows()) n++;
    expect([n, held()]).toEqual([4, 0]);
  });

  it('raises no error from a sheet it leaves as soon as it has opened it', async () => {
    // The header pass leaves the sheet after its first row, with the sheet's and the shared strings' streams
    // still open: closing them must not throw later, outside the load.
    const uncaught: unknown[] = [];
    const note = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', note);
    try {
      for (let i = 0; i < 200; i++) {
        const r = await openSource(path.join(BOOKS, 'xlsxwriter.xlsx'), 'xlsx', { sheet: '党员基本信息' });
        for await (const _ of r.rows()) break;
      }
      await new Promise((done) => setTimeout(done, 300));
    } finally {
      process.off('uncaughtException', note);
    }
    expect(uncaught).toEqual([]);
  });

  it('reads a workbook in a heap too small to hold it parsed whole', async () => {
    // 100,000 rows expand to about 20 MB. The reader this one replaced parsed the sheet whole and failed in a
    // 48 MiB heap; a stream holds the shared strings read so far and a chunk's rows, and reads it in 40.
    const file = path.join(dir, 'large.xlsx');
    const rows = [
      ['身份证号码', '姓名', '所在党支部', '入党日期'].map((value) => ({ value })),
      ...Array.from({ length: 100_000 }, (_, i) =>
        [`3301221990${String(i).padStart(8, '0')}`, `姓名${i % 200}`, `瑶琳镇柳庄${i % 50}村党支部`, '2001-03-11'].map((value) => ({
          value,
        })),
      ),
    ];
    writeFileSync(
      file,
      await (writeXlsxFile([{ sheet: '党员基本信息', data: rows }] as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer(),
    );
    const script = `
      import { openSource } from ${JSON.stringify(path.resolve(HERE, '../../../loaders/core/readers/source-reader.ts'))};
      const r = await openSource(${JSON.stringify(file)}, 'xlsx', { sheet: '党员基本信息' });
      let n = 0, last;
      for await (const row of r.rows()) { n++; last = Object.values(row.values)[0]; }
      console.log(JSON.stringify({ n, last }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--max-old-space-size=40',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]);
    expect(JSON.parse(stdout)).toEqual({ n: 100_000, last: '330122199000099999' });
  }, 90_000);
});

describe('XLSX date serials', () => {
  it("counts Excel's 29 February 1900, which never was, so the days around it land where Excel shows them", () => {
    const day = (serial: number, d1904 = false) => dateOfSerial(serial, d1904).toISOString().slice(0, 10);
    expect([day(1), day(59), day(61), day(44200)]).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2021-01-04']);
    expect(day(42738, true)).toBe('2021-01-04');
    expect(dateOfSerial(0.6041666666666666, false).toISOString()).toBe('1899-12-30T14:30:00.000Z');
  });
});
