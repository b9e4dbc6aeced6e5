// Neo4j killed with kill -9 under API load (#14): before, every request hung 30-34 s and then answered
// HTTP 200 "Unexpected error.", and nothing came back until huiyan was restarted. Now each request during the
// outage gets DATABASE_UNAVAILABLE (HTTP 503) without hanging, and the supervisor brings the server back
// on the same port, where the same driver finds it again. The app and its supervised embedded Neo4j are
// the real ones (`npm start` builds the same), on a home of this test's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.js';
import { startEmbedded } from '../../../platform/neo4j/embedded.js';
import { openNeo4j, type Neo4jHandle } from '../../../platform/neo4j/runtime.js';
import { supervise } from '../../../platform/neo4j/supervisor.js';
import { applySchema } from '../../../platform/schema/apply.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { harnessOn, type Harness } from '../graphql/harness.js';
import { seed } from '../graphql/seed.js';
import { alive } from './processes.js';

let tmp: string;
let neo4j: Neo4jHandle;
let h: Harness;
const logged: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-killed-neo4j-'));
  const cfg = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    HUIYAN_NEO4J_HOME: path.join(tmp, 'home'),
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: '512m',
    HUIYAN_NEO4J_PAGECACHE: '64m',
    HUIYAN_VAR: tmp,
  });
  neo4j = await openNeo4j(cfg, (m) => logged.push(`${new Date().toISOString()} ${m}`), { supervise: true });
  await applySchema(neo4j.executor, loadGraphSchema());
  await seed(neo4j.executor);
  await applyAccessSchema(neo4j.executor);
  h = harnessOn(neo4j.executor);
}, 180_000);

afterAll(async () => {
  await neo4j?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 120_000);

const QUERY = '{ alerts(first: 5) { edges { node { id } } } }';

describe('Neo4j killed while the API is queried', () => {
  it('answers DATABASE_UNAVAILABLE without hanging, restarts Neo4j and serves again without a restart of huiyan', async () => {
    const headers = await h.as('tester');
    const before = await h.gql(QUERY, {}, headers);
    expect(before.data?.alerts.edges).toHaveLength(5);

    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const java = neo4j.serverPid()!;
    process.kill(java, 'SIGKILL');

    // A bounded loop of the same query, as a busy explorer would send: until it has succeeded again after
    // failing, at most 3 minutes (a restart takes 10-20 s here, more on a loaded machine).
    const answers: { status: number; code?: unknown; ok: boolean; ms: number; at: number }[] = [];
    const killedAt = Date.now();
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const t0 = Date.now();
      const r = await h.gql(QUERY, {}, headers);
      const ok = r.data?.alerts?.edges?.length === 5 && !r.errors;
      answers.push({ status: r.status, code: r.errors?.[0]?.extensions?.code, ok, ms: Date.now() - t0, at: t0 - killedAt });
      if (ok && answers.some((a) => !a.ok)) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    process.off('unhandledRejection', onUnhandled);

    const failed = answers.filter((a) => !a.ok);
    expect(failed.length, JSON.stringify(answers)).toBeGreaterThan(0);
    // Every answer during the outage is the coded one, never the masked "Unexpected error.".
    expect(new Set(failed.map((a) => `${a.status} ${String(a.code)}`))).toEqual(new Set(['503 DATABASE_UNAVAILABLE']));
    // "Did not hang": a generous bound on each answer of the outage (the driver's defaults made it 30-34 s).
    // The first success is not bounded: a request that reaches the server while it finishes starting waits
    // for it and succeeds (37 s once on a machine at load 17, where the restart itself took 73 s).
    expect(Math.max(...failed.map((a) => a.ms)), `${JSON.stringify(answers)}\n${logged.join('\n')}`).toBeLessThan(10_000);
    expect(answers.at(-1)?.ok, JSON.stringify(answers)).toBe(true);
    expect(unhandled).toEqual([]);

    // A new Java on the same URI, found again by the driver the app was built with.
    expect(alive(java)).toBe(false);
    expect(neo4j.serverPid()).not.toBe(java);
    expect(alive(neo4j.serverPid()!)).toBe(true);
    expect(logged.join('\n')).toMatch(/Neo4j \(pid \d+\) was killed \(SIGKILL\); restarting it \(restart 1 of at most 5 in 10 min\)/);
    expect(logged.join('\n')).toMatch(/Neo4j restarted \(pid \d+\)/);
    expect((await h.gql('{ me { name } }', {}, headers)).data?.me.name).toBe('tester');
  }, 300_000);

  it('gives up after the restart limit, saying so, instead of restarting a server that keeps dying', async () => {
    const cfg = loadConfig({
      ...process.env,
      NEO4J_URI: '',
      HUIYAN_NEO4J_HOME: path.join(tmp, 'home-limit'),
      HUIYAN_NEO4J_BOLT_PORT: '0',
      HUIYAN_NEO4J_HEAP: '512m',
      HUIYAN_NEO4J_PAGECACHE: '64m',
    });
    if (cfg.neo4j.kind !== 'embedded') throw new Error('expected the embedded Neo4j');
    const first = await startEmbedded(cfg.neo4j, () => {});
    const said: string[] = [];
    // The limit already reached: no restart may happen at all.
    const supervised = supervise(cfg.neo4j, first, (m) => said.push(m), { restarts: 0, windowMs: 60_000, delayMs: 0 });
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 2_000));
    expect(said.join('\n')).toContain(`Neo4j (pid ${first.pid}) was killed (SIGKILL); not restarting it`);
    expect(said.join('\n')).not.toContain('restarting it (');
    expect(supervised.pid()).toBe(first.pid);
    await supervised.stop();
  }, 180_000);
});
