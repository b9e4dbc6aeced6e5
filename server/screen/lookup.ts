// 名单筛查 against the graph: which entities each entry names, the alerts on them in the caller's
// jurisdiction, and the shortest routes from each to the officials of a tendering unit. Three statements for
// the whole list (up to the entry cap), not three per entry.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { PlainNode, PlainPath } from '../../platform/db/values.js';
import { alertInScope, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';
import type { AlertProps } from '../alerts/queries.js';

/** More than one entity for an entry is ambiguous; a few are returned so the user sees which. */
export const CANDIDATES_SHOWN = 5;

export interface Probe {
  i: number;
  /** Entity uids an identifier maps to (pseudonymised already where the site does). */
  uids: string[];
  /** A name to match exactly on the labels with a name index; null for identifiers. */
  name: string | null;
}

/** Per entry index: the entities found, at most CANDIDATES_SHOWN + 1 (one more tells "ambiguous, and more"). */
export async function findEntries(db: Executor, probes: Probe[], opts: RunOptions = {}): Promise<Map<number, PlainNode[]>> {
  if (probes.length === 0) return new Map();
  // One arm per label with a name index (graph.yaml `indexes`), so each is an index seek.
  const { rows } = await db.read<{ i: number; found: PlainNode[] }>(
    `UNWIND $probes AS e
     WITH e, COLLECT {
       MATCH (n:Entity) WHERE n.uid IN e.uids RETURN n
       UNION MATCH (n:Person {name: e.name}) RETURN n
       UNION MATCH (n:Company {name: e.name}) RETURN n
       UNION MATCH (n:Org {name: e.name}) RETURN n
     } AS found
     RETURN e.i AS i, found[..$take] AS found`,
    { probes: probes.map((p) => ({ ...p, i: int(p.i) })), take: int(CANDIDATES_SHOWN + 1) },
    opts,
  );
  return new Map(rows.map((r) => [r.i, r.found]));
}

/** The alerts flagging each entity, in the scope, current ones only (gone alerts are no longer found). */
export async function alertsOn(
  db: Executor,
  uids: string[],
  scope: Scope = WHOLE_COUNTY,
  opts: RunOptions = {},
): Promise<Map<string, AlertProps[]>> {
  if (uids.length === 0) return new Map();
  const inScope = alertInScope(scope, 'a');
  const { rows } = await db.read<{ uid: string; alerts: AlertProps[] }>(
    `UNWIND $uids AS uid MATCH (s:Entity {uid: uid})
     RETURN uid, COLLECT {
       MATCH (a:Alert)-[:FLAGS]->(s) WHERE coalesce(a.gone, false) = false AND ${inScope.cypher}
       RETURN DISTINCT properties(a) AS p ORDER BY p.fingerprint
     } AS alerts`,
    { ...inScope.params, uids },
    opts,
  );
  return new Map(rows.map((r) => [r.uid, r.alerts]));
}

export interface LinkRow {
  uid: string;
  official: PlainNode;
  path: PlainPath | null;
}

/**
 * Per entity, the nearest officials of `unit` (posts in the unit or a unit below it) by shortest route over
 * `pattern` (the relationship types walked, alerts excluded; built by the caller from graph.yaml), at most
 * `perEntry` of them. Routes through the unit itself are left out: every official is two hops from every
 * other through it, which says nothing. An entity that is itself such an official comes back with a null path.
 */
export async function linksToUnit(
  db: Executor,
  uids: string[],
  unit: string,
  pattern: string,
  perEntry: number,
  opts: RunOptions = {},
): Promise<LinkRow[]> {
  if (uids.length === 0) return [];
  const { rows } = await db.read<LinkRow>(
    `MATCH (u:Org {uid: $unit})
     WITH COLLECT { MATCH (o:Org)-[:PART_OF*0..]->(u) RETURN DISTINCT o } AS units
     WITH units, COLLECT { UNWIND units AS o MATCH (p:Person)-[:HOLDS_POST]->(o) RETURN DISTINCT p } AS officials
     UNWIND $uids AS uid MATCH (s:Entity {uid: uid})
     CALL (s, officials, units) {
       CALL (s, officials, units) {
         UNWIND officials AS p
         WITH p WHERE p = s
         RETURN p, null AS path
         UNION
         UNWIND officials AS p
         WITH p WHERE p <> s
         MATCH path = shortestPath((s)${pattern}(p))
         WHERE none(x IN nodes(path) WHERE x IN units)
         RETURN p, path
       }
       RETURN p, path ORDER BY CASE WHEN path IS NULL THEN 0 ELSE length(path) END, p.uid LIMIT $perEntry
     }
     RETURN uid, p AS official, path`,
    { unit, uids, perEntry: int(perEntry) },
    opts,
  );
  return rows;
}
