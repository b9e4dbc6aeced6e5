// The only module that reads process.env. Everything else receives a Config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ExternalNeo4j {
  kind: 'external';
  uri: string;
  user: string;
  password: string;
  database: string;
}
export interface EmbeddedNeo4j {
  kind: 'embedded';
  /** Holds lib/ (jars from Maven), and the home folders with data, logs, run and the password file. */
  runtimeDir: string;
  homeDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /**
   * Memory one transaction may use (`db.memory.transaction.max`, HUIYAN_NEO4J_TX_MEMORY; 0: no cap): a runaway
   * model or console query that builds a huge list is stopped by the database with an error instead of filling
   * the heap that every other query shares (docs/models.md "Limits"). Unset, a quarter of the heap and never
   * under 256m (defaultTxMemory).
   */
  txMemory: string;
  /** Extra JVM options for the server and the admin tool (HUIYAN_NEO4J_JVM_OPTS, space-separated). */
  jvmOpts: string[];
  startTimeoutMs: number;
  database: string;
  /** JDK to run it with; unset uses `java` on the PATH. */
  javaHome: string | undefined;
  /** Environment handed to the Java processes (the admin tool needs NEO4J_HOME on top of it). */
  childEnv: Record<string, string | undefined>;
}

export interface Config {
  neo4j: ExternalNeo4j | EmbeddedNeo4j;
  host: string;
  port: number;
  /** Load the synthetic demo county when the database is empty at start. */
  demo: boolean;
  demoPersons: number;
  demoSeed: number;
  /** Key for pseudonymising ID numbers (HMAC); unset keeps raw numbers. */
  pseudonymKey: string | undefined;
  production: boolean;
  /** Host names (`host:port`) the HTTP server answers to; unset: derived from HOST and PORT at start. */
  allowedHosts: string[] | undefined;
  /** Other origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  varDir: string;
  /**
   * The site's own folder (HUIYAN_SITE_DIR; default var/site): models written or imported at this site
   * (`models/`), beside the shipped cypher/models, and the site's policy (parameters, exemptions). Kept out
   * of the repository's shipped folders so an upgrade never overwrites a site's work, and in one place so
   * it can live in the site's own git.
   */
  siteDir: string;
  /** The feed registry (数据备案, docs/feeds.md), HUIYAN_FEEDS; unset: the demo's when the demo is on, else none. */
  feedsFile: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** JSON lines (`json`), lines for a person (`readable`), or readable on a terminal only (`auto`, default): HUIYAN_LOG_FORMAT. */
  logFormat: 'json' | 'readable' | 'auto';
  /** Who may read /metrics (server/http/metrics.ts, docs/operations.md); neither set: nobody, it answers 404. */
  metrics: {
    /** HUIYAN_METRICS_TOKEN: a scraper's bearer token, at least 16 characters. */
    token: string | undefined;
    /** HUIYAN_METRICS=loopback: clients on this machine without a token. */
    loopback: boolean;
  };
  /** Sessions and sign-in (server/access/policy.ts). */
  access: {
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    lockoutAttempts: number;
    lockoutMs: number;
    /** Secure cookies although the server itself speaks HTTP: set behind a TLS proxy (HUIYAN_SECURE_COOKIES=1). */
    secureCookies: boolean;
    /** A verified bearer token is trusted this long without a read (HUIYAN_TOKEN_CACHE_SECONDS, default 5; 0: off). */
    tokenCacheMs: number;
  };
  /** Sign-in through the site's OpenID Connect provider; unset: passwords only. */
  oidc: OidcConfig | undefined;
  /**
   * Reading an entity outside the caller's jurisdiction (HUIYAN_OUTSIDE_JURISDICTION): `reason` (default)
   * allows it with a stated 查询事由 and flags it in the audit trail; `refuse` never allows it.
   */
  outsideJurisdiction: 'reason' | 'refuse';
  /** What one request and one caller may use (server/graphql/cost.ts, server/http/rate-limit.ts). */
  apiLimits: ApiLimits;
  /** Several API servers on one database (docs/deployment.md). */
  cluster: {
    /** How often an API server reads the bookmarks other processes published (HUIYAN_BOOKMARK_POLL_MS); routing URIs only. */
    bookmarkPollMs: number;
    /** Lifetime of the lease that lets one server run the models (HUIYAN_MODELS_LEASE_MS); renewed every third of it. */
    modelsLeaseMs: number;
  };
}

export interface ApiLimits {
  /** Query cost over which a request is refused before it runs (HUIYAN_MAX_QUERY_COST). */
  maxCost: number;
  /** Requests a minute per signed-in user or token (HUIYAN_RATE_REQUESTS). */
  requestsPerMinute: number;
  /** Requests a minute per address without a valid session or token, sign-in attempts included (HUIYAN_RATE_ANONYMOUS). */
  anonymousPerMinute: number;
  /** Seconds of database time a minute per caller (HUIYAN_RATE_DB_SECONDS). */
  dbSecondsPerMinute: number;
  /** Statements one caller may have running at once; more wait (HUIYAN_RATE_CONCURRENT). The pool holds 20. */
  concurrentStatements: number;
}

/**
 * A handler clicking through the explorer never meets these: its heaviest screen (an alert with evidence)
 * costs about 130, a click makes a few requests and spends well under a second of database time. A
 * script in a loop passes 300 requests or 60 database-seconds within the minute, and at 4 statements at
 * once no caller holds more than a fifth of the pool.
 */
export const DEFAULT_API_LIMITS: ApiLimits = {
  maxCost: 5000,
  requestsPerMinute: 300,
  anonymousPerMinute: 60,
  dbSecondsPerMinute: 60,
  concurrentStatements: 4,
};

function apiLimits(env: NodeJS.ProcessEnv): ApiLimits {
  const d = DEFAULT_API_LIMITS;
  const positive = (name: string, dflt: number) => {
    const n = intVar(env, name, dflt);
    if (n < 1) throw new ConfigError(`${name} must be at least 1, got "${env[name]}"`);
    return n;
  };
  return {
    maxCost: positive('HUIYAN_MAX_QUERY_COST', d.maxCost),
    requestsPerMinute: positive('HUIYAN_RATE_REQUESTS', d.requestsPerMinute),
    anonymousPerMinute: positive('HUIYAN_RATE_ANONYMOUS', d.anonymousPerMinute),
    dbSecondsPerMinute: positive('HUIYAN_RATE_DB_SECONDS', d.dbSecondsPerMinute),
    concurrentStatements: positive('HUIYAN_RATE_CONCURRENT', d.concurrentStatements),
  };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  label: string;
  nameClaim: string;
  allowHttp: boolean;
}

function oidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | undefined {
  const issuer = env.HUIYAN_OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.HUIYAN_OIDC_CLIENT_ID;
  const clientSecret = env.HUIYAN_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret)
    throw new ConfigError('HUIYAN_OIDC_ISSUER is set: set HUIYAN_OIDC_CLIENT_ID and HUIYAN_OIDC_CLIENT_SECRET too');
  const allowHttp = env.HUIYAN_OIDC_ALLOW_HTTP === '1';
  if (!allowHttp && !issuer.startsWith('https://'))
    throw new ConfigError('HUIYAN_OIDC_ISSUER must be https:// (HUIYAN_OIDC_ALLOW_HTTP=1 allows a provider on plain HTTP, for tests)');
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: env.HUIYAN_OIDC_REDIRECT_URI ?? `${publicUrl.replace(/\/$/, '')}/auth/oidc/callback`,
    label: env.HUIYAN_OIDC_LABEL ?? '统一身份认证 Single sign-on',
    nameClaim: env.HUIYAN_OIDC_NAME_CLAIM ?? 'preferred_username',
    allowHttp,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

const UNIT_MIB: Record<string, number> = { '': 1 / 2 ** 20, k: 1 / 1024, m: 1, g: 1024 };

/**
 * The transaction memory cap when none is set: a quarter of the heap, never under 256m. A fixed 256m was
 * sized for the default 1g heap; under a heap raised for a big county (3g for 1,000,000 persons) it stopped
 * models whose working set grows with the county while three quarters of the heap stayed for the other
 * transactions. A quarter still leaves room for two models side by side and the API's queries.
 */
export function defaultTxMemory(heap: string): string {
  const [, n, unit] = /^(\d+)([kmg]?)$/.exec(heap) ?? [];
  const mib = Math.floor((Number(n) * UNIT_MIB[unit ?? '']!) / 4);
  return `${Math.max(256, mib)}m`;
}

function sizeVar(env: NodeJS.ProcessEnv, name: string, dflt: string): string {
  const raw = env[name] ?? dflt;
  if (!/^\d+[kmgKMG]?$/.test(raw)) throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}"`);
  return raw.toLowerCase();
}

function outsidePolicy(raw: string | undefined): Config['outsideJurisdiction'] {
  const v = (raw || 'reason').toLowerCase();
  if (v === 'reason' || v === 'refuse') return v;
  throw new ConfigError(`HUIYAN_OUTSIDE_JURISDICTION must be reason or refuse, got "${raw}"`);
}

function logLevel(raw: string | undefined): Config['logLevel'] {
  const v = (raw ?? 'info').toLowerCase();
  if (v === 'debug' || v === 'info' || v === 'warn' || v === 'error') return v;
  throw new ConfigError(`HUIYAN_LOG_LEVEL must be debug, info, warn or error, got "${raw}"`);
}

function logFormat(raw: string | undefined): Config['logFormat'] {
  const v = (raw || 'auto').toLowerCase();
  if (v === 'json' || v === 'readable' || v === 'auto') return v;
  throw new ConfigError(`HUIYAN_LOG_FORMAT must be json, readable or auto, got "${raw}"`);
}

function metricsAccess(env: NodeJS.ProcessEnv): Config['metrics'] {
  const token = env.HUIYAN_METRICS_TOKEN || undefined;
  // A bearer token is all that guards the figures: a short one could be guessed.
  if (token !== undefined && (token.length < 16 || /\s/.test(token)))
    throw new ConfigError('HUIYAN_METRICS_TOKEN must be at least 16 characters without spaces (e.g. openssl rand -hex 24)');
  const mode = (env.HUIYAN_METRICS ?? '').toLowerCase();
  if (mode !== '' && mode !== 'loopback') throw new ConfigError(`HUIYAN_METRICS must be loopback or unset, got "${env.HUIYAN_METRICS}"`);
  return { token, loopback: mode === 'loopback' };
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function originList(raw: string | undefined): string[] {
  const origins = list(raw);
  for (const o of origins) {
    // An origin is scheme://host[:port] exactly as a browser sends it: no path, no trailing slash, no '*'.
    if (!/^https?:\/\/[^/\s*]+$/.test(o))
      throw new ConfigError(`HUIYAN_CORS_ORIGINS: "${o}" is not an origin such as https://portal.example.org`);
  }
  return origins;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const runtimeDir = path.resolve(env.HUIYAN_NEO4J_RUNTIME ?? path.join(ROOT, '.neo4j'));
  let neo4j: Config['neo4j'];
  if (env.NEO4J_URI) {
    if (!env.NEO4J_PASSWORD)
      throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: set both, or unset NEO4J_URI to use the embedded Neo4j');
    neo4j = {
      kind: 'external',
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE ?? 'neo4j',
    };
  } else {
    const heap = sizeVar(env, 'HUIYAN_NEO4J_HEAP', '1g');
    neo4j = {
      kind: 'embedded',
      runtimeDir,
      homeDir: path.resolve(env.HUIYAN_NEO4J_HOME ?? path.join(runtimeDir, 'home')),
      boltPort: intVar(env, 'HUIYAN_NEO4J_BOLT_PORT', 7687),
      heap,
      pageCache: sizeVar(env, 'HUIYAN_NEO4J_PAGECACHE', '512m'),
      txMemory: sizeVar(env, 'HUIYAN_NEO4J_TX_MEMORY', defaultTxMemory(heap)),
      jvmOpts: (env.HUIYAN_NEO4J_JVM_OPTS ?? '').split(/\s+/).filter(Boolean),
      startTimeoutMs: intVar(env, 'HUIYAN_NEO4J_START_TIMEOUT', 120) * 1000,
      database: 'neo4j',
      javaHome: env.JAVA_HOME || undefined,
      childEnv: { ...env },
    };
  }
  const host = env.HOST ?? '127.0.0.1';
  const port = intVar(env, 'PORT', 4000);
  const publicUrl = env.HUIYAN_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    neo4j,
    host,
    port,
    demo: (env.HUIYAN_DEMO ?? '1') !== '0',
    demoPersons: intVar(env, 'HUIYAN_DEMO_PERSONS', 400),
    demoSeed: intVar(env, 'HUIYAN_DEMO_SEED', 7),
    pseudonymKey: env.HUIYAN_PSEUDONYM_KEY || undefined,
    production: env.NODE_ENV === 'production',
    allowedHosts: env.HUIYAN_ALLOWED_HOSTS ? list(env.HUIYAN_ALLOWED_HOSTS).map((h) => h.toLowerCase()) : undefined,
    corsOrigins: originList(env.HUIYAN_CORS_ORIGINS),
    varDir: path.resolve(env.HUIYAN_VAR ?? path.join(ROOT, 'var')),
    siteDir: path.resolve(env.HUIYAN_SITE_DIR ?? path.join(env.HUIYAN_VAR ?? path.join(ROOT, 'var'), 'site')),
    feedsFile: env.HUIYAN_FEEDS ? path.resolve(env.HUIYAN_FEEDS) : undefined,
    logLevel: logLevel(env.HUIYAN_LOG_LEVEL),
    logFormat: logFormat(env.HUIYAN_LOG_FORMAT),
    metrics: metricsAccess(env),
    access: {
      sessionIdleMs: intVar(env, 'HUIYAN_SESSION_IDLE_MINUTES', 30) * 60_000,
      sessionAbsoluteMs: intVar(env, 'HUIYAN_SESSION_HOURS', 12) * 3600_000,
      lockoutAttempts: Math.max(1, intVar(env, 'HUIYAN_LOCKOUT_ATTEMPTS', 5)),
      lockoutMs: intVar(env, 'HUIYAN_LOCKOUT_MINUTES', 15) * 60_000,
      secureCookies: env.HUIYAN_SECURE_COOKIES === '1',
      tokenCacheMs: intVar(env, 'HUIYAN_TOKEN_CACHE_SECONDS', 5) * 1000,
    },
    oidc: oidcConfig(env, publicUrl),
    outsideJurisdiction: outsidePolicy(env.HUIYAN_OUTSIDE_JURISDICTION),
    apiLimits: apiLimits(env),
    cluster: {
      bookmarkPollMs: Math.max(100, intVar(env, 'HUIYAN_BOOKMARK_POLL_MS', 1000)),
      modelsLeaseMs: Math.max(3000, intVar(env, 'HUIYAN_MODELS_LEASE_MS', 30_000)),
    },
  };
}

/**
 * The Neo4j the test suites use. Tests wipe their database, so they never take NEO4J_URI (that may be
 * someone's real data): an external server for tests is named separately, by HUIYAN_TEST_NEO4J_URI.
 * Without it every suite starts the embedded server in a home of its own under the runtime folder.
 */
export function loadTestConfig(suite: string, env: NodeJS.ProcessEnv = process.env): Config {
  const base = { ...env };
  delete base.NEO4J_URI;
  if (env.HUIYAN_TEST_NEO4J_URI) {
    base.NEO4J_URI = env.HUIYAN_TEST_NEO4J_URI;
    base.NEO4J_USER = env.HUIYAN_TEST_NEO4J_USER ?? 'neo4j';
    base.NEO4J_PASSWORD = env.HUIYAN_TEST_NEO4J_PASSWORD ?? '';
    base.NEO4J_DATABASE = env.HUIYAN_TEST_NEO4J_DATABASE ?? 'neo4j';
  } else {
    const runtimeDir = path.resolve(env.HUIYAN_NEO4J_RUNTIME ?? path.join(ROOT, '.neo4j'));
    base.HUIYAN_NEO4J_HOME = path.join(runtimeDir, `test-${suite}`);
    base.HUIYAN_NEO4J_BOLT_PORT = '0';
    base.HUIYAN_NEO4J_HEAP = env.HUIYAN_TEST_NEO4J_HEAP ?? '1g';
    base.HUIYAN_NEO4J_PAGECACHE = env.HUIYAN_TEST_NEO4J_PAGECACHE ?? '256m';
  }
  base.HUIYAN_VAR = path.join(ROOT, 'var', `test-${suite}`);
  return loadConfig(base);
}
