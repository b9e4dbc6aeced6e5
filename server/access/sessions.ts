// Browser sessions: a random 256-bit id in an HttpOnly SameSite=Strict cookie, stored only as its
// SHA-256, with a CSRF token the page must echo in a header on every API call. Idle and absolute
// timeouts end a session; the user's role and units are read afresh with every request, so a change
// by an admin applies at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import type { AccessPolicy } from './policy.js';
import { jurisdictionOf, type Principal } from './principal.js';
import { roleOf } from './users.js';

export const SESSION_COOKIE = 'huiyan_session';
export const CSRF_HEADER = 'x-huiyan-csrf';
/** lastSeen is written at most this often: a page polling every second must not write every second. */
const TOUCH_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface SessionInfo {
  principal: Principal;
  csrf: string;
}

export class SessionStore {
  constructor(
    private readonly db: Executor,
    private readonly policy: AccessPolicy,
  ) {}

  /** A new session for a user who just proved who they are; returns the cookie value and the CSRF token. */
  async open(user: string, via: 'password' | 'oidc', now = Date.now()): Promise<{ secret: string; csrf: string }> {
    const secret = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await this.db.write('CREATE (:HySession {idHash: $idHash, user: $user, via: $via, csrf: $csrf, createdAt: $now, lastSeen: $now})', {
      idHash: sha256(secret),
      user,
      via,
      csrf,
      now,
    });
    return { secret, csrf };
  }

  /** The session behind a cookie value, or null when unknown, expired, or its user is disabled. */
  async lookup(secret: string, now = Date.now()): Promise<SessionInfo | null> {
    const idHash = sha256(secret);
    const { rows } = await this.db.read<{
      createdAt: number;
      lastSeen: number;
      csrf: string;
      via: 'password' | 'oidc';
      name: string;
      displayName: string;
      role: string;
      units: string[];
      disabled: boolean;
    }>(
      `MATCH (s:HySession {idHash: $idHash}) MATCH (u:HyUser {name: s.user})
       RETURN s.createdAt AS createdAt, s.lastSeen AS lastSeen, s.csrf AS csrf, s.via AS via, u.name AS name,
              u.displayName AS displayName, u.role AS role, u.units AS units, coalesce(u.disabled, false) AS disabled`,
      { idHash },
    );
    const s = rows[0];
    if (!s) return null;
    if (s.disabled || now - s.lastSeen > this.policy.sessionIdleMs || now - s.createdAt > this.policy.sessionAbsoluteMs) {
      await this.close(secret);
      return null;
    }
    if (now - s.lastSeen > TOUCH_MS) await this.db.write('MATCH (s:HySession {idHash: $idHash}) SET s.lastSeen = $now', { idHash, now });
    return {
      csrf: s.csrf,
      principal: {
        kind: 'user',
        id: s.name,
        displayName: s.displayName,
        role: roleOf(s),
        jurisdiction: jurisdictionOf(s.units ?? []),
        via: s.via,
        sessionId: idHash.slice(0, 16),
      },
    };
  }

  async close(secret: string): Promise<void> {
    await this.db.write('MATCH (s:HySession {idHash: $idHash}) DELETE s', { idHash: sha256(secret) });
  }

  /** Removes sessions past either timeout (called now and then; lookups also refuse them). */
  async sweep(now = Date.now()): Promise<number> {
    const { rows } = await this.db.write<{ n: number }>(
      'MATCH (s:HySession) WHERE $now - s.lastSeen > $idle OR $now - s.createdAt > $abs WITH s LIMIT 10000 DELETE s RETURN count(*) AS n',
      { now, idle: this.policy.sessionIdleMs, abs: this.policy.sessionAbsoluteMs },
    );
    return rows[0]?.n ?? 0;
  }
}
