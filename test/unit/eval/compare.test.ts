import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../../synth/eval/cases.js';
import { passed, scoreModel } from '../../../synth/eval/compare.js';

const cases: EvalCase[] = [
  { model: 'M03', id: 'A1', expected: 'alert', kind: 'spouse', key: ['Person:1', 'Company:C'] },
  { model: 'M03', id: 'A2', expected: 'alert', kind: 'child', key: ['Person:2', 'Company:D'] },
  { model: 'M03', id: 'N1', expected: 'no_alert', kind: 'other unit', key: ['Person:3', 'Company:E'] },
  { model: 'M11', id: 'X', expected: 'alert', kind: 'dead', key: ['Person:9'] },
];

describe('scoring a model against planted cases', () => {
  it('counts a case found when one alert names every uid of its key', () => {
    const s = scoreModel(
      'M03',
      'm',
      cases,
      [
        { fingerprint: 'f1', uids: ['Person:1', 'Company:C', 'Org:O'] },
        { fingerprint: 'f2', uids: ['Person:2', 'Company:D'] },
      ],
      10,
      null,
    );
    expect(s).toMatchObject({ planted: 2, found: 2, missed: [], nearMisses: 1, nearMissesFlagged: [], alerts: 2, unexplained: 0 });
    expect(passed(s)).toBe(true);
  });

  it('does not count a case whose uids are spread over two alerts', () => {
    const s = scoreModel(
      'M03',
      'm',
      cases,
      [
        { fingerprint: 'f1', uids: ['Person:1'] },
        { fingerprint: 'f2', uids: ['Company:C'] },
      ],
      10,
      null,
    );
    expect(s.missed).toEqual(['A1', 'A2']);
    expect(passed(s)).toBe(false);
  });

  it('reports a flagged near miss and alerts that match no case', () => {
    const s = scoreModel(
      'M03',
      'm',
      cases,
      [
        { fingerprint: 'f1', uids: ['Person:1', 'Company:C'] },
        { fingerprint: 'f2', uids: ['Person:2', 'Company:D'] },
        { fingerprint: 'f3', uids: ['Person:3', 'Company:E'] },
        { fingerprint: 'f4', uids: ['Person:7'] },
      ],
      10,
      null,
    );
    expect(s.nearMissesFlagged).toEqual(['N1']);
    expect(s.unexplained).toBe(1);
    expect(passed(s)).toBe(false);
  });

  it('fails a model that is missing or failed, whatever it found', () => {
    expect(passed(scoreModel('M11', null, cases, [], null, 'no model'))).toBe(false);
  });
});
