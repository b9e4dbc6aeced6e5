// What a department sends as .xls is often something else: tab-separated text or an .xlsx under that name are
// read as what they are, a real Excel 97-2003 workbook as one (legacy-workbook.test.ts), and an HTML page is
// refused with what to do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../loaders/core/load-files.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const mappings = loadMappings({ schema: loadGraphSchema() });
const HEADER = ['公民身份号码', '姓名', '户号', '与户主关系'];
const ROW = ['110105194912310021', '张三', '0001', '户主'];

async function plan(name: string, bytes: Buffer) {
  const folder = mkdtempSync(path.join(tmpdir(), 'huiyan-xls-'));
  writeFileSync(path.join(folder, name), bytes);
  const { planned, skipped } = await planFiles([folder], mappings);
  return {
    planned: planned.map((p) => ({ mapping: p.mapping.id, format: p.reader.format, headers: p.reader.headers })),
    skipped: skipped.map((s) => ({ code: s.code, reason: s.reason })),
  };
}

describe('a file named .xls', () => {
  it('is read as CSV when it is tab-separated text, as web systems export it', async () => {
    const text = iconv.encode([HEADER, ROW].map((r) => r.join('\t')).join('\r\n'), 'gbk');
    expect(await plan('户籍导出.xls', text)).toEqual({ planned: [{ mapping: 'hukou', format: 'csv', headers: HEADER }], skipped: [] });
  });

  it('is read as a workbook when it is an .xlsx under that name', async () => {
    const party = ['身份证号码', '姓名', '入党日期'];
    const rows = [party, ['110105194912310021', '张三', '2001-07-01']].map((r) => r.map((value) => ({ value })));
    const book = await (writeXlsxFile(rows as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer();
    expect(await plan('党员导出.xls', book)).toEqual({ planned: [{ mapping: 'party', format: 'xlsx', headers: party }], skipped: [] });
  });

  it('is opened as an Excel 97-2003 workbook when it is a compound file, and refused with the reason when it is a broken one', async () => {
    const broken = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const { planned, skipped } = await plan('党员信息.xls', broken);
    expect(planned).toEqual([]);
    expect(skipped).toEqual([
      { code: 'UNREADABLE_FILE', reason: expect.stringContaining('not a readable Excel 97-2003 (.xls) workbook') as string },
    ]);
  });

  it('is refused with what to do when it is an HTML page', async () => {
    const html = Buffer.from(`\ufeff  <html><body><table><tr><td>${HEADER.join('</td><td>')}</td></tr></table></body></html>`);
    const { skipped } = await plan('户籍人口.xls', html);
    expect(skipped).toEqual([
      { code: 'UNREADABLE_FILE', reason: expect.stringMatching(/HTML or XML page.*save it as \.xlsx or CSV/) as string },
    ]);
  });
});
