import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, isUtf8 } from '../../../loaders/core/readers/encoding.js';
import { openSource } from '../../../loaders/core/readers/source-reader.js';
import { csvField, RejectsWriter } from '../../../loaders/core/rejects.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-readers-'));
const text = '姓名,身份证号\r\n张三,110101199003071234\r\n\r\n李四,"1101011990,x"\r\n';

async function rowsOf(file: string, hints = {}) {
  const r = await openSource(file, file.endsWith('.jsonl') ? 'jsonl' : 'csv', hints);
  const out = [];
  for await (const row of r.rows()) out.push(row);
  return { reader: r, out };
}

describe('encodings', () => {
  it('detects a UTF-8 BOM, plain UTF-8 and GBK', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf8', bom: true });
    expect(detectEncoding(Buffer.from('姓名', 'utf8')).encoding).toBe('utf8');
    expect(detectEncoding(iconv.encode('姓名,身份证号', 'gbk')).encoding).toBe('gb18030');
  });
  it('follows a declared encoding the bytes agree with, and the bytes where they contradict it', () => {
    const utf8 = Buffer.from('姓名,身份证号\n张三,33', 'utf8');
    const gbk = iconv.encode('姓名,身份证号\n张三,33', 'gbk');
    // A mapping declaring GBK for a UTF-8 export, and UTF-8 for Chinese Excel's CSV.
    expect(detectEncoding(utf8, 'gbk').encoding).toBe('utf8');
    expect(detectEncoding(gbk, 'utf-8').encoding).toBe('gb18030');
    // Agreeing, or nothing to tell them apart: the declaration holds.
    expect(detectEncoding(gbk, 'gbk').encoding).toBe('gbk');
    expect(detectEncoding(Buffer.from('xm,sfzh\nzhang,33', 'utf8'), 'gbk').encoding).toBe('gbk');
    // One broken byte in UTF-8 is a damaged file, not GBK: its cell is rejected with the reason, the rest reads.
    const damaged = Buffer.concat([Buffer.from('姓名,身份证号\n张三,', 'utf8'), Buffer.from([0xff]), Buffer.from('\n李四,33', 'utf8')]);
    expect(detectEncoding(damaged, 'utf8').encoding).toBe('utf8');
    // Not a GB encoding nor UTF-8: as declared.
    expect(detectEncoding(utf8, 'big5').encoding).toBe('big5');
  });
  it('forgives a UTF-8 character cut at the end of the sample', () => {
    expect(isUtf8(Buffer.from('姓名', 'utf8').subarray(0, 5))).toBe(true);
  });
  it.each(['utf8', 'gbk', 'gb18030'])('reads a %s CSV with Chinese headers', async (enc) => {
    const f = path.join(dir, `t-${enc}.csv`);
    writeFileSync(f, iconv.encode(text, enc));
    const { reader, out } = await rowsOf(f);
    expect(reader.headers).toEqual(['姓名', '身份证号']);
    expect(out.map((r) => r.values['姓名'])).toEqual(['张三', '李四']);
    expect(out.map((r) => r.row)).toEqual([1, 2]);
  });
  it('reads UTF-8 with a BOM even when the mapping declares GBK', async () => {
    const f = path.join(dir, 'bom.csv');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const { reader, out } = await rowsOf(f, { encoding: 'gbk' });
    expect(reader.headers[0]).toBe('姓名');
    expect(out[1]!.values['身份证号']).toBe('1101011990,x');
  });
});

describe('JSON lines', () => {
  it('numbers rows and reports a broken line as a row error', async () => {
    const f = path.join(dir, 'b.jsonl');
    writeFileSync(f, '{"投标编号":"B1","投标报价":100}\n\n{broken\n{"投标编号":"B2"}\n');
    const { reader, out } = await rowsOf(f);
    expect(reader.headers).toEqual(['投标编号', '投标报价']);
    expect(out.map((r) => [r.row, r.error === undefined])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(out[0]!.values['投标报价']).toBe(100);
  });
});

describe('rejects file', () => {
  it('quotes fields and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
  it('starts with a UTF-8 BOM and writes one line per problem', async () => {
    const w = new RejectsWriter(path.join(dir, 'r', 'x.rejects.csv'));
    w.write('户籍人口.csv', 3, [
      { column: '姓名', value: '', reason: 'required value is empty' },
      { column: '出生日期', value: '2021-02-30', reason: 'bad' },
    ]);
    const file = await w.close();
    const body = readFileSync(file!, 'utf8');
    expect(body.startsWith('\ufefffile,row,column,value,reason\r\n')).toBe(true);
    expect(body.trim().split('\r\n')).toHaveLength(3);
    expect(w.count).toBe(1);
  });
});
