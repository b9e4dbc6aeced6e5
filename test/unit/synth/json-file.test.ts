// truth.json is written in pieces; it must read back as the very bytes JSON.stringify(…, null, 2) wrote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonFile } from '../../../synth/write/json-file.js';
import { day, ymd } from '../../../synth/world/dates.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyan-json-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function roundTrip(value: unknown): string {
  const path = join(dir, 'v.json');
  writeJsonFile(path, value);
  return readFileSync(path, 'utf8');
}

describe('a JSON file written in pieces', () => {
  it('has the bytes of JSON.stringify with two-space indentation, for large and nested values', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      file: '民生资金发放.csv',
      row: i,
      value: i % 7 === 0 ? `line\nbreak "${i}"` : `１２${i}`,
      skip: i % 5 === 0 ? undefined : i,
      nested: i % 3 === 0 ? [] : { a: [i, null, true], b: {} },
      when: i % 11 === 0 ? new Date(Date.UTC(2024, 0, 1 + (i % 28))) : null,
    }));
    const wide = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, i % 4 === 0 ? undefined : items.slice(0, i % 3)]));
    const value = {
      generator: 'huiyan-synthetic-county',
      noise: { amounts: items, dateStyles: { 'a.csv': { iso: 3 } }, none: [] },
      sparse: [1, undefined, () => 1, 'x', ...Array.from({ length: 300 }, (_, i) => (i % 2 ? undefined : [i]))],
      wide,
      allGone: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`u${i}`, undefined])),
      empty: {},
      text: 'é\u2028\u0000',
    };
    expect(roundTrip(value)).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('writes a plain value as JSON.stringify does', () => {
    for (const v of [null, 3, 'a', [], {}, [[]], { a: undefined }]) expect(roundTrip(v)).toBe(JSON.stringify(v, null, 2) + '\n');
  });
});

describe('the generator calendar', () => {
  it('turns every day from 1900 to 2100 into the UTC calendar date', () => {
    for (let x = day(1900, 1, 1); x <= day(2100, 12, 31); x++) {
      const dt = new Date(x * 86_400_000);
      expect(ymd(x)).toEqual({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
    }
  });
});
