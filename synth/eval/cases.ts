// The planted cases of a generated county's truth.json, in one shape for every model: which model (catalog
// code), whether an alert is expected, and the uids that identify the alert.
import type { Truth } from '../generate.js';

export interface EvalCase {
  model: string;
  id: string;
  expected: 'alert' | 'no_alert';
  kind: string;
  key: string[];
}

export function evalCases(truth: Truth): EvalCase[] {
  const m03 = truth.m03.cases.map((c) => ({
    model: 'M03',
    id: c.id,
    expected: c.expected,
    kind: c.kind,
    key: [`Person:${c.officialIdNo}`, `Person:${c.relativeIdNo}`, `Company:${c.companyUscc}`, `Project:${c.projectCode}`],
  }));
  const others = (truth.cases ?? [])
    .filter((c) => c.model !== 'M03')
    .map((c) => ({ model: c.model, id: c.id, expected: c.expected, kind: c.kind, key: c.key }));
  return [...m03, ...others];
}
