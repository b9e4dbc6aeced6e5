// Cutting a text file into ranges for the reading threads (core/readers/cut-points.ts): read range by range,
// the rows must be the ones a single reader gives, numbered the same once each range is shifted by the rows
// before it; quoted line breaks and doubled quotes never cut a record, even split across read blocks, and
// where the file leaves the grammar the rest stays one range so it stops where a single reader stops.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { cutPoints } from '../../../loaders/core/readers/cut-points.js';
import {
  openSource,
  rangeRows,
  type ByteRange,
  type DataRow,
  type RangeEnd,
  type SourceReader,
} from '../../../loaders/core/readers/source-reader.js';
import { UnreadableFile } from '../../../loaders/core/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-cut-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function whole(reader: SourceReader): Promise<{ rows: DataRow[]; stop?: string }> {
  const rows: DataRow[] = [];
  try {
    for await (const r of reader.rows()) rows.push(r);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return { rows, stop: `${e.reason} @${e.atRow}` };
  }
  return { rows };
}

/** Every range read on its own, renumbered: what the reading threads hand the main thread. */
async function byRanges(
  reader: SourceReader,
  target: number,
  block: number,
): Promise<{ rows: DataRow[]; ranges: ByteRange[]; stop?: string }> {
  const rows: DataRow[] = [];
  const ranges: ByteRange[] = [];
  let offset = 0;
  for await (const range of cutPoints(reader.text!, target, block)) {
    ranges.push(range);
    const end: RangeEnd = { rows: 0 };
    for await (const r of rangeRows(reader.text!, range, end)) rows.push({ ...r, row: r.row + offset });
    if (end.failed)
      return { rows, ranges, stop: `CSV parse error after data row ${offset + end.rows}: ${end.failed} @${offset + end.rows + 1}` };
    offset += end.rows;
  }
  return { rows, ranges };
}

const TRICKY = [
  'id,name,note',
  '1,甲,plain',
  '2,乙,"a quoted, comma"',
  '3,丙,"two\nlines"',
  '4,丁,"a ""doubled"" quote\r\nand a CRLF inside"',
  '',
  '5,戊,mid"field quote',
  '6,己,"",',
  '7,庚,"""starts with a quote"',
  '8,辛, "a space before, a quote"',
  '9,壬, "and a line\nbreak"',
  '10,癸,last',
].join('\r\n');

describe('cutting text files for the reading threads', () => {
  for (const [name, encoding, bom] of [
    ['utf8', 'utf8', true],
    ['gb18030', 'gb18030', false],
  ] as const) {
    it(`gives the rows one reader gives, cut anywhere (${name}${bom ? ' with a BOM' : ''})`, async () => {
      const file = path.join(dir, `tricky-${name}.csv`);
      writeFileSync(file, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), iconv.encode(TRICKY, encoding)]));
      const reader = await openSource(file, 'csv');
      const one = await whole(reader);
      expect(one.rows).toHaveLength(11);
      expect(one.rows[3]!.values.note).toBe('a "doubled" quote\r\nand a CRLF inside');
      // Blocks of a few bytes put quotes, doubled quotes and line ends on every block boundary.
      for (const block of [1, 2, 3, 5, 7, 64]) {
        const cut = await byRanges(reader, 1, block);
        expect(cut.rows).toEqual(one.rows);
        expect(cut.ranges.length).toBeGreaterThan(block < 8 ? 5 : 1);
      }
    });
  }

  it.each(['\n', '\r\n'])(
    'keeps the rest of the file one range after a closing quote followed by text, and stops where one reader stops (%j)',
    async (eol) => {
      const file = path.join(dir, 'broken.csv');
      const tail = ['3,"c"d', '4,e', '5,"f', '6,g', ''].join(eol);
      writeFileSync(file, ['id,name', '1,a', '2,b', tail].join(eol));
      const reader = await openSource(file, 'csv');
      const one = await whole(reader);
      expect(one.stop).toMatch(/^CSV parse error after data row \d: Quote Not Closed/);
      const cut = await byRanges(reader, 1, 4);
      expect(cut).toMatchObject({ rows: one.rows, stop: one.stop });
      expect(cut.ranges.length).toBeGreaterThan(2);
      expect(cut.ranges.at(-1)!.end - cut.ranges.at(-1)!.start).toBeGreaterThanOrEqual(Buffer.byteLength(tail));
    },
  );

  it('cuts JSON lines at every line and numbers records by line', async () => {
    const file = path.join(dir, 'records.jsonl');
    writeFileSync(file, ['{"a":"1"}', '', '{"a":"2 \\n not a line end"}', 'not json', '{"a":"4"}', ''].join('\n'));
    const reader = await openSource(file, 'jsonl');
    const one = await whole(reader);
    const cut = await byRanges(reader, 1, 3);
    expect(cut.rows).toEqual(one.rows);
    expect(cut.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(cut.ranges.length).toBeGreaterThan(3);
  });

  it('does not cut UTF-16, where a line feed byte can be half a character', async () => {
    const file = path.join(dir, 'wide.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,甲\n2,乙\n', 'utf16le')]));
    const reader = await openSource(file, 'csv');
    const cut = await byRanges(reader, 1, 2);
    expect(cut.ranges).toHaveLength(1);
    expect(cut.rows).toEqual((await whole(reader)).rows);
  });
});
