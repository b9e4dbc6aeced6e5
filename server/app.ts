// Builds the HTTP application from what it is given: no environment, no listening, no driver creation.
// Tests call `app.fetch(new Request(...))`; bin/server.ts does `createServer(app).listen(...)`.
import path from 'node:path';
import { createYoga, maskError, type YogaLogger } from 'graphql-yoga';
import { ROOT } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import { buildContext, type ApiDeps, type ModelCatalog } from './graphql/context.js';
import { DEFAULT_LIMITS, useLimits, type Limits } from './graphql/limits.js';
import { buildSchema } from './graphql/schema.js';
import { useCodedVariableErrors } from './graphql/errors.js';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import type { GraphSchema } from '../platform/schema/graph-schema.js';
import { corsFor, hostAllowed, withSecurityHeaders } from './http/guard.js';
import { authRoutes, type AuthEventSink } from './http/auth-routes.js';
import { authenticate } from './access/authenticate.js';
import type { Access } from './access/access.js';
import { useAuthRequired } from './graphql/auth.js';
import { staticHandler } from './http/static.js';
import type { AuditTrail } from './audit/trail.js';
import { authEventRecorder } from './audit/auth-events.js';
import { useAuditTrail } from './graphql/audit/plugin.js';

export interface AppOptions {
  executor: Executor;
  /** Users, sessions and tokens: who may call. */
  access: Access;
  /** Sign-ins and sign-outs, for the audit trail. */
  onAuthEvent?: AuthEventSink;
  graphSchema: GraphSchema;
  models: ModelCatalog;
  /** The built explorer; default <ROOT>/dist/web. */
  webDir?: string;
  logger?: YogaLogger;
  /** Turns off introspection and GraphiQL. */
  production?: boolean;
  personKey?: ApiDeps['personKey'];
  readTimeoutMs?: number;
  limits?: Partial<Limits>;
  runner?: ApiDeps['runner'];
  /** Host names (`host:port`) the server answers to; unset: no check (an app called through `app.fetch`). */
  allowedHosts?: readonly string[];
  /** Other origins whose pages may call the API from a browser; none by default (same origin only). */
  corsOrigins?: readonly string[];
  /** Every read of personal data, every change, sign-in and refusal is recorded here (docs/audit.md). */
  audit?: AuditTrail;
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
    auditTrail: opts.audit,
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

  return createYoga({
    schema: buildSchema(),
    context: async (initial) => {
      const { principal, problem } = await authenticate(initial.request, opts.access);
      return { ...buildContext(deps, initial, principal), authProblem: problem };
    },
    logging: logger,
    graphiql: !opts.production,
    landingPage: false,
    cors: corsFor(opts.corsOrigins ?? []),
    // Unexpected errors reach the caller as "Unexpected error." and the log with their stack. isDev is
    // pinned off so NODE_ENV=development cannot leak internals into responses either.
    maskedErrors: {
      maskError(error, message) {
        const masked = maskError(error, message, false);
        if (masked !== error) logger.error('unexpected error in a GraphQL request', error);
        return masked;
      },
    },
    plugins: [
      {
        // Before anything else: a Host the server does not answer to (DNS rebinding) gets nothing.
        onRequest({ request, endResponse }) {
          if (!hostAllowed(request, opts.allowedHosts)) endResponse(new Response('Misdirected request', { status: 421 }));
        },
        onResponse({ request, response }) {
          // GraphiQL (development mode only) is an inline-script page loading from a CDN; every other
          // response carries the full policy.
          if (new URL(request.url).pathname === '/graphql' && response.headers.get('content-type')?.startsWith('text/html')) return;
          withSecurityHeaders(response);
        },
      },
      // One record per request that read personal data, changed something or was refused (server/graphql/audit).
      ...(opts.audit ? [useAuditTrail(opts.audit, logger)] : []),
      useAuthRequired(),
      useLimits({ ...DEFAULT_LIMITS, ...opts.limits }, { introspection: !opts.production }),
      useCodedVariableErrors(),
      // In production a refused field name is not answered with the names that exist ("Did you mean …").
      ...(opts.production ? [blockFieldSuggestionsPlugin({ mask: '' })] : []),
      {
        // Everything that is not /graphql: health, then the explorer's files.
        async onRequest({ request, url, endResponse, serverContext }) {
          if (url.pathname === '/graphql') return;
          if (url.pathname === '/healthz') return endResponse(await health(opts.executor, logger));
          ips.set(request, (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress ?? null);
          const authed = await auth(request, url);
          if (authed) return endResponse(authed);
          const res = await serveStatic(request, url);
          endResponse(res ?? new Response('Not found', { status: 404 }));
        },
      },
    ],
  });
}

export type App = ReturnType<typeof createApp>;

async function health(executor: Executor, logger: YogaLogger): Promise<Response> {
  try {
    const info = await executor.serverInfo();
    return Response.json({ ok: true, neo4j: info.version });
  } catch (e) {
    logger.warn('health check: Neo4j not reachable', e);
    return Response.json({ ok: false, neo4j: null }, { status: 503 });
  }
}
