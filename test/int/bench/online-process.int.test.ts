// The load benchmark runs every online load in a process of its own (bench/load/paths.ts), as `npm run load`
// runs, so that it starts as cold as the other paths' servers. The run there must be the run here: the same
// county gives the same graph, and a run that fails there fails the benchmark instead of reading as a result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnline, type BenchInput } from '../../../bench/load/paths.js';
import { runOnlineHere } from '../../../bench/load/online-run.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { generateCounty } from '../../../synth/generate.js';

let tmp: string;
let county: string;
const schema = loadGraphSchema();
const input = (work: string, countyDir: string): BenchInput => ({
  work,
  county: countyDir,
  schema,
  mappings: loadMappings({ schema }),
  rows: 0,
  size: { nodes: 0, relationships: 0 },
});

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-online-'));
  county = path.join(tmp, 'county');
  await generateCounty({ persons: 400, seed: 11, outDir: county });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the load benchmark's online run in a process of its own", () => {
  it('loads the county into the same graph as a run in this process, and counts its own CPU', async () => {
    const here = await runOnlineHere({ work: path.join(tmp, 'here'), county, run: 1, result: path.join(tmp, 'unused.json') });
    const there = await runOnline(input(path.join(tmp, 'there'), county), 1);
    expect(there.nodes).toBeGreaterThan(400);
    expect([there.nodes, there.relationships]).toEqual([here.nodes, here.relationships]);
    const files = (d: unknown) => (d as { files: { source: string; rows: number }[] }).files.map((f) => [f.source, f.rows]);
    expect(files(there.detail)).toEqual(files(here.detail));
    // Loaded in another process, whose own CPU is counted: loading a county takes more than nothing of it.
    expect((there.detail as { pid: number }).pid).not.toBe(process.pid);
    expect((here.detail as { pid: number }).pid).toBe(process.pid);
    expect(there.cpuSeconds?.node).toBeGreaterThan(0);
  }, 180_000);

  it('fails the benchmark when the run fails in its process, instead of returning a result', async () => {
    await expect(runOnline(input(path.join(tmp, 'failed'), path.join(tmp, 'no-such-county')), 2)).rejects.toThrow(
      /online run 2 in its own process ended with exit code 1/,
    );
  }, 120_000);
});
