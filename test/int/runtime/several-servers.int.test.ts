// Several API servers on one database (docs/deployment.md): one of them at a time holds the models lease
// and runs the models; writes made in one process are published as bookmarks and followed by the others.
// Each "server" here is its own Executor (its own driver, pool and bookmark manager), as in its own process.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { Lease, ensureLeaseSchema } from '../../../platform/db/lease.js';
import { followBookmarks, publishBookmarks } from '../../../platform/db/bookmark-relay.js';
import { firstRuns, prepare, type Prepared } from '../../../server/bootstrap.js';
import { scheduleModels, type Scheduler } from '../../../server/models/scheduler.js';
import type { Library } from '../../../server/models/library.js';
import { freshGraph, testExecutor } from '../../support/db.js';
import { databasePending } from '../../../server/access/oidc-pending.js';

let db: Executor;
const others: Executor[] = [];
const leases: Lease[] = [];
const schedulers: Scheduler[] = [];

/** Another process's connection to the same server. */
function otherServer(): Executor {
  const e = testExecutor();
  others.push(e);
  return e;
}

function lease(on: Executor, holder: string, ttlMs = 30_000): Lease {
  const l = new Lease(on, 'models', holder, ttlMs);
  leases.push(l);
  return l;
}

beforeAll(async () => {
  db = await freshGraph();
  await ensureLeaseSchema(db);
});

afterEach(async () => {
  schedulers.splice(0).forEach((s) => s.stop());
  await Promise.all(leases.splice(0).map((l) => l.stop()));
  await db.write('MATCH (n) WHERE n:HyLease OR n:HyBookmarks DETACH DELETE n');
});

afterAll(async () => {
  await Promise.all(others.map((e) => e.close()));
  await db.close();
});

describe('the models lease', () => {
  it('is held by the first server that asks, and refused to a second while the first holds it', async () => {
    const a = lease(db, 'server-a');
    const b = lease(otherServer(), 'server-b');
    expect(await a.start()).toBe(true);
    expect(await b.start()).toBe(false);
    expect(b.held).toBe(false);
    expect((await a.state()).holder).toBe('server-a');
    // Renewing keeps it with the holder.
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
  });

  it('passes to another server at once when its holder stops', async () => {
    const a = lease(db, 'server-a');
    const b = lease(otherServer(), 'server-b');
    await a.start();
    await a.stop();
    expect(await b.tryAcquire()).toBe(true);
    expect((await b.state()).holder).toBe('server-b');
  });

  it('passes to another server once a holder that died without handing it back has let it expire', async () => {
    const dead = lease(db, 'server-dead');
    expect(await dead.tryAcquire()).toBe(true); // taken once, never renewed: the process "died"
    const b = lease(otherServer(), 'server-b');
    expect(await b.tryAcquire()).toBe(false);
    // Its lifetime passes (moved on in the database rather than waited for, so a slow machine cannot race it).
    await db.write("MATCH (l:HyLease {name: 'models'}) SET l.expiresAt = datetime() - duration('PT1S')");
    expect(await b.tryAcquire()).toBe(true);
    // The dead holder, back, finds it taken.
    expect(await dead.tryAcquire()).toBe(false);
  });

  it('goes to exactly one of ten servers asking at the same moment', async () => {
    const servers = Array.from({ length: 10 }, (_, i) => lease(i % 2 ? db : otherServer(), `server-${i}`));
    const got = await Promise.all(servers.map((l) => l.tryAcquire()));
    expect(got.filter(Boolean)).toHaveLength(1);
    const holder = (await servers[0]!.state()).holder;
    expect(holder).toBe(`server-${got.indexOf(true)}`);
  });
});

describe('models on several servers', () => {
  let prepared: Prepared;
  let scheduled: Library;

  beforeAll(async () => {
    prepared = await prepare(db, () => {});
    // One real model, due every 150 ms, so that both schedulers have many turns during the test.
    const model = { ...prepared.library.models[0]!, scheduleMs: 150 };
    scheduled = { models: [model], refused: [], get: (id) => (id === model.id ? model : undefined) };
  });

  it('runs scheduled models only on the server holding the lease', async () => {
    const a = lease(db, 'server-a');
    const bDb = otherServer();
    const b = lease(bDb, 'server-b');
    await a.start();
    await b.start();
    const ranOn: string[] = [];
    schedulers.push(
      scheduleModels(
        db,
        scheduled,
        () => {},
        () => ranOn.push('a'),
        a,
      ),
    );
    schedulers.push(
      scheduleModels(
        bDb,
        scheduled,
        () => {},
        () => ranOn.push('b'),
        b,
      ),
    );
    // Both schedulers have had many turns (every 150 ms) by the time the holder has finished two runs.
    await vi.waitFor(() => expect(ranOn.filter((s) => s === 'a').length).toBeGreaterThanOrEqual(2), { timeout: 30_000, interval: 100 });
    expect(ranOn).not.toContain('b');
    // The holder stops; the other takes the lease at its next renewal and runs the models from then on.
    await a.stop();
    schedulers[0]!.stop();
    await b.tryAcquire();
    await vi.waitFor(() => expect(ranOn).toContain('b'), { timeout: 30_000, interval: 100 });
  });

  it('skips the first model runs at start on a server that does not hold the lease', async () => {
    const a = lease(db, 'server-a');
    const b = lease(otherServer(), 'server-b');
    await a.start();
    await b.start();
    const logged: string[] = [];
    const { runs } = await firstRuns(db, prepared, (m) => logged.push(m), { lease: b });
    expect(runs).toEqual([]);
    expect(logged.join('\n')).toMatch(/holds the models lease/);
    const mine = await firstRuns(db, { ...prepared, library: scheduled }, () => {}, { lease: a });
    expect(mine.runs.map((r) => r.modelId)).toEqual([scheduled.models[0]!.id]);
  });
});

describe('bookmarks across processes', () => {
  it('are published by a writer and learnt by another server, whose reads then wait for them', async () => {
    const writer = otherServer();
    await writer.write("CREATE (:HyBookmarkProbe {at: 'written by another process'})");
    const published = await publishBookmarks(writer, 'load@test');
    expect(published.length).toBeGreaterThan(0);

    const reader = otherServer();
    expect(await reader.bookmarks()).toEqual([]);
    const follower = followBookmarks(reader, 60_000);
    try {
      expect(await follower.poll()).toBe(1);
    } finally {
      follower.stop();
    }
    expect(await reader.bookmarks()).toEqual(expect.arrayContaining(published));
    // A read that carries them (the server has them: on one server they are always satisfied) sees the write.
    const { rows } = await reader.read<{ at: string }>('MATCH (p:HyBookmarkProbe) RETURN p.at AS at');
    expect(rows).toEqual([{ at: 'written by another process' }]);
    await db.write('MATCH (p:HyBookmarkProbe) DELETE p');
  });

  it('of one process are carried by all its sessions, so a read after a write waits for it', async () => {
    const one = otherServer();
    expect(await one.bookmarks()).toEqual([]);
    await one.writeTx([{ cypher: 'CREATE (:HyBookmarkProbe)' }]);
    const afterTx = await one.bookmarks();
    expect(afterTx).toHaveLength(1);
    await one.write('MATCH (p:HyBookmarkProbe) DELETE p');
    const afterQuery = await one.bookmarks();
    // The later write's bookmark replaces the earlier one: it is causally after it.
    expect(afterQuery).toHaveLength(1);
    expect(afterQuery).not.toEqual(afterTx);
  });
});

describe('single sign-ons under way', () => {
  it('started on one server are finished on another, once: a replayed callback finds nothing', async () => {
    const a = databasePending(db);
    const b = databasePending(otherServer());
    await a.put('state-1', { verifier: 'v1', nonce: 'n1' });
    expect(await b.take('state-1')).toEqual({ verifier: 'v1', nonce: 'n1' });
    expect(await a.take('state-1')).toBeUndefined();
    expect(await b.take('never-started')).toBeUndefined();
    // Only a hash of the state is kept.
    const { rows } = await db.read('MATCH (p:HyOidcPending) RETURN count(p) AS n');
    expect(rows[0]).toEqual({ n: 0 });
  });
});
