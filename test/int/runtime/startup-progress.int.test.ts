// `npm start` answers before the demo load, the check of the model library and the first model runs are
// done (a second start used to wait for all 24 models, then for the check of 35): the API serves while they run behind it, and /healthz says how far they are.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Executor } from '../../../platform/db/executor.js';
import { accessOn } from '../../../server/access/access.js';
import { createApp, type App } from '../../../server/app.js';
import { firstRuns, prepare, type Prepared } from '../../../server/bootstrap.js';
import { catalogOf } from '../../../server/graphql/model/catalog.js';
import { checkedLibrary } from '../../../server/models/live-library.js';
import { StartupProgress, type StartupSnapshot } from '../../../server/startup-progress.js';
import { freshGraph } from '../../support/db.js';
import { sessionHeaders } from '../graphql/harness.js';

let db: Executor;
let prepared: Prepared;
let app: App;
const progress = new StartupProgress();

beforeAll(async () => {
  db = await freshGraph();
  prepared = await prepare(db, () => {});
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  app = createApp({
    executor: db,
    access: accessOn(db),
    graphSchema: prepared.graphSchema,
    models: catalogOf(prepared.library),
    logger: quiet,
    webDir: '/nonexistent',
    startup: progress,
  });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const health = async () =>
  ((await (await app.fetch(new Request('http://x/healthz'))).json()) as { ok: boolean; startup: StartupSnapshot }).startup;

describe('the first runs behind a serving API', () => {
  it('answers GraphQL while the demo load and the library check are under way, and reports each phase in /healthz until ready', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let releaseCheck!: () => void;
    const checkGate = new Promise<void>((r) => (releaseCheck = r));
    const done = firstRuns(db, prepared, () => {}, {
      progress,
      seed: async () => {
        await gate; // the demo county is "loading"
        return false;
      },
      check: async (read) => {
        await checkGate; // the models are being planned
        return checkedLibrary(db, read);
      },
    });
    expect((await health()).phase).toBe('seeding');

    const headers = await sessionHeaders(accessOn(db), 'early', 'viewer');
    const res = await app.fetch(
      new Request('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { name } models { id } }' }),
      }),
    );
    const body = (await res.json()) as { data: { me: { name: string }; models: unknown[] } };
    expect(body.data.me.name).toBe('early');
    expect(body.data.models).toHaveLength(prepared.library.models.length);

    release();
    await vi.waitFor(async () => expect((await health()).phase).toBe('checking'), { timeout: 10_000, interval: 50 });
    const during = await app.fetch(
      new Request('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { name } }' }),
      }),
    );
    expect(((await during.json()) as { data: { me: { name: string } } }).data.me.name).toBe('early');
    releaseCheck();
    const { runs } = await done;
    expect(runs).toHaveLength(prepared.library.models.length);
    expect(await health()).toEqual({
      phase: 'ready',
      modelsDone: prepared.library.models.length,
      modelsTotal: prepared.library.models.length,
      current: null,
      error: null,
    });
  }, 180_000);

  it('fails the library check when the database is out of reach, refusing no model for it', async () => {
    const gone = new Executor({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused', database: 'neo4j' });
    try {
      await expect(checkedLibrary(gone, prepared.library)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    } finally {
      await gone.close();
    }
  }, 120_000);

  it('reports a failed start in /healthz with the reason', async () => {
    const failing = new StartupProgress();
    await expect(
      firstRuns(db, prepared, () => {}, {
        progress: failing,
        seed: () => Promise.reject(new Error('the demo files are unreadable')),
      }),
    ).rejects.toThrow('unreadable');
    expect(failing.snapshot()).toMatchObject({ phase: 'failed', error: 'the demo files are unreadable' });
  });
});
