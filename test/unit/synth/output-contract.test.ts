// The files the generator writes honour docs/sources.md and carry only valid identifiers, except
// exactly the deliberately broken ones listed in truth.json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidId18 } from '../../../platform/identifiers/id-number.js';
import { isValidUscc } from '../../../platform/identifiers/uscc.js';
import { generateCounty, type Truth } from '../../../synth/generate.js';
import { SOURCE_LIST, SOURCES } from '../../../synth/write/sources.js';
import { normaliseDate, normaliseId, readSource, type Row } from './read-output.js';

const ID_COLUMNS: Record<string, string[]> = {
  hukou: ['公民身份号码'],
  marriage: ['男方身份证号', '女方身份证号'],
  cadre: ['身份证号'],
  company: ['法定代表人证件号码'],
  shareholder: ['股东证件号码'],
  officer: ['证件号码'],
};
const USCC_COLUMNS: Record<string, string[]> = {
  cadre: ['单位代码'],
  company: ['统一社会信用代码'],
  shareholder: ['统一社会信用代码'],
  officer: ['统一社会信用代码'],
  tender: ['招标人代码', '招标代理信用代码'],
  bid: ['投标人信用代码'],
  award: ['中标人信用代码'],
};

let dir: string;
let truth: Truth;
const data = new Map<string, { header: string[]; rows: Row[] }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huiyan-gen-'));
  ({ truth } = await generateCounty({ persons: 400, seed: 7, outDir: dir }));
  for (const src of SOURCE_LIST) data.set(src.id, await readSource(dir, src));
  // Generating 21 files takes over 10 s on a loaded machine.
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated department files (400 persons, seed 7, noise on)', () => {
  it('writes the 21 department files with exactly the contract headers and row counts, plus truth.json', () => {
    for (const src of SOURCE_LIST) {
      const d = data.get(src.id);
      expect(d?.header, src.file).toEqual(src.header);
      expect(d?.rows.length, src.file).toBe(truth.files[src.file]);
    }
    expect(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')).options).toEqual({ seed: 7, persons: 400, noise: true });
  });

  it('encodes 户籍人口 and 中标结果 in GBK, 企业股东 in GB18030 and 婚姻登记 as UTF-8 with BOM', () => {
    const raw = (f: string): Buffer => readFileSync(join(dir, f));
    expect(raw(SOURCES.marriage.file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // GBK 公 = B9 AB; the UTF-8 files would start with E5 85 AC.
    expect(raw(SOURCES.hukou.file).subarray(0, 2)).toEqual(Buffer.from([0xb9, 0xab]));
    expect(raw(SOURCES.award.file).toString('latin1').startsWith('\u00cf\u00ee')).toBe(true); // 项 = CF EE
    expect(raw(SOURCES.shareholder.file).subarray(0, 2)).toEqual(Buffer.from([0xcd, 0xb3])); // 统 = CD B3
    expect(raw(SOURCES.officer.file).subarray(0, 3)).toEqual(Buffer.from('统', 'utf8'));
  });

  it('has every ID number pass GB 11643 after normalising spellings, except the logged invalid ones', () => {
    const invalid = new Set(truth.noise?.invalidIds.map((n) => `${n.file}#${n.row}#${n.column}`));
    let checked = 0;
    for (const src of SOURCE_LIST) {
      const rows = data.get(src.id)?.rows ?? [];
      for (const col of ID_COLUMNS[src.id] ?? []) {
        rows.forEach((r, i) => {
          if (src.id === 'shareholder' && r['股东类型'] !== '自然人') return;
          const ok = isValidId18(normaliseId(r[col] ?? ''));
          expect(ok, `${src.file} row ${i + 1} ${col}=${r[col]}`).toBe(!invalid.has(`${src.file}#${i + 1}#${col}`));
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(invalid.size).toBeGreaterThanOrEqual(3);
  });

  it('matches each ID number to its 户籍 birth date and sex (odd sequence digit = 男)', () => {
    for (const r of data.get('hukou')?.rows ?? []) {
      const id = normaliseId(r['公民身份号码'] ?? '');
      expect(id.slice(6, 14)).toBe(normaliseDate(r['出生日期'] ?? '').replace(/-/g, ''));
      expect(Number(id[16]) % 2 === 1 ? '男' : '女').toBe(r['性别']);
    }
  });

  it('has every credit code and unit code pass GB 32100', () => {
    for (const src of SOURCE_LIST) {
      for (const col of USCC_COLUMNS[src.id] ?? []) {
        for (const r of data.get(src.id)?.rows ?? [])
          if (r[col]) expect(isValidUscc(r[col] ?? ''), `${src.file} ${col}=${r[col]}`).toBe(true);
      }
    }
    const company = data.get('shareholder')?.rows.filter((r) => r['股东类型'] === '企业法人') ?? [];
    for (const r of company) expect(isValidUscc(r['股东证件号码'] ?? '')).toBe(true);
    const kinds = new Set(data.get('cadre')?.rows.map((r) => `${r['单位类型']}:${(r['单位代码'] ?? '').slice(0, 2)}`));
    expect(kinds).toContain('党政机关:11');
    expect(kinds).toContain('村委会:54');
  });

  it('writes every date in one of the four documented spellings and logs the spelling mix', () => {
    const dateCols = [
      '出生日期',
      '注销日期',
      '登记日期',
      '任职开始日期',
      '任职结束日期',
      '成立日期',
      '认缴日期',
      '退出日期',
      '任职日期',
      '公告日期',
      '中标日期',
    ];
    for (const src of SOURCE_LIST)
      for (const r of data.get(src.id)?.rows ?? [])
        for (const c of dateCols) if (r[c]) expect(() => normaliseDate(r[c] ?? '')).not.toThrow();
    const styles = truth.noise?.dateStyles[SOURCES.hukou.file] ?? {};
    expect(Object.keys(styles).sort()).toEqual(['compact', 'iso', 'slash', 'zh']);
  });

  it('contains three-generation households, cross-household marriages, divorces and deaths', () => {
    const hukou = data.get('hukou')?.rows ?? [];
    const rels = new Set(hukou.map((r) => r['与户主关系']));
    for (const code of ['02', '10', '22', '38', '41']) expect(rels, code).toContain(code);
    expect(hukou.some((r) => r['注销原因'] === '死亡' && r['注销标志'] === '是')).toBe(true);
    const marriage = data.get('marriage')?.rows ?? [];
    const hhOf = new Map(hukou.map((r) => [normaliseId(r['公民身份号码'] ?? ''), r['户号']]));
    const split = marriage.filter((m) => hhOf.get(normaliseId(m['男方身份证号'] ?? '')) !== hhOf.get(normaliseId(m['女方身份证号'] ?? '')));
    expect(split.length).toBeGreaterThan(0);
    expect(truth.counts.deceased).toBeGreaterThan(0);
  });

  it('logs the noise a loader must reject: duplicates, a dangling award and invalid IDs', () => {
    const n = truth.noise;
    expect(n).not.toBeNull();
    expect(n?.duplicateRows.map((d) => d.file).sort()).toEqual([SOURCES.hukou.file, SOURCES.company.file, SOURCES.shareholder.file].sort());
    for (const d of n?.duplicateRows ?? []) {
      const src = SOURCE_LIST.find((s) => s.file === d.file);
      const rows = data.get(src?.id ?? '')?.rows ?? [];
      expect(rows[d.row - 1]).toEqual(rows[d.duplicateOf - 1]);
    }
    const codes = new Set(data.get('tender')?.rows.map((r) => r['项目编号']));
    const dangling = n?.danglingAwards[0];
    expect(dangling && codes.has(dangling.projectCode)).toBe(false);
    expect(data.get('award')?.rows[(dangling?.row ?? 0) - 1]?.['项目编号']).toBe(dangling?.projectCode);
    expect(n?.legacyIds.every((x) => x.value.length === 15 && normaliseId(x.value) === x.canonical)).toBe(true);
  });
});
