// Every model runs nightly (the site policy's `schedule.daily`, 02:00 local by default), and a model that
// declares a `schedule` also at that interval; one run of a model at a time: a run still going when its
// next turn comes is not started twice. With several API servers on one database, only the one holding
// the models lease (platform/db/lease.ts) runs them; the others skip their turns. Every run takes the
// site policy's parameter values. The library is read at each turn (bin/server.ts hands in the live one),
// so a model published later is scheduled and a retired one is not run.
import type { Executor } from '../../platform/db/executor.js';
import type { Library, Model } from './library.js';
import { DEFAULT_DAILY_AT, type ParamSource } from './policy.js';
import { runModel, type RunResult } from './runner.js';

export interface Scheduler {
  stop(): void;
}

/** The next local time `hhmm` (HH:MM) strictly after `now`. */
export function nextDailyRun(now: Date, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(h, m, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** How often the per-model schedules are matched to the library as it is now (a publish or retire reloads it). */
export const SCHEDULE_SYNC_MS = 10_000;

export function scheduleModels(
  db: Executor,
  library: Library,
  log: (m: string) => void,
  onRun: (r: RunResult) => void = () => {},
  lease?: { readonly held: boolean },
  policy?: ParamSource & { readonly dailyAt: string | null },
  opts: { syncMs?: number } = {},
): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  // Per model id: its interval timer and the interval it was set with.
  const intervals = new Map<string, { timer: NodeJS.Timeout; ms: number }>();
  const running = new Set<string>();
  let stopped = false;
  // The model is looked up when its turn comes, so a model published since runs its new revision and a
  // retired one does not run at all.
  const turn = async (id: string, why: string): Promise<void> => {
    const model: Model | undefined = library.get(id);
    if (stopped || !model || running.has(id) || (lease && !lease.held)) return;
    running.add(id);
    try {
      const r = await runModel(db, model, { policy });
      onRun(r);
      if (r.error) log(`${why} run of ${id} failed: ${r.error}`);
    } catch (e) {
      log(`${why} run of ${id} failed: ${(e as Error).message}`);
    } finally {
      running.delete(id);
    }
  };
  const sync = (): void => {
    const wanted = new Map(library.models.filter((m) => m.scheduleMs).map((m) => [m.id, m.scheduleMs!]));
    for (const [id, t] of intervals)
      if (wanted.get(id) !== t.ms) {
        clearInterval(t.timer);
        intervals.delete(id);
      }
    for (const [id, ms] of wanted) {
      if (intervals.has(id)) continue;
      const timer = setInterval(() => void turn(id, 'scheduled'), ms);
      // A schedule never keeps the process alive on its own; shutdown stops it first anyway.
      timer.unref();
      intervals.set(id, { timer, ms });
    }
  };
  sync();
  const syncTimer = setInterval(sync, opts.syncMs ?? SCHEDULE_SYNC_MS);
  syncTimer.unref();
  timers.push(syncTimer);
  const dailyAt = policy ? policy.dailyAt : DEFAULT_DAILY_AT;
  const nightly = (): void => {
    if (stopped || !dailyAt) return;
    const timer = setTimeout(
      () => {
        void (async () => {
          // The library as it is tonight, not as it was at start.
          const ids = library.models.map((m) => m.id);
          if (!lease || lease.held) log(`Nightly run (${dailyAt}) of ${ids.length} models…`);
          // One after another, as at start: the nightly run must not crowd the database.
          for (const id of ids) if (!stopped) await turn(id, 'nightly');
          nightly();
        })();
      },
      nextDailyRun(new Date(), dailyAt).getTime() - Date.now(),
    );
    timer.unref();
    timers.push(timer);
  };
  nightly();
  return {
    stop: () => {
      stopped = true;
      timers.forEach((t) => clearTimeout(t));
      for (const t of intervals.values()) clearInterval(t.timer);
      intervals.clear();
    },
  };
}
