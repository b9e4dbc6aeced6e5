// 廉政档案 / 廉政意见回复: everything on record about one person, read in two round trips: the person, then
// the facts around them (posts, kin, companies of theirs and of their kin, payments, cases, sanctions) and
// the alerts that flag them or their kin. The relationship types are the schema's (cypher/schema/graph.yaml);
// which section a fact belongs to is decided here, in one place, so the API and the printed page agree.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { PlainNode } from '../../platform/db/values.js';
import { alertInScope, type Scope } from '../access/jurisdiction.js';
import type { AlertProps } from '../alerts/queries.js';

export const RECORD_SECTIONS = ['posts', 'kin', 'companies', 'payments', 'cases', 'sanctions'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** The section of a fact by its relationship type; a type not listed is not part of the record. */
export const SECTION_OF: Readonly<Record<string, RecordSection>> = {
  HOLDS_POST: 'posts',
  ON_PAYROLL: 'posts',
  KIN: 'kin',
  LEGAL_REP_OF: 'companies',
  SHAREHOLDER_OF: 'companies',
  EXECUTIVE_OF: 'companies',
  RECEIVED: 'payments',
  AWARDED: 'payments',
  INVOLVED_IN: 'cases',
  SANCTIONED: 'sanctions',
};

/**
 * Facts read at most. A welfare recipient has one RECEIVED per monthly payment; a record of thousands of
 * lines is not a page anyone reads, and the reply says it was cut (truncated).
 */
export const RECORD_CAP = 500;

/** A relationship as REL_ROW projects it (server/graphql/entity/present.ts RelRow, structurally). */
export interface FactRel {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  eid: string;
}

export interface FactRow {
  rel: FactRel;
  other: PlainNode;
  /** The relative whose fact this is (a company of the person's son), or null for the person's own. */
  via: PlainNode | null;
}

const REL = `{type: type(r), source: startNode(r).uid, target: endNode(r).uid, props: properties(r), eid: elementId(r)}`;
const OWN_OUT = Object.keys(SECTION_OF).filter((t) => t !== 'KIN' && t !== 'AWARDED');
const COMPANY_TIES = Object.entries(SECTION_OF)
  .filter(([, s]) => s === 'companies')
  .map(([t]) => t);

// KIN is stored both ways (the loaders write a reciprocal edge): only the person's outgoing edges are read,
// so each relative appears once. AWARDED points from the paying unit to the payee.
const FACTS = `
MATCH (p:Person:Entity {uid: $id})
CALL (p) {
  MATCH (p)-[r:${OWN_OUT.join('|')}]->(o:Entity) RETURN r, o, null AS via
  UNION ALL
  MATCH (p)<-[r:AWARDED]-(o:Entity) RETURN r, o, null AS via
  UNION ALL
  MATCH (p)-[r:KIN]->(o:Person) RETURN r, o, null AS via
  UNION ALL
  MATCH (p)-[:KIN]->(k:Person)-[r:${COMPANY_TIES.join('|')}]->(o:Entity) WHERE k <> p RETURN r, o, k AS via
}
WITH r, o, via LIMIT $limit
RETURN ${REL} AS rel, o AS other, via`;

export async function readPerson(db: Executor, uid: string, opts: RunOptions): Promise<PlainNode | null> {
  const { rows } = await db.read<{ n: PlainNode }>('MATCH (n:Entity {uid: $uid}) RETURN n', { uid }, opts);
  return rows[0]?.n ?? null;
}

/** The facts of the record, at most RECORD_CAP; `truncated` when there were more. */
export async function readFacts(db: Executor, uid: string, opts: RunOptions): Promise<{ facts: FactRow[]; truncated: boolean }> {
  const { rows } = await db.read<FactRow>(FACTS, { id: uid, limit: int(RECORD_CAP + 1) }, opts);
  return { facts: rows.slice(0, RECORD_CAP), truncated: rows.length > RECORD_CAP };
}

/** Alerts flagging any of these entities that the caller's jurisdiction lets them see, oldest first. */
export async function readFlaggingAlerts(db: Executor, uids: string[], scope: Scope, opts: RunOptions): Promise<AlertProps[]> {
  const inScope = alertInScope(scope, 'a');
  const { rows } = await db.read<{ a: AlertProps }>(
    `MATCH (a:Alert)-[:FLAGS]->(x:Entity) WHERE x.uid IN $uids AND ${inScope.cypher}
     WITH DISTINCT a ORDER BY a.firstSeen, a.uid RETURN properties(a) AS a`,
    { ...inScope.params, uids },
    opts,
  );
  return rows.map((r) => r.a);
}
