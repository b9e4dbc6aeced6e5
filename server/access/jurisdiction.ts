// Jurisdiction: which alerts and entities fall in a caller's units, as Cypher predicates over the unit
// hierarchy (PART_OF, 隶属, from the 编办's 机构编制名录). The rules, in one place (docs/api.md,
// "Jurisdiction", says why):
//
// - A caller's scope is the Org subtrees under its units: every Org with (o)-[:PART_OF*0..]->(unit).
//   A unit at the top of the hierarchy (it belongs to nothing and something belongs to it: the county
//   government) covers the whole county, as `*` does; one database holds one county.
// - An alert's anchors are the Orgs it is about: its Org subjects, and every Org one relationship (other
//   than FLAGS or PART_OF) away from a subject: a person's unit (HOLDS_POST, ON_PAYROLL, INSURED_BY), a
//   project's tendering unit (TENDERED), the unit that paid or regulated a company (AWARDED, REGULATES).
//   The alert is in the scope when one anchor is. An alert with no anchor in the scope (none at all, e.g.
//   a benefit paid to someone who holds no post) is seen by whole-county callers only.
// - An entity is in the scope when it is an Org of the scope, is one relationship (other than FLAGS) from
//   such an Org, is a subject of an alert in the scope, or is such an alert.
//
// Whole-county scopes produce the predicate `true`: no subquery, no cost.
import type { Executor, RunOptions } from '../../platform/db/executor.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import type { Jurisdiction } from './principal.js';

/**
 * A jurisdiction resolved against the hierarchy: everything, or the uids of the Orgs in its subtrees with
 * the relationship types that can join an entity to an Org (from graph.yaml).
 */
export type Scope = { all: true } | { all: false; orgs: string[]; links: string[] };

export const WHOLE_COUNTY: Scope = { all: true };

/** What a site does when someone reads an entity outside their jurisdiction (HUIYAN_OUTSIDE_JURISDICTION). */
export type OutsidePolicy = 'reason' | 'refuse';

/** A Cypher boolean expression and the parameters it reads; `$jurOrgs` is the only one. */
export interface Predicate {
  cypher: string;
  params: Record<string, unknown>;
}

const ALWAYS: Predicate = { cypher: 'true', params: {} };
const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * The relationship types with an Org at one end, FLAGS and PART_OF aside. The hops below name them: an
 * untyped hop would walk every relationship of a subject (a welfare recipient has one per monthly payment)
 * to find the few that reach a unit.
 */
export function orgLinks(schema: GraphSchema): string[] {
  return Object.values(schema.relationships)
    .filter((r) => r.name !== 'FLAGS' && r.name !== 'PART_OF' && (r.from.includes('Org') || r.to.includes('Org')))
    .map((r) => r.name)
    .filter((t) => TYPE_NAME.test(t))
    .sort();
}

/**
 * The subtrees under the units. A unit uid that names no Org covers nothing. One read, none for `*`.
 */
export async function resolveScope(db: Executor, schema: GraphSchema, j: Jurisdiction, opts: RunOptions = {}): Promise<Scope> {
  if (j.all) return WHOLE_COUNTY;
  const links = orgLinks(schema);
  if (j.units.length === 0) return { all: false, orgs: [], links };
  const { rows } = await db.read<{ top: boolean; orgs: string[] }>(
    `MATCH (u:Org) WHERE u.uid IN $units
     RETURN NOT EXISTS { (u)-[:PART_OF]->(:Org) } AND EXISTS { (:Org)-[:PART_OF]->(u) } AS top,
            COLLECT { MATCH (o:Org)-[:PART_OF*0..]->(u) RETURN DISTINCT o.uid } AS orgs`,
    { units: j.units },
    opts,
  );
  if (rows.some((r) => r.top)) return WHOLE_COUNTY;
  return { all: false, orgs: [...new Set(rows.flatMap((r) => r.orgs))].sort(), links };
}

// `links` come from graph.yaml and pass TYPE_NAME: the only text built here; the subtree is a parameter.
const hop = (links: string[]) => (links.length ? `:${links.join('|')}` : ':NO_LINK');
/** The relationship pattern `:A|B|…` over the Org links (orgLinks), for queries that walk to an alert's units. */
export const orgLinksHop = hop;

/**
 * The property where a model run stores an alert's anchors (the uids of its anchoring Orgs), so that the
 * jurisdiction is a list test on the alert instead of a walk from every alert to its subjects' units: at
 * 1,000,000 persons the walk over one model's 3,244 alerts took 845 ms a page (docs/bench.md).
 */
export const ANCHORS = 'anchorUnits';

/** The Org links that may join two Orgs (an Org at both ends in graph.yaml): the hops from an Org subject. */
export function orgToOrgLinks(schema: GraphSchema): string[] {
  const links = new Set(orgLinks(schema));
  return Object.values(schema.relationships)
    .filter((r) => links.has(r.name) && r.from.includes('Org') && r.to.includes('Org'))
    .map((r) => r.name)
    .sort();
}

/**
 * The anchors of the alert bound to `a`, as a list expression: what a model run stores in ANCHORS. The same
 * Orgs as the walk below, with named hops only: a welfare programme flagged by an alert has a relationship
 * per monthly payment, and an untyped hop read all 1.7 million of them at 1,000,000 persons. From an Org
 * subject only the types that can end at another Org are followed, not its staff's posts.
 */
export const anchorsOf = (a: string, links: { links: string[]; orgToOrg: string[] }) =>
  `COLLECT {
     MATCH (${a})-[:FLAGS]->(o:Org) RETURN o.uid AS u
     UNION
     MATCH (${a})-[:FLAGS]->(s:Entity) WHERE NOT s:Org MATCH (s)-[${hop(links.links)}]-(o:Org) RETURN o.uid AS u
     UNION
     MATCH (${a})-[:FLAGS]->(:Org)-[${hop(links.orgToOrg)}]-(o:Org) RETURN o.uid AS u
   }`;

// Anchors: the Org subjects, and the Orgs one relationship from a subject. Stored on the alert by the run
// that last found it; an alert written before they were stored (or seeded by hand) is walked as before.
// The walk runs only for those (measured at 1,000,000 persons, a unit's page of one model's 3,244 alerts:
// median 32 ms with anchors, 134 ms walking; docs/bench.md).
const anchorIn = (a: string, links: string[]) =>
  `(CASE WHEN ${a}.${ANCHORS} IS NOT NULL THEN any(jurAnchor IN ${a}.${ANCHORS} WHERE jurAnchor IN $jurOrgs)
    ELSE EXISTS { MATCH (${a})-[:FLAGS]->(jo:Org) WHERE jo.uid IN $jurOrgs }
      OR EXISTS { MATCH (${a})-[:FLAGS]->(:Entity)-[${hop(links)}]-(jo:Org) WHERE jo.uid IN $jurOrgs } END)`;

/** The alert bound to `a` is in the scope. `a` is a variable name of the caller's query, never input. */
export function alertInScope(scope: Scope, a = 'a'): Predicate {
  if (scope.all) return ALWAYS;
  return { cypher: anchorIn(a, scope.links), params: { jurOrgs: scope.orgs } };
}

/** The entity bound to `n` is in the scope. */
export function entityInScope(scope: Scope, n = 'n'): Predicate {
  if (scope.all) return ALWAYS;
  return {
    cypher: `(${n}.uid IN $jurOrgs
      OR EXISTS { MATCH (${n})-[${hop([...scope.links, 'PART_OF'])}]-(jo:Org) WHERE jo.uid IN $jurOrgs }
      OR (${n}:Alert AND ${anchorIn(n, scope.links)})
      OR EXISTS { MATCH (ja:Alert)-[:FLAGS]->(${n}) WHERE ${anchorIn('ja', scope.links)} })`,
    params: { jurOrgs: scope.orgs },
  };
}

/** Of these entity uids, those outside the scope (uids naming nothing are not reported). */
export async function outsideScope(db: Executor, scope: Scope, uids: string[], opts: RunOptions = {}): Promise<Set<string>> {
  if (scope.all || uids.length === 0) return new Set();
  const inside = entityInScope(scope, 'n');
  const { rows } = await db.read<{ uid: string }>(
    `UNWIND $uids AS u MATCH (n:Entity {uid: u}) WITH n WHERE NOT ${inside.cypher} RETURN n.uid AS uid`,
    { ...inside.params, uids: [...new Set(uids)] },
    opts,
  );
  return new Set(rows.map((r) => r.uid));
}

/** Every unit and the units above it (itself included), for telling whether two jurisdictions meet. */
export async function unitsAbove(db: Executor, units: string[], opts: RunOptions = {}): Promise<Map<string, Set<string>>> {
  if (units.length === 0) return new Map();
  const { rows } = await db.read<{ uid: string; above: string[] }>(
    `UNWIND $units AS uid MATCH (u:Org {uid: uid})
     RETURN uid, COLLECT { MATCH (u)-[:PART_OF*0..]->(p:Org) RETURN DISTINCT p.uid } AS above`,
    { units: [...new Set(units)] },
    opts,
  );
  return new Map(rows.map((r) => [r.uid, new Set(r.above)]));
}

/**
 * Two jurisdictions meet when either covers everything or one's unit lies in the other's subtree (a
 * township and one of its villages meet; two townships do not). `above` is unitsAbove over both.
 */
export function jurisdictionsMeet(a: Jurisdiction, b: Jurisdiction, above: Map<string, Set<string>>): boolean {
  if (a.all || b.all) return true;
  const under = (x: string, y: string) => x === y || above.get(x)?.has(y) === true;
  return a.units.some((x) => b.units.some((y) => under(x, y) || under(y, x)));
}
