// The HTTP surface every response passes: which Host names the server answers to, which other origins
// may call the API from a browser (none unless an admin lists them; an Origin is never echoed back
// just because it asked), and the security headers on every response.
import type { CORSOptions } from 'graphql-yoga';

/**
 * Content-Security-Policy for the explorer and the API. No inline script anywhere; inline style is
 * allowed because Cytoscape injects one `<style>` rule (its container's position) at start.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // data: for the fonts GraphiQL's stylesheet carries inline (a font cannot run script).
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Sets the security headers on a response, keeping any the handler set itself. */
export function withSecurityHeaders(res: Response): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!res.headers.has(k)) res.headers.set(k, v);
}

/** `host[:port]`, lower-case, as a Host header carries it. */
const normalHost = (h: string): string => h.trim().toLowerCase().replace(/\.$/, '');

/**
 * Whether the request's Host is one the server answers to. A request naming another host is how DNS
 * rebinding reaches a server on loopback, so it is refused. `allowed` undefined: no check (an app built
 * in a test and called through `app.fetch`).
 */
export function hostAllowed(request: Request, allowed: readonly string[] | undefined): boolean {
  if (!allowed) return true;
  const host = request.headers.get('host');
  if (host === null) return false;
  return allowed.includes(normalHost(host));
}

/** The Host names a server listening on host:port answers to when no list is configured. */
export function defaultHosts(host: string, port: number, machineNames: readonly string[] = []): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const names = wildcard ? [...loopback, ...machineNames] : host === '127.0.0.1' || host === 'localhost' ? loopback : [host];
  const hosts = [...new Set(names.map((n) => normalHost(n.includes(':') && !n.startsWith('[') ? `[${n}]` : n)))];
  // A browser leaves the port out of Host when it is the scheme's default.
  return hosts.flatMap((n) => (port === 80 || port === 443 ? [n, `${n}:${port}`] : [`${n}:${port}`]));
}

/**
 * CORS for yoga: same origin only, unless the request's Origin is on the configured list, which is then
 * allowed by name (never `*`, never the Origin echoed without the list).
 */
export function corsFor(origins: readonly string[]) {
  return (request: Request): CORSOptions => {
    const origin = request.headers.get('origin');
    if (origin === null || !origins.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      // The headers a listed origin's page needs: a bearer token, the session's CSRF token, the 查询事由.
      allowedHeaders: ['content-type', 'accept', 'authorization', 'x-huiyan-csrf', 'x-huiyan-reason'],
      maxAge: 600,
    };
  };
}
