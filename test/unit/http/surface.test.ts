// The HTTP surface of the app, through app.fetch: which Host names it answers, which origins may call it
// from a browser, the security headers, and compressed explorer files. None of these requests reaches the
// database, so the Executor points at a server that is never contacted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { accessOn } from '../../../server/access/access.js';
import { CSP, defaultHosts } from '../../../server/http/guard.js';
import { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { ConfigError, loadConfig } from '../../../platform/config.js';

const webDir = mkdtempSync(path.join(tmpdir(), 'huiyan-surface-'));
const script = `console.log(${JSON.stringify('慧眼 '.repeat(400))});`;
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>慧眼</title><script type="module" src="/main.js"></script>');
writeFileSync(path.join(webDir, 'main.js'), script);

const executor = new Executor({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'never-used', database: 'neo4j' });
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const app = createApp({
  executor,
  access: accessOn(executor),
  graphSchema: loadGraphSchema(),
  models: { list: () => [], get: () => undefined },
  logger: quiet,
  webDir,
  production: true,
  allowedHosts: defaultHosts('127.0.0.1', 4000),
  corsOrigins: ['https://portal.example.org'],
});
afterAll(() => executor.close());

const typename = (headers: Record<string, string>) =>
  app.fetch(
    new Request('http://127.0.0.1:4000/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: '127.0.0.1:4000', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    }),
  );

describe('the Host header', () => {
  it('answers the names the server listens on', async () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', 'LOCALHOST:4000']) {
      const res = await app.fetch(new Request('http://127.0.0.1:4000/', { headers: { host } }));
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses another name, as a DNS-rebinding page would send it', async () => {
    for (const host of ['evil.example:4000', '127.0.0.1:4001', 'localhost']) {
      const res = await app.fetch(new Request('http://127.0.0.1:4000/graphql', { method: 'POST', headers: { host } }));
      expect(res.status, host).toBe(421);
      expect(await res.text()).not.toMatch(/__typename|data/);
    }
  });

  it('derives the names from HOST and PORT, and takes the machine names when listening everywhere', () => {
    expect(defaultHosts('127.0.0.1', 4000)).toEqual(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000']);
    expect(defaultHosts('10.1.2.3', 8080)).toEqual(['10.1.2.3:8080']);
    expect(defaultHosts('0.0.0.0', 4000, ['huiyan-01', 'fe80::1'])).toEqual(
      expect.arrayContaining(['localhost:4000', 'huiyan-01:4000', '[fe80::1]:4000']),
    );
    expect(defaultHosts('huiyan.example.org', 443)).toEqual(['huiyan.example.org', 'huiyan.example.org:443']);
  });
});

describe('cross-origin calls', () => {
  it('does not echo an unlisted Origin, so a page on another site cannot read the answer', async () => {
    const res = await typename({ origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows a listed origin by name, never as *', async () => {
    const res = await typename({ origin: 'https://portal.example.org' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    const preflight = await app.fetch(
      new Request('http://127.0.0.1:4000/graphql', {
        method: 'OPTIONS',
        headers: { host: '127.0.0.1:4000', origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends the policy on the explorer, the API and a 404 alike', async () => {
    const responses = [
      await app.fetch(new Request('http://127.0.0.1:4000/', { headers: { host: '127.0.0.1:4000' } })),
      await typename({}),
      await app.fetch(new Request('http://127.0.0.1:4000/missing.js', { headers: { host: '127.0.0.1:4000' } })),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).toMatch(/frame-ancestors 'none'/);
  });
});

describe('compressed explorer files', () => {
  const get = (encoding: string | null) =>
    app.fetch(
      new Request('http://127.0.0.1:4000/main.js', {
        headers: { host: '127.0.0.1:4000', ...(encoding ? { 'accept-encoding': encoding } : {}) },
      }),
    );

  it('sends brotli where the browser takes it, gzip otherwise, and the same bytes once decoded', async () => {
    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('sends the file as it is to a client that takes no encoding', async () => {
    const plain = await get(null);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });
});

describe('the HTTP settings', () => {
  it('reads the allowed hosts and origins as comma-separated lists', () => {
    const cfg = loadConfig({
      HUIYAN_ALLOWED_HOSTS: 'Huiyan.example.org, huiyan.example.org:443',
      HUIYAN_CORS_ORIGINS: 'https://portal.example.org',
    });
    expect(cfg.allowedHosts).toEqual(['huiyan.example.org', 'huiyan.example.org:443']);
    expect(cfg.corsOrigins).toEqual(['https://portal.example.org']);
    expect(loadConfig({}).allowedHosts).toBeUndefined();
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('refuses an origin that is a wildcard or carries a path', () => {
    for (const bad of ['*', 'https://portal.example.org/', 'portal.example.org', 'https://*.example.org'])
      expect(() => loadConfig({ HUIYAN_CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
  });
});

describe('refusals in production', () => {
  const post = (body: unknown) =>
    app.fetch(
      new Request('http://127.0.0.1:4000/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: '127.0.0.1:4000' },
        body: JSON.stringify(body),
      }),
    );

  it('names no existing field when it refuses an unknown one', async () => {
    const body = (await (await post({ query: '{ serch(q: "x") { id } }' })).json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe('Cannot query field "serch" on type "Query".');
  });

  it('refuses a caller without a session before it looks at the variables', async () => {
    // A signed-in caller's wrong variable gets BAD_INPUT (test/int/graphql/http-surface.int.test.ts).
    const res = await post({ query: 'query($n: Int) { alerts(first: $n) { totalCount } }', variables: { n: 'abc' } });
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions?: { code?: string } }[] };
    expect(res.status).toBe(401);
    expect(body.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });
});
