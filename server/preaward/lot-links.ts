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

// The lot, its unit, its bids, and the posts in that unit. Officials are matched to each bid's day here in
// TypeScript; the links are four plain statements below, one per kind of tie. One statement holding all of
// it (nested COLLECT and UNION subqueries) took 13 to 35 s to plan on a loaded server, past the API's
// statement time limit; these plan in well under a second each and are cached.
// Entities are found by uid through :Entity, the label the uid constraint (and so its index) is on:
// `(x:Project {uid: …})` has no index to use, and planned as a scan of every Project, and in the link
// statements a scan of every Bid and every Person for each (bid, official) pair, 4 million rows a lot
// at 20,000 persons (6.7 s warm; PROFILE in docs/api.md).
const HEAD = `
MATCH (x:Entity {uid: $lot}) WHERE x:Project
OPTIONAL MATCH (o:Org)-[:TENDERED]->(x)
WITH x, o LIMIT 1
RETURN x AS lot, o AS unit,
  COLLECT { MATCH (p:Person)-[h:HOLDS_POST]->(o) WHERE $leadersOnly = false OR h.isLeader = true
            RETURN {uid: p.uid, from: toString(h.from), to: toString(h.to)} AS post } AS posts,
  COLLECT { MATCH (c:Company)-[:SUBMITTED]->(b:Bid)-[:FOR]->(x)
            RETURN {company: c, bid: b, on: toString(coalesce(date($on), date(b.submittedAt), x.date, date()))} AS bid
            ORDER BY c.uid, b.uid } AS bids`;

// Each statement starts at the lot's bids, a handful, and walks out from the firm or the bid to the
// persons tied to it and their relatives; an official is one of the bid's officials in post (`officials`,
// a list test the planner cannot turn into an index seek, so it does not start there). Walking from each
// (bid, official) pair instead read every official's neighbourhood once per bid: 1.0-1.3 s a lot whose
// unit has 1,240 post holders at 1,000,000 persons (docs/bench.md). The paths still run from the official.
const BIDS = `
UNWIND $bids AS x
MATCH (b:Entity {uid: x.bid})<-[:SUBMITTED]-(c:Company)
WHERE b:Bid
WITH b, c, x.officials AS officials, date(x.on) AS d`;
const OFFICIAL = 'any(o IN officials WHERE o = p.uid)';
const LINK_STATEMENTS = [
  `${BIDS}
   MATCH path = (p:Person)-[k:KIN*0..1]->(q:Person)-[r:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF]->(c)
   WHERE ${OFFICIAL} AND ${KIN_OK} AND ${ROLE_OK}
   RETURN b.uid AS bid, p AS official, CASE size(k) WHEN 0 THEN 'ROLE' ELSE 'KIN_ROLE' END AS kind, k[0].relation AS relation,
          type(r) AS via, [path] AS paths`,
  `${BIDS}
   MATCH path = (p:Person)-[k:KIN*0..1]->(q:Person)<-[:PROJECT_MANAGER]-(b)<-[:SUBMITTED]-(c)
   WHERE ${OFFICIAL} AND ${KIN_OK}
   RETURN b.uid AS bid, p AS official, CASE size(k) WHEN 0 THEN 'MANAGER' ELSE 'KIN_MANAGER' END AS kind, k[0].relation AS relation,
          'PROJECT_MANAGER' AS via, [path] AS paths`,
  `${BIDS}
   UNWIND [c, b] AS e
   MATCH path = (p:Person)-[k:KIN*0..1]->(q:Person)-${CONTACT}->(s)<-${CONTACT_BACK}-(e)
   WHERE ${OFFICIAL} AND ${KIN_OK}
   RETURN b.uid AS bid, p AS official, CASE size(k) WHEN 0 THEN 'CONTACT' ELSE 'KIN_CONTACT' END AS kind, k[0].relation AS relation,
          [l IN labels(s) WHERE l <> 'Entity'][0] AS via, [path] AS paths`,
  // The deposit account is joined to benefit payments by its number, a property of RECEIVED: so this one
  // walks from the officials, each once, to the payments into one of the lot's deposit accounts.
  `CALL () {
     UNWIND $bids AS x
     MATCH (:Entity {uid: x.bid})-[:DEPOSIT_FROM]->(a:BankAccount)
     RETURN collect(DISTINCT a.number) AS accounts
   }
   UNWIND $officials AS uid
   MATCH (p:Entity {uid: uid}) WHERE p:Person
   MATCH pr = (p)-[k:KIN*0..1]->(q:Person)-[rc:RECEIVED]->(:Program) WHERE rc.account IN accounts
   UNWIND $bids AS x
   MATCH pd = (c:Company)-[:SUBMITTED]->(b:Entity {uid: x.bid})-[:DEPOSIT_FROM]->(a:BankAccount)
   WHERE b:Bid AND a.number = rc.account AND uid IN x.officials
   WITH b, p, q, pd, pr, k, date(x.on) AS d WHERE ${KIN_OK}
   WITH b, p, pd, pr, k ORDER BY size(k)
   WITH b, p, head(collect({pd: pd, pr: pr, k: k})) AS first
   RETURN b.uid AS bid, p AS official, CASE size(first.k) WHEN 0 THEN 'ACCOUNT' ELSE 'KIN_ACCOUNT' END AS kind,
          first.k[0].relation AS relation, 'BankAccount' AS via, [first.pr, first.pd] AS paths`,
];

interface Head {
  lot: PlainNode;
  unit: PlainNode | null;
  posts: { uid: string; from: string | null; to: string | null }[];
  bids: { company: PlainNode; bid: PlainNode; on: string }[];
}

const inPost = (post: Head['posts'][number], on: string): boolean =>
  (post.from === null || post.from <= on) && (post.to === null || post.to >= on);

/** Null when there is no such lot. */
export async function checkLot(
  db: Executor,
  lot: string,
  scope: LotScope,
  on: string | null,
  opts: RunOptions = {},
): Promise<LotCheck | null> {
  const { rows } = await db.read<Head>(HEAD, { lot, on, leadersOnly: scope.leadersOnly }, opts);
  const head = rows[0];
  if (!head) return null;
  // Each bid with the officials in post on its day; the officials, each once.
  const bids = head.bids
    .map((b) => ({
      bid: String(b.bid.properties.uid),
      on: b.on,
      officials: [...new Set(head.posts.filter((p) => inPost(p, b.on)).map((p) => p.uid))],
    }))
    .filter((b) => b.officials.length > 0);
  const officials = [...new Set(bids.flatMap((b) => b.officials))];
  // One after another: in parallel they only compete for the same cores.
  const found: (LotLink & { bid: string })[] = [];
  if (bids.length > 0)
    for (const cypher of LINK_STATEMENTS)
      found.push(...(await db.read<LotLink & { bid: string }>(cypher, { bids, officials, kinRelations: scope.kinRelations }, opts)).rows);
  const key = (l: LotLink) => `${String(l.official.properties.uid)}|${l.kind}|${l.relation ?? ''}|${l.via}`;
  return {
    lot: head.lot,
    unit: head.unit,
    officials: new Set(head.posts.map((p) => p.uid)).size,
    bidders: head.bids.map((b) => ({
      ...b,
      links: found
        .filter((l) => l.bid === b.bid.properties.uid)
        .map(({ bid: _bid, ...l }) => l)
        .sort((x, y) => key(x).localeCompare(key(y))),
    })),
  };
}

/**
 * Plans the check's statements before the first handler asks: planning them took 6.1 s of that first call at
 * 20,000 persons (docs/bench.md "API"), later calls 0.2-0.5 s. Neo4j caches a plan per statement text and
 * parameter types, lists' sizes taken in buckets; so the lists are sent at sizes 1 to 1,000 (officials in
 * post; kinship relations as the site's scope has them), with ids no entity has: each statement
 * reads nothing but index misses.
 */
export async function planLotCheck(db: Executor, scope: LotScope): Promise<void> {
  const none = '\u0000no-such-uid';
  for (const on of [null, '2000-01-01']) await db.read(HEAD, { lot: none, on, leadersOnly: scope.leadersOnly });
  for (const size of [1, 10, 100, 1000]) {
    const officials = Array.from({ length: size }, () => none);
    const bids = [{ bid: none, on: '2000-01-01', officials }];
    for (const cypher of LINK_STATEMENTS) await db.read(cypher, { bids, officials, kinRelations: scope.kinRelations });
  }
}
