// The month after a big first load (issue #17 item 6): a county bulk-loaded with the offline importer, then
// the next month's delivery (synth/delta.ts) loaded online through the ordinary loaders, gives the same
// graph as the county and the month both loaded online, and every delta file reconciles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../../synth/generate.js';
import { generateDelta, type DeltaSummary } from '../../../synth/delta.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { loadFilesBulk } from '../../../loaders/bulk/load-bulk.js';
import type { Executor } from '../../../platform/db/executor.js';
import type { Neo4jHandle } from '../../../platform/neo4j/runtime.js';
import { freshGraph } from '../../support/db.js';
import { expectSameGraph } from '../../support/graph-snapshot.js';
import { ownHomeConfig } from '../../support/own-home.js';

let tmp: string;
let online: Executor;
let bulk: Neo4jHandle | undefined;
let delta: DeltaSummary;
let onlineDelta: LoadReport;
let bulkDelta: LoadReport;
let before: { rels: number; payMonths: number };

const counts = async (db: Executor) => {
  const { rows } = await db.read<{ rels: number; payMonths: number }>(
    `MATCH ()-[r]->() WITH count(r) AS rels
     OPTIONAL MATCH (:Person)-[p:ON_PAYROLL]->(:Org) WHERE p.to >= date('2024-07-01') RETURN rels, count(p) AS payMonths`,
  );
  return rows[0]!;
};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-delta-'));
  const county = path.join(tmp, 'county');
  const month = path.join(tmp, 'month');
  await generateCounty({ persons: 400, seed: 7, outDir: county });
  delta = await generateDelta({ persons: 400, seed: 7, outDir: month });

  online = await freshGraph();
  await loadFiles(online, [county], { rejectsDir: path.join(tmp, 'rejects-online') });
  before = await counts(online);
  onlineDelta = await loadFiles(online, [month], { rejectsDir: path.join(tmp, 'rejects-online-delta') });

  const cfg = ownHomeConfig(tmp);
  const r = await loadFilesBulk(cfg, [county], { rejectsDir: path.join(tmp, 'rejects-bulk'), keepOpen: true });
  bulk = r.handle;
  bulkDelta = await loadFiles(bulk!.executor, [month], { rejectsDir: path.join(tmp, 'rejects-bulk-delta') });
}, 900_000);

afterAll(async () => {
  // Both servers closed, then the folder: the bulk server's home is in it.
  await Promise.all([bulk?.close(), online?.close()]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('a monthly delivery loaded online after a bulk load', () => {
  it('writes the month after the county: pay, payments, posts ended and filled, new and deregistered companies', () => {
    expect(delta.month).toBe('2024-07');
    const c = delta.counts;
    for (const n of [c.payroll, c.leftPayroll, c.payments, c.postsEnded, c.postsNew, c.companiesNew, c.companiesDeregistered])
      expect(n).toBeGreaterThan(0);
    expect(Object.keys(delta.files)).toHaveLength(6);
  });

  it('reads and reconciles every file of the month, on top of either load, with the same figures', () => {
    const pick = (r: LoadReport) => r.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.reconciles]);
    expect(pick(onlineDelta)).toHaveLength(6);
    expect(onlineDelta.files.every((f) => f.reconciles && f.rowsRejected === 0)).toBe(true);
    expect(pick(bulkDelta)).toEqual(pick(onlineDelta));
  });

  it('changes the graph, and gives the same graph as the county and the month both loaded online', async () => {
    const after = await counts(online);
    expect(after.rels).toBeGreaterThan(before.rels);
    expect(before.payMonths).toBe(0);
    expect(after.payMonths).toBe(delta.counts.payroll);
    const { rows } = await online.read<{ ended: number; gone: number }>(
      `OPTIONAL MATCH (:Person)-[h:HOLDS_POST]->(:Org) WHERE h.to = date('2024-07-15') WITH count(h) AS ended
       OPTIONAL MATCH (c:Company {status: '注销'}) RETURN ended, count(c) AS gone`,
    );
    expect(rows[0]!.ended).toBe(delta.counts.postsEnded);
    await expectSameGraph(online, bulk!.executor);
  });
});
