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

const WHERE = `
  ($modelId IS NULL OR a.modelId = $modelId)
  AND ($severity IS NULL OR a.severity = $severity)
  AND ($state IS NULL OR a.state = $state)
  AND ($subject IS NULL OR EXISTS { (a)-[:FLAGS]->(:Entity {uid: $subject}) })
  AND ($includeGone OR coalesce(a.gone, false) = false)
  AND ($states IS NULL OR coalesce(a.state, 'new') IN $states)
  AND ($assignee IS NULL OR a.assignee = $assignee)
  AND ($seenFrom IS NULL OR datetime(a.firstSeen) >= datetime($seenFrom))
  AND ($seenTo IS NULL OR datetime(a.firstSeen) < datetime($seenTo))`;

export interface AlertPageRows {
  total: number;
  /** Up to `take` alerts with their sort keys. */
  rows: { a: AlertProps; key: AlertKey }[];
}

/** One page of the alerts in `scope` matching the query, after `after`, and how many match in all. */
export async function alertPage(
  db: Executor,
  q: AlertQuery,
  after: AlertKey | null,
  take: number,
  opts: { count: RunOptions; page: RunOptions },
  scope: Scope = WHOLE_COUNTY,
): Promise<AlertPageRows> {
  const rank = severityRank('a');
  // The jurisdiction last: the cheap property tests narrow the alerts before its subquery runs.
  const inScope = alertInScope(scope, 'a');
  const where = `${WHERE} AND ${inScope.cypher}`;
  const [count, page] = await Promise.all([
    db.read<{ n: number }>(`MATCH (a:Alert) WHERE ${where} RETURN count(a) AS n`, { ...q, ...inScope.params }, opts.count),
    db.read<{ a: AlertProps; rank: number; seen: string }>(
      `MATCH (a:Alert) WHERE ${where}
       WITH a, ${rank} AS rank, coalesce(toString(a.lastSeen), '') AS seen
       WHERE $after IS NULL
          OR rank < $after.rank
          OR (rank = $after.rank AND seen < $after.lastSeen)
          OR (rank = $after.rank AND seen = $after.lastSeen AND a.fingerprint > $after.fingerprint)
       RETURN properties(a) AS a, rank, seen
       ORDER BY rank DESC, seen DESC, a.fingerprint
       LIMIT $take`,
      { ...q, ...inScope.params, after, take: int(take) },
      opts.page,
    ),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    rows: page.rows.map((r) => ({ a: r.a, key: { rank: r.rank, lastSeen: r.seen, fingerprint: r.a.fingerprint } })),
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
