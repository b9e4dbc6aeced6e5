// The one place the explorer talks HTTP. Every call is a named operation POSTed to /graphql on the page's
// own origin (the server serves both), so the server's audit log and error codes name what the UI did.

/** An error the user should see, with the code the API gave it (BAD_INPUT, NOT_FOUND, FORBIDDEN...). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export const ENDPOINT = '/graphql';

/**
 * Runs one operation. A GraphQL error (even next to partial data) is thrown: a half-drawn graph would
 * hide that something is missing, and the case handler has to know.
 */
export async function request<T>(
  operationName: string,
  query: string,
  variables: Record<string, unknown> = {},
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ operationName, query, variables }),
    });
  } catch (e) {
    throw new ApiError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, res.statusText || 'not a GraphQL response');
  }
  return unwrap(body, res.status);
}

/** Pure: turns a GraphQL response body into data or an ApiError carrying the first error's code. */
export function unwrap<T>(body: GraphQLResponse<T>, status = 200): T {
  const first = body.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    throw new ApiError(code, first.message);
  }
  if (body.data == null) throw new ApiError(`HTTP_${status}`, 'empty response');
  return body.data;
}

/** Sends one named operation: `request` over a fetch, or the signed-in Gate (./session.ts). */
export type Runner = <T>(operationName: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A runner from either transport: the Gate in the page, a bare fetch in unit tests. */
export function runnerOf(transport: Fetch | { run: Runner }): Runner {
  return typeof transport === 'function' ? (op, doc, vars = {}) => request(op, doc, vars, transport) : transport.run;
}
