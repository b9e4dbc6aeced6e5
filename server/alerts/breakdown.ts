// Alert counts for the statistics page (统计分析): by model, triage state, unit and month first seen, over
// the alerts in the caller's jurisdiction. A unit is an alert's anchor (server/access/jurisdiction.ts): an
// Org it flags, or the Org one relationship from what it flags (an official's unit, a project's tendering
// unit), so one alert counts for each unit it touches and the unit column need not sum to the total.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import { alertInScope, orgLinksHop, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';

export interface Bucket {
  key: string;
  /** The unit's name for units; null elsewhere (the client names models and states from its own lists). */
  label: string | null;
  count: number;
}

export interface Breakdown {
  total: number;
  byModel: Bucket[];
  byState: Bucket[];
  byUnit: Bucket[];
  byMonth: Bucket[];
}

// One statement: the alerts in scope once, then four groupings over the collected list. `hop` is built from
// graph.yaml's relationship types (checked names), never from input.
const query = (inScope: string, hop: string) => `
MATCH (a:Alert) WHERE ($includeGone OR coalesce(a.gone, false) = false) AND ${inScope}
WITH collect(a) AS alerts
RETURN size(alerts) AS total,
  [x IN alerts | x.modelId] AS models,
  [x IN alerts | coalesce(x.state, 'new')] AS states,
  [x IN alerts | substring(toString(x.firstSeen), 0, 7)] AS months,
  COLLECT {
    UNWIND alerts AS x
    CALL (x) {
      MATCH (x)-[:FLAGS]->(o:Org) RETURN o
      UNION
      MATCH (x)-[:FLAGS]->(:Entity)-[${hop}]-(o:Org) RETURN o
    }
    WITH o, count(DISTINCT x) AS n ORDER BY n DESC, o.uid LIMIT $units
    RETURN {key: o.uid, label: coalesce(o.name, o.uid), count: n}
  } AS units`;

/** Counts of a list of keys, largest first, ties by key; pure. */
export function countBy(keys: readonly (string | null | undefined)[]): Bucket[] {
  const m = new Map<string, number>();
  for (const k of keys) if (k) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, label: null, count })).sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));
}

/** Months in calendar order with the empty months between the first and the last filled in as 0; pure. */
export function monthSeries(keys: readonly (string | null | undefined)[]): Bucket[] {
  const counted = new Map(countBy(keys.filter((k) => k && /^\d{4}-\d{2}$/.test(k))).map((b) => [b.key, b.count]));
  const months = [...counted.keys()].sort();
  if (months.length === 0) return [];
  const out: Bucket[] = [];
  let [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, label: null, count: counted.get(key) ?? 0 });
    if (key >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

export async function alertBreakdown(
  db: Executor,
  opts: { includeGone: boolean; units: number; scope?: Scope; links: string[] },
  run: RunOptions = {},
): Promise<Breakdown> {
  const inScope = alertInScope(opts.scope ?? WHOLE_COUNTY, 'a');
  const { rows } = await db.read<{ total: number; models: string[]; states: string[]; months: string[]; units: Bucket[] }>(
    query(inScope.cypher, orgLinksHop(opts.links)),
    { ...inScope.params, includeGone: opts.includeGone, units: int(opts.units) },
    run,
  );
  const r = rows[0];
  if (!r) return { total: 0, byModel: [], byState: [], byUnit: [], byMonth: [] };
  return { total: r.total, byModel: countBy(r.models), byState: countBy(r.states), byUnit: r.units, byMonth: monthSeries(r.months) };
}
