// Models side by side (issue #17): the whole library run three at a time finds exactly what it finds one
// model after another (every model's rows and alerts with their subjects), and the default concurrency
// follows the database server's cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/index.js';
import { modelConcurrency, serverCores } from '../../../server/models/concurrency.js';
import { loadLibrary } from '../../../server/models/library.js';
import { runAll, type RunResult } from '../../../server/models/runner.js';
import { generateCounty } from '../../../synth/generate.js';
import { freshGraph } from '../../support/db.js';

let db: Executor;
let dir: string;

/** Per model, its standing alerts as `fingerprint role:uid…`, sorted. */
async function alertSets(): Promise<Record<string, string[]>> {
  const { rows } = await db.read<{ m: string; fp: string; s: string[] }>(
    `MATCH (a:Alert) WHERE NOT coalesce(a.gone, false)
     RETURN a.modelId AS m, a.fingerprint AS fp, [(a)-[f:FLAGS]->(e) | f.role + ':' + e.uid] AS s`,
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.m] ??= []).push(`${r.fp} ${[...r.s].sort().join(' ')}`);
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

const outcome = (rs: RunResult[]) => rs.map((r) => [r.modelId, r.rows, r.alertsNew, r.alertsGone, r.error]);

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(join(tmpdir(), 'huiyan-int-side-by-side-'));
  const out = await generateCounty({ persons: 400, seed: 7, outDir: dir });
  await loadFiles(db, out.files, { rejectsDir: join(dir, 'rejects') });
}, 600_000);

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('running the model library side by side', () => {
  it('finds the same rows and alerts three at a time as one after another, in the library order', async () => {
    const library = loadLibrary();
    const one = await runAll(db, library, { concurrency: 1 });
    const alone = await alertSets();
    expect(Object.keys(alone).length).toBeGreaterThan(20);
    await db.write('MATCH (n) WHERE n:Alert OR n:ModelRun DETACH DELETE n');

    const started: string[] = [];
    let running = 0;
    let most = 0;
    const three = await runAll(db, library, { concurrency: 3 }, () => undefined, {
      before: (m) => {
        started.push(m.id);
        most = Math.max(most, ++running);
      },
      after: () => running--,
    });
    expect(most).toBe(3);
    expect(started).toEqual(library.models.map((m) => m.id));
    expect(three.map((r) => r.modelId)).toEqual(library.models.map((m) => m.id));
    expect(outcome(three)).toEqual(outcome(one));
    expect(await alertSets()).toEqual(alone);
    const { rows } = await db.read<{ n: number }>('MATCH (r:ModelRun) RETURN count(r) AS n');
    expect(rows[0]!.n).toBe(library.models.length);
  }, 900_000);

  it('takes the server cores by default and HUIYAN_MODEL_CONCURRENCY when set', async () => {
    const cores = await serverCores(db);
    expect(cores).toBeGreaterThan(0);
    expect(await modelConcurrency(db, {})).toBe(Math.min(16, cores!));
    expect(await modelConcurrency(db, { HUIYAN_MODEL_CONCURRENCY: '1' })).toBe(1);
  });
});
