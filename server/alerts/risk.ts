// Groups the open alerts by the entity they flag and ranks those subjects. A person flagged by three
// different models is more worth a case handler's morning than one flagged three times by the same model,
// so the score is built from distinct models first:
//   score = Σ over distinct models of that model's highest severity weight (low 1, medium 2, high 3, critical 5)
//         + log10(1 + total amount / 10,000)          (money matters, but ¥10m must not drown everything)
//         + 1 per distinct model beyond the first     (corroboration)
// Gone alerts and alerts concluded as 不属实 (dismissed) do not count.
import { int, type Executor } from '../../platform/db/executor.js';
import type { PlainNode } from '../../platform/db/values.js';
import type { Severity } from '../models/header.js';
import { alertInScope, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3, critical: 5 };

export interface RiskSubject {
  uid: string;
  node: PlainNode;
  score: number;
  alerts: number;
  models: string[];
  amount: number;
  alertIds: string[];
}

// Per model first (its highest severity weight), then per subject. `inScope`: the caller's jurisdiction.
const query = (inScope: string) => `
MATCH (a:Alert)-[:FLAGS]->(s:Entity)
WHERE coalesce(a.gone, false) = false AND coalesce(a.state, 'new') <> 'dismissed'
  AND ($label IS NULL OR $label IN labels(s)) AND ${inScope}
WITH DISTINCT s, a
WITH s, a.modelId AS model, max(coalesce($weights[a.severity], 1)) AS weight,
     collect(a.fingerprint) AS ids, sum(coalesce(a.amount, 0)) AS amount
WITH s, collect(model) AS models, sum(weight) AS weights, count(model) AS nModels,
     reduce(acc = [], x IN collect(ids) | acc + x) AS ids, sum(amount) AS amount
WITH s, models, ids, amount,
     weights + log10(1 + amount / 10000.0) + (nModels - 1) AS score
RETURN s.uid AS uid, s AS node, score, size(ids) AS alerts, models, amount, ids
ORDER BY score DESC, uid
LIMIT $limit`;

/** The subjects of the open alerts in `opts.scope` (default: all), ranked on those alerts only. */
export async function rankSubjects(
  db: Executor,
  opts: { limit: number; label?: string | null; scope?: Scope },
  meta = {},
): Promise<RiskSubject[]> {
  const inScope = alertInScope(opts.scope ?? WHOLE_COUNTY, 'a');
  const { rows } = await db.read<{
    uid: string;
    node: PlainNode;
    score: number;
    alerts: number;
    models: string[];
    amount: number;
    ids: string[];
  }>(query(inScope.cypher), { ...inScope.params, limit: int(opts.limit), label: opts.label ?? null, weights: SEVERITY_WEIGHT }, meta);
  return rows.map((r) => ({
    uid: r.uid,
    node: r.node,
    score: Math.round(r.score * 100) / 100,
    alerts: r.alerts,
    models: [...r.models].sort(),
    amount: r.amount,
    alertIds: [...r.ids].sort(),
  }));
}
