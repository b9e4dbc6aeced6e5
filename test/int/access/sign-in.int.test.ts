// Sign-in end to end on a real Neo4j: the HTTP routes, the cookie, CSRF, lock-out, timeouts, bearer
// tokens, and OpenID Connect against a real provider started here.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { accessOn, type Access } from '../../../server/access/access.js';
import { oidcLogin, type OidcSettings } from '../../../server/access/oidc.js';
import { databasePending } from '../../../server/access/oidc-pending.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { harnessOn, type Harness } from '../graphql/harness.js';
import { freshGraph, testExecutor } from '../../support/db.js';
import { seed } from '../graphql/seed.js';
import { startOidcProvider, type TestProvider } from '../../support/oidc-provider.js';

const BASE = 'http://huiyan.test';
const PASSWORD = 'correct horse battery';
let db: Executor;
let h: Harness;
let access: Access;
let provider: TestProvider;
/** A second API server on the same database: its own driver, app and OIDC client. */
let other: { db: Executor; h: Harness };

beforeAll(async () => {
  db = await freshGraph();
  await seed(db);
  await applyAccessSchema(db);
  provider = await startOidcProvider([`${BASE}/auth/oidc/callback`]);
  const settings: OidcSettings = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: `${BASE}/auth/oidc/callback`,
    label: 'SSO',
    nameClaim: 'preferred_username',
    allowHttp: true,
  };
  access = accessOn(db, { lockoutAttempts: 3 }, await oidcLogin(settings, databasePending(db)));
  h = harnessOn(db, { access });
  const otherDb = testExecutor();
  other = { db: otherDb, h: harnessOn(otherDb, { access: accessOn(otherDb, {}, await oidcLogin(settings, databasePending(otherDb))) }) };
  await access.users.create('zhang', { role: 'handler', units: ['*'], displayName: '张三' }, PASSWORD);
});
afterAll(async () => {
  await other?.db.close();
  await provider?.close();
  await db?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  h.app.fetch(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );

const login = (name: string, password: string, headers: Record<string, string> = {}) => post('/auth/login', { name, password }, headers);

/** The session cookie's value from a response's Set-Cookie headers. */
const sessionCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('huiyan_session='))
    ?.split(';')[0];

async function signIn(name = 'zhang', password = PASSWORD) {
  const res = await login(name, password);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrf: string; user: { name: string } };
  return { cookie: sessionCookie(res)!, csrf: body.csrf, user: body.user, res };
}

const me = '{ me { name displayName role units via } }';

describe('signing in with a password', () => {
  it('sets an HttpOnly SameSite=Strict session cookie, and the session answers GraphQL with its CSRF token only', async () => {
    const s = await signIn();
    const set = s.res.headers.getSetCookie().find((c) => c.startsWith('huiyan_session='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/i);
    expect(s.user).toMatchObject({ name: 'zhang', role: 'handler' });

    const ok = await h.gql(me, {}, { cookie: s.cookie, 'x-huiyan-csrf': s.csrf });
    expect(ok.data?.me).toEqual({ name: 'zhang', displayName: '张三', role: 'handler', units: ['*'], via: 'password' });

    const noCsrf = await h.gql(me, {}, { cookie: s.cookie });
    expect(noCsrf.status).toBe(401);
    expect(noCsrf.data ?? null).toBeNull();
    expect(noCsrf.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(noCsrf.errors?.[0]?.message).toMatch(/x-huiyan-csrf/);
  });

  it('marks the cookie Secure when the request came over TLS', async () => {
    const res = await h.app.fetch(
      new Request('https://huiyan.test/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'zhang', password: PASSWORD }),
      }),
    );
    expect(res.headers.getSetCookie().find((c) => c.startsWith('huiyan_session='))).toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown user alike, and refuses a sign-in posted from another site', async () => {
    const wrong = await login('zhang', 'not the password');
    const unknown = await login('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const foreign = await login('zhang', PASSWORD, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(sessionCookie(foreign)).toBeUndefined();
    await access.users.unlock('zhang');
  });

  it('locks the account after repeated failures, even for the right password, until an admin unlocks it', async () => {
    await access.users.create('li', { role: 'viewer', units: ['*'] }, PASSWORD);
    for (let i = 0; i < 3; i++) expect((await login('li', 'wrong password!')).status).toBe(401);
    const locked = await login('li', PASSWORD);
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('LOCKED');
    await access.users.unlock('li');
    expect((await login('li', PASSWORD)).status).toBe(200);
  });

  it('ends the session at sign-out, and a disabled user loses theirs at once', async () => {
    const s = await signIn();
    const out = await post('/auth/logout', {}, { cookie: s.cookie });
    expect(out.status).toBe(200);
    expect((await h.gql(me, {}, { cookie: s.cookie, 'x-huiyan-csrf': s.csrf })).status).toBe(401);

    await access.users.create('wang', { role: 'handler', units: ['*'] }, PASSWORD);
    const w = await signIn('wang');
    await access.users.update('wang', { disabled: true });
    expect((await h.gql(me, {}, { cookie: w.cookie, 'x-huiyan-csrf': w.csrf })).status).toBe(401);
    expect((await login('wang', PASSWORD)).status).toBe(401);
  });

  it('ends a session after its idle time and after its absolute lifetime', async () => {
    const idle = harnessOn(db, { access: accessOn(db, { sessionIdleMs: 400 }) });
    const abs = harnessOn(db, { access: accessOn(db, { sessionAbsoluteMs: 400, sessionIdleMs: 60_000 }) });
    const s = await signIn();
    expect((await idle.gql(me, {}, { cookie: s.cookie, 'x-huiyan-csrf': s.csrf })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect((await idle.gql(me, {}, { cookie: s.cookie, 'x-huiyan-csrf': s.csrf })).status).toBe(401);
    const t = await signIn();
    await new Promise((r) => setTimeout(r, 700));
    expect((await abs.gql(me, {}, { cookie: t.cookie, 'x-huiyan-csrf': t.csrf })).status).toBe(401);
  });

  it('changes the own password, ending the other sessions and keeping this browser signed in', async () => {
    await access.users.create('zhao', { role: 'viewer', units: ['*'] }, PASSWORD);
    const a = await signIn('zhao');
    const b = await signIn('zhao');
    const res = await post('/auth/password', { current: PASSWORD, next: 'a new long passphrase' }, { cookie: b.cookie });
    expect(res.status).toBe(200);
    const fresh = { cookie: sessionCookie(res)!, csrf: ((await res.json()) as { csrf: string }).csrf };
    expect((await h.gql(me, {}, { cookie: a.cookie, 'x-huiyan-csrf': a.csrf })).status).toBe(401);
    expect((await h.gql(me, {}, { cookie: fresh.cookie, 'x-huiyan-csrf': fresh.csrf })).data?.me.name).toBe('zhao');
    expect((await login('zhao', 'a new long passphrase')).status).toBe(200);
    expect((await post('/auth/password', { current: 'x', next: 'short' }, { cookie: fresh.cookie })).status).toBe(401);
  });
});

describe('bearer tokens for other systems', () => {
  it('answers with the token role and refuses a revoked, expired or forged token', async () => {
    const { token, secret } = await access.tokens.issue({ name: '招标平台', role: 'system', units: ['*'], days: 30 }, 'admin');
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await h.gql(me, {}, bearer)).data?.me).toMatchObject({
      name: `token:${token.id}`,
      displayName: '招标平台',
      role: 'system',
      via: 'token',
    });

    const stored = await db.read<{ hash: string }>('MATCH (t:HyToken {id: $id}) RETURN t.hash AS hash', { id: token.id });
    // The secret's random part is base64url and may itself hold '_', so it is everything after "hy_<id>_".
    const random = secret.slice(`hy_${token.id}_`.length);
    expect(random).toHaveLength(43);
    expect(stored.rows[0]?.hash).toBe(createHash('sha256').update(random).digest('hex'));
    expect(stored.rows[0]?.hash).not.toContain(random);

    const forged = `${secret.slice(0, -4)}AAAA`;
    expect((await h.gql(me, {}, { authorization: `Bearer ${forged}` })).status).toBe(401);

    await access.tokens.revoke(token.id);
    const revoked = await h.gql(me, {}, bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.message).toMatch(/revoked/);

    const old = await access.tokens.issue({ name: 'old', role: 'viewer', units: ['*'], days: 1 }, 'admin');
    await db.write("MATCH (t:HyToken {id: $id}) SET t.expiresAt = datetime() - duration('PT1S')", { id: old.token.id });
    expect((await h.gql(me, {}, { authorization: `Bearer ${old.secret}` })).status).toBe(401);
  });

  it('lets only an admin issue tokens, and never with the admin role', async () => {
    const q = 'mutation { issueToken(input: {name: "x", role: system, units: ["*"]}) { secret } }';
    const handler = await h.gql(q, {}, await h.as('h1', 'handler'));
    expect(handler.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await h.as('root', 'admin');
    expect((await h.gql(q, {}, admin)).data?.issueToken.secret).toMatch(/^hy_[0-9a-f]{12}_/);
    const adminToken = await h.gql('mutation { issueToken(input: {name: "x", role: admin, units: ["*"]}) { secret } }', {}, admin);
    expect(adminToken.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});

/** A tiny cookie jar for the provider's own cookies across its redirects. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Drives the provider's development login page as a browser would, and returns the callback URL it sends back. */
async function throughProvider(start: string, login: string): Promise<string> {
  const jar = new Jar();
  let url = start;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(BASE)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${res.status}`);
    const form = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'anything' }),
    });
    jar.take(form);
    url = new URL(form.headers.get('location')!, url).href;
  }
  throw new Error('the provider never sent the browser back');
}

describe('signing in through OpenID Connect', () => {
  /** Starts on one server and comes back to `finishOn` (another server behind the same balancer, say). */
  async function oidc(login: string, tamperState = false, finishOn: Harness = h) {
    const start = await h.app.fetch(new Request(`${BASE}/auth/oidc/login`));
    expect(start.status).toBe(302);
    const stateCookie = start.headers
      .getSetCookie()
      .find((c) => c.startsWith('huiyan_oidc='))!
      .split(';')[0]!;
    const back = await throughProvider(start.headers.get('location')!, login);
    return finishOn.app.fetch(new Request(back, { headers: { cookie: tamperState ? 'huiyan_oidc=other' : stateCookie } }));
  }

  it('signs in a huiyan user the provider vouches for, binding the provider account on first use', async () => {
    await access.users.create('alice', { role: 'analyst', units: ['*'] });
    const res = await oidc('alice');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const cookie = sessionCookie(res)!;
    const session = await h.app.fetch(new Request(`${BASE}/auth/session`, { headers: { cookie } }));
    const body = (await session.json()) as { csrf: string; user: { name: string; via: string } };
    expect(body.user).toMatchObject({ name: 'alice', via: 'oidc' });
    expect((await h.gql(me, {}, { cookie, 'x-huiyan-csrf': body.csrf })).data?.me.role).toBe('analyst');
    expect((await access.users.get('alice'))?.oidcSubject).toBe(`${provider.issuer}#alice`);
  });

  it('finishes a sign-in on another API server than the one it started on', async () => {
    await access.users.create('bob', { role: 'handler', units: ['*'] });
    const res = await oidc('bob', false, other.h);
    expect(res.status).toBe(302);
    const cookie = sessionCookie(res)!;
    // The session is in the database too: the first server knows it.
    const session = await h.app.fetch(new Request(`${BASE}/auth/session`, { headers: { cookie } }));
    expect(((await session.json()) as { user: { name: string } }).user.name).toBe('bob');
  });

  it('refuses a person the provider knows but huiyan does not, and a callback from another browser', async () => {
    const stranger = await oidc('mallory');
    expect(stranger.status).toBe(403);
    expect(sessionCookie(stranger)).toBeUndefined();
    const planted = await oidc('alice', true);
    expect(planted.status).toBe(401);
    expect(sessionCookie(planted)).toBeUndefined();
  });
});
