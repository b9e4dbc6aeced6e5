// Larger counties are written by streaming; this only exercises 20,000 persons end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../synth/generate.js';

describe('generator at scale', () => {
  it('writes a 20,000-person county with the planted cases intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiyan-gen-20k-'));
    try {
      const { truth } = await generateCounty({ persons: 20_000, seed: 11, outDir: dir });
      expect(truth.counts.persons).toBe(20_000);
      expect(truth.files['户籍人口.csv']).toBe(20_001); // one duplicated row (noise)
      expect(truth.m03.expectedAlerts.length).toBe(truth.m03.cases.filter((c) => c.expected === 'alert').length);
      expect(truth.counts.projects).toBeGreaterThan(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
