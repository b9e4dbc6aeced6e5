// The operations the API benchmark measures: the explorer's own documents (web/src/api/queries.ts) where
// it has one, with arguments picked from the loaded county so that each asks what a user would: a person
// found by name, an ordinary node's neighbours, the neighbours of the county's densest node (a welfare
// programme, one relationship per monthly payment), a route between two people, the inbox with and
// without a filter, one alert with its evidence, the risk ranking.
import type { Executor } from '../../platform/db/executor.js';
import { ALERT, ALERTS, ENTITY, NEIGHBOURS, SEARCH } from '../../web/src/api/queries.js';
import { PRE_AWARD_CHECK } from '../../web/src/api/preaward-queries.js';
import { BUNDLE_MIN } from '../../web/src/graph/bundle.js';

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Which token calls it: the whole county, or one unit's jurisdiction. */
  caller: 'county' | 'unit';
  /** What the arguments are, for the report. */
  note: string;
  /** What the first answer held, for the report (the pre-award check: how many ties it found). */
  found?: (data: unknown) => string;
}

const PATHS = /* GraphQL */ `
  query BenchPaths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxHops: 4, limit: 5) {
      nodes {
        id
        label
        caption
        degree
      }
      edges {
        id
        type
        source
        target
        properties
      }
    }
  }
`;

const RISK = /* GraphQL */ `
  query BenchRisk {
    riskRanking(limit: 20) {
      score
      alerts
      models
      amount
      alertIds
      entity {
        id
        label
        caption
      }
    }
  }
`;

export interface Picks {
  name: string;
  person: string;
  ordinary: { uid: string; degree: number };
  hub: { uid: string; label: string; degree: number; neighbours: number };
  pathFrom: string;
  pathTo: string;
  alert: string;
  model: { id: string; alerts: number };
  unit: { uid: string; name: string };
  alerts: number;
  /** `flagged`: an M03 alert names the lot, so the check has ties to find. */
  lot: { uid: string; bidders: number; officials: number; flagged: boolean };
}

async function one<T>(db: Executor, cypher: string, what: string, params: Record<string, unknown> = {}): Promise<T> {
  const { rows } = await db.read<T>(cypher, params);
  if (!rows[0]) throw new Error(`the county has no ${what}`);
  return rows[0];
}

/** Arguments from the data, the same on every run over the same county (orders are by uid, not by chance). */
export async function pickArguments(db: Executor): Promise<Picks> {
  // A person in the middle of the uid order, with a few relationships: neither an orphan nor a hub.
  const person = await one<{ uid: string; name: string; degree: number }>(
    db,
    `MATCH (p:Person) WITH p SKIP 5000 WITH p, COUNT { (p)--() } AS degree WHERE 5 <= degree <= 40
     RETURN p.uid AS uid, p.name AS name, degree ORDER BY uid LIMIT 1`,
    'person with 5 to 40 relationships',
  );
  // The densest node: counted from the degree store, without expanding anything.
  const hub = await one<{ uid: string; label: string; degree: number }>(
    db,
    `MATCH (n:Entity) WHERE NOT n:Alert WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.uid LIMIT 1
     RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, degree`,
    'entity',
  );
  const { neighbours } = await one<{ neighbours: number }>(
    db,
    'MATCH (n:Entity {uid: $uid})--(m) RETURN count(DISTINCT m) AS neighbours',
    'hub',
    { uid: hub.uid },
  );
  // Two people three relationships apart through a relative's post: a route the explorer is asked for.
  const path = await one<{ a: string; b: string }>(
    db,
    `MATCH (a:Person)-[:KIN]-(:Person)-[:HOLDS_POST]->(:Org)<-[:HOLDS_POST]-(b:Person)
     WHERE b <> a AND NOT (a)--(b) WITH a, b LIMIT 1 RETURN a.uid AS a, b.uid AS b`,
    'two people linked through a relative and a unit',
  );
  const model = await one<{ id: string; alerts: number }>(
    db,
    'MATCH (a:Alert) WHERE NOT coalesce(a.gone, false) RETURN a.modelId AS id, count(*) AS alerts ORDER BY alerts DESC, id LIMIT 1',
    'alert (run the models first)',
  );
  const { alerts } = await one<{ alerts: number }>(db, 'MATCH (a:Alert) RETURN count(a) AS alerts', 'alert');
  // The alert with the most evidence: the detail view's heaviest case.
  const alert = await one<{ fp: string }>(
    db,
    `MATCH (a:Alert) WHERE NOT coalesce(a.gone, false)
     RETURN a.fingerprint AS fp ORDER BY size(coalesce(a.evidenceEdges, [])) DESC, fp LIMIT 1`,
    'alert',
  );
  // A unit below the top with units below it: a township or a bureau, as a handler's token would name.
  const unit = await one<{ uid: string; name: string }>(
    db,
    `MATCH (u:Org)-[:PART_OF]->(:Org) WHERE EXISTS { (:Org)-[:PART_OF]->(u) }
     WITH u, COUNT { (u)--() } AS degree ORDER BY degree DESC, u.uid LIMIT 1
     RETURN u.uid AS uid, u.name AS name`,
    'unit with sub-units',
  );
  // A lot to check before award that has ties to find: among the lots an M03 alert (kin of an official at
  // the winning bidder) names, the one with most bidders; its unit's post holders are what the check walks.
  // Without such an alert (a county with no planted case), the lot with most bidders, ties or not.
  const lotCypher = (from: string) => `${from}
     WITH DISTINCT x MATCH (o:Org)-[:TENDERED]->(x)
     WITH o, x, COUNT { (x)<-[:FOR]-(:Bid) } AS bidders ORDER BY bidders DESC, x.uid LIMIT 50
     WITH x, bidders, COUNT { (:Person)-[:HOLDS_POST]->(o) } AS officials
     RETURN x.uid AS uid, bidders, officials ORDER BY bidders DESC, officials DESC, uid LIMIT 1`;
  type Lot = { uid: string; bidders: number; officials: number };
  const flagged = await db.read<Lot>(lotCypher(`MATCH (a:Alert {modelId: $m03})-[:FLAGS]->(x:Project) WHERE NOT coalesce(a.gone, false)`), {
    m03: 'procurement.kin-of-official-at-winning-bidder',
  });
  const lot = flagged.rows[0]
    ? { ...flagged.rows[0], flagged: true }
    : { ...(await one<Lot>(db, lotCypher('MATCH (x:Project)<-[:FOR]-(:Bid)'), 'tendered lot with bids')), flagged: false };
  return {
    name: person.name,
    person: person.uid,
    ordinary: { uid: person.uid, degree: person.degree },
    hub: { ...hub, neighbours },
    pathFrom: path.a,
    pathTo: path.b,
    alert: alert.fp,
    model,
    unit,
    alerts,
    lot,
  };
}

const OPEN = ['new', 'assigned', 'verifying'];

export function operations(p: Picks): Operation[] {
  const filter = { modelId: p.model.id, states: OPEN };
  return [
    { name: 'search', query: SEARCH, variables: { q: p.name, limit: 20 }, caller: 'county', note: `q = a person's name` },
    { name: 'entity', query: ENTITY, variables: { id: p.person }, caller: 'county', note: 'a person' },
    // As the explorer asks: parallel edges as bundles (docs/api.md "neighbours").
    {
      name: 'neighbours',
      query: NEIGHBOURS,
      variables: { id: p.ordinary.uid, limit: 50, bundleMin: BUNDLE_MIN },
      caller: 'county',
      note: `a person, ${p.ordinary.degree} relationships`,
    },
    {
      name: 'neighbours hub',
      query: NEIGHBOURS,
      variables: { id: p.hub.uid, limit: 50, bundleMin: BUNDLE_MIN },
      caller: 'county',
      note: `${p.hub.label}, ${p.hub.degree} relationships, ${p.hub.neighbours} neighbours`,
      found: (data) => {
        const n = (data as { neighbours: { edges: unknown[]; bundles: { count: number }[] } }).neighbours;
        return `${n.edges.length} edges and ${n.bundles.length} bundles of ${n.bundles.reduce((s, b) => s + b.count, 0)}`;
      },
    },
    // As an API client that does not opt in: every relationship of the page one by one.
    {
      name: 'neighbours hub unbundled',
      query: NEIGHBOURS,
      variables: { id: p.hub.uid, limit: 50 },
      caller: 'county',
      note: `the same without bundleMin`,
      found: (data) => `${(data as { neighbours: { edges: unknown[] } }).neighbours.edges.length} edges`,
    },
    { name: 'paths', query: PATHS, variables: { from: p.pathFrom, to: p.pathTo }, caller: 'county', note: 'two people, ≤ 4 hops' },
    { name: 'alerts', query: ALERTS, variables: { first: 20 }, caller: 'county', note: `first 20 of ${p.alerts}` },
    {
      name: 'alerts filtered',
      query: ALERTS,
      variables: { first: 20, filter },
      caller: 'county',
      note: `model ${p.model.id} (${p.model.alerts}), open states`,
    },
    {
      name: 'alerts filtered by unit',
      query: ALERTS,
      variables: { first: 20, filter },
      caller: 'unit',
      note: `the same, by a token of ${p.unit.name}`,
    },
    { name: 'alert detail', query: ALERT, variables: { id: p.alert }, caller: 'county', note: 'the alert with most evidence' },
    {
      name: 'pre-award check',
      query: PRE_AWARD_CHECK,
      variables: { lot: p.lot.uid },
      caller: 'county',
      note: `${p.lot.flagged ? 'a lot an M03 alert names' : 'the lot with most bids (no M03 alert)'}: ${p.lot.bidders} bids, its unit's ${p.lot.officials} post holders`,
      found: (data) => {
        const bidders = (data as { preAwardCheck: { bidders: { links: unknown[] }[] } }).preAwardCheck.bidders;
        return `${bidders.reduce((n, b) => n + b.links.length, 0)} ties in ${bidders.filter((b) => b.links.length > 0).length} bidders`;
      },
    },
    { name: 'risk ranking', query: RISK, variables: {}, caller: 'county', note: 'top 20' },
  ];
}
