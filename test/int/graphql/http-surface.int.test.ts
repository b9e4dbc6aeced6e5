// The API's HTTP surface against a real Neo4j: the query cost limit (the issue's reproduction refused),
// per-caller rate limits and database time, introspection and field suggestions only for roles that may
// explore, coded 401/403, and every root operation refused without authentication, so a new resolver
// cannot forget.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connection, harnessOn, startHarness, type Harness, type Loose } from './harness.js';
import { Executor } from '../../../platform/db/executor.js';
import { buildSchema } from '../../../server/graphql/schema.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../server/access/sessions.js';
import { everyRootOperation } from '../../unit/graphql/dummy-operations.js';
import type { App } from '../../../server/app.js';
import { CSP } from '../../../server/http/guard.js';
import { ROOT } from '../../../platform/config.js';

let h: Harness;
let prod: Harness;
// Requests through app.fetch come from no address at all, so every unauthenticated one in this file is
// counted against one key: the enumeration below sends a few hundred.
const MANY = { anonymousPerMinute: 10_000 };
beforeAll(async () => {
  h = await startHarness({ rateLimits: MANY });
  prod = harnessOn(h.executor, { access: h.access, production: true, rateLimits: MANY });
});
afterAll(async () => {
  await h?.executor.close();
});

interface Raw {
  status: number;
  headers: Headers;
  data: Record<string, Loose> | null | undefined;
  errors: { message: string; extensions?: Record<string, Loose> }[] | undefined;
}

async function post(app: App, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}): Promise<Raw> {
  const res = await app.fetch(
    new Request('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const body = (await res.json()) as Pick<Raw, 'data' | 'errors'>;
  return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
}

const code = (r: Raw) => r.errors?.[0]?.extensions?.code;

const ALERT_SELECTION = `id evidence { nodes { id degree } edges { id } } history { id actor } subjects { role entity { id degree } }`;

describe('query cost', () => {
  it("refuses the issue's reproduction (15 aliases of 100 alerts with evidence, history and degrees) before it runs", async () => {
    const q = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: alerts(first: 100) { edges { node { ${ALERT_SELECTION} } } }`).join('\n')} }`;
    const r = await post(h.app, q, await h.as('tester'));
    expect(r.status).toBe(400);
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 5000/);
    expect(r.errors?.[0]?.extensions?.cost).toBeGreaterThan(50_000);
    expect(r.errors?.[0]?.extensions?.maxCost).toBe(5000);
    expect(r.data ?? null).toBeNull();
    // Nothing ran: over a database that does not exist, any statement would have failed as an unexpected error.
    const broken = new Executor({ ...connection(), database: 'nosuchdb' });
    try {
      const r2 = await post(harnessOn(broken, { access: h.access }).app, q, await h.as('tester'));
      expect(code(r2)).toBe('BAD_INPUT');
    } finally {
      await broken.close();
    }
  });

  it('answers a page of alerts with their evidence under the limit, and a lowered limit refuses it', async () => {
    const q = `{ alerts(first: 20) { totalCount edges { node { ${ALERT_SELECTION} } } } }`;
    const ok = await post(h.app, q, await h.as('tester'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.alerts.edges.length).toBeGreaterThan(0);
    const strict = harnessOn(h.executor, { access: h.access, limits: { maxCost: 100 } });
    const r = await post(strict.app, q, await h.as('tester'));
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/exceeds the limit of 100/);
  });

  it('reads the page size from the variables', async () => {
    const strict = harnessOn(h.executor, { access: h.access, limits: { maxCost: 500 } });
    const q = `query($n: Int) { alerts(first: $n) { edges { node { ${ALERT_SELECTION} } } } }`;
    expect((await post(strict.app, q, await h.as('tester'), { n: 1 })).errors).toBeUndefined();
    expect(code(await post(strict.app, q, await h.as('tester'), { n: 100 }))).toBe('BAD_INPUT');
  });
});

describe('per-caller limits', () => {
  it('answers HTTP 429 RATE_LIMITED with Retry-After past the requests a minute, for that caller only', async () => {
    const limited = harnessOn(h.executor, { access: h.access, rateLimits: { requestsPerMinute: 3 } });
    const me = await h.as('hammer');
    for (let i = 0; i < 3; i++) expect((await post(limited.app, '{ me { name } }', me)).status).toBe(200);
    const r = await post(limited.app, '{ me { name } }', me);
    expect(r.status).toBe(429);
    expect(code(r)).toBe('RATE_LIMITED');
    expect(r.data ?? null).toBeNull();
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another user is counted apart.
    expect((await post(limited.app, '{ me { name } }', await h.as('calm'))).status).toBe(200);
  });

  it('stops a caller that has spent its database time for the minute, mid-loop', async () => {
    const limited = harnessOn(h.executor, { access: h.access, rateLimits: { dbSecondsPerMinute: 0.2 } });
    const me = await h.as('loop');
    const q = `{ alerts(first: 20) { edges { node { ${ALERT_SELECTION} } } } }`;
    let refused: Raw | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await post(limited.app, q, me);
      if (r.status === 429) refused = r;
      else expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    }
    expect(refused, 'no refusal within 200 requests').toBeDefined();
    expect(code(refused!)).toBe('RATE_LIMITED');
    expect(refused!.errors?.[0]?.message).toMatch(/Database time/);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The refused caller is refused at the door now; another caller is not.
    expect((await post(limited.app, '{ alerts(first: 1) { totalCount } }', me)).status).toBe(429);
    expect((await post(limited.app, '{ alerts(first: 1) { totalCount } }', await h.as('calm'))).errors).toBeUndefined();
  });

  it('counts sign-in attempts per address, and then refuses that address anything without a session', async () => {
    const limited = harnessOn(h.executor, { access: h.access, rateLimits: { anonymousPerMinute: 3 } });
    const login = () =>
      limited.app.fetch(
        new Request('http://x/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'nobody', password: 'wrong-password' }),
        }),
      );
    for (let i = 0; i < 3; i++) expect((await login()).status).not.toBe(429);
    const res = await login();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const r = await post(limited.app, '{ me { name } }');
    expect(r.status).toBe(429);
    expect(code(r)).toBe('RATE_LIMITED');
  });
});

describe('introspection and field suggestions', () => {
  const intro = '{ __schema { queryType { name } } }';

  it.each([
    ['development', () => h],
    ['production', () => prod],
  ])('in %s: refused without a session (401) and for roles that may not explore (403), answered for analysts and admins', async (_, at) => {
    const app = at().app;
    const anon = await post(app, intro);
    expect([anon.status, code(anon)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(anon.data ?? null).toBeNull();
    for (const role of ['viewer', 'handler'] as const) {
      const r = await post(app, intro, await h.as(`intro-${role}`, role));
      expect([r.status, code(r)], role).toEqual([403, 'FORBIDDEN']);
    }
    // The same document again, now for a caller who may: yoga's validation cache must not answer from the refusal.
    for (const role of ['analyst', 'admin'] as const) {
      const r = await post(app, intro, await h.as(`intro-${role}`, role));
      expect(r.errors, role).toBeUndefined();
      expect(r.data?.__schema.queryType.name).toBe('Query');
    }
    const typeQuery = await post(app, '{ __type(name: "Alert") { name } }', await h.as('intro-handler', 'handler'));
    expect(code(typeQuery)).toBe('FORBIDDEN');
  });

  it('names no existing field to a caller who may not explore, and helps an analyst', async () => {
    const q = '{ serch(q: "x") { score } }';
    const handler = await post(h.app, q, await h.as('tester'));
    expect(handler.errors?.[0]?.message).toBe('Cannot query field "serch" on type "Query".');
    const anon = await post(h.app, q);
    expect(anon.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const analyst = await post(h.app, q, await h.as('intro-analyst', 'analyst'));
    expect(analyst.errors?.[0]?.message).toMatch(/Did you mean "search"/);
  });
});

describe('coded refusals', () => {
  it('answers a request without a session with 401 UNAUTHENTICATED and no data', async () => {
    const r = await post(h.app, '{ me { name } }');
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
  });

  it('answers a role without the permission with 403 FORBIDDEN and no data', async () => {
    const r = await post(h.app, '{ users { name } }', await h.as('tester'));
    expect(r.status).toBe(403);
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
  });

  it("gives a signed-in caller's variable of the wrong type the code BAD_INPUT", async () => {
    const r = await post(h.app, 'query($n: Int) { alerts(first: $n) { totalCount } }', await h.as('tester'), { n: 'abc' });
    expect(r.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "abc"/);
    expect(code(r)).toBe('BAD_INPUT');
  });
});

describe('every operation needs authentication', () => {
  const operations = everyRootOperation(buildSchema());

  it('covers every root field of Query and Mutation', () => {
    const schema = buildSchema();
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(operations.map((o) => o.field).sort()).toEqual(fields.sort());
    // The fields the explorer and other systems use are among them.
    for (const f of ['alerts', 'alert', 'entity', 'search', 'neighbours', 'me', 'assign', 'runModel', 'createUser'])
      expect(fields).toContain(f);
  });

  const callers: [string, () => Promise<Record<string, string>>][] = [
    ['no credentials', async () => ({})],
    [
      'a session cookie the server never issued',
      async () => ({ cookie: `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`, [CSRF_HEADER]: 'x' }),
    ],
    [
      'a signed-out session',
      async () => {
        await h.access.users.create('leaver', { role: 'admin', units: ['*'] }).catch(() => undefined);
        const { secret, csrf } = await h.access.sessions.open('leaver', 'password');
        await h.access.sessions.close(secret);
        return { cookie: `${SESSION_COOKIE}=${secret}`, [CSRF_HEADER]: csrf };
      },
    ],
    [
      'a revoked token',
      async () => {
        const { token, secret } = await h.access.tokens.issue({ name: 'revoked', role: 'system', units: ['*'], days: 30 }, 'test');
        await h.access.tokens.revoke(token.id);
        return { authorization: `Bearer ${secret}` };
      },
    ],
    [
      'an expired token',
      async () => {
        const { token, secret } = await h.access.tokens.issue({ name: 'expired', role: 'system', units: ['*'], days: 1 }, 'test');
        await h.executor.write('MATCH (t:HyToken {id: $id}) SET t.expiresAt = datetime() - duration({days: 1})', { id: token.id });
        return { authorization: `Bearer ${secret}` };
      },
    ],
  ];

  it.each(callers)('refuses each with 401 UNAUTHENTICATED and no data: %s', async (_, headersOf) => {
    const headers = await headersOf();
    const wrong: string[] = [];
    for (const op of operations) {
      const r = await post(h.app, op.document, headers, op.variables);
      const ok = r.status === 401 && code(r) === 'UNAUTHENTICATED' && (r.data ?? null) === null && r.errors?.length === 1;
      if (!ok) wrong.push(`${op.field}: ${r.status} ${JSON.stringify(r.errors ?? r.data).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('and each would be answered by its resolver once signed in (the dummies are valid operations)', async () => {
    const admin = await h.as('enum-admin', 'admin');
    for (const op of operations) {
      const r = await post(h.app, op.document, admin, op.variables);
      // Refusals by the resolver itself (NOT_FOUND, BAD_INPUT for a dummy id) are fine; none may be a
      // GraphQL validation failure or an authentication one.
      expect([400, 401], `${op.field}: ${JSON.stringify(r.errors)}`).not.toContain(r.status);
    }
  });
});

describe('GraphiQL', () => {
  // The page as Vite builds it from web/graphiql.html (the source stands in: the build only renames the script).
  const webDir = mkdtempSync(path.join(tmpdir(), 'huiyan-graphiql-'));
  writeFileSync(path.join(webDir, 'graphiql.html'), readFileSync(path.join(ROOT, 'web', 'graphiql.html')));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>explorer</title>');
  const page = async (headers: Record<string, string> = {}, where = '/graphiql') =>
    harnessOn(h.executor, { access: h.access, webDir, rateLimits: MANY }).app.fetch(new Request(`http://x${where}`, { headers }));
  // A page load carries the cookie, not the CSRF header.
  const cookieOf = async (user: string, role: 'handler' | 'analyst' | 'admin') => ({ cookie: (await h.as(user, role)).cookie! });

  it('sends a browser without a session to the sign-in page', async () => {
    const res = await page();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
  });

  it('refuses a role that may not explore with a 403 page, at every path of it', async () => {
    for (const where of ['/graphiql', '/graphiql/', '/graphiql.html']) {
      const res = await page(await cookieOf('gi-handler', 'handler'), where);
      expect(res.status, where).toBe(403);
      expect(await res.text()).toMatch(/仅供分析员和管理员/);
    }
  });

  it('serves the page to analysts and admins under the same policy as everything else: no inline script, no CDN', async () => {
    for (const role of ['analyst', 'admin'] as const) {
      const res = await page(await cookieOf(`gi-${role}`, role));
      expect(res.status, role).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      const html = await res.text();
      expect(html).toMatch(/GraphiQL/);
      // Every script is a file of this origin.
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [])
        expect(tag).toMatch(/^<script type="module" src="\/[^"]+"><\/script>$/);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it("no longer answers a browser at /graphql with yoga's CDN GraphiQL", async () => {
    const res = await h.app.fetch(
      new Request('http://x/graphql', { headers: { accept: 'text/html', ...(await cookieOf('gi-analyst', 'analyst')) } }),
    );
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
