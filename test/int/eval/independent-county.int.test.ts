// The models on a county huiyan's own generator did not make. test/county-yingshan/gen.py was written by
// someone who never saw this repository, from the catalog alone: 营山县's departments exporting 22 files under
// their own names, headers, encodings and formats, with planted cases and near misses in truth.json. The
// mappings beside it and its policy.yaml were written as a county's administrator writes them, from the
// departments' data dictionary (README.md) and docs/loaders.md. Scored by ./independent.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCounty, type CountyRun } from './independent.js';

let run: CountyRun;

beforeAll(async () => {
  run = await scoreCounty(path.resolve(import.meta.dirname, '../../county-yingshan'), 'YINGSHAN_OUT');
}, 600_000);

afterAll(async () => {
  await run?.close();
});

describe('an independently generated county (营山县), loaded through mappings written as a user would', () => {
  it('loads every file through its mapping, rejecting only the rows the departments got wrong', () => {
    expect(run.report.skipped.map((s) => path.basename(s.path))).toEqual([]);
    expect(run.report.files).toHaveLength(22);
    // The planted dirt: three ID numbers and one credit code with a wrong check character (its company's
    // shareholder and officer rows go with it); everything else, 15-digit and lower-case-x numbers
    // included, loads.
    const rejected = Object.fromEntries(run.report.files.filter((f) => f.rowsRejected > 0).map((f) => [f.source, f.rowsRejected]));
    expect(rejected).toEqual({ hukou: 3, company: 1, shareholder: 1, officer: 2 });
  });

  it('runs every model without an error', () => {
    expect(run.errors).toEqual([]);
  });

  it('finds every planted case', () => {
    expect(run.missed()).toEqual([]);
    expect(run.truth.filter((c) => c.expected === 'alert')).toHaveLength(46);
  });

  it('flags no near miss but one whose reading the catalog leaves open', () => {
    // M18: a drink-driving official later given 党内警告. The catalog's M18 is every drink-driving by a
    // member or official, and the alert says the sanction was given (已给予党内警告); the generator's author
    // read it as "not disciplined", which is M17's.
    expect(run.flagged()).toEqual(['M18']);
  });
});
