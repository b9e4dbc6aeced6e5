import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connection, harnessOn, startHarness, type Harness } from './harness.js';
import { UIDS } from './seed.js';
import { Executor } from '../../../platform/db/executor.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.executor.close();
});

describe('errors and limits', () => {
  it('masks an unexpected error as "Unexpected error." without internals', async () => {
    // A database that does not exist: the real server refuses every query, an error nobody expected.
    const broken = new Executor({ ...connection(), database: 'nosuchdb' });
    try {
      const r = await harnessOn(broken, { access: h.access }).gql(`{ entity(id: "${UIDS.official}") { id } }`, {}, await h.as('tester'));
      expect(r.errors?.[0]?.message).toBe('Unexpected error.');
      expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(r)).not.toMatch(/nosuchdb|Neo4j|stack/i);
    } finally {
      await broken.close();
    }
  });

  it('refuses a query deeper than the limit', async () => {
    // The schema has no cycles, so no real query reaches the default depth of 10; a lowered limit shows the
    // rule works (its fragment handling is unit-tested).
    const q = `{ alerts { edges { node { subjects { entity { provenance { source } } } } } } }`;
    expect((await h.gql(q)).errors).toBeUndefined();
    const shallow = harnessOn(h.executor, { limits: { maxDepth: 5 } });
    const r = await shallow.gql(q);
    expect(r.errors?.[0]?.message).toBe('Query depth 7 exceeds the limit of 5');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('refuses more than 15 aliases, fragments included', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `e${i}: entity(id: "${UIDS.official}") { id }`).join(' ');
    const r = await h.gql(`{ ${fields} }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/16 aliases/);
    const viaFragment = await h.gql(
      `query { ...F ...G } fragment F on Query { ${Array.from({ length: 8 }, (_, i) => `f${i}: graphSchema { labels { name } }`).join(' ')} }
       fragment G on Query { ${Array.from({ length: 8 }, (_, i) => `g${i}: graphSchema { labels { name } }`).join(' ')} }`,
    );
    expect(viaFragment.errors?.[0]?.message).toMatch(/16 aliases/);
  });

  it('refuses a document with too many tokens before parsing it all', async () => {
    const r = await h.gql(`{ ${'__typename '.repeat(3000)} }`);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
    expect(r.data ?? null).toBeNull();
  });

  // Introspection by role, in production and development alike: http-surface.int.test.ts.
});

describe('http', () => {
  it('serves the explorer next to the API, with client routes falling back to index.html', async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'huiyan-web-'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>慧眼</title>');
    const app = harnessOn(h.executor, { webDir: web }).app;
    const index = await app.fetch(new Request('http://x/'));
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await (await app.fetch(new Request('http://x/alerts/fp-main'))).text()).toContain('慧眼');
    for (const p of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/..%5c..%5cetc%5cpasswd']) {
      // Whatever the encoding, the path stays inside webDir: at worst the explorer's index comes back.
      expect(await (await app.fetch(new Request(`http://x${p}`))).text(), p).not.toMatch(/root:/);
    }
    const api = await app.fetch(new Request('http://x/graphql?query=%7B__typename%7D'));
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers /healthz with the Neo4j version', async () => {
    const res = await h.app.fetch(new Request('http://x/healthz'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; neo4j: string };
    expect(body.ok).toBe(true);
    expect(body.neo4j).toMatch(/^\d+\.\d+/);
  });
});
