// The alert reads the API, the evaluation and the benchmarks make, in one place: the inbox page (filtered,
// keyset-paginated, most severe first), one alert, the subjects and evidence of alerts, counts per model,
// and the facts the evaluation compares with planted cases. The writes are in store.ts (model runs) and
// workflow/store.ts (triage); 查实率 in stats.ts, the risk ranking in risk.ts.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { PlainNode } from '../../platform/db/values.js';
import { alertInScope, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';
import { SEVERITIES } from '../models/header.js';
import type { AlertProps } from './workflow/store.js';

export { readAlert, readHistory, type AlertProps, type EventProps } from './workflow/store.js';

/** What narrows the inbox, already checked and normalised (codes in lower case, bounds as ISO date-times). */
export interface AlertQuery {
  modelId: string | null;
  severity: string | null;
  state: string | null;
  states: string[] | null;
  subject: string | null;
  includeGone: boolean;
  assignee: string | null;
  seenFrom: string | null;
  seenTo: string | null;
}

/** Where a page starts: strictly after this sort key (keyset pagination). */
export interface AlertKey {
  rank: number;
  lastSeen: string;
  fingerprint: string;
}

/**
 * The severity's rank for ordering, from the model header's list (low 1 … critical 4; unknown 0). ORDER BY
 * and the cursor comparison share it, so they cannot disagree.
 */
export const severityRank = (a: string) =>
  `CASE ${a}.severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;

/**
 * The conditions of the filters given, and only those: with `$x IS NULL OR …` for every filter the planner
 * cannot seek the Alert(modelId), (state) and (assignee) indexes and scans every alert (docs/bench.md "API").
 * Each fragment is fixed text; every value is a parameter.
 */
function conditions(q: AlertQuery): string[] {
  const c: string[] = [];
  if (q.modelId !== null) c.push('a.modelId = $modelId');
  if (q.severity !== null) c.push('a.severity = $severity');
  if (q.state !== null) c.push('a.state = $state');
  if (!q.includeGone) c.push('coalesce(a.gone, false) = false');
  if (q.states !== null) c.push("coalesce(a.state, 'new') IN $states");
  if (q.assignee !== null) c.push('a.assignee = $assignee');
  if (q.seenFrom !== null) c.push('datetime(a.firstSeen) >= datetime($seenFrom)');
  if (q.seenTo !== null) c.push('datetime(a.firstSeen) < datetime($seenTo)');
  return c;
}

export interface AlertPageRows {
  total: number;
  /** Up to `take` alerts with their sort keys. */
  rows: { a: AlertProps; key: AlertKey }[];
}

/**
 * One page of the alerts in `scope` matching the query, after `after`, and how many match in all. One
 * statement: the filters and the jurisdiction are evaluated once per alert for both the count and the page
 * (they were two statements before, each doing all of it). The matching alerts are sorted and the page is
 * cut from that list; a county has thousands of alerts, not millions.
 */
export async function alertPage(
  db: Executor,
  q: AlertQuery,
  after: AlertKey | null,
  take: number,
  opts: RunOptions,
  scope: Scope = WHOLE_COUNTY,
): Promise<AlertPageRows> {
  const rank = severityRank('a');
  // The jurisdiction last: the cheap property tests narrow the alerts before its subquery runs.
  const inScope = alertInScope(scope, 'a');
  const where = [...conditions(q), inScope.cypher].join(' AND ');
  // From the subject when there is one: its few FLAGS instead of a test on every alert.
  const match = q.subject === null ? 'MATCH (a:Alert)' : 'MATCH (:Entity {uid: $subject})<-[:FLAGS]-(a:Alert) WITH DISTINCT a';
  const { rows } = await db.read<{ total: number; page: { a: AlertProps; rank: number; seen: string }[] }>(
    `${match} WHERE ${where}
     WITH a, ${rank} AS rank, coalesce(toString(a.lastSeen), '') AS seen
     ORDER BY rank DESC, seen DESC, a.fingerprint
     WITH collect({a: a, rank: rank, seen: seen}) AS sorted
     WITH size(sorted) AS total, [x IN sorted WHERE $after IS NULL
          OR x.rank < $after.rank
          OR (x.rank = $after.rank AND x.seen < $after.lastSeen)
          OR (x.rank = $after.rank AND x.seen = $after.lastSeen AND x.a.fingerprint > $after.fingerprint)][..$take] AS page
     RETURN total, [x IN page | {a: properties(x.a), rank: x.rank, seen: x.seen}] AS page`,
    { ...q, ...inScope.params, after, take: int(take) },
    opts,
  );
  const row = rows[0];
  return {
    total: row?.total ?? 0,
    rows: (row?.page ?? []).map((r) => ({ a: r.a, key: { rank: r.rank, lastSeen: r.seen, fingerprint: r.a.fingerprint } })),
  };
}

/** One alert by fingerprint, or null: also when it lies outside `scope`, as if it did not exist. */
export async function alertByFingerprint(
  db: Executor,
  fingerprint: string,
  opts: RunOptions = {},
  scope: Scope = WHOLE_COUNTY,
): Promise<AlertProps | null> {
  const inScope = alertInScope(scope, 'a');
  const { rows } = await db.read<{ a: AlertProps }>(
    `MATCH (a:Alert {uid: $uid}) WHERE ${inScope.cypher} RETURN properties(a) AS a`,
    { ...inScope.params, uid: `Alert:${fingerprint}` },
    opts,
  );
  return rows[0]?.a ?? null;
}

export interface SubjectRow {
  role: string;
  node: PlainNode;
}

/** The entities each alert flags, with their role in the case; one round trip for many alerts. */
export async function alertSubjects(db: Executor, uids: string[], opts: RunOptions = {}): Promise<Map<string, SubjectRow[]>> {
  const { rows } = await db.read<{ k: string; subjects: SubjectRow[] }>(
    `UNWIND $keys AS k MATCH (a:Alert {uid: k})
     CALL (a) { MATCH (a)-[f:FLAGS]->(s:Entity) RETURN collect({role: coalesce(f.role, ''), node: s}) AS subjects }
     RETURN k, subjects`,
    { keys: uids },
    opts,
  );
  return new Map(rows.map((r) => [r.k, r.subjects]));
}

/** Alerts on record per model in `scope`, gone ones included. */
export async function alertCounts(
  db: Executor,
  modelIds: string[],
  opts: RunOptions = {},
  scope: Scope = WHOLE_COUNTY,
): Promise<Map<string, number>> {
  const inScope = alertInScope(scope, 'a');
  const { rows } = await db.read<{ k: string; n: number }>(
    `MATCH (a:Alert) WHERE a.modelId IN $keys AND ${inScope.cypher} RETURN a.modelId AS k, count(*) AS n`,
    { ...inScope.params, keys: modelIds },
    opts,
  );
  return new Map(rows.map((r) => [r.k, r.n]));
}

/** How a query returns a relationship: its ends by uid, since elementIds are not stable across reloads. */
export interface EvidenceRel {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  eid: string;
}

/** Evidence keys are "<startUid>|<TYPE>|<endUid>"; a malformed key is skipped rather than failing the alert. */
export function parseEvidenceEdge(key: string): { s: string; t: string; e: string } | null {
  const parts = key.split('|');
  if (parts.length !== 3) return null;
  const [s, t, e] = parts as [string, string, string];
  return s && e && /^[A-Z][A-Z0-9_]*$/.test(t) ? { s, t, e } : null;
}

/**
 * The graph that makes an alert's case: its evidenceNodes, the relationships listed in evidenceEdges and
 * their ends. A listed relationship that no longer exists is left out.
 */
export async function alertEvidence(
  db: Executor,
  a: AlertProps,
  opts: RunOptions = {},
): Promise<{ nodes: PlainNode[]; rels: EvidenceRel[] }> {
  const nodeUids = Array.isArray(a.evidenceNodes) ? a.evidenceNodes.map(String) : [];
  const keys = (Array.isArray(a.evidenceEdges) ? a.evidenceEdges.map(String) : []).map(parseEvidenceEdge).filter((k) => k !== null);
  const { rows } = await db.read<{ nodes: PlainNode[]; rels: EvidenceRel[] }>(
    `CALL () {
       UNWIND $keys AS k
       MATCH (s:Entity {uid: k.s})-[r]->(e:Entity {uid: k.e}) WHERE type(r) = k.t
       RETURN collect({type: type(r), source: startNode(r).uid, target: endNode(r).uid, props: properties(r), eid: elementId(r)}) AS rels,
              collect(DISTINCT s.uid) + collect(DISTINCT e.uid) AS ends
     }
     CALL (ends) {
       MATCH (n:Entity) WHERE n.uid IN $nodeUids OR n.uid IN ends
       RETURN collect(DISTINCT n) AS nodes
     }
     RETURN nodes, rels`,
    { keys, nodeUids },
    opts,
  );
  return { nodes: rows[0]?.nodes ?? [], rels: rows[0]?.rels ?? [] };
}

/** The alerts a model holds now (not gone), with every uid they name: evidence nodes and flagged subjects. */
export async function alertFacts(db: Executor, modelId: string, opts: RunOptions = {}): Promise<{ fingerprint: string; uids: string[] }[]> {
  const { rows } = await db.read<{ fp: string; uids: string[] }>(
    `MATCH (a:Alert {modelId: $id}) WHERE NOT coalesce(a.gone, false)
     RETURN a.fingerprint AS fp, coalesce(a.evidenceNodes, []) + [(a)-[:FLAGS]->(s) | s.uid] AS uids`,
    { id: modelId },
    opts,
  );
  return rows.map((r) => ({ fingerprint: r.fp, uids: r.uids }));
}
