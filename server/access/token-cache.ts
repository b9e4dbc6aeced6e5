// Verified bearer tokens kept for a few seconds, so a system calling many times a second is not one Neo4j
// read per request (7-16 ms of every request at 100,000 persons, docs/bench.md "API"). What it weakens and
// how far: a revocation made through this process drops the entry at once; one made by another process
// (a second API server, `npm run users -- revoke`) is seen when the entry's time is up. Expiry is checked
// on every request against the cached record, so a cached token never outlives its expiresAt.
import { createHash } from 'node:crypto';
import type { Principal } from './principal.js';

interface Entry {
  tokenId: string;
  principal: Principal;
  /** The token's own expiry (epoch ms). */
  expiresAt: number;
  /** When this entry must be read again (epoch ms). */
  until: number;
}

/** Past this many entries, expired ones are swept on insert (a site has tens of tokens, not thousands). */
const SWEEP_AT = 256;

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Bumped by every invalidation. A verification that read the database before a revocation committed
   * and finishes after it must not put the token back: it caches only if no invalidation happened while
   * it was reading.
   */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The key of a bearer value: its hash, so the cache holds no secret. */
  static keyOf(bearer: string): string {
    return createHash('sha256').update(bearer, 'utf8').digest('hex');
  }

  get(key: string): Principal | null {
    if (!this.enabled) return null;
    const e = this.entries.get(key);
    if (!e) return null;
    const now = this.now();
    if (now >= e.until || now >= e.expiresAt) {
      this.entries.delete(key);
      return null;
    }
    return e.principal;
  }

  /** A ticket for a read about to start: `put` with it caches only if nothing was invalidated since. */
  ticket(): number {
    return this.generation;
  }

  put(ticket: number, key: string, tokenId: string, principal: Principal, expiresAt: number): void {
    if (!this.enabled || ticket !== this.generation) return;
    const now = this.now();
    if (this.entries.size >= SWEEP_AT) for (const [k, e] of this.entries) if (now >= e.until || now >= e.expiresAt) this.entries.delete(k);
    this.entries.set(key, { tokenId, principal, expiresAt, until: now + this.ttlMs });
  }

  /** Drops every entry of the token (called before and after a change to it is written). */
  invalidate(tokenId: string): void {
    this.generation++;
    for (const [k, e] of this.entries) if (e.tokenId === tokenId) this.entries.delete(k);
  }
}
