// The HTTP side of the Prometheus metrics: a yoga plugin that records every response (GraphQL requests by
// operation, their latency and error codes, HTTP statuses by route), and the `/metrics` page itself.
// Who may read /metrics (docs/operations.md): nobody unless configured; a scraper with the bearer token
// HUIYAN_METRICS_TOKEN; or, with HUIYAN_METRICS=loopback, any client on this machine without a token.
import { timingSafeEqual } from 'node:crypto';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { boundedNames, graphqlDuration, graphqlErrors, graphqlRequests, httpResponses, registry } from '../../platform/metrics.js';

export interface MetricsAccess {
  /** Bearer token a scraper sends; unset: no token is accepted. */
  token: string | undefined;
  /** Serve clients on 127.0.0.1 / ::1 without a token. */
  loopback: boolean;
}

/** The operation names a deployment keeps apart; the explorer uses a few dozen. */
const OPERATION_CAP = 200;
/** Codes come from the server's own errors, but a cap costs nothing. */
const CODE_CAP = 50;

/** Route groups, so a scan of random paths adds no series. */
export function routeOf(pathname: string): string {
  if (['/graphql', '/healthz', '/livez', '/readyz', '/metrics', '/graphiql'].includes(pathname)) return pathname.slice(1);
  if (pathname.startsWith('/auth/')) return 'auth';
  return 'static';
}

/** A GraphQL error's code as counted: masked unexpected errors (yoga's INTERNAL_SERVER_ERROR, or none) are INTERNAL. */
function codeOf(e: GraphQLError | { extensions?: Record<string, unknown> }): string {
  const code = e.extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : 'INTERNAL';
}

/** `signedIn` says whether a request's caller was authenticated (server/http/rate-limit.ts found one). */
export function useMetrics(signedIn: (request: Request) => boolean, graphqlPath = '/graphql'): Plugin {
  const operation = boundedNames(OPERATION_CAP);
  const code = boundedNames(CODE_CAP);
  const started = new WeakMap<Request, number>();
  const ops = new WeakMap<Request, string>();
  const errored = new WeakMap<Request, boolean>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      // Only a signed-in caller's operation names get series: an anonymous one cannot use up the cap.
      if (!request || !signedIn(request)) return;
      ops.set(request, operation(getOperationAST(args.document, args.operationName ?? undefined)?.name?.value));
    },
    onResultProcess({ request, result }) {
      // Subscriptions are not served; a batched or streamed result counts by its first part.
      const first = Array.isArray(result) ? result[0] : Symbol.asyncIterator in Object(result) ? undefined : result;
      const errors = (first as { errors?: readonly GraphQLError[] } | undefined)?.errors ?? [];
      for (const e of errors) graphqlErrors.inc({ code: code(codeOf(e)) });
      errored.set(request, errors.length > 0);
    },
    onResponse({ request, response }) {
      const url = new URL(request.url);
      httpResponses.inc({ route: routeOf(url.pathname), status: String(response.status) });
      if (url.pathname !== graphqlPath) return;
      // Refused before the pipeline (too many requests): no result was processed, the status tells.
      if (!errored.has(request) && response.status >= 400)
        graphqlErrors.inc({ code: response.status === 429 ? 'RATE_LIMITED' : `HTTP_${response.status}` });
      // Not executed: refused, or not a valid document. Counted apart from named operations.
      const op = ops.get(request) ?? 'not_executed';
      const failed = errored.get(request) ?? response.status >= 400;
      graphqlRequests.inc({ operation: op, outcome: failed ? 'error' : 'ok' });
      const t0 = started.get(request);
      if (t0 !== undefined) graphqlDuration.observe({ operation: op }, (performance.now() - t0) / 1000);
    },
  };
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The /metrics page in Prometheus text format, or 404 when not enabled, 401 without the right token. */
export async function metricsPage(request: Request, clientIp: string | null, access: MetricsAccess): Promise<Response> {
  if (!access.token && !access.loopback) return new Response('Not found', { status: 404 });
  const auth = request.headers.get('authorization') ?? '';
  const bearer = /^Bearer (.+)$/i.exec(auth)?.[1];
  const allowed =
    (access.token !== undefined && bearer !== undefined && sameToken(bearer, access.token)) ||
    (access.loopback && clientIp !== null && LOOPBACK.has(clientIp));
  if (!allowed)
    return new Response('Unauthorized: send the metrics token as a bearer token (HUIYAN_METRICS_TOKEN)', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="metrics"' },
    });
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
}
