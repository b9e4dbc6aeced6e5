// The access data lives in the same database as the graph, under labels the graph schema does not know
// (HyUser, HySession, HyToken): they carry no `Entity` label, so no entity lookup, search or expansion
// can reach them.
import type { Executor } from '../../platform/db/executor.js';

const STATEMENTS = [
  'CREATE CONSTRAINT hy_user_name IF NOT EXISTS FOR (u:HyUser) REQUIRE u.name IS UNIQUE',
  'CREATE CONSTRAINT hy_session_id IF NOT EXISTS FOR (s:HySession) REQUIRE s.idHash IS UNIQUE',
  'CREATE CONSTRAINT hy_token_id IF NOT EXISTS FOR (t:HyToken) REQUIRE t.id IS UNIQUE',
  // Saved explorer views (server/records/saved-views.ts): the short id is the key.
  'CREATE CONSTRAINT hy_view_id IF NOT EXISTS FOR (v:HySavedView) REQUIRE v.id IS UNIQUE',
  'CREATE INDEX hy_user_oidc IF NOT EXISTS FOR (u:HyUser) ON (u.oidcSubject)',
  'CREATE INDEX hy_session_user IF NOT EXISTS FOR (s:HySession) ON (s.user)',
];

export async function applyAccessSchema(db: Executor): Promise<void> {
  for (const s of STATEMENTS) await db.autoCommit(s);
}
