// A mapping describes a source's columns, not its file format: a register the site's mapping was written for
// as CSV loads when the department sends it as a workbook, and a party list written for XLSX loads from a
// CSV. The checks run as a load's would, without a database (check-files.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../loaders/core/check-files.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';

const id = (body: string) => body + idCheckChar(body);

async function check(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(path.join(tmpdir(), 'huiyan-formats-'));
  const folder = path.join(root, 'in');
  mkdirSync(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return checkFiles([folder], { rejectsDir: path.join(root, 'rejects') });
}

describe('a source sent in another format than its mapping was written for', () => {
  it('loads a household register sent as a workbook through the CSV mapping', async () => {
    const rows = [
      ['桐庐县户籍人口'],
      ['公民身份号码', '姓名', '户号', '与户主关系'],
      [id('11010519491231002'), '张三', '0001', '户主'],
      [id('11010519500101003'), '李四', '0001', '配偶'],
    ].map((r) => r.map((value) => ({ value })));
    const book = await (writeXlsxFile(rows as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer();
    const r = await check({ '人口导出.xlsx': book });
    expect(r.skipped).toEqual([]);
    expect(r.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.titleRows])).toEqual([
      ['hukou', 2, 2, 0, ['桐庐县户籍人口']],
    ]);
  });

  it('loads a party list sent as a CSV through the workbook mapping, with the encoding found from the file', async () => {
    const text = ['身份证号码,姓名,入党日期', `${id('11010519491231002')},张三,2001-07-01`].join('\r\n');
    const r = await check({ '党员.csv': Buffer.from(text, 'utf8') });
    expect(r.skipped).toEqual([]);
    expect(r.files.map((f) => [f.source, f.rowsLoaded, f.rowsRejected])).toEqual([['party', 1, 0]]);
  });

  it('loads bids sent as a CSV through the JSON-lines mapping', async () => {
    const uscc = '91330122MA2A00001';
    const text = ['投标编号,项目编号,投标人信用代码,投标报价', `TB-1,TLZB-2023-0001,${uscc}0,1000`].join('\n');
    const r = await check({ '投标.csv': text });
    expect(r.files.map((f) => f.source)).toEqual(['bid']);
  });
});
