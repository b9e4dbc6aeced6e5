// Planted cases against raised alerts, per model. An alert covers a case when every uid of the case's key
// is among the alert's subjects or evidence: the alert names the same people, companies and projects.

import type { EvalCase } from './cases.js';

export interface AlertFacts {
  fingerprint: string;
  uids: string[];
}

export interface ModelScore {
  model: string;
  modelId: string | null;
  planted: number;
  found: number;
  missed: string[];
  nearMisses: number;
  nearMissesFlagged: string[];
  alerts: number;
  /** Alerts that match no planted case (neither an expected alert nor a near miss). */
  unexplained: number;
  ms: number | null;
  error: string | null;
}

const covers = (alert: AlertFacts, c: EvalCase) => c.key.every((u) => alert.uids.includes(u));

export function scoreModel(
  model: string,
  modelId: string | null,
  cases: EvalCase[],
  alerts: AlertFacts[],
  ms: number | null,
  error: string | null,
): ModelScore {
  const planted = cases.filter((c) => c.model === model && c.expected === 'alert');
  const near = cases.filter((c) => c.model === model && c.expected === 'no_alert');
  const missed = planted.filter((c) => !alerts.some((a) => covers(a, c))).map((c) => c.id);
  const flagged = near.filter((c) => alerts.some((a) => covers(a, c))).map((c) => c.id);
  const explained = alerts.filter((a) => planted.some((c) => covers(a, c)) || near.some((c) => covers(a, c)));
  return {
    model,
    modelId,
    planted: planted.length,
    found: planted.length - missed.length,
    missed,
    nearMisses: near.length,
    nearMissesFlagged: flagged,
    alerts: alerts.length,
    unexplained: alerts.length - explained.length,
    ms,
    error,
  };
}

export const passed = (s: ModelScore) => s.error === null && s.missed.length === 0 && s.nearMissesFlagged.length === 0;
