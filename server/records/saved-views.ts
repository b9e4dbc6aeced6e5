// Saved explorer views (short links). A view is the explorer's URL state (web/src/view/url-state.ts) kept
// on the server under a short random id, so a link can be shared without the entity uids (which can carry
// an ID number where the graph is not pseudonymised) ever appearing in a URL, a chat message or a proxy log.
// Stored beside users and sessions as HySavedView: no `Entity` label, so no search or expansion reaches it.
import { randomBytes } from 'node:crypto';
import type { Executor, RunOptions } from '../../platform/db/executor.js';

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
