// The benchmarks (load, models, API) run every bulk load in a process of their own started with the Node options
// of package.json's `load:bulk` (bench/load/bulk-child.ts), as the command runs it: in the benchmark's own
// process, V8's default heap limit let the reading grow past what the command allows. The load there must be the
// load here, under the command's limit, and a load that fails there fails the benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulk } from '../../../bench/load/bulk-child.js';
import { runBulkHere, type BulkJob } from '../../../bench/load/bulk-run.js';
import { npmScriptNodeOptions } from '../../../bench/load/child-process.js';
import { benchConfig, homeOf } from '../../../bench/load/bench-server.js';
import { generateCounty } from '../../../synth/generate.js';

let tmp: string;
let county: string;
const job = (name: string, countyDir: string): BulkJob => {
  const work = path.join(tmp, name);
  return {
    home: homeOf(benchConfig(path.join(work, 'home'))),
    county: countyDir,
    rejectsDir: path.join(work, 'rejects'),
    workDir: path.join(work, 'bulk'),
    result: path.join(tmp, `${name}.json`),
  };
};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-bulk-'));
  county = path.join(tmp, 'county');
  await generateCounty({ persons: 400, seed: 11, outDir: county });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the benchmarks' bulk load in a process of its own", () => {
  it("loads the county into the same graph as a load in this process, under load:bulk's heap limit", async () => {
    const here = await runBulkHere(job('here', county));
    const there = await runBulk(job('there', county));
    expect(there.nodes).toBeGreaterThan(400);
    expect([there.nodes, there.relationships]).toEqual([here.nodes, here.relationships]);
    const files = (r: typeof here) => r.report.files.map((f) => [f.source, f.rowsRead]);
    expect(files(there)).toEqual(files(here));
    expect(there.pid).not.toBe(process.pid);
    expect(here.pid).toBe(process.pid);
    // The script's old generation limit, plus the young generation's spaces: not V8's default, which on this
    // machine is several times that.
    const old = Number(
      /^--max-old-space-size=(\d+)$/.exec(npmScriptNodeOptions('load:bulk').find((o) => o.startsWith('--max-old-space-size=')) ?? '')?.[1],
    );
    expect(old).toBeGreaterThan(0);
    expect(there.heapLimitMiB).toBeGreaterThanOrEqual(old);
    expect(there.heapLimitMiB).toBeLessThan(old + 256);
    expect(here.heapLimitMiB).not.toBe(there.heapLimitMiB);
  }, 240_000);

  it('fails the benchmark when the load fails in its process, instead of returning a result', async () => {
    await expect(runBulk(job('failed', path.join(tmp, 'no-such-county')))).rejects.toThrow(
      /the bulk load in its own process ended with exit code 1/,
    );
  }, 120_000);
});
