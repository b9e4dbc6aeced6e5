// The acceptance check of the model library on the synthetic county: through the real generator,
// loaders and runner, every model the library has finds every case planted for it and no near miss.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { evaluate, type EvalReport } from '../../../synth/eval/evaluate.js';
import { freshGraph } from '../../support/db.js';

let db: Executor;
let report: EvalReport;

beforeAll(async () => {
  db = await freshGraph();
  report = await evaluate(db, { persons: 400, seed: 7, outDir: mkdtempSync(path.join(os.tmpdir(), 'huiyan-eval-')) });
}, 600_000);
afterAll(async () => {
  await db.close();
});

describe('models on the demo county', () => {
  it('has at least one implemented model with planted cases', () => {
    expect(report.scores.filter((s) => s.modelId && s.planted > 0).length).toBeGreaterThan(0);
  });

  it('finds every planted case and flags no near miss, model by model', () => {
    const implemented = report.scores.filter((s) => s.modelId !== null);
    const problems = implemented
      .filter((s) => s.error || s.missed.length || s.nearMissesFlagged.length)
      .map((s) => `${s.model}: ${s.error ?? ''} missed [${s.missed.join(', ')}] flagged [${s.nearMissesFlagged.join(', ')}]`);
    expect(problems).toEqual([]);
  });
});
