// Sign-in over plain HTTP, beside /graphql: the session cookie is set and cleared here, where a response
// is ours to shape (a GraphQL mutation cannot set a cookie without reaching around the server).
//   GET  /auth/methods         which ways to sign in this site offers (password, the identity provider)
//   POST /auth/login           {name, password} → session cookie, and the CSRF token the page echoes
//   GET  /auth/session         the signed-in user and the CSRF token again (after a reload)
//   POST /auth/logout          ends the session
//   POST /auth/password        {current, next}: the signed-in user changes their password
//   GET  /auth/oidc/login      → the identity provider;  GET /auth/oidc/callback ← back from it
// Errors are JSON {error: {code, message}} with 400, 401, 403 or 423.
import { parse as parseCookies, serialize } from 'cookie';
import type { Access } from '../access/access.js';
import { sessionSecret } from '../access/authenticate.js';
import type { Principal } from '../access/principal.js';
import { SESSION_COOKIE } from '../access/sessions.js';
import { CodedError, type ErrorCode } from '../../platform/errors.js';

/** Told of every sign-in, failed sign-in and sign-out, for the audit trail. */
export type AuthEventSink = (e: { action: string; user: string; ok: boolean; ip: string | null; detail?: string }) => void;

const STATUS: Partial<Record<ErrorCode, number>> = { BAD_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, LOCKED: 423, NOT_FOUND: 404 };
const OIDC_STATE_COOKIE = 'huiyan_oidc';

const fail = (code: ErrorCode, message: string) => Response.json({ error: { code, message } }, { status: STATUS[code] ?? 400 });

function failure(e: unknown): Response {
  if (e instanceof CodedError) return fail(e.code, e.message);
  throw e;
}

/** A cookie the browser keeps for this server only, out of scripts' reach, sent on same-site requests only. */
function cookie(name: string, value: string, secure: boolean, maxAgeSec?: number): string {
  return serialize(name, value, {
    httpOnly: true,
    sameSite: name === OIDC_STATE_COOKIE ? 'lax' : 'strict',
    secure,
    path: '/',
    ...(maxAgeSec !== undefined ? { maxAge: maxAgeSec } : {}),
  });
}

/**
 * Sign-in forms posted from another site (login CSRF) are refused: a browser names the page's origin in
 * Origin on every POST, and it must be this server's own.
 */
function sameOrigin(req: Request, url: URL): boolean {
  const origin = req.headers.get('origin');
  return origin === null || origin === url.origin || origin === `${url.protocol}//${req.headers.get('host') ?? ''}`;
}

async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
    throw new CodedError('BAD_INPUT', 'Send application/json');
  try {
    const v = (await req.json()) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* falls through to the error below */
  }
  throw new CodedError('BAD_INPUT', 'The body must be a JSON object');
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v === '') throw new CodedError('BAD_INPUT', `${what} is required`);
  return v;
};

export const userView = (p: Principal) => ({ name: p.id, displayName: p.displayName, role: p.role, via: p.via });

export function authRoutes(access: Access, opts: { onEvent?: AuthEventSink; clientIp?: (req: Request) => string | null } = {}) {
  const event = opts.onEvent ?? (() => {});
  const ipOf = opts.clientIp ?? (() => null);
  const secureFor = (url: URL) => access.policy.secureCookies || url.protocol === 'https:';
  const sessionCookie = (url: URL, secret: string) =>
    cookie(SESSION_COOKIE, secret, secureFor(url), Math.floor(access.policy.sessionAbsoluteMs / 1000));

  return async function handle(req: Request, url: URL): Promise<Response | null> {
    if (!url.pathname.startsWith('/auth/')) return null;
    const route = `${req.method} ${url.pathname}`;
    try {
      switch (route) {
        case 'GET /auth/methods':
          return Response.json({ password: true, oidc: access.oidc ? { label: access.oidc.label } : null });

        case 'POST /auth/login': {
          if (!sameOrigin(req, url)) return fail('FORBIDDEN', 'Sign-in from another site is refused');
          const body = await jsonBody(req);
          const name = str(body.name, 'name');
          let user;
          try {
            user = await access.users.verifyPassword(name, str(body.password, 'password'));
          } catch (e) {
            event({ action: 'auth.login', user: name, ok: false, ip: ipOf(req), detail: e instanceof CodedError ? e.code : 'error' });
            throw e;
          }
          const { secret, csrf } = await access.sessions.open(name, 'password');
          event({ action: 'auth.login', user: name, ok: true, ip: ipOf(req) });
          return Response.json(
            // The user just verified is what the new session stands for: no second read to say so.
            { user: { name: user.name, displayName: user.displayName, role: user.role, via: 'password' }, csrf },
            { headers: { 'set-cookie': sessionCookie(url, secret), 'cache-control': 'no-store' } },
          );
        }

        case 'GET /auth/session': {
          const secret = sessionSecret(req);
          const s = secret ? await access.sessions.lookup(secret) : null;
          if (!s) return fail('UNAUTHENTICATED', 'Not signed in 未登录');
          return Response.json({ user: userView(s.principal), csrf: s.csrf }, { headers: { 'cache-control': 'no-store' } });
        }

        case 'POST /auth/logout': {
          if (!sameOrigin(req, url)) return fail('FORBIDDEN', 'Sign-out from another site is refused');
          const secret = sessionSecret(req);
          if (secret) {
            const s = await access.sessions.lookup(secret);
            await access.sessions.close(secret);
            if (s) event({ action: 'auth.logout', user: s.principal.id, ok: true, ip: ipOf(req) });
          }
          return Response.json({ ok: true }, { headers: { 'set-cookie': cookie(SESSION_COOKIE, '', secureFor(url), 0) } });
        }

        case 'POST /auth/password': {
          if (!sameOrigin(req, url)) return fail('FORBIDDEN', 'Refused from another site');
          const secret = sessionSecret(req);
          const s = secret ? await access.sessions.lookup(secret) : null;
          if (!s) return fail('UNAUTHENTICATED', 'Not signed in 未登录');
          const body = await jsonBody(req);
          await access.users.verifyPassword(s.principal.id, str(body.current, 'current'));
          await access.users.setPassword(s.principal.id, str(body.next, 'next'));
          event({ action: 'auth.password', user: s.principal.id, ok: true, ip: ipOf(req) });
          // Every session of the user ended with the change; this browser gets a fresh one.
          const fresh = await access.sessions.open(s.principal.id, 'password');
          return Response.json({ ok: true, csrf: fresh.csrf }, { headers: { 'set-cookie': sessionCookie(url, fresh.secret) } });
        }

        case 'GET /auth/oidc/login': {
          if (!access.oidc) return fail('NOT_FOUND', 'No identity provider is configured');
          const { url: to, state } = await access.oidc.start();
          return new Response(null, {
            status: 302,
            headers: { location: to, 'set-cookie': cookie(OIDC_STATE_COOKIE, state, secureFor(url), 600) },
          });
        }

        case 'GET /auth/oidc/callback': {
          if (!access.oidc) return fail('NOT_FOUND', 'No identity provider is configured');
          const state = url.searchParams.get('state') ?? '';
          // The state must be the one this browser was given when it left: a callback link planted by
          // someone else (to sign the victim in as them) carries another.
          const mine = parseCookies(req.headers.get('cookie') ?? '')[OIDC_STATE_COOKIE];
          if (!state || state !== mine) return fail('UNAUTHENTICATED', 'This sign-in was not started in this browser: try again');
          const id = await access.oidc.finish(url, state);
          let user = await access.users.bySubject(id.subject);
          if (!user && id.name) {
            const byName = await access.users.get(id.name);
            // The first sign-in binds the provider's subject to the huiyan user of that name; later ones
            // go by the subject, so a renamed account at the provider cannot take over another user.
            if (byName && !byName.oidcSubject) user = await access.users.update(byName.name, { oidcSubject: id.subject });
          }
          if (!user || user.disabled) {
            event({ action: 'auth.oidc', user: id.name ?? id.subject, ok: false, ip: ipOf(req), detail: 'not a huiyan user' });
            return fail('FORBIDDEN', `${id.name ?? id.subject} is not a huiyan user here: ask an administrator 未在本系统登记`);
          }
          await access.users.signedIn(user.name);
          const { secret } = await access.sessions.open(user.name, 'oidc');
          event({ action: 'auth.oidc', user: user.name, ok: true, ip: ipOf(req) });
          const headers = new Headers({ location: '/' });
          headers.append('set-cookie', sessionCookie(url, secret));
          headers.append('set-cookie', cookie(OIDC_STATE_COOKIE, '', secureFor(url), 0));
          return new Response(null, { status: 302, headers });
        }

        default:
          return fail('NOT_FOUND', `No route ${route}`);
      }
    } catch (e) {
      return failure(e);
    }
  };
}
