// A column with `fillDown` gives each empty cell (or a ditto mark) the value above it (loaders/core/fill-down.ts):
// a household's 户号 merged down over its members in the spreadsheet a CSV was saved from. The bulk path
// reads such a file in one piece, so a reading thread's range never starts without the row above it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../../loaders/bulk/collect.js';
import { downFiller } from '../../../loaders/core/fill-down.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { bindColumns } from '../../../loaders/core/transform.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const LEDGER = `id: site-ledger
title: { zh: 低保家庭成员台账, en: Subsistence household members }
order: 10
match: { files: ['低保台账*.csv'], headers: [idNo, hhNo] }
format: { type: csv, encoding: utf-8 }
columns:
  hhNo: { headers: [户号], normalise: code, required: true, fillDown: true }
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  name: { headers: [姓名], required: true }
  relToHead: { headers: [与户主关系], normalise: kinCode, required: true }
nodes:
  person: { label: Person, key: idNo, props: { name: name } }
  household: { label: Household, key: hhNo }
relationships:
  - { type: MEMBER_OF, from: person, to: household, props: { relToHead: relToHead } }
`;
const HEADERS = ['户号', '身份证号', '姓名', '与户主关系'];
const id = (n: number) => {
  const body = `33012219${50 + Math.floor(n / 900)}0101${String(n % 900).padStart(3, '0')}`;
  return body + idCheckChar(body);
};
const tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-fill-down-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a column filled down', () => {
  const bound = bindColumns(parseMapping(LEDGER, schema, 'site-ledger.yaml'), HEADERS, '低保台账.csv');
  const hh = (cells: (string | null)[]) => {
    const data = { row: 1, values: Object.fromEntries(HEADERS.map((h, i) => [headerKey(h), cells[i] ?? null])) };
    return data;
  };

  it('gives an empty cell, 同上 or 〃 the value above it, and leaves 无 and a new value as written', () => {
    const fill = downFiller(bound)!;
    const rows = [
      ['H1', 'a'],
      ['', 'b'],
      [null, 'c'],
      ['同上', 'd'],
      ['〃', 'e'],
      ['H2', 'f'],
      ['无', 'g'],
      [' ', 'h'],
    ].map(hh);
    for (const r of rows) fill(r);
    expect(rows.map((r) => r.values[headerKey('户号')])).toEqual(['H1', 'H1', 'H1', 'H1', 'H1', 'H2', '无', '无']);
  });

  it('fills nothing above the first value, and nothing for a mapping without fillDown', () => {
    const fill = downFiller(bound)!;
    const first = hh(['', 'a']);
    fill(first);
    expect(first.values[headerKey('户号')]).toBe('');
    const plain = bindColumns(parseMapping(LEDGER.replace(', fillDown: true', ''), schema, 'site-ledger.yaml'), HEADERS, 'x.csv');
    expect(downFiller(plain)).toBeUndefined();
  });

  it('is read in one piece on the bulk path with reading threads: every member keeps its household', async () => {
    const county = path.join(tmp, 'county');
    const maps = path.join(tmp, 'maps');
    for (const d of [county, maps]) rmSync(d, { recursive: true, force: true });
    mkdirSync(county);
    mkdirSync(maps);
    writeFileSync(path.join(maps, 'site-ledger.yaml'), LEDGER);
    const lines = [HEADERS.join(',')];
    // 400 households of three: the file is cut into many ranges of 1 KiB, most starting on a member's row.
    for (let h = 1; h <= 400; h++)
      for (let m = 0; m < 3; m++) lines.push([m === 0 ? `H${h}` : '', id(h * 3 + m), `户${h}成员${m}`, m === 0 ? '02' : '20'].join(','));
    writeFileSync(path.join(county, '低保台账.csv'), lines.join('\r\n'));
    const mappings = loadMappings({ schema, extraDirs: [maps] });
    const c = await collectFiles([county], {
      schema,
      mappings,
      rejectsDir: path.join(tmp, 'rejects'),
      spillDir: path.join(tmp, 'runs'),
      workers: 1,
      rangeBytes: 1024,
    });
    c.graph.store.remove();
    expect(c.report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([['site-ledger', 1200, 1200, 0]]);
  }, 120_000);
});
