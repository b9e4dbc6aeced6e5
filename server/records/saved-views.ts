// Saved explorer views (short links). A view is the explorer's URL state (web/src/view/url-state.ts) kept
// on the server under a short random id, so a link can be shared without the entity uids (which can carry
// an ID number where the graph is not pseudonymised) ever appearing in a URL, a chat message or a proxy log.
// Stored beside users and sessions as HySavedView: no `Entity` label, so no search or expansion reaches it.
import { randomBytes } from 'node:crypto';
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { PlainNode } from '../../platform/db/values.js';

export interface SavedView {
  id: string;
  name: string | null;
  /** The URL query string (without '?') the explorer encodes its view in. */
  state: string;
  owner: string;
  createdAt: string;
}

/** Longer than any view the explorer makes (a few hundred entities); a larger state is refused, not cut. */
export const MAX_VIEW_STATE = 16_000;
export const MAX_VIEW_NAME = 100;
/** Entities a view opens at most (the explorer's link carries no more: web/src/view/url-state.ts). */
export const MAX_VIEW_ENTITIES = 300;
/** Relationships among a view's entities read at most: past it the canvas would be unreadable anyway. */
const MAX_VIEW_RELS = 3000;
/** The URL parameters whose values are entity uids: each is checked for access when the view is opened. */
export const UID_PARAMS = ['e', 'entity', 'subject'] as const;

/** 9 random bytes as base64url: 12 characters, 72 bits, not guessable. */
export const newViewId = (): string => randomBytes(9).toString('base64url');
export const isViewId = (v: string): boolean => /^[A-Za-z0-9_-]{12}$/.test(v);

/** The entity uids a view's state names, each once. */
export function uidsInState(state: string): string[] {
  const q = new URLSearchParams(state);
  return [...new Set(UID_PARAMS.flatMap((k) => q.getAll(k)).filter((v) => v !== ''))];
}

export async function createView(db: Executor, view: SavedView, opts: RunOptions): Promise<void> {
  await db.write('CREATE (v:HySavedView) SET v = $view', { view }, opts);
}

export async function readView(db: Executor, id: string, opts: RunOptions): Promise<SavedView | null> {
  const { rows } = await db.read<{ v: SavedView }>('MATCH (v:HySavedView {id: $id}) RETURN properties(v) AS v', { id }, opts);
  const v = rows[0]?.v;
  return v ? { id: v.id, name: v.name ?? null, state: v.state, owner: v.owner, createdAt: v.createdAt } : null;
}

/** The relationship as the presenter takes it (server/graphql/entity/present.ts RelRow, structurally). */
interface ViewRel {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  eid: string;
}

/** These entities and the relationships among them, for a canvas opened from a link. */
export async function readAmong(db: Executor, uids: string[], opts: RunOptions): Promise<{ nodes: PlainNode[]; rels: ViewRel[] }> {
  const nodes = await db.read<{ n: PlainNode }>('MATCH (n:Entity) WHERE n.uid IN $uids RETURN n ORDER BY n.uid', { uids }, opts);
  const rels = await db.read<{ r: ViewRel }>(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.uid IN $uids AND b.uid IN $uids
     RETURN {type: type(r), source: a.uid, target: b.uid, props: properties(r), eid: elementId(r)} AS r LIMIT $limit`,
    { uids, limit: int(MAX_VIEW_RELS) },
    opts,
  );
  return { nodes: nodes.rows.map((x) => x.n), rels: rels.rows.map((x) => x.r) };
}
