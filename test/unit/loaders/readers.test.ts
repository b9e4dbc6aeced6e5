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
