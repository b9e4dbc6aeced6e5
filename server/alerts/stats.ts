// 查实率 bookkeeping per model and per revision, computed in Cypher from the Alert nodes (the AlertEvents
// are the audit trail; the alert carries the current conclusion). A conclusion counts for the revision
// whose finding was checked (concludedRevision); an open alert for the revision that last found it.
import type { Executor, RunOptions } from '../../platform/db/executor.js';
import { alertInScope, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';

export interface StatsRow {
  alerts: number;
  reviewed: number;
  concluded: number;
  confirmed: number;
  partlyConfirmed: number;
  dismissed: number;
  unverifiable: number;
  corrections: number;
  rectified: number;
  amountRecovered: number;
  medianDaysToConclusion: number | null;
  hitRate: number | null;
}
export interface ModelStats extends StatsRow {
  byRevision: (StatsRow & { revision: number })[];
}

const AGGREGATES = `
  count(a) AS alerts,
  count(CASE WHEN coalesce(a.state, 'new') <> 'new' THEN 1 END) AS reviewed,
  count(a.outcome) AS concluded,
  count(CASE WHEN a.outcome = 'confirmed' THEN 1 END) AS confirmed,
  count(CASE WHEN a.outcome = 'partly_confirmed' THEN 1 END) AS partlyConfirmed,
  count(CASE WHEN a.outcome = 'not_confirmed' THEN 1 END) AS dismissed,
  count(CASE WHEN a.outcome = 'unverifiable' THEN 1 END) AS unverifiable,
  count(CASE WHEN a.disposal = 'correction' THEN 1 END) AS corrections,
  count(CASE WHEN a.state = 'rectified' THEN 1 END) AS rectified,
  sum(coalesce(a.amountRecovered, 0.0)) AS amountRecovered,
  percentileCont(days, 0.5) AS medianDaysToConclusion`;

// Days from first seen to concluded; null (ignored by the aggregates) while open. `inScope`: the
// caller's jurisdiction (server/access/jurisdiction.ts).
const prepare = (inScope: string) => `
MATCH (a:Alert) WHERE a.modelId IN $ids AND ${inScope}
WITH a, a.modelId AS model, toInteger(coalesce(a.concludedRevision, a.modelRevision, 0)) AS revision,
     CASE WHEN a.concludedAt IS NULL OR a.firstSeen IS NULL THEN null
          ELSE duration.inSeconds(datetime(a.firstSeen), datetime(a.concludedAt)).seconds / 86400.0 END AS days`;

const stats = (inScope: string) => `
${prepare(inScope)}
RETURN model, revision, ${AGGREGATES}
UNION ALL
${prepare(inScope)}
RETURN model, -1 AS revision, ${AGGREGATES}`;

/** 查实率 = (属实 + 部分属实) / concluded; null when nothing is concluded, so "no data" never reads as 0 %. */
export const hitRate = (confirmed: number, partly: number, concluded: number): number | null =>
  concluded > 0 ? (confirmed + partly) / concluded : null;

const EMPTY: StatsRow = {
  alerts: 0,
  reviewed: 0,
  concluded: 0,
  confirmed: 0,
  partlyConfirmed: 0,
  dismissed: 0,
  unverifiable: 0,
  corrections: 0,
  rectified: 0,
  amountRecovered: 0,
  medianDaysToConclusion: null,
  hitRate: null,
};

/** The bookkeeping over the alerts in `scope`: a township's 查实率 is its own. */
export async function modelStats(
  db: Executor,
  modelIds: string[],
  opts: RunOptions = {},
  scope: Scope = WHOLE_COUNTY,
): Promise<Map<string, ModelStats>> {
  const inScope = alertInScope(scope, 'a');
  const { rows } = await db.read<Omit<StatsRow, 'hitRate'> & { model: string; revision: number }>(
    stats(inScope.cypher),
    { ...inScope.params, ids: modelIds },
    opts,
  );
  const out = new Map<string, ModelStats>(modelIds.map((id) => [id, { ...EMPTY, byRevision: [] }]));
  for (const r of rows) {
    const { model, revision, ...counts } = r;
    const row: StatsRow = { ...counts, hitRate: hitRate(counts.confirmed, counts.partlyConfirmed, counts.concluded) };
    const m = out.get(model);
    if (!m) continue;
    if (revision === -1) Object.assign(m, row);
    else m.byRevision.push({ revision, ...row });
  }
  for (const m of out.values()) m.byRevision.sort((x, y) => x.revision - y.revision);
  return out;
}
