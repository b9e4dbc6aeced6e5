// The schedule follows the live library (server/models/scheduler.ts): a model published after the
// scheduler started is run on its schedule, a retired one no longer is, and a republished one runs its new
// revision. Real Neo4j and the real runner; the library is a LiveLibrary whose reload returns what the test
// says the site holds, as publish and retire make the server's reload.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadLibrary, type Library, type Model } from '../../../server/models/library.js';
import { LiveLibrary } from '../../../server/models/live-library.js';
import { runModel } from '../../../server/models/runner.js';
import { scheduleModels, type Scheduler } from '../../../server/models/scheduler.js';
import { freshGraph } from '../../support/db.js';

let db: Executor;
let scheduler: Scheduler | undefined;
const libraryOf = (models: Model[]): Library => ({ models, refused: [], get: (id) => models.find((m) => m.id === id) });

beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  scheduler?.stop();
  await db?.close();
});

describe('the model schedule', () => {
  it('runs a model published since the start, stops running a retired one, and runs the new revision of a republished one', async () => {
    const shipped = loadLibrary();
    // Two real models, due every 150 ms; the empty graph makes each run quick.
    const [a, b] = [shipped.models[0]!, shipped.models[1]!].map((m) => ({ ...m, scheduleMs: 150 }));
    // A first run of a model on a fresh server takes tens of seconds on a busy machine (planning); done
    // here, so the waits below measure the schedule and not the planner.
    for (const m of [a!, b!]) expect((await runModel(db, m)).error).toBeNull();
    let site = libraryOf([a!]);
    const live = new LiveLibrary(site, () => Promise.resolve(site));
    const ran: { id: string; revision: number }[] = [];
    const logged: string[] = [];
    scheduler = scheduleModels(
      db,
      live,
      (m) => logged.push(m),
      (r) => ran.push({ id: r.modelId, revision: r.modelRevision }),
      undefined,
      undefined,
      { syncMs: 100 },
    );
    await vi.waitFor(() => expect(ran.filter((r) => r.id === a!.id).length, logged.join('\n')).toBeGreaterThanOrEqual(2), {
      timeout: 30_000,
      interval: 50,
    });
    expect(ran.map((r) => r.id)).not.toContain(b!.id);

    // b published, a retired: the reload is all the scheduler hears of it.
    site = libraryOf([b!]);
    await live.reload();
    await vi.waitFor(() => expect(ran.filter((r) => r.id === b!.id).length).toBeGreaterThanOrEqual(1), { timeout: 30_000, interval: 50 });
    // A run of a that had started before the reload may still end; none starts after it.
    await new Promise((r) => setTimeout(r, 1_000));
    ran.length = 0;
    await vi.waitFor(() => expect(ran.filter((r) => r.id === b!.id).length).toBeGreaterThanOrEqual(3), { timeout: 30_000, interval: 50 });
    expect(ran.map((r) => r.id)).not.toContain(a!.id);

    // b republished as the next revision: its turns run the new one.
    site = libraryOf([{ ...b!, revision: b!.revision + 1 }]);
    await live.reload();
    await vi.waitFor(() => expect(ran.some((r) => r.id === b!.id && r.revision === b!.revision + 1)).toBe(true), {
      timeout: 30_000,
      interval: 50,
    });
  }, 240_000);
});
