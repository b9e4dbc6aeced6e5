// 投标前核查 for one lot: every bidder of the lot, and each link found between the bidder (the firm, its
// bid) and an official of the tendering unit who was in post on the bid's date. One statement that starts
// at the lot (an index seek on Project.uid) and walks only the unit's officials' own neighbourhoods, so the
// answer takes milliseconds whatever the size of the county; no model is run and nothing is stored.
import { type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { PlainNode, PlainPath } from '../../platform/db/values.js';

/** How a bidder is tied to an official (the PreAwardLinkKind of the API). */
export const LINK_KINDS = [
  'ROLE', // the official is legal representative, shareholder or officer of the firm
  'KIN_ROLE', // a relative in scope holds such a role
  'MANAGER', // the official is named the bid's project manager
  'KIN_MANAGER', // a relative in scope is
  'CONTACT', // the official's phone, e-mail or address is the firm's or the bid's
  'KIN_CONTACT', // a relative's is
  'ACCOUNT', // the bid deposit came from an account the official is paid benefits into
  'KIN_ACCOUNT', // from a relative's
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LotScope {
  /** KIN.relation values in scope. */
  kinRelations: string[];
  /** Only officials who are leading members of the unit. */
  leadersOnly: boolean;
}

export interface LotLink {
  official: PlainNode;
  kind: LinkKind;
  /** The KIN relation for the KIN_* kinds. */
  relation: string | null;
  /** The relationship type or label that makes the link (SHAREHOLDER_OF, Phone, BankAccount…). */
  via: string;
  /** The paths that make the case, from the official to the firm or its bid. */
  paths: PlainPath[];
}

export interface LotBidder {
  company: PlainNode;
  bid: PlainNode;
  /** The day officials' posts and firms' roles are read on: the bid's date, else the lot's, else today. */
  on: string;
  links: LotLink[];
}

export interface LotCheck {
  lot: PlainNode;
  unit: PlainNode | null;
  /** Officials of the unit (posts at any time, leaders only if so scoped): how many were looked at. */
  officials: number;
  bidders: LotBidder[];
}

// k is the KIN hop, none for the official himself. Kin is read from the official outwards (KIN is stored both ways, as M03 reads it); a spouse KIN with
// `to` before the day is a former spouse. Roles count when held on the day.
const KIN_OK = 'all(kin IN k WHERE kin.relation IN $kinRelations AND (kin.to IS NULL OR kin.to >= d)) AND (size(k) = 0 OR q <> p)';
const ROLE_OK = '(r.from IS NULL OR r.from <= d) AND (r.to IS NULL OR r.to >= d)';
const CONTACT = '[:HAS_CONTACT|LOCATED_AT]';
const CONTACT_BACK = '[:HAS_CONTACT|LOCATED_AT|CONTACT]';

const CHECK = `
MATCH (x:Project {uid: $lot})
OPTIONAL MATCH (o:Org)-[:TENDERED]->(x)
WITH x, o LIMIT 1
WITH x, o, COLLECT {
  MATCH (p:Person)-[h:HOLDS_POST]->(o) WHERE $leadersOnly = false OR h.isLeader = true
  RETURN {p: p, from: h.from, to: h.to} AS post
} AS posts
RETURN x AS lot, o AS unit, size(COLLECT { UNWIND posts AS post RETURN DISTINCT post.p AS p }) AS officials, COLLECT {
  MATCH (c:Company)-[:SUBMITTED]->(b:Bid)-[:FOR]->(x)
  WITH c, b, coalesce(CASE WHEN $on IS NULL THEN null ELSE date($on) END, date(b.submittedAt), x.date, date()) AS d
  WITH c, b, d, [post IN posts WHERE (post.from IS NULL OR post.from <= d) AND (post.to IS NULL OR post.to >= d) | post.p] AS officials
  RETURN {company: c, bid: b, on: toString(d), links: COLLECT {
    UNWIND officials AS p
    WITH DISTINCT p
    // The official himself (no KIN hop) or a relative in scope (one): four patterns, not eight, so the
    // planner (seconds per UNION arm on a loaded server) plans it once quickly.
    CALL (p, c, b, d) {
      MATCH path = (p)-[k:KIN*0..1]->(q:Person)-[r:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c) WHERE ${KIN_OK} AND ${ROLE_OK}
      RETURN CASE size(k) WHEN 0 THEN 'ROLE' ELSE 'KIN_ROLE' END AS kind, k[0].relation AS relation, type(r) AS via, [path] AS paths
      UNION
      MATCH path = (p)-[k:KIN*0..1]->(q:Person)<-[:PROJECT_MANAGER]-(b)<-[:SUBMITTED]-(c) WHERE ${KIN_OK}
      RETURN CASE size(k) WHEN 0 THEN 'MANAGER' ELSE 'KIN_MANAGER' END AS kind, k[0].relation AS relation, 'PROJECT_MANAGER' AS via, [path] AS paths
      UNION
      MATCH path = (p)-[k:KIN*0..1]->(q:Person)-${CONTACT}->(s)<-${CONTACT_BACK}-(e) WHERE (e = c OR e = b) AND ${KIN_OK}
      RETURN CASE size(k) WHEN 0 THEN 'CONTACT' ELSE 'KIN_CONTACT' END AS kind, k[0].relation AS relation,
             [l IN labels(s) WHERE l <> 'Entity'][0] AS via, [path] AS paths
      UNION
      MATCH pd = (c)-[:SUBMITTED]->(b)-[:DEPOSIT_FROM]->(a:BankAccount)
      MATCH pr = (p)-[k:KIN*0..1]->(q:Person)-[rc:RECEIVED]->(:Program) WHERE rc.account = a.number AND ${KIN_OK}
      WITH pd, pr, k ORDER BY size(k) LIMIT 1
      RETURN CASE size(k) WHEN 0 THEN 'ACCOUNT' ELSE 'KIN_ACCOUNT' END AS kind, k[0].relation AS relation, 'BankAccount' AS via, [pr, pd] AS paths
    }
    RETURN {official: p, kind: kind, relation: relation, via: via, paths: paths} AS link
    ORDER BY p.uid, kind, relation, via
  }} AS bidder
  ORDER BY c.uid, b.uid
} AS bidders`;

/** Null when there is no such lot. */
export async function checkLot(
  db: Executor,
  lot: string,
  scope: LotScope,
  on: string | null,
  opts: RunOptions = {},
): Promise<LotCheck | null> {
  const { rows } = await db.read<LotCheck>(CHECK, { lot, on, kinRelations: scope.kinRelations, leadersOnly: scope.leadersOnly }, opts);
  return rows[0] ?? null;
}
