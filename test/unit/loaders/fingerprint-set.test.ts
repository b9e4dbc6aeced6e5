// The duplicate check's fingerprints with the older ones on disk (loaders/bulk/fingerprint-set.ts): it must
// answer exactly as a set of every key would, whether the repeat is still held or went to the file many
// spills ago, and leave nothing behind.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FingerprintSet } from '../../../loaders/bulk/fingerprint-set.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-fingerprints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic stream of keys where about a third repeat an earlier key, from recent to long ago. */
function keys(n: number): string[] {
  let x = 12345;
  const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(out.length > 0 && rnd() < 0.35 ? out[Math.floor(rnd() * out.length)]! : `row-${i}-${rnd().toString(36)}`);
  return out;
}

describe('the fingerprint set with its older hashes on disk', () => {
  it('answers as a set of every key, across many spills', () => {
    const file = path.join(dir, 'a');
    const fp = new FingerprintSet(file, 1000);
    const set = new Set<string>();
    let repeats = 0;
    for (const k of keys(30_000)) {
      const isNew = !set.has(k);
      expect(fp.has(k)).toBe(!isNew);
      expect(fp.add(k)).toBe(isNew);
      set.add(k);
      if (!isNew) repeats++;
    }
    expect(repeats).toBeGreaterThan(5_000);
    expect(fp.spills).toBeGreaterThan(15);
    expect(fp.size).toBe(set.size);
    // Every spilled hash is in the file once, 8 bytes each; the rest is held.
    expect(statSync(file).size).toBe(fp.spills * 1000 * 8);
    fp.close();
    expect(existsSync(file)).toBe(false);
  });

  it('finds a key spilled long ago and never calls an absent one present', () => {
    const fp = new FingerprintSet(path.join(dir, 'b'), 500);
    for (let i = 0; i < 20_000; i++) fp.add(`k${i}`);
    expect(fp.spills).toBe(40);
    for (const i of [0, 1, 499, 500, 9_999, 19_999]) expect(fp.has(`k${i}`)).toBe(true);
    let found = 0;
    for (let i = 20_000; i < 60_000; i++) if (fp.has(`k${i}`)) found++;
    expect(found).toBe(0);
    fp.close();
  });
});
