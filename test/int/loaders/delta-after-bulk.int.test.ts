// The month after a big first load (issue #17 item 6): a county bulk-loaded with the offline importer, then
// the next month's delivery of every feed (synth/delta.ts) loaded online through the ordinary loaders, each
// file as the feed registry says it is sent (full snapshot or delta), gives the same graph as the county and
// the month both loaded online; every file of the month reconciles with no row rejected; and what the full
// snapshots leave out is ended by its absence, on the delivery date, in both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../../synth/generate.js';
import { generateDelta, type DeltaSummary } from '../../../synth/delta.js';
import { listMappings, loadFiles, type LoadReport } from '../../../loaders/index.js';
import { loadFilesBulk } from '../../../loaders/bulk/load-bulk.js';
import { readFeedRegistry, type Feed } from '../../../platform/feeds/registry.js';
import type { Executor } from '../../../platform/db/executor.js';
import type { Neo4jHandle } from '../../../platform/neo4j/runtime.js';
import { freshGraph } from '../../support/db.js';
import { expectSameGraph } from '../../support/graph-snapshot.js';
import { ownHomeConfig } from '../../support/own-home.js';

let tmp: string;
let online: Executor;
let bulk: Neo4jHandle | undefined;
let feeds: Feed[];
let delta: DeltaSummary;
let onlineDelta: LoadReport;
let bulkDelta: LoadReport;
let before: Counts;

interface Counts {
  rels: number;
  born: number;
  payMonths: number;
}

const counts = async (db: Executor): Promise<Counts> => {
  const { rows } = await db.read<Counts>(
    `MATCH ()-[r]->() WITH count(r) AS rels
     CALL () { MATCH (p:Person) WHERE p.birthDate >= date('2024-07-01') RETURN count(p) AS born }
     OPTIONAL MATCH (:Person)-[p:ON_PAYROLL]->(:Org) WHERE p.to >= date('2024-07-01') RETURN rels, born, count(p) AS payMonths`,
  );
  return rows[0]!;
};

/** Relationships of `type` the snapshot of `on` ended by absence, and those that carry `on` as an end of their own. */
const ended = async (db: Executor, type: string, on: string) => {
  const { rows } = await db.read<{ absent: number }>(
    `MATCH ()-[r:${type}]->() WHERE r._endedOn = date($on) AND r.to = date($on) RETURN count(r) AS absent`,
    { on },
  );
  return rows[0]!.absent;
};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-delta-'));
  const county = path.join(tmp, 'county');
  const month = path.join(tmp, 'month');
  // The county without noise: every fact the month's snapshots leave out was loaded from it, so the counts
  // of what they end are exact (noise, and the rows it gets rejected, are bulk.int.test.ts's subject).
  const { truth } = await generateCounty({ persons: 400, seed: 7, outDir: county, noise: false });
  delta = await generateDelta({ persons: 400, seed: 7, outDir: month });
  // As `npm run load` does: the registry's full-snapshot feeds load as snapshots. The county is dated its
  // snapshot day and the month its delivery day, the same in both loads (an ended fact's `to` is that day).
  feeds = readFeedRegistry(
    path.resolve('synth/feeds.yaml'),
    listMappings().map((m) => m.id),
  );
  const sources = feeds.filter((f) => f.delivery === 'snapshot').flatMap((f) => f.mappings);
  const month$ = { snapshot: { sources, deliveredOn: delta.deliveredOn } };

  online = await freshGraph();
  await loadFiles(online, [county], {
    rejectsDir: path.join(tmp, 'rejects-online'),
    snapshot: { sources, deliveredOn: truth.snapshotDate },
  });
  before = await counts(online);
  onlineDelta = await loadFiles(online, [month], { rejectsDir: path.join(tmp, 'rejects-online-delta'), ...month$ });

  const cfg = ownHomeConfig(tmp);
  const r = await loadFilesBulk(cfg, [county], { rejectsDir: path.join(tmp, 'rejects-bulk'), keepOpen: true });
  bulk = r.handle;
  bulkDelta = await loadFiles(bulk!.executor, [month], { rejectsDir: path.join(tmp, 'rejects-bulk-delta'), ...month$ });
}, 1_200_000);

afterAll(async () => {
  // Both servers closed, then the folder: the bulk server's home is in it.
  await Promise.all([bulk?.close(), online?.close()]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('a monthly delivery of every feed loaded online after a bulk load', () => {
  it('writes the month after the county: a file for each of the 21 exports, and a change in each', () => {
    expect(delta.month).toBe('2024-07');
    expect(delta.deliveredOn).toBe('2024-07-31');
    expect(Object.keys(delta.files)).toHaveLength(21);
    for (const [file, rows] of Object.entries(delta.files)) expect(rows, file).toBeGreaterThan(0);
    for (const [what, n] of Object.entries(delta.counts)) expect(n, what).toBeGreaterThan(0);
  });

  it('delivers every feed of the registry, each file as a full snapshot or a delta as its feed says', () => {
    const kind = new Map(feeds.flatMap((f) => f.mappings.map((m) => [m, f.delivery] as const)));
    const delivered = new Set(onlineDelta.files.map((f) => f.source));
    for (const f of feeds)
      expect(
        f.mappings.some((m) => delivered.has(m)),
        f.id,
      ).toBe(true);
    for (const f of onlineDelta.files)
      expect([f.source, f.deliveryKind, f.deliveredOn]).toEqual([f.source, kind.get(f.source), '2024-07-31']);
    expect(
      onlineDelta.files
        .filter((f) => f.deliveryKind === 'snapshot')
        .map((f) => f.source)
        .sort(),
    ).toEqual(['approval', 'cadre', 'hukou', 'insurance', 'party', 'payroll', 'petition', 'unit']);
  });

  it('reads and reconciles every file of the month with no row rejected, on top of either load, with the same figures', () => {
    const pick = (r: LoadReport) =>
      r.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.duplicatesSkipped, f.reconciles, f.relationshipsEnded]);
    expect(pick(onlineDelta)).toHaveLength(21);
    for (const f of onlineDelta.files) {
      expect([f.file, f.status, f.reconciles, f.rowsRejected, f.warnings]).toEqual([f.file, 'loaded', true, 0, []]);
      expect(f.rowsRead, f.file).toBe(delta.files[f.file]);
    }
    // Only the delivery's own summary is not a department file.
    expect(onlineDelta.skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['delta.json', 'UNKNOWN_SOURCE']]);
    expect(pick(bulkDelta)).toEqual(pick(onlineDelta));
  });

  it('ends what the full snapshots leave out on the delivery date, and keeps the end dates the month sends', async () => {
    const c = delta.counts;
    for (const db of [online, bulk!.executor]) {
      expect(await ended(db, 'HOLDS_POST', '2024-07-31')).toBe(c.postsEndedByAbsence);
      expect(await ended(db, 'INSURED_BY', '2024-07-31')).toBe(c.insuranceEndedByAbsence);
      const { rows } = await db.read<{ sent: number; closed: number }>(
        `OPTIONAL MATCH ()-[h:HOLDS_POST]->() WHERE h.to = date('2024-07-15') AND h._endedOn IS NULL WITH count(h) AS sent
         OPTIONAL MATCH ()-[i:INSURED_BY]->() WHERE i.to = date('2024-07-31') AND i._endedOn IS NULL RETURN sent, count(i) AS closed`,
      );
      expect(rows[0]).toEqual({ sent: c.postsEnded - c.postsEndedByAbsence, closed: c.insuranceClosed });
    }
    const reported = (r: LoadReport, source: string) => r.files.find((f) => f.source === source)!.relationshipsEnded;
    expect(reported(onlineDelta, 'cadre')).toBe(c.postsEndedByAbsence);
    expect(reported(onlineDelta, 'insurance')).toBe(c.insuranceEndedByAbsence);
  });

  it('changes the graph, and gives the same graph as the county and the month both loaded online', async () => {
    const after = await counts(online);
    expect(after.rels).toBeGreaterThan(before.rels);
    expect([before.born, after.born]).toEqual([0, delta.counts.births]);
    expect(before.payMonths).toBe(0);
    expect(after.payMonths).toBe(delta.counts.payroll);
    const { rows } = await online.read<{ dead: number; divorced: number; unit: number; gone: number }>(
      `CALL () { MATCH (p:Person) WHERE p.deathDate >= date('2024-07-01') RETURN count(p) AS dead }
       CALL () { MATCH ()-[k:KIN {source: '婚姻登记'}]->() WHERE k.to >= date('2024-07-01') RETURN count(k) AS divorced }
       CALL () { MATCH (:Org {name: '桐庐县数字化改革服务中心'})-[:PART_OF]->(:Org) RETURN count(*) AS unit }
       OPTIONAL MATCH (c:Company {status: '注销'}) RETURN dead, divorced, unit, count(c) AS gone`,
    );
    // A divorce ends the spouse tie both ways.
    expect(rows[0]).toMatchObject({ dead: delta.counts.deaths, divorced: 2 * delta.counts.divorces, unit: 1 });
    await expectSameGraph(online, bulk!.executor);
  });
});
