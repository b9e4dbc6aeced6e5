// Every model runs nightly (the site policy's `schedule.daily`, 02:00 local by default), and a model that
// declares a `schedule` also at that interval; one run of a model at a time: a run still going when its
// next turn comes is not started twice. With several API servers on one database, only the one holding
// the models lease (platform/db/lease.ts) runs them; the others skip their turns. Every run takes the
// site policy's parameter values.
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

export function scheduleModels(
  db: Executor,
  library: Library,
  log: (m: string) => void,
  onRun: (r: RunResult) => void = () => {},
  lease?: { readonly held: boolean },
  policy?: ParamSource & { readonly dailyAt: string | null },
): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  let stopped = false;
  const turn = async (model: Model, why: string): Promise<void> => {
    if (running.has(model.id) || (lease && !lease.held)) return;
    running.add(model.id);
    try {
      const r = await runModel(db, model, { policy });
      onRun(r);
      if (r.error) log(`${why} run of ${model.id} failed: ${r.error}`);
    } catch (e) {
      log(`${why} run of ${model.id} failed: ${(e as Error).message}`);
    } finally {
      running.delete(model.id);
    }
  };
  for (const model of library.models) {
    if (!model.scheduleMs) continue;
    const timer = setInterval(() => void turn(model, 'scheduled'), model.scheduleMs);
    // A schedule never keeps the process alive on its own; shutdown stops it first anyway.
    timer.unref();
    timers.push(timer);
  }
  const dailyAt = policy ? policy.dailyAt : DEFAULT_DAILY_AT;
  const nightly = (): void => {
    if (stopped || !dailyAt) return;
    const timer = setTimeout(
      () => {
        void (async () => {
          if (!lease || lease.held) log(`Nightly run (${dailyAt}) of ${library.models.length} models…`);
          // One after another, as at start: the nightly run must not crowd the database.
          for (const model of library.models) if (!stopped) await turn(model, 'nightly');
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
    },
  };
}
