// Merged cells over several data rows are read as a clerk unmerges them in Excel: every cell takes the
// merged value (loaders/core/readers/merged-cells.ts); the title and header rows are left alone.
import { describe, expect, it } from 'vitest';
import { mergedFiller, mergeOf, type MergedFill, type SheetRow } from '../../../loaders/core/readers/merged-cells.js';
import { mergesIn } from '../../../loaders/core/readers/workbook.js';

describe('merged ranges', () => {
  it('reads range references, single cells and absolute ones, and refuses what is not a reference', () => {
    expect(mergeOf('A4:A6')).toEqual({ top: 3, left: 0, bottom: 5, right: 0 });
    expect(mergeOf('$AB$10:$AC$12')).toEqual({ top: 9, left: 27, bottom: 11, right: 28 });
    expect(mergeOf('C3')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(mergeOf('C6:B3')).toEqual({ top: 2, left: 1, bottom: 5, right: 2 });
    expect(mergeOf('户号')).toBeUndefined();
  });

  const fillAll = (rows: SheetRow[], refs: string[], headerRow: number) => {
    const fill: MergedFill = { ranges: 0, cells: 0 };
    const f = mergedFiller(
      refs.map((r) => mergeOf(r)!),
      headerRow,
      fill,
    );
    for (const r of rows) f(r);
    return { rows: rows.map((r) => r.cells), fill };
  };

  it('fills every cell of a range over several rows below the header with its top-left value, and nothing else', () => {
    const { rows, fill } = fillAll(
      [
        { n: 3, cells: ['H1', '张一', '街道1号', '合计'] },
        { n: 4, cells: [null, '张二', '', null] },
        { n: 5, cells: ['', '张三', null] },
        { n: 6, cells: ['H2', '李一', '街道2号'] },
      ],
      // 户号 and 住址 down household 1, a range within one row (left alone), one starting in the header (left alone).
      ['A4:A6', 'C4:C6', 'D4:E4', 'B2:B5'],
      2,
    );
    expect(rows).toEqual([
      ['H1', '张一', '街道1号', '合计'],
      ['H1', '张二', '街道1号', null],
      ['H1', '张三', '街道1号'],
      ['H2', '李一', '街道2号'],
    ]);
    expect(fill).toEqual({ ranges: 2, cells: 4 });
  });

  it('keeps a value a cell inside the range has, and fills across the width of a block', () => {
    const { rows } = fillAll(
      [
        { n: 1, cells: ['街道1号', null] },
        { n: 2, cells: ['旧址', null] },
      ],
      ['A2:B3'],
      0,
    );
    expect(rows).toEqual([
      ['街道1号', '街道1号'],
      ['旧址', '街道1号'],
    ]);
  });

  it('gives nothing from a range whose top row is empty, or beyond a range a left-out row ended', () => {
    const { rows, fill } = fillAll(
      [
        { n: 4, cells: ['', 'a'] },
        { n: 5, cells: ['', 'b'] },
        { n: 6, cells: ['H9', 'c'] },
        { n: 9, cells: ['', 'd'] },
      ],
      ['A5:A6', 'A7:A8'],
      0,
    );
    expect(rows.map((r) => r[0])).toEqual(['', '', 'H9', '']);
    expect(fill.cells).toBe(0);
  });
});

describe("a sheet part's list of merged ranges", () => {
  const xml = Buffer.from(
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCells 不是标记</t></is></c></row></sheetData>' +
      '<mergeCells count="2"><mergeCell ref="A4:A6"/><mergeCell ref="C4:C6"/></mergeCells><pageMargins/></worksheet>',
  );
  async function* chunks(cuts: number[]) {
    let from = 0;
    for (const to of [...cuts, xml.length]) {
      yield xml.subarray(from, to);
      from = to;
    }
  }

  it('is found wherever the part is cut into chunks, the list mark split across two of them included', async () => {
    const want = [mergeOf('A4:A6'), mergeOf('C4:C6')];
    for (let cut = 1; cut < xml.length; cut++) expect(await mergesIn(chunks([cut]))).toEqual(want);
    // Chunks shorter than the mark.
    expect(await mergesIn(chunks(Array.from({ length: xml.length - 1 }, (_, i) => i + 1)))).toEqual(want);
  });

  it('is found under a namespace prefix, and is empty when the sheet has none', async () => {
    const prefixed = Buffer.from('<x:worksheet><x:mergeCells><x:mergeCell ref="B2:B9"/></x:mergeCells></x:worksheet>');
    expect(await mergesIn([prefixed])).toEqual([mergeOf('B2:B9')]);
    expect(await mergesIn([Buffer.from('<worksheet><sheetData/></worksheet>')])).toEqual([]);
  });
});
