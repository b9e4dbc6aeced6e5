// A JSON document (.json) rather than JSON lines: an array of records, or an API's envelope around one. Read as
// a stream through the JSON-lines mappings; a .json that is really JSON lines is read as such; a document with
// no records (the generator's truth.json) is a file no mapping recognises, found without reading it all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../loaders/core/load-files.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { openSource, type DataRow } from '../../../loaders/core/readers/source-reader.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-json-'));
const bid = (n: number) => ({ 投标编号: `TB-${n}`, 项目编号: 'TLZB-2023-0001', 投标人信用代码: '91330122MA2A000010', 投标报价: 1000 + n });

async function read(name: string, content: string | Buffer) {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  const reader = await openSource(f, 'jsonl');
  const rows: DataRow[] = [];
  let error: unknown;
  try {
    for await (const r of reader.rows()) rows.push(r);
  } catch (e) {
    error = e;
  }
  return { reader, rows, error };
}

describe('a JSON document', () => {
  it('reads a top-level array of records, numbered by their place in it', async () => {
    const { reader, rows } = await read('array.json', JSON.stringify([bid(1), bid(2), bid(3)], null, 2));
    expect(reader.headers).toEqual(['投标编号', '项目编号', '投标人信用代码', '投标报价']);
    expect(rows.map((r) => [r.row, r.values['投标编号'], r.values['投标报价']])).toEqual([
      [1, 'TB-1', 1001],
      [2, 'TB-2', 1002],
      [3, 'TB-3', 1003],
    ]);
  });

  it.each([
    ['pretty-printed', (o: unknown) => JSON.stringify(o, null, 2)],
    ['on one line', (o: unknown) => JSON.stringify(o)],
  ])('reads the records inside an API envelope, %s', async (_, write) => {
    const doc = { code: 0, msg: '成功', data: { total: 2, list: [bid(1), bid(2)] } };
    const { reader, rows } = await read(`envelope-${_.replace(/ /g, '-')}.json`, write(doc));
    expect(reader.headers[0]).toBe('投标编号');
    expect(rows.map((r) => r.values['投标编号'])).toEqual(['TB-1', 'TB-2']);
  });

  it('keys its fields as a header is keyed, so 上传IP is read by a mapping’s 上传IP', async () => {
    const { rows } = await read('keys.json', JSON.stringify([{ 上传IP: '1.2.3.4', 'MAC 地址': 'AA' }]));
    expect(rows[0]!.values).toEqual({ 上传ip: '1.2.3.4', mac地址: 'AA' });
  });

  it('reads GBK as any other text file', async () => {
    const { rows } = await read('gbk.json', iconv.encode(JSON.stringify([{ 姓名: '张三', 单位: '桐庐县财政局' }]), 'gbk'));
    expect(rows[0]!.values).toEqual({ 姓名: '张三', 单位: '桐庐县财政局' });
  });

  it('reads a .json file of JSON lines as JSON lines', async () => {
    const { reader, rows } = await read('lines.json', [bid(1), bid(2)].map((b) => JSON.stringify(b)).join('\n'));
    expect(reader.text?.format).toBe('jsonl');
    expect(rows.map((r) => r.values['投标编号'])).toEqual(['TB-1', 'TB-2']);
  });

  it('keeps the records before a break and says after which one it stopped', async () => {
    const text = JSON.stringify([bid(1), bid(2), bid(3)]);
    const { rows, error } = await read('broken.json', text.slice(0, text.lastIndexOf('{') + 12));
    expect(rows.map((r) => r.values['投标编号'])).toEqual(['TB-1', 'TB-2']);
    expect(error).toMatchObject({
      code: 'UNREADABLE_FILE',
      atRow: 3,
      message: expect.stringContaining('not valid JSON after record 2') as string,
    });
  });

  it('rejects an element that is not an object, and reads the rest', async () => {
    const { rows } = await read('mixed.json', JSON.stringify([bid(1), 42, bid(3)]));
    expect(rows.map((r) => [r.row, r.error ?? r.values['投标编号']])).toEqual([
      [1, 'TB-1'],
      [2, '记录数组的每个元素应为一个 JSON 对象 an element of the records array must be one JSON object'],
      [3, 'TB-3'],
    ]);
  });
});

describe('recognising a JSON document', () => {
  it('finds its mapping by the records’ keys, and passes over a large document without records unread', async () => {
    const folder = mkdtempSync(path.join(dir, 'plan-'));
    writeFileSync(path.join(folder, '投标导出.json'), JSON.stringify({ code: 0, data: [bid(1)] }));
    // 20 MB with no array where records are kept, like the generator's truth.json, and cut short at the end:
    // read to the end, it would be unreadable; the search for records stops long before.
    const truth = JSON.stringify({ generator: 'x', counts: { a: 'y'.repeat(20 * 1024 * 1024) }, cases: [{ a: 1 }] });
    writeFileSync(path.join(folder, 'truth.json'), truth.slice(0, -5));
    const { planned, skipped } = await planFiles([folder], loadMappings({ schema: loadGraphSchema() }));
    expect(planned.map((p) => [path.basename(p.path), p.mapping.id])).toEqual([['投标导出.json', 'bid']]);
    expect(skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['truth.json', 'UNKNOWN_SOURCE']]);
  });
});
