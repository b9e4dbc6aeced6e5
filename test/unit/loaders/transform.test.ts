import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { MissingColumns } from '../../../loaders/core/errors.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { bindColumns, transformRow } from '../../../loaders/core/transform.js';

const schema = loadGraphSchema();
const mappings = loadMappings({ schema });
const byId = (id: string) => mappings.find((m) => m.id === id)!;
const id = (body: string) => body + idCheckChar(body);
const row = (headers: string[], cells: string[], n = 1) => ({
  row: n,
  values: Object.fromEntries(headers.map((h, i) => [headerKey(h), cells[i] ?? null])),
});

const HUKOU = ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系', '住址', '注销标志', '注销日期', '注销原因'];

describe('row transformation', () => {
  const bound = bindColumns(byId('hukou'), HUKOU, '户籍人口.csv');
  const ok = id('11010119800101001');
  it('turns a register row into a Person, a Household and MEMBER_OF', () => {
    const r = transformRow(
      { bound, schema },
      row(HUKOU, [ok, '张三', '男', '1980年1月1日', 'h001', '户主', '某村', '是', '2020/5/1', '死亡']),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const person = r.nodes.find((n) => n.spec.label === 'Person')!;
    expect(person.uid).toBe(`Person:${ok}`);
    expect(person.props).toEqual({
      name: '张三',
      gender: '男',
      birthDate: '1980-01-01',
      address: '某村',
      deathDate: '2020-05-01',
      idNoMasked: '110101********' + ok.slice(14),
    });
    expect(r.rels[0]!.props).toEqual({ relToHead: '02' });
  });
  it('sets deathDate only when the reason is 死亡', () => {
    const r = transformRow({ bound, schema }, row(HUKOU, [ok, '张三', '男', '', 'H001', '02', '', '是', '2020/5/1', '迁出']));
    expect(r.ok && r.nodes[0]!.props.deathDate).toBeUndefined();
  });
  it('lists every bad cell of a rejected row with the header as written', () => {
    const r = transformRow(
      { bound, schema },
      row(HUKOU, [ok.slice(0, 17) + (ok[17] === '0' ? '1' : '0'), '', '男', '2021-02-30', 'H1', '02']),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.column)).toEqual(['公民身份号码', '姓名', '出生日期']);
    expect(r.problems[1]!.reason).toBe('必填项为空 required value is empty');
  });
  it('refuses a file whose header lacks a required column', () => {
    expect(() => bindColumns(byId('hukou'), ['姓名', '户号'], 'x.csv')).toThrow(MissingColumns);
  });
  it('pseudonymises the key with a keyed token and keeps only the masked number', () => {
    const p = pseudonymiser('a-test-key-of-16+chars');
    const r = transformRow({ bound, schema, pseudonymise: p }, row(HUKOU, [ok, '张三', '', '', 'H1', '02']));
    if (!r.ok) throw new Error('rejected');
    const person = r.nodes[0]!;
    expect(person.key).toBe(p(ok));
    expect(person.key).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(r)).not.toContain(ok);
  });
  it('keeps a refused ID number out of the reason as well as the value when pseudonymising', () => {
    const p = pseudonymiser('a-test-key-of-16+chars');
    const bad = ok.slice(0, 17) + (ok[17] === '0' ? '1' : '0');
    for (const written of [bad, bad.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      const r = transformRow({ bound, schema, pseudonymise: p }, row(HUKOU, [written, '张三', '', '', 'H1', '02']));
      if (r.ok) throw new Error('loaded');
      expect(r.problems[0]!.column).toBe('公民身份号码');
      expect(r.problems[0]!.reason).toMatch(/GB 11643/);
      expect(JSON.stringify(r.problems)).not.toContain(written);
      expect(JSON.stringify(r.problems)).not.toContain(bad);
      expect(r.problems[0]!.reason).toContain(`${bad.slice(0, 6)}********${bad.slice(14)}`);
    }
    // Without a pseudonym key nothing is masked: the department's own ID numbers, to fix its export.
    const plain = transformRow({ bound, schema }, row(HUKOU, [bad, '张三', '', '', 'H1', '02']));
    expect(!plain.ok && plain.problems[0]!.reason).toContain(bad);
  });
  it('picks the shareholder node and the ID check from 股东类型', () => {
    const H = ['统一社会信用代码', '股东名称', '股东类型', '股东证件号码', '出资比例'];
    const b = bindColumns(byId('shareholder'), H, 's.csv');
    const person = transformRow({ bound: b, schema }, row(H, ['91512081MA62K0260E', '李四', '自然人', ok, '35%']));
    const company = transformRow({ bound: b, schema }, row(H, ['91512081MA62K0260E', '某公司', '企业法人', '91350100M000100Y43', '0.65']));
    const wrong = transformRow({ bound: b, schema }, row(H, ['91512081MA62K0260E', '某公司', '自然人', '91350100M000100Y43', '0.65']));
    expect(person.ok && person.rels.map((x) => x.from.spec.label)).toEqual(['Person']);
    expect(company.ok && company.rels.map((x) => x.from.spec.label)).toEqual(['Company']);
    expect(wrong.ok).toBe(false);
  });
  it('gives equal rows equal fingerprints (duplicates are counted, not loaded)', () => {
    const a = transformRow({ bound, schema }, row(HUKOU, [ok, '张三', '', '', 'H1', '02']));
    const b = transformRow({ bound, schema }, row(HUKOU, [` ${ok.toLowerCase()}`, '张三 ', '', '', 'h1', '户主'], 2));
    expect(a.ok && b.ok && a.fingerprint === b.fingerprint).toBe(true);
  });
});

describe('a header that states its unit', () => {
  const AWARD = ['项目编号', '中标人信用代码', '中标金额（万元）'];
  const COMPANY = ['统一社会信用代码', '企业名称', '登记状态', '注册资本(元)'];
  const usccOk = '91330122MA2A00001' + usccCheckChar('91330122MA2A00001');

  it('is read by the alias without the unit, and its bare numbers in that unit', () => {
    const bound = bindColumns(byId('award'), AWARD, '中标.csv');
    expect(bound.shown['amount']).toBe('中标金额（万元）');
    const r = transformRow({ bound, schema }, row(AWARD, ['TLZB-2023-0001', usccOk, '128.09']));
    expect(r.ok && r.rels.find((x) => x.spec.type === 'WON')?.props['amount']).toBe(1_280_900);
  });

  it('wins over the mapping’s default unit: 注册资本(元) is in 元 where the mapping assumes 万元', () => {
    const bound = bindColumns(byId('company'), COMPANY, '企业.csv');
    const r = transformRow({ bound, schema }, row(COMPANY, [usccOk, '桐庐甲公司', '存续', '500000']));
    expect(r.ok && r.nodes.find((n) => n.spec.label === 'Company')?.props['capital']).toBe(500_000);
    const plain = bindColumns(byId('company'), [...COMPANY.slice(0, 3), '注册资本'], '企业.csv');
    const r2 = transformRow({ bound: plain, schema }, row([...COMPANY.slice(0, 3), '注册资本'], [usccOk, '桐庐甲公司', '存续', '50']));
    expect(r2.ok && r2.nodes.find((n) => n.spec.label === 'Company')?.props['capital']).toBe(500_000);
  });

  it('leaves a unit that is not a currency to the header alone', () => {
    const bound = bindColumns(byId('award'), ['项目编号', '中标人信用代码', '中标金额(人民币)'], '中标.csv');
    const r = transformRow(
      { bound, schema },
      row(['项目编号', '中标人信用代码', '中标金额(人民币)'], ['TLZB-2023-0001', usccOk, '128.09']),
    );
    expect(r.ok && r.rels.find((x) => x.spec.type === 'WON')?.props['amount']).toBe(128.09);
  });
});
