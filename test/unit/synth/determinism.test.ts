// Same seed and options ⇒ byte-identical files (XLSX included); another seed ⇒ other data.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../../synth/generate.js';
import { SOURCE_LIST } from '../../../synth/write/sources.js';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'huiyan-gen-det-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function bytes(persons: number, seed: number, noise = true): Promise<Map<string, Buffer>> {
  const { files, truthPath } = await generateCounty({ persons, seed, outDir: fresh(), noise });
  return new Map([...files, truthPath].map((f) => [basename(f), readFileSync(f)]));
}

describe('generator determinism', () => {
  it('writes byte-identical files, XLSX and truth.json included, for the same seed', async () => {
    const a = await bytes(400, 7);
    // Let the wall clock move past a zip 2-second tick: timestamps must not leak into the XLSX.
    await new Promise((r) => setTimeout(r, 2100));
    const b = await bytes(400, 7);
    expect([...a.keys()].length).toBe(SOURCE_LIST.length + 1);
    for (const [name, buf] of a) expect(buf.equals(b.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  });

  it('writes different data for a different seed', async () => {
    const a = await bytes(400, 7);
    const b = await bytes(400, 8);
    for (const [name, buf] of a) expect(buf.equals(b.get(name) ?? Buffer.alloc(0)), name).toBe(false);
  });

  it('keeps the same entities with noise off, spelled canonically', async () => {
    const on = await generateCounty({ persons: 400, seed: 7, outDir: fresh() });
    const off = await generateCounty({ persons: 400, seed: 7, outDir: fresh(), noise: false });
    expect(off.truth.noise).toBeNull();
    expect(off.truth.counts).toEqual(on.truth.counts);
    expect(off.truth.m03).toEqual(on.truth.m03);
    const hukou = readFileSync(off.files[0] ?? '').toString('latin1');
    expect(/\d{4}年|\d{4}\/\d/.test(hukou)).toBe(false);
  });
});
