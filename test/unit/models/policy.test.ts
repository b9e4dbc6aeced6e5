import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../server/models/library.js';
import { InvalidPolicy, noticeHandEdit, parsePolicy, SitePolicy } from '../../../server/models/policy.js';

const library = loadLibrary();
const M03 = 'procurement.kin-of-official-at-winning-bidder';

function refusal(text: string): InvalidPolicy {
  try {
    parsePolicy(text, 'site/policy.yaml', library);
  } catch (e) {
    if (e instanceof InvalidPolicy) return e;
    throw e;
  }
  throw new Error('the policy was accepted');
}

describe('site policy file', () => {
  it('reads values per model and the nightly time, defaulting to 02:00', () => {
    expect(parsePolicy(`models:\n  ${M03}:\n    minAmount: 500000\n    leadersOnly: true\n`, 'p', library)).toEqual({
      models: { [M03]: { minAmount: 500000, leadersOnly: true } },
      defaults: {},
      dailyAt: '02:00',
    });
    expect(parsePolicy('schedule:\n  daily: "03:30"\n', 'p', library).dailyAt).toBe('03:30');
    expect(parsePolicy('schedule:\n  daily: false\n', 'p', library).dailyAt).toBeNull();
    expect(parsePolicy('', 'p', library)).toEqual({ models: {}, defaults: {}, dailyAt: '02:00' });
  });

  it('gives site-wide values to every model that declares them, under its own', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huiyan-policy-'));
    writeFileSync(
      path.join(dir, 'policy.yaml'),
      [
        'defaults:',
        '  asOf: 2024-09-30',
        '  holidays: [2024-10-01, 2024-10-02]',
        '  workdays: [2024-09-29]',
        'models:',
        '  integrity.petitions-overdue-or-repeated:',
        '    asOf: 2024-06-30',
        '',
      ].join('\n'),
    );
    const policy = SitePolicy.load(dir, library);
    expect(policy.paramsFor('integrity.approval-delays')).toEqual({
      asOf: '2024-09-30',
      holidays: ['2024-10-01', '2024-10-02'],
      workdays: ['2024-09-29'],
    });
    expect(policy.paramsFor('integrity.petitions-overdue-or-repeated')).toMatchObject({ asOf: '2024-06-30', workdays: ['2024-09-29'] });
    // A model without those parameters gets none of them.
    expect(policy.paramsFor(M03)).toEqual({});
  });

  it('refuses a site-wide value no model declares, or one a declaring model would refuse, naming it', () => {
    expect(refusal('defaults:\n  threshold: 5\n').message).toBe('site/policy.yaml: defaults.threshold: no model has a parameter threshold');
    const e = refusal('defaults:\n  holidays: [2023-02-29]\n');
    expect(e.at).toBe('defaults.holidays');
    expect(e.reason).toMatch(/^must be a date\[\] \(as integrity\.[a-z-]+ declares it\)/);
  });

  it('refuses an unknown model with file and path', () => {
    const e = refusal('models:\n  no.such-model:\n    x: 1\n');
    expect(e.message).toBe('site/policy.yaml: models.no.such-model: no model no.such-model in the library');
  });

  it('refuses a parameter the model does not declare, naming the ones it has', () => {
    const e = refusal(`models:\n  ${M03}:\n    threshold: 5\n`);
    expect(e.at).toBe(`models.${M03}.threshold`);
    expect(e.reason).toMatch(/has no parameter threshold \(it has: kinRelations, leadersOnly, minAmount/);
  });

  it('refuses a value of the wrong type', () => {
    const e = refusal(`models:\n  ${M03}:\n    minAmount: "lots"\n`);
    expect(e.message).toBe(`site/policy.yaml: models.${M03}.minAmount: must be a float, got "lots"`);
    expect(refusal(`models:\n  ${M03}:\n    kinRelations: spouse\n`).reason).toMatch(/must be a string\[\]/);
  });

  it('refuses unknown top-level keys and a bad time', () => {
    expect(refusal('model:\n  x: {}\n').reason).toMatch(/unknown key "model"/);
    expect(refusal('schedule:\n  daily: "25:00"\n').reason).toMatch(/schedule\.daily/);
  });

  it('writes a change keeping the comments, and refuses a bad one leaving the file as it was', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, `# 本县口径 county practice\nmodels:\n  ${M03}:\n    minAmount: 1  # tuned in 2025\n`);
    const policy = SitePolicy.load(dir, library, path.join(dir, 'state'));
    const change = policy.set(library, M03, { minAmount: 200000, leadersOnly: true });
    expect(change).toEqual({ before: { minAmount: 1 }, after: { minAmount: 200000, leadersOnly: true } });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# 本县口径 county practice');
    expect(SitePolicy.load(dir, library).paramsFor(M03)).toEqual({ minAmount: 200000, leadersOnly: true });
    expect(() => policy.set(library, M03, { minAmount: 'x' })).toThrow(InvalidPolicy);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(policy.paramsFor(M03)).toEqual({ minAmount: 200000, leadersOnly: true });
    policy.set(library, M03, {});
    expect(SitePolicy.load(dir, library).paramsFor(M03)).toEqual({});
  });

  it('notices a hand edit between loads by its hash, but not a change made through set()', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const state = path.join(dir, 'var', 'policy.sha256');
    const seen: string[] = [];
    const note = (b: string, a: string) => seen.push(`${b.slice(0, 4)}→${a.slice(0, 4)}`);
    expect(noticeHandEdit(SitePolicy.load(dir, library, state), note)).toBe(false); // first start: nothing to compare
    const p = SitePolicy.load(dir, library, state);
    p.set(library, M03, { minAmount: 5 });
    expect(noticeHandEdit(SitePolicy.load(dir, library, state), note)).toBe(false);
    writeFileSync(path.join(dir, 'policy.yaml'), `models:\n  ${M03}:\n    minAmount: 6\n`);
    expect(noticeHandEdit(SitePolicy.load(dir, library, state), note)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(noticeHandEdit(SitePolicy.load(dir, library, state), note)).toBe(false);
  });
});
