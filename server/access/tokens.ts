// Bearer tokens for other systems (the tender platform's pre-award check, a case system): issued by an
// admin per system, named, with a role and units, an expiry, and revocable. The secret is shown once;
// only its SHA-256 is stored (it is 256 random bits, so a slow hash adds nothing).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import { CodedError } from '../../platform/errors.js';
import { jurisdictionOf, type Principal } from './principal.js';
import { isRole, type Role } from './roles.js';
import { TokenCache } from './token-cache.js';

const PREFIX = 'hy_';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  units: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface TokenInput {
  name: string;
  role: Role;
  units: string[];
  /** Days until it expires; 1 to 730. */
  days: number;
}

const RETURN = `RETURN t.id AS id, t.name AS name, t.role AS role, t.units AS units, t.createdBy AS createdBy,
  toString(t.createdAt) AS createdAt, toString(t.expiresAt) AS expiresAt, toString(t.revokedAt) AS revokedAt,
  toString(t.lastUsedAt) AS lastUsedAt`;

export class TokenStore {
  private readonly cache: TokenCache;

  /** `cacheMs`: how long a verified token is trusted without a read (token-cache.ts); 0 reads every time. */
  constructor(
    private readonly db: Executor,
    cacheMs = 0,
    now: () => number = Date.now,
  ) {
    this.cache = new TokenCache(cacheMs, now);
  }

  /** Issues a token; the returned secret (`hy_<id>_<secret>`) is all the caller will ever see of it. */
  async issue(input: TokenInput, createdBy: string): Promise<{ token: ApiToken; secret: string }> {
    if (!isRole(input.role)) throw new CodedError('BAD_INPUT', `Unknown role ${String(input.role)}`);
    if (input.role === 'admin') throw new CodedError('BAD_INPUT', 'Tokens may not carry the admin role: administration is done by people');
    const name = input.name.trim();
    if (name === '' || name.length > 80)
      throw new CodedError('BAD_INPUT', 'A token needs a name (the system it is for), up to 80 characters');
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > 730)
      throw new CodedError('BAD_INPUT', 'A token lives 1 to 730 days');
    if (input.units.length === 0) throw new CodedError('BAD_INPUT', 'A token needs at least one unit (an Org uid, or *)');
    for (const u of input.units)
      if (u !== '*' && !u.startsWith('Org:')) throw new CodedError('BAD_INPUT', `"${u.slice(0, 40)}" is not an Org uid or *`);
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await this.db.write<ApiToken>(
      `CREATE (t:HyToken {id: $id, name: $name, role: $role, units: $units, hash: $hash, createdBy: $createdBy,
         createdAt: datetime(), expiresAt: datetime() + duration({days: $days})}) ${RETURN}`,
      { id, name, role: input.role, units: input.units, hash: sha256(secret).toString('hex'), createdBy, days: input.days },
    );
    return { token: rows[0]!, secret: `${PREFIX}${id}_${secret}` };
  }

  async list(): Promise<ApiToken[]> {
    return (await this.db.read<ApiToken>(`MATCH (t:HyToken) ${RETURN} ORDER BY createdAt DESC`)).rows;
  }

  async revoke(id: string): Promise<ApiToken> {
    // Before the write, so a verification reading meanwhile cannot cache the token; after it, so an entry
    // cached from a read that saw the token live is gone by the time the revocation is reported done.
    this.cache.invalidate(id);
    try {
      const { rows } = await this.db.write<ApiToken>(
        `MATCH (t:HyToken {id: $id}) SET t.revokedAt = coalesce(t.revokedAt, datetime()) ${RETURN}`,
        { id },
      );
      if (!rows[0]) throw new CodedError('NOT_FOUND', `No token ${id}`);
      return rows[0];
    } finally {
      this.cache.invalidate(id);
    }
  }

  /** The principal a bearer value stands for, or null when it is malformed, unknown, expired or revoked. */
  async verify(bearer: string): Promise<Principal | null> {
    const m = /^hy_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(bearer);
    if (!m) return null;
    const [, id, secret] = m as unknown as [string, string, string];
    const key = TokenCache.keyOf(bearer);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const { rows } = await this.db.read<{
      hash: string;
      name: string;
      role: string;
      units: string[];
      live: boolean;
      used: boolean;
      expiresAt: number;
    }>(
      `MATCH (t:HyToken {id: $id})
       RETURN t.hash AS hash, t.name AS name, t.role AS role, t.units AS units, t.expiresAt.epochMillis AS expiresAt,
              t.revokedAt IS NULL AND t.expiresAt > datetime() AS live,
              t.lastUsedAt IS NOT NULL AND t.lastUsedAt > datetime() - duration({minutes: 1}) AS used`,
      { id },
    );
    const t = rows[0];
    if (!t || !t.live || !isRole(t.role)) return null;
    const want = Buffer.from(t.hash, 'hex');
    const got = sha256(secret);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    // lastUsedAt is kept to the minute; a cached token skips this too, for at most the cache's time.
    if (!t.used) await this.db.write('MATCH (t:HyToken {id: $id}) SET t.lastUsedAt = datetime()', { id });
    const principal: Principal = {
      kind: 'token',
      id: `token:${id}`,
      displayName: t.name,
      role: t.role,
      jurisdiction: jurisdictionOf(t.units ?? []),
      via: 'token',
    };
    this.cache.put(ticket, key, id, principal, Number(t.expiresAt));
    return principal;
  }
}
