// GraphiQL at /graphiql: the page Vite builds from web/graphiql.html (the graphiql package, bundled; no
// CDN, no inline script), served only to a signed-in person whose role may explore (analysts and admins).
// The page itself holds no data; the API answers its introspection only for such a role in any case.
// Without a session the browser goes to the explorer's sign-in; another role gets a 403 page.
import type { Access } from '../access/access.js';
import { sessionSecret } from '../access/authenticate.js';
import { can } from '../access/roles.js';

export const GRAPHIQL_PATHS: readonly string[] = ['/graphiql', '/graphiql/', '/graphiql.html'];

const forbiddenPage = (role: string) =>
  new Response(
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>慧眼 · GraphiQL</title>
<p>GraphiQL 仅供分析员和管理员使用。当前角色：${role}。</p>
<p>GraphiQL is for analysts and admins; you are signed in as ${role}.</p>
<p><a href="/">返回 Back to the explorer</a></p></html>`,
    { status: 403, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );

/**
 * Answers the GraphiQL paths (null for any other): the built page for a session that may explore.
 * `serve` is the explorer's static handler, asked for /graphiql.html.
 */
export function graphiqlHandler(access: Access, serve: (request: Request, url: URL) => Promise<Response | null>) {
  return async (request: Request, url: URL): Promise<Response | null> => {
    if (!GRAPHIQL_PATHS.includes(url.pathname)) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    // A page load carries the cookie but not the CSRF header; it reads nothing, so the session is enough.
    const secret = sessionSecret(request);
    const session = secret ? await access.sessions.lookup(secret) : null;
    if (!session) return new Response(null, { status: 302, headers: { location: '/', 'cache-control': 'no-store' } });
    if (!can(session.principal.role, 'explore')) return forbiddenPage(session.principal.role);
    const page = await serve(request, new URL('/graphiql.html', url));
    if (!page) return new Response('GraphiQL is not built: run npm run build:web', { status: 404 });
    page.headers.set('cache-control', 'no-store');
    return page;
  };
}
