import { describe, expect, it } from 'vitest';
import { parseArgs, parseParam, Usage } from '../../../bin/model-args.js';

describe('npm run models arguments', () => {
  it('reads a scoped run of one model with typed parameter overrides', () => {
    expect(
      parseArgs([
        'run',
        '--model',
        'm.x',
        '--subject',
        'Project:P1',
        '--param',
        'minAmount=100000',
        '--param',
        'leadersOnly=true',
        '--preview',
      ]),
    ).toEqual({
      command: 'run',
      model: 'm.x',
      subject: 'Project:P1',
      params: { minAmount: 100000, leadersOnly: true },
      preview: true,
      json: false,
    });
  });
  it('keeps a value that is not JSON as a string', () => {
    expect(parseParam('unit=住建局')).toEqual(['unit', '住建局']);
  });
  it('refuses parameters without a model, and unknown options', () => {
    expect(() => parseArgs(['run', '--param', 'a=1'])).toThrow(Usage);
    expect(() => parseArgs(['run', '--fast'])).toThrow(/unknown option --fast/);
  });
});

describe('npm run models package arguments', () => {
  it('reads an export of several models to a file, and an import dry run', () => {
    expect(parseArgs(['export', 'a.b', 'c.d', '--out', 'x.huiyan-models.json'])).toMatchObject({
      command: 'export',
      ids: ['a.b', 'c.d'],
      out: 'x.huiyan-models.json',
    });
    expect(parseArgs(['import', 'x.huiyan-models.json', '--dry-run'])).toMatchObject({
      command: 'import',
      file: 'x.huiyan-models.json',
      dryRun: true,
    });
  });
  it('refuses an export without --out and an import of no file', () => {
    expect(() => parseArgs(['export', 'a.b'])).toThrow(/--out/);
    expect(() => parseArgs(['import'])).toThrow(/one package file/);
  });
});
