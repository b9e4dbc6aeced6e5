// Sign-in over the server's /auth routes (server/http/auth-routes.ts), beside /graphql: the session cookie
// is set and cleared there. Errors come back as {error: {code, message}}: UNAUTHENTICATED for a wrong name
// or password, LOCKED (with the time) after too many, BAD_INPUT, FORBIDDEN.
import { ApiError, type Fetch } from './client.js';
import type { Role } from './types.js';

export interface SessionUser {
  name: string;
  displayName: string;
  role: Role;
  via: string;
}

export interface SignedIn {
  user: SessionUser;
  /** Echoed in x-huiyan-csrf on every GraphQL request of this session. */
  csrf: string;
}

export interface SignInMethods {
  password: boolean;
  /** The site's identity provider, when it has one: sign-in starts at /auth/oidc/login. */
  oidc: { label: string } | null;
}

export const OIDC_LOGIN = '/auth/oidc/login';

const defaultFetch: Fetch = (input, init) => fetch(input, init);

async function call<T>(fetchImpl: Fetch, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    throw new ApiError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    throw new ApiError(`HTTP_${res.status}`, res.statusText || 'not JSON');
  }
  if (!res.ok) {
    const err = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`,
      typeof err?.message === 'string' ? err.message : '',
    );
  }
  return parsed as T;
}

export function createAuth(fetchImpl: Fetch = defaultFetch) {
  return {
    methods: () => call<SignInMethods>(fetchImpl, 'GET', '/auth/methods'),
    /** The session this browser has, or null when it has none (or it ended). */
    session: async (): Promise<SignedIn | null> => {
      try {
        return await call<SignedIn>(fetchImpl, 'GET', '/auth/session');
      } catch (e) {
        if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return null;
        throw e;
      }
    },
    login: (name: string, password: string) => call<SignedIn>(fetchImpl, 'POST', '/auth/login', { name, password }),
    logout: () => call<{ ok: boolean }>(fetchImpl, 'POST', '/auth/logout'),
    /** Changing the password ends every session of the user; this browser gets a new one, with a new CSRF token. */
    changePassword: (current: string, next: string) =>
      call<{ ok: boolean; csrf: string }>(fetchImpl, 'POST', '/auth/password', { current, next }),
  };
}

export type Auth = ReturnType<typeof createAuth>;
