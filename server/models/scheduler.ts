// Re-runs each model that declares a `schedule` at that interval, one run of a model at a time: a run that
// is still going when its next turn comes is not started twice. With several API servers on one database,
// only the one holding the models lease (platform/db/lease.ts) runs them; the others skip their turns.
import type { Executor } from '../../platform/db/executor.js';
import type { Library } from './library.js';
import { runModel, type RunResult } from './runner.js';

export interface Scheduler {
  stop(): void;
}

export function scheduleModels(
  db: Executor,
  library: Library,
  log: (m: string) => void,
  onRun: (r: RunResult) => void = () => {},
  lease?: { readonly held: boolean },
): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  for (const model of library.models) {
    if (!model.scheduleMs) continue;
    const timer = setInterval(() => {
      if (running.has(model.id) || (lease && !lease.held)) return;
      running.add(model.id);
      runModel(db, model)
        .then((r) => {
          onRun(r);
          if (r.error) log(`scheduled run of ${model.id} failed: ${r.error}`);
        })
        .catch((e: unknown) => log(`scheduled run of ${model.id} failed: ${(e as Error).message}`))
        .finally(() => running.delete(model.id));
    }, model.scheduleMs);
    // A schedule never keeps the process alive on its own; shutdown stops it first anyway.
    timer.unref();
    timers.push(timer);
  }
  return { stop: () => timers.forEach(clearInterval) };
}
