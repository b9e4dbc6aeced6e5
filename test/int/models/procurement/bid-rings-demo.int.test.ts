// The ring model (M46) on the demo county: revision 1 raised two rings there that nobody planted (the pair
// cases' identifiers on the same few firms, chained through lots they bid on anyway, and identifiers on bids
// for different lots). The generator keeps the pair cases apart and the model reads identifiers per lot, so
// the demo, which has no rings planted, raises none; the pair models still raise every planted pair.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../../platform/db/executor.js';
import { fingerprint } from '../../../../server/alerts/fingerprint.js';
import { loadLibrary } from '../../../../server/models/library.js';
import { runModel } from '../../../../server/models/runner.js';
import { generateCounty, type Truth } from '../../../../synth/generate.js';
import { loadFiles } from '../../../../loaders/index.js';
import { freshGraph } from '../../../support/db.js';

let db: Executor;
let dir: string;
let truth: Truth;
const lib = loadLibrary();

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(join(tmpdir(), 'huiyan-int-rings-'));
  const out = await generateCounty({ persons: 400, seed: 7, outDir: dir });
  truth = out.truth;
  await loadFiles(db, out.files, { rejectsDir: join(dir, 'rejects') });
}, 300_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const alerts = async (id: string) => {
  const run = await runModel(db, lib.get(id)!);
  expect(run.error).toBeNull();
  const { rows } = await db.read<{ fp: string }>(
    'MATCH (a:Alert {modelId: $id}) WHERE coalesce(a.gone, false) = false RETURN a.fingerprint AS fp',
    { id },
  );
  return new Set(rows.map((r) => r.fp));
};

describe('bid rings on the demo county (400 persons, seed 7)', () => {
  it('plants no ring there and the ring model raises none', async () => {
    expect(truth.cases.filter((c) => c.model === 'M46')).toEqual([]);
    expect(await alerts('procurement.bid-ring-communities')).toEqual(new Set());
  }, 240_000);

  it.each([
    ['M25', 'procurement.shared-device-on-lot'],
    ['M26', 'procurement.shared-deposit-account-on-lot'],
    ['M27', 'procurement.shared-contact-on-lot'],
  ])(
    '%s still raises exactly its planted pairs',
    async (code, id) => {
      const found = await alerts(id);
      const planted = truth.cases.filter((c) => c.model === code && c.expected === 'alert').map((c) => fingerprint(id, c.key));
      expect(planted.length).toBeGreaterThanOrEqual(2);
      expect(found).toEqual(new Set(planted));
    },
    240_000,
  );
});
