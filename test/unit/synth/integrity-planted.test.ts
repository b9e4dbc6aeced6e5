// The planted integrity and welfare cases are in the data as designed, and the brute-force checks
// over the generated county find exactly the planted alerts (plus the recorded side effects and M02's
// listed background), for several seeds and sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceM11 } from '../../../synth/cases/welfare/paid-after-death.js';
import { buildWorld, generateCounty, type Truth } from '../../../synth/generate.js';
import { bruteForceAll, caseKey, reconcile } from '../../../synth/cases/reconcile.js';
import { SOURCES } from '../../../synth/write/sources.js';
import { normaliseId, readSource, type Row } from './read-output.js';

const MODELS = ['M01', 'M02', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M13', 'M17', 'M18', 'M19', 'M21', 'M22'];
/** Models whose background matches are recorded rather than refused (their case module's recordsBackground). */
const BACKGROUND_ALLOWED = ['M02', 'M21'];
let dir: string;
let truth: Truth;
const rows = new Map<string, Row[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huiyan-gen-integrity-'));
  ({ truth } = await generateCounty({ persons: 400, seed: 7, outDir: dir }));
  for (const id of ['hukou', 'death', 'party', 'payroll', 'welfare', 'police', 'sanction', 'insurance', 'cadre'] as const)
    rows.set(id, (await readSource(dir, SOURCES[id])).rows);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ofModel = (m: string) => truth.cases.filter((c) => c.model === m);
const idOf = (uid: string) => uid.slice('Person:'.length);

describe('planted integrity and welfare cases (400 persons, seed 7)', () => {
  it('plants at least two alerts and one near miss for every model', () => {
    for (const m of MODELS) {
      const planted = ofModel(m).filter((c) => !['background', 'side_effect_of_other_plant'].includes(c.kind));
      expect(planted.filter((c) => c.expected === 'alert').length, m).toBeGreaterThanOrEqual(2);
      expect(planted.filter((c) => c.expected === 'no_alert').length, m).toBeGreaterThanOrEqual(1);
    }
  });

  it('lists every brute-force match as an alert case and no near miss among them', () => {
    for (const m of MODELS) {
      const expected = new Set((truth.integrity.expectedAlerts[m] ?? []).map(caseKey));
      const alerts = ofModel(m)
        .filter((c) => c.expected === 'alert')
        .map((c) => caseKey(Object.fromEntries(c.roles.map((r, i) => [r, c.key[i] as string]))));
      expect(new Set(alerts), m).toEqual(expected);
      for (const c of ofModel(m).filter((x) => x.expected === 'no_alert'))
        expect(expected.has(caseKey(Object.fromEntries(c.roles.map((r, i) => [r, c.key[i] as string])))), c.id).toBe(false);
    }
  });

  it('writes the M11 cases the way departments see them: one death only in 火化登记, arrears marked 补发', () => {
    const lagging = truth.cases.find((c) => c.id === 'M11-A2')!;
    const id = idOf(lagging.key[0]!);
    expect(rows.get('hukou')!.find((r) => normaliseId(r['公民身份号码'] ?? '') === id)?.['注销标志']).toBe('否');
    expect(rows.get('death')!.some((r) => r['身份证号'] === id)).toBe(true);
    const arrears = truth.cases.find((c) => c.id === 'M11-N2')!;
    const paid = rows.get('welfare')!.filter((r) => r['身份证号'] === idOf(arrears.key[0]!));
    expect(paid.some((r) => r['发放类型'] === '补发' && r['发放所属期'] === '2022-01至2022-03')).toBe(true);
  });

  it("puts gambling partners in one case file and the drink-driving look-alike under the official's name", () => {
    const gamble = truth.cases.find((c) => c.id === 'M17-A2')!;
    const caseNo = gamble.key[1]!.slice('PoliceCase:'.length);
    const partyRows = rows.get('police')!.filter((r) => r['案件编号'] === caseNo);
    expect(partyRows.length).toBe(3);
    expect(new Set(partyRows.map((r) => r['违法行为类别']))).toEqual(new Set(['赌博']));
    const official = rows.get('police')!.find((r) => r['身份证号'] === idOf(truth.cases.find((c) => c.id === 'M18-A1')!.key[0]!));
    const lookalike = rows.get('police')!.find((r) => r['身份证号'] === idOf(truth.cases.find((c) => c.id === 'M18-N1')!.key[0]!));
    expect(lookalike?.['姓名']).toBe(official?.['姓名']);
    expect(lookalike?.['政治面貌']).toBe('群众');
  });

  it('writes pay periods, payroll months and insurance months in the documented spellings', () => {
    const month = /^(\d{4}-\d{2}|\d{4}年\d{1,2}月|\d{6})$/;
    for (const r of rows.get('welfare')!)
      expect(r['发放所属期']!.split('至').every((x) => month.test(x)) || /^\d{4}年度$/.test(r['发放所属期']!), r['发放所属期']).toBe(true);
    for (const r of rows.get('payroll')!) expect(r['工资月份']).toMatch(month);
    for (const r of rows.get('insurance')!) expect(r['参保起始年月']).toMatch(month);
    expect(rows.get('welfare')!.some((r) => r['是否普惠'] === '是') && rows.get('welfare')!.some((r) => r['是否普惠'] === '否')).toBe(true);
  });
});

describe('integrity brute force over other counties', () => {
  it.each([
    [400, 9],
    [1200, 5],
    [6000, 2],
  ])(
    'finds exactly the planted alerts at %i persons, seed %i',
    (persons, seed) => {
      const { world, records, integrity } = buildWorld(persons, seed);
      const { cases, expectedAlerts } = reconcile(world, records, integrity);
      for (const m of MODELS) {
        const alerts = cases.filter((c) => c.model === m && c.expected === 'alert');
        expect(alerts.length, m).toBe(expectedAlerts[m]?.length);
        expect(
          alerts.filter((c) => c.kind === 'background').every(() => BACKGROUND_ALLOWED.includes(m)),
          m,
        ).toBe(true);
      }
      // Payments are compared by period: with no grace at all, M11 finds the same deceased.
      expect(bruteForceM11(world, records, 0).map(caseKey).sort()).toEqual(bruteForceAll(world, records).M11!.map(caseKey).sort());
      if (persons >= 5000) expect(cases.filter((c) => c.model === 'M11' && c.expected === 'alert').length).toBeGreaterThanOrEqual(4);
    },
    60_000,
  );
});
