import { describe, expect, it } from 'vitest';
import { packageHash, PackageSchema, sealPackage, type PackagedModel } from '../../../server/models/packages/format.js';

const model: PackagedModel = {
  id: 'm.x',
  revision: 2,
  domain: 'procurement',
  file: 'x.cypher',
  cypher: '// ---\n// id: m.x\n// ---\nRETURN 1',
  fixtures: null,
  history: [{ revision: 2, commit: 'abc', date: '2026-01-01', message: 'tighter' }],
  stats: null,
};

describe('model package hash', () => {
  it('is the same however the JSON is laid out or its keys ordered', () => {
    const pkg = sealPackage([model], 'county-a', new Date('2026-01-02T00:00:00Z'));
    // Every object's keys in reverse order, indented: another text of the same content.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const text = JSON.stringify(reverseKeys(pkg), null, 4);
    expect(text).not.toBe(JSON.stringify(pkg));
    const shuffled = PackageSchema.parse(JSON.parse(text));
    expect(packageHash(shuffled)).toBe(pkg.manifest.sha256);
    expect(pkg.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any byte of a model, its statistics or the manifest', () => {
    const pkg = sealPackage([model], 'county-a', new Date('2026-01-02T00:00:00Z'));
    const h = pkg.manifest.sha256;
    expect(packageHash({ ...pkg, models: [{ ...model, cypher: model.cypher + ' ' }] })).not.toBe(h);
    expect(packageHash({ ...pkg, models: [{ ...model, history: [] }] })).not.toBe(h);
    expect(packageHash({ ...pkg, manifest: { ...pkg.manifest, source: 'county-b' } })).not.toBe(h);
  });
});
