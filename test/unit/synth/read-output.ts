// Reading the generator's files back the way a loader would, for the tests: decode per the
// contract's encoding, parse, and undo the documented spellings (full-width digits, 15-digit IDs,
// lower-case x, mixed date formats).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/node';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import type { SourceFile } from '../../../synth/write/sources.js';

export type Row = Record<string, string>;

export async function readSource(dir: string, src: SourceFile): Promise<{ header: string[]; rows: Row[] }> {
  const path = join(dir, src.file);
  if (src.format === 'jsonl') {
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    const rows = lines.map((l) =>
      Object.fromEntries(Object.entries(JSON.parse(l) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
    );
    return { header: Object.keys(rows[0] ?? {}), rows };
  }
  let table: unknown[][];
  if (src.format === 'xlsx') {
    const sheets = await readXlsxFile(path);
    const sheet = sheets.find((s) => s.sheet === src.sheet);
    if (!sheet) throw new Error(`${src.file}: no sheet ${src.sheet}`);
    table = sheet.data as unknown[][];
  } else {
    const buf = readFileSync(path);
    const text =
      src.encoding === 'gbk' || src.encoding === 'gb18030' ? iconv.decode(buf, src.encoding) : buf.toString('utf8').replace(/^\uFEFF/, '');
    table = parse(text, { relax_column_count: false }) as string[][];
  }
  const [head, ...all] = table;
  // A line under the table (制表人：…, the marriage register's) is not a record.
  const body = all.filter((r) => !String(r[0] ?? '').startsWith('制表人'));
  const header = (head ?? []).map(String);
  return {
    header,
    rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === null || r[i] === undefined ? '' : String(r[i])]))),
  };
}

export const halfWidth = (s: string): string => s.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10));

/** Any documented spelling of an ID number → 18 digits (invalid ones stay invalid). */
export function normaliseId(raw: string): string {
  const s = halfWidth(raw.trim()).toUpperCase();
  if (/^\d{15}$/.test(s)) {
    const body = s.slice(0, 6) + '19' + s.slice(6);
    return body + idCheckChar(body);
  }
  return s;
}

/** 2021年3月5日 / 2021/3/5 / 20210305 / 2021-03-05 → 2021-03-05. */
export function normaliseDate(raw: string): string {
  const s = raw.trim();
  const m = /^(\d{4})[年/-](\d{1,2})[月/-](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date: ${raw}`);
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
}

/** 1,234.00 / 123.4万元 / full-width → 元. */
export function normaliseAmount(raw: string): number {
  const s = halfWidth(raw.trim()).replace(/,/g, '');
  const wan = s.endsWith('万元');
  const n = Number(wan ? s.slice(0, -2) : s);
  return Math.round(wan ? n * 10000 : n);
}
