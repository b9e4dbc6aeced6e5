// The load benchmark sets the online loader beside Neo4j's LOAD CSV of the same rows (bench/load/load-csv.ts);
// the comparison is fair only if both write the same graph. Spells are where they could part: the loader merges
// a pair's spells with those stored by earlier batches, so the county is loaded in batches small enough that a
// person's payroll and insurance months cross them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeConfig, startBenchServer } from '../../../bench/load/bench-server.js';
import { prepareLoadCsv, runLoadCsvPath, type BenchInput } from '../../../bench/load/paths.js';
import { loadFiles } from '../../../loaders/index.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { generateCounty } from '../../../synth/generate.js';
import { freshGraph } from '../../support/db.js';
import { graphSnapshot, type GraphSnapshot } from '../../support/graph-snapshot.js';

let tmp: string;
let input: BenchInput;

/** Reopens a benchmark run's home (each path leaves its server's home behind) and reads its graph. */
async function graphIn(home: string): Promise<GraphSnapshot> {
  const h = await startBenchServer(homeConfig(home));
  try {
    // Provenance left out: LOAD CSV writes again the node rows the online writer skips as repeats.
    return await graphSnapshot(h.executor, { provenance: false });
  } finally {
    await h.close();
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-loadcsv-'));
  const county = path.join(tmp, 'county');
  await generateCounty({ persons: 400, seed: 5, outDir: county });
  const schema = loadGraphSchema();
  input = { work: tmp, county, schema, mappings: loadMappings({ schema }), rows: 0, size: { nodes: 0, relationships: 0 }, batchSize: 200 };
  await prepareLoadCsv(input);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the load benchmark's LOAD CSV", () => {
  it('writes the same graph as the online loader, spells merged across batches included', async () => {
    // The online loader as the benchmark's online run calls it, on this worker's server.
    const db = await freshGraph();
    const { schema, mappings } = input;
    await loadFiles(db, [input.county], { rejectsDir: path.join(tmp, 'rejects-online'), schema, mappings, batchSize: input.batchSize! });
    const online = await graphSnapshot(db, { provenance: false });
    const csv = await runLoadCsvPath(input, 1);
    expect([csv.nodes, csv.relationships]).toEqual([online.nodes.length, online.rels.length]);
    expect(online.rels.filter((r) => /"t":"(ON_PAYROLL|INSURED_BY)"/.test(r)).length).toBeGreaterThan(20);
    const b = await graphIn(path.join(tmp, 'home-loadcsv-1'));
    expect(b.nodes).toEqual(online.nodes);
    expect(b.rels).toEqual(online.rels);
  }, 180_000);
});
