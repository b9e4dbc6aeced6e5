// A column with `split` reads a row once per value of a cell that lists several (loaders/core/split.ts), and
// a mapping may split one column only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRangeRows } from '../../../loaders/bulk/range-read.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
import { cutPoints } from '../../../loaders/core/readers/cut-points.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { openSource } from '../../../loaders/core/readers/source-reader.js';
import { splitRow, splitterOf } from '../../../loaders/core/split.js';
import { bindColumns, transformRow } from '../../../loaders/core/transform.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const mapping = (split: string) => `
id: t
title: { zh: 测试, en: Test }
format: { type: csv }
columns:
  caseNo: { headers: [案件编号], normalise: code, required: true }
  idNo: { headers: [涉案人员身份证号], normalise: idNo, required: true${split} }
  type: { headers: [案由], required: true }
nodes:
  case: { label: PoliceCase, key: caseNo, props: { type: type } }
  person: { label: Person, key: idNo, mode: fill }
relationships:
  - { type: INVOLVED_IN, from: person, to: case }
`;
const HEADERS = ['案件编号', '涉案人员身份证号', '案由'];
const rowOf = (cells: string[]) => ({ row: 7, values: Object.fromEntries(HEADERS.map((h, i) => [headerKey(h), cells[i]!])) });
const ids = (rows: { values: Record<string, unknown> }[]) => rows.map((r) => r.values[headerKey('涉案人员身份证号')]);

describe('a split column', () => {
  it('gives one row per value at 、，,；; and line breaks, each with the row number and the other cells', () => {
    const m = parseMapping(mapping(', split: true'), schema, 't.yaml');
    const s = splitterOf(bindColumns(m, HEADERS, 'x.csv'));
    const rows = splitRow(s, rowOf(['AJ1', 'A、B，C,D；E;F\r\nG\nH', '赌博']));
    expect(ids(rows)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(rows.every((r) => r.row === 7 && r.values[headerKey('案件编号')] === 'AJ1')).toBe(true);
  });

  it('leaves a cell of one value as it is, trims the values and drops empty ones', () => {
    const m = parseMapping(mapping(', split: true'), schema, 't.yaml');
    const s = splitterOf(bindColumns(m, HEADERS, 'x.csv'));
    const one = rowOf(['AJ1', 'A', '赌博']);
    expect(splitRow(s, one)).toEqual([one]);
    expect(ids(splitRow(s, rowOf(['AJ1', ' A 、、 B、', '赌博'])))).toEqual(['A', 'B']);
    expect(ids(splitRow(s, rowOf(['AJ1', 'A、', '赌博'])))).toEqual(['A']);
  });

  it('splits at the characters a mapping gives instead, regex characters included', () => {
    const m = parseMapping(mapping(", split: '/]'"), schema, 't.yaml');
    const s = splitterOf(bindColumns(m, HEADERS, 'x.csv'));
    expect(ids(splitRow(s, rowOf(['AJ1', 'A/B]C、D', '赌博'])))).toEqual(['A', 'B', 'C、D']);
  });
});

describe('a split column on the bulk path', () => {
  it("gives the reading threads' ranges the same rows, numbered as the file's, as a read of the whole file", async () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'huiyan-split-')), 'cases.csv');
    const lines = [HEADERS.join(',')];
    for (let i = 1; i <= 300; i++) lines.push(`AJ${i},"${i}a、${i}b；${i}c",赌博`);
    writeFileSync(f, lines.join('\r\n'));
    const m = parseMapping(mapping(', split: true').replace('normalise: idNo, ', ''), schema, 't.yaml');
    const reader = await openSource(f, 'csv', { encoding: 'utf8' });
    const bound = bindColumns(m, reader.headers, 'cases.csv');
    const ctx = { bound, schema };
    const key = (r: ReturnType<typeof transformRow>) =>
      r.ok ? `${r.row}:${r.nodes.find((n) => n.spec.label === 'Person')!.key}` : `${r.row}:refused`;
    const whole: string[] = [];
    const s = splitterOf(bound);
    for await (const d of reader.rows()) for (const x of splitRow(s, d)) whole.push(key(transformRow(ctx, x)));
    const parts: string[] = [];
    let offset = 0;
    let ranges = 0;
    for await (const range of cutPoints(reader.text!, 1_000, 512)) {
      ranges++;
      const { rows, end } = await readRangeRows(reader.text!, range, { columns: new Map(), maxCellBytes: 1 << 16 }, ctx, (r) => r);
      for (const r of rows) parts.push(key({ ...r, row: r.row + offset }));
      offset += end.rows;
    }
    expect(ranges).toBeGreaterThan(3);
    expect(whole).toHaveLength(900);
    expect(whole.slice(0, 3)).toEqual(['1:1a', '1:1b', '1:1c']);
    expect(parts).toEqual(whole);
  });
});
