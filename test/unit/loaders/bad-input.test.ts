// The reader's side of malformed input: line endings of every style, JSON nested too deep, workbooks
// whose archive would expand far beyond the limits, and the cells that reject their row.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { InputLimit, UnreadableFile } from '../../../loaders/core/errors.js';
import { checkArchive } from '../../../loaders/core/readers/archive.js';
import { cellProblems } from '../../../loaders/core/readers/cell-check.js';
import { jsonTooDeep } from '../../../loaders/core/readers/json-depth.js';
import { DEFAULT_LIMITS } from '../../../loaders/core/readers/limits.js';
import { openSource } from '../../../loaders/core/readers/source-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-bad-input-'));

async function rowsOf(file: string) {
  const r = await openSource(file, file.endsWith('.jsonl') ? 'jsonl' : 'csv');
  const out = [];
  for await (const row of r.rows()) out.push(row);
  return { reader: r, out };
}

describe('line endings', () => {
  it.each([
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n5,6\r\n7,8\r\n'],
    ['LF', 'a,b\n1,2\n3,4\n5,6\n7,8\n'],
    ['CR', 'a,b\r1,2\r3,4\r5,6\r7,8\r'],
    ['mixed', 'a,b\r\n1,2\n3,4\r5,6\r\n7,8'],
  ])('reads every row of a %s file', async (name, text) => {
    const f = path.join(dir, `${name}.csv`);
    writeFileSync(f, text);
    const { reader, out } = await rowsOf(f);
    expect(reader.headers).toEqual(['a', 'b']);
    expect(out.map((r) => [r.values.a, r.values.b])).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', '8'],
    ]);
  });
  it('keeps a line break inside a quoted cell', async () => {
    const f = path.join(dir, 'quoted.csv');
    writeFileSync(f, 'a,b\n1,"x\r\ny"\r2,3\n');
    expect((await rowsOf(f)).out.map((r) => r.values.b)).toEqual(['x\r\ny', '3']);
  });
});

describe('a CSV that breaks part-way', () => {
  it('hands on every row before an unclosed quote, then fails naming the row it stopped at', async () => {
    const f = path.join(dir, 'broken.csv');
    writeFileSync(f, ['a,b', ...Array.from({ length: 250 }, (_, i) => (i + 1 === 240 ? '240,"broken' : `${i + 1},x`))].join('\n'));
    const reader = await openSource(f, 'csv');
    const seen: unknown[] = [];
    const failure = await (async () => {
      for await (const r of reader.rows()) seen.push(r.values.a);
    })().catch((e: unknown) => e);
    expect(seen.length).toBe(239);
    expect(failure).toBeInstanceOf(UnreadableFile);
    expect(failure).toMatchObject({
      atRow: 240,
      reason: expect.stringMatching(/^CSV parse error after data row 239: Quote Not Closed/) as string,
    });
  });
});

describe('JSON nesting', () => {
  it('measures depth outside strings only', () => {
    expect(jsonTooDeep('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonTooDeep('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonTooDeep('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
  });
  it('rejects a line nested 200,000 levels deep as a row, and reads the next', async () => {
    const f = path.join(dir, 'deep.jsonl');
    writeFileSync(f, `{"a":1}\n{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n{"a":3}\n`);
    const { out } = await rowsOf(f);
    expect(out.map((r) => r.error ?? r.values.a)).toEqual([
      1,
      `JSON 嵌套超过 ${DEFAULT_LIMITS.maxJsonDepth} 层 JSON nested deeper than ${DEFAULT_LIMITS.maxJsonDepth} levels (maxJsonDepth)`,
      3,
    ]);
  });
});

describe('workbook archives', () => {
  const workbook = async (name: string) => {
    const f = path.join(dir, name);
    await writeXlsxFile([[{ value: '姓名' }], [{ value: '张三' }]], {}).toFile(f);
    return f;
  };
  /** Rewrites the declared expanded size of every central-directory entry. */
  const declare = (f: string, size: number) => {
    const b = readFileSync(f);
    for (let p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4))
      b.writeUInt32LE(size, p + 24);
    writeFileSync(f, b);
  };
  it('passes an ordinary workbook', async () => {
    await expect(checkArchive(await workbook('ok.xlsx'), DEFAULT_LIMITS)).resolves.toBeUndefined();
  });
  it('refuses a workbook declaring more expanded bytes than allowed, before expanding it', async () => {
    const f = await workbook('huge.xlsx');
    declare(f, 0xfffffff0);
    const t0 = Date.now();
    await expect(checkArchive(f, DEFAULT_LIMITS)).rejects.toThrow(/expands to .* MiB, more than the limit of 512\.0 MiB/);
    await expect(openSource(f, 'xlsx')).rejects.toBeInstanceOf(InputLimit);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('refuses a workbook expanding far more times its size than allowed', async () => {
    const f = await workbook('ratio.xlsx');
    declare(f, 20 * 1024 * 1024);
    await expect(checkArchive(f, DEFAULT_LIMITS)).rejects.toThrow(/expands \d+ times its size .*more than the limit of 200/);
  });
  it('refuses a workbook with more entries than allowed', async () => {
    const f = await workbook('entries.xlsx');
    await expect(checkArchive(f, { ...DEFAULT_LIMITS, maxArchiveEntries: 2 })).rejects.toThrow(/entries, more than the limit of 2/);
  });
});

describe('cells that reject their row', () => {
  const check = { columns: new Map([['姓名', '姓名']]), encoding: 'gbk', maxCellBytes: 10 };
  const row = (v: string) => ({ row: 1, values: { 姓名: v, 其他: '\u0000' } });
  it('names the column and the reason', () => {
    expect(cellProblems(row('张\ufffd'), check)).toEqual([
      {
        column: '姓名',
        value: '张\ufffd',
        reason: expect.stringMatching(/^含无法按 gbk 解码的字节（显示为 �）.* bytes that are not valid gbk/) as string,
      },
    ]);
    expect(cellProblems(row('a\u0000b'), check)).toEqual([
      { column: '姓名', value: 'a\\u0000b', reason: '单元格含控制字符 U+0000 control character U+0000 in the cell' },
    ]);
    expect(cellProblems(row('张三李四'), check)).toEqual([
      {
        column: '姓名',
        value: '张三李四',
        reason: '单元格 12 字节，超过上限 10 cell of 12 bytes, more than the limit of 10 (maxCellBytes)',
      },
    ]);
  });
  it('lets tabs and line breaks through, and ignores columns the mapping does not read', () => {
    expect(cellProblems(row('a\tb\r\nc'), { ...check, maxCellBytes: 100 })).toEqual([]);
  });
  it('shows an ID-number cell of a pseudonymising load masked, even where a stray byte splits the number', () => {
    const ids = { columns: new Map([['身份证号', '身份证号']]), maxCellBytes: 100, masked: new Set(['身份证号']) };
    const cell = (v: string) => ({ row: 1, values: { 身份证号: v } });
    expect(cellProblems(cell('330122199\u000001010012'), ids)).toEqual([
      { column: '身份证号', value: '330122*************0012', reason: '单元格含控制字符 U+0000 control character U+0000 in the cell' },
    ]);
    expect(cellProblems(cell('3301221990\ufffd1010012'), ids)[0]!.value).toBe('330122********0012');
    expect(cellProblems(cell('3301221990\ufffd1010012'), { ...ids, masked: new Set<string>() })[0]!.value).toBe('3301221990\ufffd1010012');
  });
});
