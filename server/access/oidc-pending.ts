// Sign-ins under way, by their state, between the redirect to the identity provider and its callback. In
// the database by default, so the callback may reach any of several API servers (no sticky sessions) and a
// restart in between does not lose them; in memory for an app without a database behind it.
import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';

export interface Pending {
  verifier: string;
  nonce: string;
}

export interface PendingStore {
  put(state: string, p: Pending): Promise<void>;
  /** The sign-in of this state, once: a second call (a replayed callback) gets nothing. */
  take(state: string): Promise<Pending | undefined>;
}

export const PENDING_MS = 10 * 60_000;

// Only a hash of the state is stored: the state travels in URLs and is bound to the browser by a cookie.
const key = (state: string) => createHash('sha256').update(state).digest('hex');

export function memoryPending(): PendingStore {
  const pending = new Map<string, Pending & { at: number }>();
  return {
    async put(state, p) {
      const now = Date.now();
      for (const [k, v] of pending) if (now - v.at > PENDING_MS) pending.delete(k);
      pending.set(key(state), { ...p, at: now });
    },
    async take(state) {
      const p = pending.get(key(state));
      pending.delete(key(state));
      return p && Date.now() - p.at <= PENDING_MS ? { verifier: p.verifier, nonce: p.nonce } : undefined;
    },
  };
}

export function databasePending(db: Executor): PendingStore {
  return {
    async put(state, p) {
      await db.write(
        `CREATE (:HyOidcPending {key: $key, verifier: $verifier, nonce: $nonce, at: datetime()})
         WITH 1 AS _
         MATCH (old:HyOidcPending) WHERE old.at < datetime() - duration({milliseconds: $ttl})
         DELETE old`,
        { key: key(state), ...p, ttl: PENDING_MS },
      );
    },
    async take(state) {
      // Read and deleted in one transaction: of two callbacks with one state, one gets it.
      const { rows } = await db.write<Pending & { fresh: boolean }>(
        `MATCH (p:HyOidcPending {key: $key})
         WITH p, p.verifier AS verifier, p.nonce AS nonce, p.at >= datetime() - duration({milliseconds: $ttl}) AS fresh
         DELETE p
         RETURN verifier, nonce, fresh`,
        { key: key(state), ttl: PENDING_MS },
      );
      const p = rows[0];
      return p?.fresh ? { verifier: p.verifier, nonce: p.nonce } : undefined;
    },
  };
}
