// Operations (#14): /metrics read by a Prometheus text-format parser, the request id in the response, in the
// log lines of the request and in Neo4j's transaction metadata, and liveness apart from readiness.
import { Writable } from 'node:stream';
import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Executor } from '../../../platform/db/executor.js';
import { createLogger } from '../../../platform/log.js';
import { applySchema } from '../../../platform/schema/apply.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { createApp, type AppOptions } from '../../../server/app.js';
import { modelCatalog, startHarness, type Harness } from '../graphql/harness.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let h: Harness;
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
    done();
  },
});
const logger = createLogger('debug', { destination: sink });

/** An app as the harness builds it, with the options under test. */
const appOn = (executor: Executor, opts: Partial<AppOptions> = {}) =>
  createApp({ executor, access: h.access, graphSchema: loadGraphSchema(), models: modelCatalog, webDir: '/nonexistent', logger, ...opts });

beforeAll(async () => {
  h = await startHarness();
  // The harness's graph and callers, with a logger whose lines the tests read and /metrics behind a token.
  h = { ...h, app: appOn(h.executor, { metrics: { token: TOKEN, loopback: false } }) };
});
afterAll(() => h.executor.close());

interface Scrape {
  families: MetricFamily[];
  text: string;
}

/** /metrics as a Prometheus server reads it: the parser throws on any line that is not the text format. */
const scrape = async (): Promise<Scrape> => {
  const res = await h.app.fetch(new Request('http://x/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  return { families: parsePrometheusTextFormat(text), text };
};
const family = (s: Scrape, name: string) => s.families.find((f) => f.name === name);
const matches = (labels: Record<string, string>, want: Record<string, string>) => Object.entries(want).every(([k, v]) => labels[k] === v);

/** A counter's value summed over the series whose labels include `want`; 0 when there is none yet. */
const count = (s: Scrape, name: string, want: Record<string, string>): number =>
  (family(s, name)?.metrics ?? []).filter((m) => matches(m.labels ?? {}, want)).reduce((n, m) => n + Number(m.value ?? 0), 0);

/**
 * A histogram's observation count for the series whose labels include `want`, from its `_count` lines: the
 * parser merges the series of a labelled histogram into one, so these are read from the text it accepted.
 */
const observations = (s: Scrape, name: string, want: Record<string, string>): number =>
  s.text
    .split('\n')
    .filter((l) => l.startsWith(`${name}_count{`))
    .map((l) => /\{(.*)\} (\S+)$/.exec(l)!)
    .filter((m) => matches(Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!])), want))
    .reduce((n, m) => n + Number(m[2]), 0);

const post = async (body: unknown, headers: Record<string, string>) =>
  h.app.fetch(
    new Request('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify(body),
    }),
  );

describe('/metrics', () => {
  it('is not served without a token, and refuses a wrong one', async () => {
    expect((await appOn(h.executor).fetch(new Request('http://x/metrics'))).status).toBe(404);
    expect((await h.app.fetch(new Request('http://x/metrics'))).status).toBe(401);
    const wrong = await h.app.fetch(
      new Request('http://x/metrics', { headers: { authorization: 'Bearer metrics-token-0123456789abcdeX' } }),
    );
    expect(wrong.status).toBe(401);
  });

  it('serves clients on this machine without a token when set to loopback, and no one else', async () => {
    const local = appOn(h.executor, { metrics: { token: undefined, loopback: true } });
    const from = (ip: string) => local.fetch(new Request('http://x/metrics'), { req: { socket: { remoteAddress: ip } } });
    expect((await from('127.0.0.1')).status).toBe(200);
    expect((await from('::1')).status).toBe(200);
    expect((await from('10.1.2.3')).status).toBe(401);
  });

  it('counts GraphQL requests by operation and outcome, their latency, error codes, HTTP statuses and Neo4j time', async () => {
    const before = await scrape();
    const headers = await h.as('metrics-handler');
    expect((await post({ query: 'query InboxCount { alerts { totalCount } }' }, headers)).status).toBe(200);
    expect((await post({ query: 'query InboxCount { alerts { totalCount } }' }, headers)).status).toBe(200);
    // No credentials: refused before it runs, code UNAUTHENTICATED.
    expect((await post({ query: 'query InboxCount { alerts { totalCount } }' }, {})).status).toBe(401);
    // A resolver's NOT_FOUND beside a 200.
    const missing = await post({ query: 'query Hood { neighbours(id: "Person:nobody") { total } }' }, headers);
    expect(((await missing.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => count(after, name, labels) - count(before, name, labels);
    const seen = (name: string, labels: Record<string, string>) => observations(after, name, labels) - observations(before, name, labels);
    expect(delta('huiyan_graphql_requests_total', { operation: 'InboxCount', outcome: 'ok' })).toBe(2);
    expect(delta('huiyan_graphql_requests_total', { operation: 'not_executed', outcome: 'error' })).toBe(1);
    expect(delta('huiyan_graphql_requests_total', { operation: 'Hood', outcome: 'error' })).toBe(1);
    expect(seen('huiyan_graphql_request_duration_seconds', { operation: 'InboxCount' })).toBe(2);
    expect(family(after, 'huiyan_graphql_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(delta('huiyan_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('huiyan_graphql_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(delta('huiyan_http_responses_total', { route: 'graphql', status: '200' })).toBe(3);
    expect(delta('huiyan_http_responses_total', { route: 'graphql', status: '401' })).toBe(1);
    expect(seen('huiyan_neo4j_query_duration_seconds', { mode: 'read', outcome: 'ok' })).toBeGreaterThan(0);
    expect(family(after, 'huiyan_neo4j_sessions_in_use')?.type).toBe('GAUGE');
    // prom-client's process metrics ride along.
    expect(family(after, 'process_cpu_user_seconds_total')?.type).toBe('COUNTER');
    expect(family(after, 'nodejs_eventloop_lag_seconds')).toBeDefined();
  });

  it('keeps operation names bounded: an invalid name shares one series', async () => {
    const headers = await h.as('metrics-handler');
    const before = count(await scrape(), 'huiyan_graphql_requests_total', { operation: 'other' });
    // Valid GraphQL, but a 70-character name is past what the label keeps.
    const long = `Q${'x'.repeat(69)}`;
    expect((await post({ query: `query ${long} { alerts { totalCount } }` }, headers)).status).toBe(200);
    const after = await scrape();
    expect(count(after, 'huiyan_graphql_requests_total', { operation: 'other' }) - before).toBe(1);
    expect(count(after, 'huiyan_graphql_requests_total', { operation: long })).toBe(0);
  });
});

describe('the request id', () => {
  it('is taken from a sane x-request-id, made anew otherwise, and returned', async () => {
    const own = await h.app.fetch(new Request('http://x/livez', { headers: { 'x-request-id': 'lb-7f3a.42' } }));
    expect(own.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const forged = await h.app.fetch(new Request('http://x/livez', { headers: { 'x-request-id': 'a"b{}'.repeat(3) } }));
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is on the log lines written while its request is handled', async () => {
    // An app over a Neo4j that is not there: readiness logs a warning during the request.
    const dead = new Executor({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j' });
    try {
      const app = appOn(dead);
      const res = await app.fetch(new Request('http://x/readyz', { headers: { 'x-request-id': 'ready-check-1' } }));
      expect(res.status).toBe(503);
      const line = lines.find((l) => String(l.msg).includes('Neo4j not reachable') && l.requestId === 'ready-check-1');
      expect(line).toMatchObject({ level: 'warn', app: 'huiyan', requestId: 'ready-check-1' });
      expect(line?.err).toBeDefined();
    } finally {
      await dead.close();
    }
  });

  it("is in the metadata of the request's Neo4j transactions (SHOW TRANSACTIONS)", async () => {
    const headers = await h.as('metrics-handler');
    // Another transaction holds the alert's write lock, so the comment waits where SHOW TRANSACTIONS sees it.
    const session = h.executor.driver.session();
    const tx = await session.beginTransaction();
    try {
      await tx.run("MATCH (a:Alert {uid: 'Alert:fp-main'}) SET a.lockedForTest = true");
      const pending = post(
        { query: 'mutation Note { comment(id: "fp-main", text: "metrics test") { id } }' },
        { ...headers, 'x-request-id': 'tx-meta-check-1' },
      );
      let seen: { metaData: Record<string, unknown> } | undefined;
      for (let i = 0; i < 100 && !seen; i++) {
        const { rows } = await h.executor.read<{ metaData: Record<string, unknown> }>(
          'SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId = $id RETURN metaData',
          { id: 'tx-meta-check-1' },
        );
        seen = rows[0];
        if (!seen) await new Promise((r) => setTimeout(r, 100));
      }
      await tx.rollback();
      expect(seen?.metaData).toMatchObject({ app: 'huiyan-api', requestId: 'tx-meta-check-1', user: 'metrics-handler' });
      expect((await pending).status).toBe(200);
    } finally {
      await session.close();
    }
  });
});

describe('liveness and readiness', () => {
  it('/livez answers without Neo4j; /readyz and /healthz need it', async () => {
    const dead = new Executor({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j' });
    try {
      const app = appOn(dead);
      expect((await app.fetch(new Request('http://x/livez'))).status).toBe(200);
      for (const path of ['/readyz', '/healthz']) {
        const res = await app.fetch(new Request(`http://x${path}`));
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ ok: false, neo4j: null, reason: expect.stringContaining('not reachable') });
      }
    } finally {
      await dead.close();
    }
    const ready = await h.app.fetch(new Request('http://x/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, neo4j: expect.stringMatching(/^5\./) });
  });

  it('/readyz is 503 naming what is missing while the schema is not applied', async () => {
    await h.executor.autoCommit('DROP CONSTRAINT alert_fingerprint_key IF EXISTS');
    try {
      const res = await h.app.fetch(new Request('http://x/readyz'));
      expect(res.status).toBe(503);
      expect(((await res.json()) as { reason: string }).reason).toContain('alert_fingerprint_key');
    } finally {
      await applySchema(h.executor, loadGraphSchema());
    }
    expect((await h.app.fetch(new Request('http://x/readyz'))).status).toBe(200);
  });
});
