// End to end for the integrity and welfare models: generate the demo county, load every file through the
// mappings, run each model and compare its alerts with truth.json: every planted alert (and recorded side
// effect or background match) is found, and nothing else, so no near miss alerts either.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { fingerprint } from '../../../server/alerts/fingerprint.js';
import { loadLibrary, type Library } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { generateCounty, type Truth } from '../../../synth/generate.js';
import { loadFiles } from '../../../loaders/index.js';
import { freshGraph } from '../../support/db.js';

const MODELS: [string, string][] = [
  ['M01', 'integrity.official-in-business'],
  ['M02', 'integrity.leader-kin-in-business'],
  ['M17', 'integrity.penalised-never-disciplined'],
  ['M18', 'integrity.drink-driving'],
  ['M19', 'integrity.gambling-with-regulated-party'],
  ['M22', 'integrity.promoted-during-sanction'],
  ['M06', 'welfare.cadre-kin-discretionary-aid'],
  ['M07', 'welfare.public-job-child-employed-elsewhere'],
  ['M08', 'welfare.payroll-household-means-tested'],
  ['M09', 'welfare.payroll-farm-subsidy'],
  ['M10', 'welfare.means-tested-household-in-business'],
  ['M11', 'welfare.paid-after-death'],
  ['M13', 'welfare.exclusive-programmes'],
];

let db: Executor;
let dir: string;
let truth: Truth;
let lib: Library;

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(join(tmpdir(), 'huiyan-int-integrity-'));
  const out = await generateCounty({ persons: 400, seed: 7, outDir: dir });
  truth = out.truth;
  const report = await loadFiles(db, out.files, { rejectsDir: join(dir, 'rejects') });
  expect(report.files.every((f) => f.reconciles)).toBe(true);
  lib = loadLibrary();
}, 300_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('integrity and welfare models on the generated county (400 persons, seed 7)', () => {
  it('loads every integrity and welfare model without refusal', () => {
    const mine = lib.refused.filter((r) => /models\/(integrity|welfare)\//.test(r.file));
    expect(mine).toEqual([]);
    for (const [, id] of MODELS) expect(lib.get(id), id).toBeDefined();
  });

  it.each(MODELS)('%s (%s) finds exactly the alerts truth.json lists', async (code, id) => {
    const model = lib.get(id)!;
    const run = await runModel(db, model);
    expect(run.error).toBeNull();
    const { rows } = await db.read<{ fp: string }>(
      'MATCH (a:Alert {modelId: $id}) WHERE coalesce(a.gone, false) = false RETURN a.fingerprint AS fp',
      { id },
    );
    const found = new Set(rows.map((r) => r.fp));
    const cases = truth.cases.filter((c) => c.model === code);
    const expected = new Map(cases.filter((c) => c.expected === 'alert').map((c) => [fingerprint(id, c.key), c.id]));
    const missing = [...expected].filter(([fp]) => !found.has(fp)).map(([, cid]) => cid);
    const nearMisses = cases.filter((c) => c.expected === 'no_alert' && found.has(fingerprint(id, c.key))).map((c) => c.id);
    expect({ missing, nearMisses, extra: [...found].filter((fp) => !expected.has(fp)).length }).toEqual({
      missing: [],
      nearMisses: [],
      extra: 0,
    });
    expect(expected.size).toBeGreaterThanOrEqual(2);
  });
});
