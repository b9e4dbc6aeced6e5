// Every project's temporary files go under one folder of this run, removed when the run ends. Tests make
// folders with mkdtemp (Neo4j homes of their own among them, about 500 MB each once a store exists), and
// many did not remove them: the suite left about 1 GB in /tmp a run, 29 GB after a few days of runs.
// TMPDIR is set before the workers are forked, so os.tmpdir() in the tests, and the processes they spawn,
// use the run's folder. Each project lists this setup; the last teardown to run removes the folder, so no
// project's servers lose their files while another project still runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each project may load this file as a module of its own, so the count lives on the main process's global.
const KEY = Symbol.for('huiyan.test-tmp');
type Shared = { dir: string; users: number };
const shared = globalThis as unknown as Record<symbol, Shared | undefined>;

const remove = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

function newRun(): Shared {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huiyan-tests-'));
  // Vitest answers SIGINT and SIGTERM by exiting without the teardowns below: a run stopped from outside left
  // its folder (Neo4j homes included) in /tmp. The exit event still comes, so the folder goes then too.
  process.once('exit', () => {
    try {
      remove(dir);
    } catch {
      // A server still writing as the run is stopped: what it leaves stays; nothing to report on the way out.
    }
  });
  return { dir, users: 0 };
}

export default function setup(): () => void {
  const run = (shared[KEY] ??= newRun());
  process.env.TMPDIR = run.dir;
  run.users += 1;
  return () => {
    run.users -= 1;
    if (run.users > 0) return;
    remove(run.dir);
    shared[KEY] = undefined;
  };
}
