// The anchors (server/access/jurisdiction.ts) of the alerts a model run writes, and of alerts written
// before runs stored them: found once, when the server prepares, so that every alert's jurisdiction is a
// test on its own property.
import type { Executor } from '../../platform/db/executor.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import { ANCHORS, anchorsOf, orgLinks, orgToOrgLinks } from '../access/jurisdiction.js';

let links: { links: string[]; orgToOrg: string[] } | undefined;
/** The Org links of the graph schema the server runs on (graph.yaml; a site does not replace it). */
export function anchorLinks(): { links: string[]; orgToOrg: string[] } {
  if (!links) {
    const schema = loadGraphSchema();
    links = { links: orgLinks(schema), orgToOrg: orgToOrgLinks(schema) };
  }
  return links;
}

/** Sets ANCHORS on the alerts bound to `a`: a fragment for the statement that has them. */
export const setAnchors = (a: string) => `SET ${a}.${ANCHORS} = ${anchorsOf(a, anchorLinks())}`;

/** Stores the anchors of every alert that has none; how many it stored. */
export async function fillAnchors(db: Executor): Promise<number> {
  const { rows } = await db.read<{ n: number }>(`MATCH (a:Alert) WHERE a.${ANCHORS} IS NULL RETURN count(a) AS n`);
  const missing = rows[0]?.n ?? 0;
  if (missing === 0) return 0;
  // In batches: a county's alerts are never one large transaction.
  await db.autoCommit(
    `MATCH (a:Alert) WHERE a.${ANCHORS} IS NULL
     CALL (a) { ${setAnchors('a')} } IN TRANSACTIONS OF 2000 ROWS`,
  );
  return missing;
}
