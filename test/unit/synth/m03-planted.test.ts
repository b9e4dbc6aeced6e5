// The planted M03 cases are in the data as designed, and a brute force over the generated county
// finds exactly the planted alerts: background data never adds a match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, generateCounty, type Truth } from '../../../synth/generate.js';
import { bruteForceM03 } from '../../../synth/cases/procurement/kin-of-official-at-winning-bidder.js';
import { SOURCE_LIST } from '../../../synth/write/sources.js';
import { normaliseDate, normaliseId, readSource, type Row } from './read-output.js';

let dir: string;
let truth: Truth;
const data = new Map<string, Row[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huiyan-gen-m03-'));
  ({ truth } = await generateCounty({ persons: 400, seed: 7, outDir: dir }));
  for (const src of SOURCE_LIST) data.set(src.id, (await readSource(dir, src)).rows);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (id: string): Row[] => data.get(id) ?? [];

describe('planted M03 cases (400 persons, seed 7)', () => {
  it('plants at least 3 alerts and 3 near misses covering spouse, child, sibling and every role', () => {
    const alerts = truth.m03.cases.filter((c) => c.expected === 'alert');
    const misses = truth.m03.cases.filter((c) => c.expected === 'no_alert');
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    expect(misses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(alerts.map((c) => c.relation))).toEqual(new Set(['spouse', 'child', 'sibling', 'parent']));
    expect(new Set(alerts.map((c) => c.role))).toEqual(new Set(['LEGAL_REP', 'SHAREHOLDER', 'EXECUTIVE']));
    expect(new Set(misses.map((c) => c.kind))).toEqual(
      new Set(['near_miss_other_unit', 'near_miss_post_ended', 'near_miss_same_surname', 'near_miss_non_kin_99']),
    );
  });

  it("puts every case's official, relative, company, project and award into the files", () => {
    for (const c of truth.m03.cases) {
      const post = rows('cadre').find((r) => normaliseId(r['身份证号'] ?? '') === c.officialIdNo && r['单位代码'] === c.unitCode);
      expect(post?.['是否领导成员'], c.id).toBe('是');
      expect(post?.['任职开始日期']).toBe(c.postFrom);
      expect(post?.['任职结束日期'] || null).toBe(c.postTo);
      expect(rows('hukou').some((r) => r['公民身份号码'] === c.relativeIdNo)).toBe(true);
      const roleRow =
        c.role === 'LEGAL_REP'
          ? rows('company').find((r) => r['统一社会信用代码'] === c.companyUscc && r['法定代表人证件号码'] === c.relativeIdNo)
          : c.role === 'SHAREHOLDER'
            ? rows('shareholder').find((r) => r['统一社会信用代码'] === c.companyUscc && r['股东证件号码'] === c.relativeIdNo)
            : rows('officer').find((r) => r['统一社会信用代码'] === c.companyUscc && r['证件号码'] === c.relativeIdNo);
      expect(roleRow, `${c.id} ${c.role}`).toBeDefined();
      expect(rows('tender').find((r) => r['项目编号'] === c.projectCode)?.['招标人代码']).toBe(c.tenderUnitCode);
      const award = rows('award').find((r) => r['项目编号'] === c.projectCode);
      expect(award?.['中标人信用代码']).toBe(c.companyUscc);
      expect(award?.['中标日期']).toBe(c.awardDate);
    }
  });

  it("links each alert's relative the intended way: marriage record, same household, parents' household", () => {
    const hukou = rows('hukou');
    const member = (id: string): Row | undefined => hukou.find((r) => r['公民身份号码'] === id);
    for (const c of truth.m03.cases) {
      const p = member(c.officialIdNo);
      const k = member(c.relativeIdNo);
      if (c.kind === 'spouse_via_marriage_record') {
        expect(p?.['户号']).not.toBe(k?.['户号']);
        expect(
          rows('marriage').some(
            (m) => m['男方身份证号'] === c.officialIdNo && m['女方身份证号'] === c.relativeIdNo && m['登记类型'] === '结婚',
          ),
        ).toBe(true);
      }
      if (c.kind === 'child_same_household') expect([p?.['户号'], p?.['与户主关系'], k?.['与户主关系']]).toEqual([k?.['户号'], '02', '22']);
      if (c.kind === 'sibling_via_parents_household')
        expect([p?.['户号'], p?.['与户主关系'], k?.['与户主关系']]).toEqual([k?.['户号'], '22', '23']);
      if (c.kind === 'parent_village_cadre') expect([p?.['户号'], p?.['与户主关系'], k?.['与户主关系']]).toEqual([k?.['户号'], '22', '02']);
      if (c.kind === 'near_miss_other_unit') expect(c.tenderUnitCode).not.toBe(c.unitCode);
      if (c.kind === 'near_miss_post_ended') expect(c.awardDate > (c.postTo ?? '9999')).toBe(true);
      if (c.kind === 'near_miss_same_surname') {
        expect(c.relativeName[0]).toBe(c.officialName[0]);
        expect(p?.['户号']).not.toBe(k?.['户号']);
      }
      if (c.kind === 'near_miss_non_kin_99') expect([p?.['户号'], k?.['与户主关系']]).toEqual([k?.['户号'], '99']);
    }
  });

  it("brute-force M03 over the written files equals the truth's expected alerts", () => {
    // Independent of the generator's structures: rebuild kin (same household except 99, any
    // marriage record), posts, company roles and awards from the files themselves.
    const hh = new Map<string, string[]>();
    const hhOf = new Map<string, string>();
    for (const r of rows('hukou')) {
      const id = normaliseId(r['公民身份号码'] ?? '');
      if (r['与户主关系'] === '99' || r['与户主关系'] === '非亲属') continue;
      hhOf.set(id, r['户号'] ?? '');
      hh.set(r['户号'] ?? '', [...(hh.get(r['户号'] ?? '') ?? []), id]);
    }
    const kin = (p: string): Set<string> => {
      const s = new Set((hh.get(hhOf.get(p) ?? '') ?? []).filter((q) => q !== p));
      for (const m of rows('marriage')) {
        const a = normaliseId(m['男方身份证号'] ?? '');
        const b = normaliseId(m['女方身份证号'] ?? '');
        if (a === p) s.add(b);
        if (b === p) s.add(a);
      }
      return s;
    };
    const roles = new Map<string, Set<string>>();
    const addRole = (uscc: string, id: string): void => {
      roles.set(uscc, (roles.get(uscc) ?? new Set()).add(normaliseId(id)));
    };
    for (const r of rows('company')) addRole(r['统一社会信用代码'] ?? '', r['法定代表人证件号码'] ?? '');
    for (const r of rows('shareholder')) if (r['股东类型'] === '自然人') addRole(r['统一社会信用代码'] ?? '', r['股东证件号码'] ?? '');
    for (const r of rows('officer')) addRole(r['统一社会信用代码'] ?? '', r['证件号码'] ?? '');
    const tenderer = new Map(rows('tender').map((r) => [r['项目编号'], r['招标人代码']]));
    const found = new Set<string>();
    for (const a of rows('award')) {
      const unit = tenderer.get(a['项目编号']);
      const date = normaliseDate(a['中标日期'] ?? '');
      for (const post of rows('cadre')) {
        if (post['单位代码'] !== unit) continue;
        if (date < normaliseDate(post['任职开始日期'] ?? '') || (post['任职结束日期'] && date > normaliseDate(post['任职结束日期'])))
          continue;
        const official = normaliseId(post['身份证号'] ?? '');
        for (const k of kin(official)) if (roles.get(a['中标人信用代码'] ?? '')?.has(k)) found.add(`${a['项目编号']}|${official}|${k}`);
      }
    }
    const expected = truth.m03.cases
      .filter((c) => c.expected === 'alert')
      .map((c) => `${c.projectCode}|${c.officialIdNo}|${c.relativeIdNo}`);
    expect([...found].sort()).toEqual(expected.sort());
    expect(truth.m03.expectedAlerts.map((m) => `${m.projectCode}|${m.officialIdNo}|${m.relativeIdNo}`).sort()).toEqual(expected.sort());
  });

  it('finds only the planted alerts for other seeds and sizes, and the ended-post miss once tenure is ignored', () => {
    for (const [persons, seed] of [
      [400, 1],
      [400, 2],
      [1500, 3],
      [5000, 4],
      [12000, 5],
    ] as const) {
      const { world, planted } = buildWorld(persons, seed);
      const alerts = planted
        .filter((p) => p.pp.def.expected === 'alert')
        .map((p) => `${world.projects[p.project]?.code}|${p.pp.official.idNo}|${p.pp.relative.idNo}`)
        .sort();
      expect(
        bruteForceM03(world)
          .map((m) => `${m.projectCode}|${m.officialIdNo}|${m.relativeIdNo}`)
          .sort(),
        `persons ${persons} seed ${seed}`,
      ).toEqual(alerts);
      const loose = bruteForceM03(world, { ignoreTenure: true }).map((m) => m.projectCode);
      const ended = planted.find((p) => p.pp.def.kind === 'near_miss_post_ended');
      expect(loose.length).toBe(alerts.length + 1);
      expect(loose).toContain(world.projects[ended?.project ?? -1]?.code);
    }
  });
});
