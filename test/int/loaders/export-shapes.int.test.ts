// The same county twice: as the generator writes it, and rewritten in the shapes department systems export
// (test/support/export-shapes.ts: titles above headers, 户号 merged down each household, 合计 rows and 制表人
// lines, sheets by year and a cover sheet, the business registry's three sources in one workbook, Excel
// 97-2003, a JSON envelope, UTF-16 text named .xls, 万元 in a header, timestamps and epoch milliseconds in date
// columns, ="…" around ID numbers, 无 for nothing, decision dates in Chinese numerals, payments in capitals). Both load through the shipped mappings, unchanged, to the
// same graph, provenance aside.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../../synth/generate.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import type { Executor } from '../../../platform/db/executor.js';
import { freshGraph } from '../../support/db.js';
import { writeExportShapes } from '../../support/export-shapes.js';
import { graphSnapshot, type GraphSnapshot } from '../../support/graph-snapshot.js';

let tmp: string;
let db: Executor;
const loaded: Record<'plain' | 'shaped', { report: LoadReport; graph: GraphSnapshot }> = {} as never;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-shapes-'));
  const plain = path.join(tmp, 'plain');
  const shaped = path.join(tmp, 'shaped');
  await generateCounty({ persons: 400, seed: 7, outDir: plain });
  await writeExportShapes(plain, shaped);
  for (const [name, dir] of [
    ['plain', plain],
    ['shaped', shaped],
  ] as const) {
    db = await freshGraph();
    const report = await loadFiles(db, [dir], { rejectsDir: path.join(tmp, `rejects-${name}`) });
    loaded[name] = { report, graph: await graphSnapshot(db, { provenance: false }) };
    await db.close();
  }
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a county in the shapes department systems export', () => {
  it('is recognised file by file, and reads, rejects and reconciles each source as the plain county does', () => {
    const bySource = (r: LoadReport) =>
      r.files
        .map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.duplicatesSkipped, f.reconciles])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(loaded.shaped.report.skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['truth.json', 'UNKNOWN_SOURCE']]);
    expect(bySource(loaded.shaped.report)).toEqual(bySource(loaded.plain.report));
  });

  it('gives the same nodes and relationships with the same properties', () => {
    expect(loaded.shaped.graph.nodes.length).toBe(loaded.plain.graph.nodes.length);
    expect(loaded.shaped.graph.rels.length).toBe(loaded.plain.graph.rels.length);
    expect(loaded.shaped.graph.nodes).toEqual(loaded.plain.graph.nodes);
    expect(loaded.shaped.graph.rels).toEqual(loaded.plain.graph.rels);
  });
});
