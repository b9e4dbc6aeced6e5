// Builds the HTTP application from what it is given: no environment, no listening, no driver creation.
// Tests call `app.fetch(new Request(...))`; bin/server.ts does `createServer(app).listen(...)`.
import path from 'node:path';
import { createYoga, maskError, type YogaLogger } from 'graphql-yoga';
import { ROOT } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import { buildContext, type ApiDeps, type ModelCatalog } from './graphql/context.js';
import { DEFAULT_LIMITS, useLimits, type Limits } from './graphql/limits.js';
import { buildSchema } from './graphql/schema.js';
import { databaseUnavailable, useCodedVariableErrors } from './graphql/errors.js';
import { useCostLimit } from './graphql/cost.js';
import { CallerLimits, DEFAULT_RATE_LIMITS, rateLimitedError, useCallerLimits, type RateLimits } from './http/rate-limit.js';
import type { GraphSchema } from '../platform/schema/graph-schema.js';
import { corsFor, hostAllowed, withSecurityHeaders } from './http/guard.js';
import { authRoutes, type AuthEventSink } from './http/auth-routes.js';
import type { Access } from './access/access.js';
import type { StartupProgress } from './startup-progress.js';
import { useAuthRequired } from './graphql/auth.js';
import { staticHandler } from './http/static.js';
import { graphiqlHandler } from './http/graphiql.js';
import type { AuditTrail } from './audit/trail.js';
import { authEventRecorder } from './audit/auth-events.js';
import { useAuditTrail } from './graphql/audit/plugin.js';
import { liveness, readiness } from './http/health.js';
import { metricsPage, useMetrics, type MetricsAccess } from './http/metrics.js';
import { useRequestIds } from './http/request-id.js';

export interface AppOptions {
  executor: Executor;
  /** The demo load and first model runs going on behind the API, shown in /healthz. */
  startup?: StartupProgress;
  /** Users, sessions and tokens: who may call. */
  access: Access;
  /** Sign-ins and sign-outs, for the audit trail. */
  onAuthEvent?: AuthEventSink;
  graphSchema: GraphSchema;
  models: ModelCatalog;
  /** The built explorer; default <ROOT>/dist/web. */
  webDir?: string;
  logger?: YogaLogger;
  /** Production mode (introspection and GraphiQL follow the caller's role in either mode). */
  production?: boolean;
  personKey?: ApiDeps['personKey'];
  readTimeoutMs?: number;
  limits?: Partial<Limits>;
  /** Requests, database time and statements at once per caller (platform/config.ts has the defaults). */
  rateLimits?: Partial<RateLimits>;
  runner?: ApiDeps['runner'];
  outsideJurisdiction?: ApiDeps['outsideJurisdiction'];
  /** Host names (`host:port`) the server answers to; unset: no check (an app called through `app.fetch`). */
  allowedHosts?: readonly string[];
  /** Other origins whose pages may call the API from a browser; none by default (same origin only). */
  corsOrigins?: readonly string[];
  /** Every read of personal data, every change, sign-in and refusal is recorded here (docs/audit.md). */
  audit?: AuditTrail;
  /** Who may read /metrics; unset: nobody (404). */
  metrics?: MetricsAccess;
  /** The feed registry and rejects folder (docs/feeds.md). */
  feeds?: ApiDeps['feeds'];
  /** The site's policy, library and folder (policy, exemptions, model packages); unset: those are refused. */
  site?: ApiDeps['site'];
  workbench?: ApiDeps['workbench'];
}

export function createApp(opts: AppOptions) {
  const logger = opts.logger ?? console;
  const deps: ApiDeps = {
    executor: opts.executor,
    access: opts.access,
    graphSchema: opts.graphSchema,
    models: opts.models,
    personKey: opts.personKey,
    readTimeoutMs: opts.readTimeoutMs,
    runner: opts.runner,
    outsideJurisdiction: opts.outsideJurisdiction,
    auditTrail: opts.audit,
    feeds: opts.feeds,
    site: opts.site,
    workbench: opts.workbench,
  };
  const recordAuth = opts.audit ? authEventRecorder(opts.audit, logger) : undefined;
  // The sign-in routes see a Request only; the socket's address is looked up by it.
  const ips = new WeakMap<Request, string | null>();
  const auth = authRoutes(opts.access, {
    onEvent: (e) => {
      recordAuth?.(e);
      opts.onAuthEvent?.(e);
    },
    clientIp: (req) => ips.get(req) ?? null,
  });
  const serveStatic = staticHandler(opts.webDir ?? path.join(ROOT, 'dist', 'web'));
  const graphiql = graphiqlHandler(opts.access, serveStatic);
  const ready = { executor: opts.executor, graphSchema: opts.graphSchema, startup: opts.startup, logger };
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const callers = new CallerLimits({ ...DEFAULT_RATE_LIMITS, ...opts.rateLimits });
  const { plugin: admitCallers, callerOf } = useCallerLimits(opts.access, callers);
  const { plugin: requestIds, requestIdOf } = useRequestIds();
  const metricsAccess = opts.metrics ?? { token: undefined, loopback: false };

  return createYoga({
    schema: buildSchema(),
    context: async (initial) => {
      const caller = callerOf(initial.request);
      // Every /graphql request was admitted (and authenticated) by useCallerLimits before it got here.
      if (!caller) throw new Error('a GraphQL request that the caller limits did not admit');
      // Every statement of this request counts against the caller's database time and concurrency.
      const metered = { ...deps, executor: callers.meter(deps.executor, caller.key, rateLimitedError) };
      return { ...buildContext(metered, initial, caller.principal, requestIdOf(initial.request) ?? null), authProblem: caller.problem };
    },
    logging: logger,
    // GraphiQL is the project's own page (/graphiql, built by Vite; server/http/graphiql.ts), not yoga's CDN copy.
    graphiql: false,
    landingPage: false,
    cors: corsFor(opts.corsOrigins ?? []),
    // Unexpected errors reach the caller as "Unexpected error." and the log with their stack. isDev is
    // pinned off so NODE_ENV=development cannot leak internals into responses either.
    maskedErrors: {
      maskError(error, message) {
        // Neo4j gone is expected in operation (a restart, a network cut): coded, logged as a warning.
        const unavailable = databaseUnavailable(error);
        if (unavailable) {
          logger.warn('Neo4j unavailable during a GraphQL request', (error as Error).message);
          return unavailable;
        }
        const masked = maskError(error, message, false);
        if (masked !== error) logger.error('unexpected error in a GraphQL request', error);
        return masked;
      },
    },
    plugins: [
      // First: every later hook, log line and response of the request knows its id, and every response is counted.
      requestIds,
      useMetrics((request) => Boolean(callerOf(request)?.principal)),
      {
        // Before anything else: a Host the server does not answer to (DNS rebinding) gets nothing.
        onRequest({ request, endResponse }) {
          if (!hostAllowed(request, opts.allowedHosts)) endResponse(new Response('Misdirected request', { status: 421 }));
        },
        onResponse({ response }) {
          withSecurityHeaders(response);
        },
      },
      // One record per request that read personal data, changed something or was refused (server/graphql/audit).
      ...(opts.audit ? [useAuditTrail(opts.audit, logger)] : []),
      // Who is calling, and whether they are over their requests or database time: before parsing.
      admitCallers,
      useAuthRequired(),
      // Depth, aliases, tokens; introspection and "Did you mean …" only for roles that may explore.
      useLimits(limits, (ctx) => callerOf(ctx.request)?.principal ?? null),
      useCostLimit(limits.maxCost),
      useCodedVariableErrors(),
      {
        // Everything that is not /graphql: health, then the explorer's files.
        async onRequest({ request, url, endResponse, serverContext }) {
          if (url.pathname === '/graphql') return;
          if (url.pathname === '/livez') return endResponse(liveness());
          if (url.pathname === '/readyz' || url.pathname === '/healthz') return endResponse(await readiness(ready));
          const ip = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress ?? null;
          if (url.pathname === '/metrics') return endResponse(await metricsPage(request, ip, metricsAccess));
          ips.set(request, ip);
          const authed = await auth(request, url);
          if (authed) return endResponse(authed);
          const page = await graphiql(request, url);
          if (page) return endResponse(page);
          const res = await serveStatic(request, url);
          endResponse(res ?? new Response('Not found', { status: 404 }));
        },
      },
    ],
  });
}

export type App = ReturnType<typeof createApp>;
