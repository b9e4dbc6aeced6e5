// GraphiQL for analysts and admins, built by Vite from the graphiql package (no CDN, no inline script, so
// the page runs under the same Content-Security-Policy as the explorer). It calls /graphql with the
// session cookie and the session's CSRF token, as the explorer does; the server serves this page only to
// a signed-in role that may explore, and answers introspection only for such a role.
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import './style.css';

const CSRF_HEADER = 'x-huiyan-csrf';
type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** The CSRF token of the current session; none: back to the explorer's sign-in. */
async function sessionCsrf(): Promise<string | null> {
  const res = await fetch('/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) return null;
  const body = (await res.json()) as { csrf?: unknown };
  return typeof body.csrf === 'string' ? body.csrf : null;
}

async function start(host: HTMLElement): Promise<void> {
  const csrf = await sessionCsrf();
  if (!csrf) {
    window.location.assign('/');
    return;
  }
  const fetcher: Fetcher = async (params, opts) => {
    const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' });
    // Headers typed into GraphiQL's header editor (x-huiyan-reason, for one) go along.
    for (const [k, v] of Object.entries(opts?.headers ?? {})) if (typeof v === 'string') headers.set(k, v);
    headers.set(CSRF_HEADER, csrf);
    const res = await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(params) });
    return (await res.json()) as Record<string, unknown>;
  };
  host.textContent = '';
  createRoot(host).render(createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: 'headers' }));
}

const host = document.getElementById('graphiql');
if (host) void start(host);
