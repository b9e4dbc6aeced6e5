// Per-caller limits, so one caller cannot hold the connection pool (20 connections, platform/db/executor.ts)
// or the server: requests per minute, seconds of database time per minute, and statements at once. A
// caller is its principal (user or token) once signed in, its address before (unauthenticated GraphQL
// requests and sign-in attempts). Counters live in this process (rate-limiter-flexible's memory store):
// huiyan runs as one process per site.
//
// Over a limit the caller gets HTTP 429 with code RATE_LIMITED and Retry-After. A statement over the
// concurrency cap is not refused but waits, before it takes a connection, for one of its caller's own to
// finish: a page that fires a few requests at once still loads, and the pool stays shared.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Access } from '../access/access.js';
import { authenticate } from '../access/authenticate.js';
import type { Principal } from '../access/principal.js';
import { DEFAULT_API_LIMITS, type ApiLimits } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { isUnavailable, UNAVAILABLE_RETRY_AFTER_S, unavailableError } from '../../platform/db/errors.js';

/** Requests and database time per caller, statements at once (settings: platform/config.ts). */
export type RateLimits = Omit<ApiLimits, 'maxCost'>;
export const DEFAULT_RATE_LIMITS: RateLimits = DEFAULT_API_LIMITS;

/** A refusal: what to tell the caller, and when to come back. */
export interface Refusal {
  message: string;
  retryAfterS: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The key a caller is counted under. */
export const callerKey = (principal: { kind: string; id: string } | null, ip: string | null): string =>
  principal ? `${principal.kind}:${principal.id}` : `ip:${ip ?? 'unknown'}`;

/** At most `n` at once per key; the others queue in order. */
class Slots {
  readonly #held = new Map<string, { active: number; queue: (() => void)[] }>();
  constructor(private readonly n: number) {}

  async take(key: string): Promise<() => void> {
    let s = this.#held.get(key);
    if (!s) this.#held.set(key, (s = { active: 0, queue: [] }));
    const slot = s;
    if (slot.active >= this.n) await new Promise<void>((resolve) => slot.queue.push(resolve));
    else slot.active++;
    return () => {
      const next = slot.queue.shift();
      // The slot passes straight to the next in line; the count only drops when nobody waits.
      if (next) next();
      else if (--slot.active === 0) this.#held.delete(key);
    };
  }

  active(key: string): number {
    return this.#held.get(key)?.active ?? 0;
  }
}

// Every method of Executor that sends a statement and returns a promise; writePipelined (the loaders' batches)
// is not an API path.
const METERED = new Set(['read', 'write', 'writeTx', 'readCapped', 'explain', 'autoCommit', 'serverInfo']);

export class CallerLimits {
  readonly #requests: RateLimiterMemory;
  readonly #anonymous: RateLimiterMemory;
  readonly #dbMs: RateLimiterMemory;
  readonly #slots: Slots;

  constructor(readonly limits: RateLimits = DEFAULT_RATE_LIMITS) {
    this.#requests = new RateLimiterMemory({ points: limits.requestsPerMinute, duration: 60 });
    this.#anonymous = new RateLimiterMemory({ points: limits.anonymousPerMinute, duration: 60 });
    this.#dbMs = new RateLimiterMemory({ points: limits.dbSecondsPerMinute * 1000, duration: 60 });
    this.#slots = new Slots(limits.concurrentStatements);
  }

  /**
   * Counts one request of a signed-in caller (or, for `ip:` keys, an anonymous one); a refusal when it is
   * over its requests or its database time for this minute.
   */
  async admit(key: string): Promise<Refusal | null> {
    const anonymous = key.startsWith('ip:');
    try {
      await (anonymous ? this.#anonymous : this.#requests).consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const per = anonymous
        ? `${this.limits.anonymousPerMinute} requests a minute without signing in`
        : `${this.limits.requestsPerMinute} requests a minute`;
      return { message: `Too many requests: more than ${per} 请求过于频繁`, retryAfterS: seconds(e.msBeforeNext) };
    }
    return this.dbRefusal(key);
  }

  /** Whether an address has used up its anonymous requests (checked before spending a lookup on its credentials). */
  async anonymousSpent(ip: string | null): Promise<Refusal | null> {
    const res = await this.#anonymous.get(callerKey(null, ip));
    if (!res || res.remainingPoints > 0) return null;
    return {
      message: `Too many requests without signing in: more than ${this.limits.anonymousPerMinute} a minute from this address 请求过于频繁`,
      retryAfterS: seconds(res.msBeforeNext),
    };
  }

  /** A refusal when the caller has spent its database time for this minute. */
  async dbRefusal(key: string): Promise<Refusal | null> {
    const res = await this.#dbMs.get(key);
    if (!res || res.consumedPoints < this.limits.dbSecondsPerMinute * 1000) return null;
    return {
      message: `Database time used up: more than ${this.limits.dbSecondsPerMinute} s a minute 数据库用时超限`,
      retryAfterS: seconds(res.msBeforeNext),
    };
  }

  /** Statements of this caller running now (for tests and the log). */
  running(key: string): number {
    return this.#slots.active(key);
  }

  /**
   * One statement of `key`: waits for one of the caller's slots, is refused with `refuse(refusal)` once
   * the caller's database time is spent, and adds its duration to that time.
   */
  async run<T>(key: string, work: () => Promise<T>, refuse: (r: Refusal) => Error): Promise<T> {
    const release = await this.#slots.take(key);
    try {
      const over = await this.dbRefusal(key);
      if (over) throw refuse(over);
      const t0 = performance.now();
      try {
        return await work();
      } finally {
        await this.#dbMs.penalty(key, Math.max(1, Math.round(performance.now() - t0)));
      }
    } finally {
      release();
    }
  }

  /** The executor as `key` uses it: every statement through `run`. */
  meter(executor: Executor, key: string, refuse: (r: Refusal) => Error): Executor {
    return new Proxy(executor, {
      get: (target, prop) => {
        const v: unknown = Reflect.get(target, prop);
        if (typeof v !== 'function') return v;
        // Bound to the real executor: its private fields are not reachable through the proxy.
        const bound = (v as (...a: unknown[]) => unknown).bind(target);
        if (typeof prop !== 'string' || !METERED.has(prop)) return bound;
        return (...args: unknown[]) => this.run(key, () => bound(...args) as Promise<unknown>, refuse);
      },
    });
  }
}

/** Who sent a request, as the limits saw it: authenticated once, before the GraphQL pipeline. */
export interface Caller {
  principal: Principal | null;
  /** Why credentials that were sent did not authenticate (the UNAUTHENTICATED message). */
  problem: string | null;
  key: string;
}

/** Over a per-caller limit, as a GraphQL error: HTTP 429 with Retry-After, code RATE_LIMITED. */
export function rateLimitedError(r: Refusal): Error {
  return createGraphQLError(r.message, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'retry-after': String(r.retryAfterS) } } },
  });
}

/** A refusal before the GraphQL pipeline: the same coded body for /graphql and /auth alike. */
function tooMany(r: Refusal, graphql: boolean): Response {
  const error = { message: r.message, extensions: { code: 'RATE_LIMITED' } };
  return Response.json(graphql ? { errors: [error] } : { error: { code: 'RATE_LIMITED', message: r.message } }, {
    status: 429,
    headers: { 'retry-after': String(r.retryAfterS) },
  });
}

/** Neo4j gone while looking the caller up: the body and status of DATABASE_UNAVAILABLE (docs/api.md). */
function databaseUnavailable(): Response {
  const { code, message } = unavailableError();
  return Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) } },
  );
}

/** Password sign-ins and the identity provider's round trips: counted per address (guessing passwords). */
const isSignInAttempt = (request: Request, url: URL): boolean =>
  (request.method === 'POST' && url.pathname === '/auth/login') || url.pathname.startsWith('/auth/oidc/');

interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * The yoga plugin that admits requests: a GraphQL request is authenticated here, before parsing, so
 * validation already knows the caller (introspection and suggestions depend on the role), and counted
 * against its caller's limits; a sign-in attempt is counted against its address. `callerOf` gives the
 * context factory what was found.
 */
export function useCallerLimits(access: Access, callers: CallerLimits, graphqlPath = '/graphql') {
  const found = new WeakMap<Request, Caller>();
  const plugin: Plugin = {
    async onRequest({ request, url, endResponse, serverContext }) {
      const ip = (serverContext as NodeServerContext | undefined)?.req?.socket?.remoteAddress ?? null;
      if (isSignInAttempt(request, url)) {
        const refused = await callers.admit(callerKey(null, ip));
        if (refused) endResponse(tooMany(refused, false));
        return;
      }
      if (url.pathname !== graphqlPath || (request.method !== 'GET' && request.method !== 'POST')) return;
      // An address that has spent its anonymous requests gets no more credential lookups this minute.
      const spent = await callers.anonymousSpent(ip);
      if (spent) return endResponse(tooMany(spent, true));
      // The caller's session or token is looked up in Neo4j: with Neo4j gone, answer the coded 503 the
      // resolvers would give, not the error yoga cannot turn into a response from here.
      let who: Awaited<ReturnType<typeof authenticate>>;
      try {
        who = await authenticate(request, access);
      } catch (e) {
        if (isUnavailable(e)) return endResponse(databaseUnavailable());
        throw e;
      }
      const { principal, problem } = who;
      const key = callerKey(principal, ip);
      const refused = await callers.admit(key);
      if (refused) return endResponse(tooMany(refused, true));
      found.set(request, { principal, problem, key });
    },
  };
  return { plugin, callerOf: (request: Request): Caller | undefined => found.get(request) };
}
