// The acceptance check of the model library on the synthetic county: through the real generator,
// loaders and runner, every model the library has finds every case planted for it and no near miss.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { evaluate, type EvalReport } from '../../../synth/eval/evaluate.js';
import { freshGraph } from '../../support/db.js';
import { alertInScope, resolveScope } from '../../../server/access/jurisdiction.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

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

// The county as the demo loads it (the same generator and loaders) carries its unit hierarchy, and the
// jurisdiction rules cut its alerts along it.
describe('units and jurisdiction on the demo county', () => {
  it('has one top unit, the county government, that every unit of the rosters reaches through PART_OF', async () => {
    const { rows } = await db.read<{ top: string; units: number; under: number; villages: number; inTownship: number }>(
      `MATCH (top:Org) WHERE NOT (top)-[:PART_OF]->() AND ()-[:PART_OF]->(top)
       MATCH (o:Org) WHERE EXISTS { (o)<-[:HOLDS_POST]-() }
       WITH top, count(o) AS units, count(CASE WHEN EXISTS { (o)-[:PART_OF*1..]->(top) } THEN 1 END) AS under,
            count(CASE WHEN o.kind IN ['村委会', '居委会'] THEN 1 END) AS villages,
            count(CASE WHEN o.kind IN ['村委会', '居委会'] AND EXISTS { (o)-[:PART_OF]->(:Org)-[:PART_OF]->(top) } THEN 1 END) AS inTownship
       RETURN top.name AS top, units, under, villages, inTownship`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ top: '桐庐县人民政府' });
    expect(rows[0]!.under).toBe(rows[0]!.units);
    expect(rows[0]!.villages).toBeGreaterThan(0);
    expect(rows[0]!.inTownship).toBe(rows[0]!.villages);
  });

  it("gives each township its own subtree and alerts, and the county government's scope the whole county", async () => {
    const { rows: towns } = await db.read<{ uid: string }>(
      `MATCH (t:Org)-[:PART_OF]->(top:Org) WHERE NOT (top)-[:PART_OF]->() AND EXISTS { (:Org {kind: '村委会'})-[:PART_OF]->(t) }
       RETURN t.uid AS uid ORDER BY uid`,
    );
    expect(towns.length).toBeGreaterThanOrEqual(2);
    const orgs = new Set<string>();
    let alerts = 0;
    for (const t of towns) {
      const scope = await resolveScope(db, loadGraphSchema(), { all: false, units: [t.uid] });
      if (scope.all) throw new Error(`${t.uid} resolved to the whole county`);
      expect(scope.orgs).toContain(t.uid);
      for (const o of scope.orgs) {
        expect(orgs.has(o), `${o} in two townships`).toBe(false);
        orgs.add(o);
      }
      const p = alertInScope(scope, 'a');
      const { rows } = await db.read<{ n: number }>(`MATCH (a:Alert) WHERE ${p.cypher} RETURN count(a) AS n`, p.params);
      alerts += rows[0]?.n ?? 0;
    }
    // The village cases (cadres' kin paid by their village, aid to cadres' kin) fall to their townships.
    expect(alerts).toBeGreaterThan(0);
    const { rows: top } = await db.read<{ uid: string }>("MATCH (top:Org {name: '桐庐县人民政府'}) RETURN top.uid AS uid");
    expect(await resolveScope(db, loadGraphSchema(), { all: false, units: [top[0]!.uid] })).toEqual({ all: true });
  });
});
