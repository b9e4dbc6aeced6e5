// Who sent this request: a bearer token (other systems) or the session cookie (people, in the explorer).
// Nothing the caller merely claims (a user or role header) counts. A cookie request must also echo the
// session's CSRF token in x-huiyan-csrf: another site's page can make the browser send the cookie, but
// cannot read the token, and SameSite=Strict keeps most such requests from carrying the cookie at all.
import { parse as parseCookies } from 'cookie';
import type { Access } from './access.js';
import type { Principal } from './principal.js';
import { CSRF_HEADER, SESSION_COOKIE } from './sessions.js';

export interface Authentication {
  principal: Principal | null;
  /** Why a request that tried to authenticate was not: shown in the UNAUTHENTICATED error. */
  problem: string | null;
}

const NONE: Authentication = { principal: null, problem: null };

export function sessionSecret(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  return parseCookies(header)[SESSION_COOKIE] ?? null;
}

export async function authenticate(req: Request, access: Access): Promise<Authentication> {
  const authz = req.headers.get('authorization');
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    if (!m) return { principal: null, problem: 'The Authorization header must be "Bearer <token>"' };
    const principal = await access.tokens.verify(m[1] as string);
    return principal ? { principal, problem: null } : { principal: null, problem: 'The bearer token is unknown, expired or revoked' };
  }
  const secret = sessionSecret(req);
  if (!secret) return NONE;
  const session = await access.sessions.lookup(secret);
  if (!session) return { principal: null, problem: 'The session has ended: sign in again 会话已结束，请重新登录' };
  if (req.headers.get(CSRF_HEADER) !== session.csrf)
    return { principal: null, problem: `A signed-in browser request needs the session's ${CSRF_HEADER} header` };
  return { principal: session.principal, problem: null };
}
