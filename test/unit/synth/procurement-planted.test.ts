// The planted procurement cases are in the data as designed: each model has its planted alerts and near
// misses, the brute force over the generated county finds exactly truth.json's alerts, and the written
// bid file shows the shared fingerprints the collusion cases rest on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, generateCounty, procurementCases, type Truth } from '../../../synth/generate.js';
import { keyId } from '../../../synth/cases/case.js';
import { allProcurementMatches } from '../../../synth/cases/reconcile.js';

const MODELS = ['M04', 'M25', 'M26', 'M27', 'M28', 'M29', 'M30', 'M31', 'M32', 'M35', 'M36', 'M40', 'M43', 'M44'];
let dir: string;
let truth: Truth;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huiyan-gen-proc-'));
  ({ truth } = await generateCounty({ persons: 400, seed: 7, outDir: dir }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planted procurement cases (400 persons, seed 7)', () => {
  it('plants at least two alerts and one near miss per model (one high-share unit for M36), and nothing unplanned', () => {
    for (const m of MODELS) {
      const cases = truth.cases.filter((c) => c.model === m);
      expect(cases.filter((c) => c.expected === 'alert').length, m).toBeGreaterThanOrEqual(m === 'M36' ? 1 : 2);
      if (m !== 'M36') expect(cases.filter((c) => c.expected === 'no_alert').length, m).toBeGreaterThanOrEqual(1);
      expect(
        cases.filter((c) => c.kind === 'background'),
        m,
      ).toEqual([]);
    }
  });

  // Background matches are real here: a thrown-out background bid that happens to be the lowest (M45), a
  // background firm that won an agent's lots of one unit (M33). They are recorded, not refused.
  it.each([
    ['M33', ['M33-A1', 'M33-A2'], ['M33-N1', 'M33-N2']],
    ['M45', ['M45-A1', 'M45-A2'], ['M45-N1', 'M45-N2']],
  ])('plants the %s alerts and near misses beside the background matches', (model, planted, near) => {
    const cases = truth.cases.filter((c) => c.model === model);
    expect(cases.filter((c) => c.expected === 'alert' && c.kind !== 'background').map((c) => c.id)).toEqual(planted);
    expect(cases.filter((c) => c.expected === 'no_alert').map((c) => c.id)).toEqual(near);
  });

  it('writes the thrown-out bids of M44-A1 as 否决投标 是, with a reason, and the winner as 否', () => {
    const c = truth.cases.find((x) => x.id === 'M44-A1')!;
    const [winner, project] = c.key.map((u) => u.slice(u.indexOf(':') + 1));
    const bids = readFileSync(join(dir, '投标记录.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
      .filter((r) => r['项目编号'] === project);
    expect(bids).toHaveLength(4);
    for (const b of bids) {
      expect(b['否决投标'], b['投标编号']).toBe(b['投标人信用代码'] === winner ? '否' : '是');
      expect(b['否决原因'] !== '', b['投标编号']).toBe(b['投标人信用代码'] !== winner);
    }
  });

  it('names every case by graph uids', () => {
    for (const c of truth.cases.filter((x) => MODELS.includes(x.model))) {
      for (const u of c.key) expect(u, c.id).toMatch(/^(Company|Project|Org|Person):[0-9A-Z-]+$/);
    }
  });

  it("brute force over the world equals the truth's alerts, for several seeds and sizes", () => {
    for (const [persons, seed] of [
      [400, 7],
      [400, 2],
      [1500, 3],
    ] as const) {
      const { world, procurement } = buildWorld(persons, seed);
      const cases = procurementCases(world, procurement);
      const found = new Set(allProcurementMatches(world).map((m) => keyId(m.model, m.key)));
      expect(cases.filter((c) => c.expected === 'alert').length, `${persons}/${seed}`).toBe(found.size);
    }
  }, 120_000);

  it('writes the shared machine code of M25-A1 on both bids of its lot', () => {
    const c = truth.cases.find((x) => x.id === 'M25-A1')!;
    const [a, b, project] = c.key.map((u) => u.slice(u.indexOf(':') + 1));
    const bids = readFileSync(join(dir, '投标记录.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
      .filter((r) => r['项目编号'] === project && (r['投标人信用代码'] === a || r['投标人信用代码'] === b));
    expect(bids).toHaveLength(2);
    expect(bids[0]!['机器码']).toBe(bids[1]!['机器码']);
    expect(bids[0]!['项目负责人证件号码']).toMatch(/^\d{17}[\dX]$/);
  });
});
