// Every project's temporary files go under one folder of this run, removed when the run ends. Tests make
// folders with mkdtemp (Neo4j homes of their own among them, about 500 MB each once a store exists), and
// many did not remove them: the suite left about 1 GB in /tmp a run, 29 GB after a few days of runs.
// TMPDIR is set before the workers are forked, so os.tmpdir() in the tests, and the processes they spawn,
// use the run's folder. Each project lists this setup; the last teardown to run removes the folder, so no
// project's servers lose their files while another project still runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each project may load this file as a module of its own, so the count lives on the main process's global.
const KEY = Symbol.for('huiyan.test-tmp');
type Shared = { dir: string; users: number };
const shared = globalThis as unknown as Record<symbol, Shared | undefined>;

const remove = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

/**
 * Removes the folder once nothing writes to it any more: checked every second, done when it has been gone five
 * checks in a row, given up after a minute. Its own session, so the signal that stopped the run does not stop it.
 */
const REAPER = `n=0; gone=0
while [ $n -lt 60 ] && [ $gone -lt 5 ]; do
  if [ -e "$1" ]; then gone=0; rm -rf -- "$1"; else gone=$((gone + 1)); fi
  sleep 1; n=$((n + 1))
done`;

function newRun(): Shared {
  const run: Shared = { dir: mkdtempSync(path.join(os.tmpdir(), 'huiyan-tests-')), users: 0 };
  const { dir } = run;
  // Vitest answers SIGINT and SIGTERM by exiting without the teardowns below: a run stopped from outside left
  // its folder (Neo4j homes included) in /tmp. The exit event still comes, so the folder goes then too.
  process.once('exit', () => {
    try {
      remove(dir);
    } catch {
      // A process of the run still writing: the reaper below takes what is left.
    }
    // Stopped part-way (the last teardown never ran): Ctrl-C or a signal to the process group stops the
    // workers and the servers with this process, and those still shutting down write into the folder after
    // this removal (a Neo4j store, tsx's cache: a folder of 5 MB was left so, 2026-12-06). A detached reaper
    // removes the folder once they are done.
    if (run.users > 0) spawn('/bin/sh', ['-c', REAPER, 'huiyan-test-reaper', dir], { detached: true, stdio: 'ignore' }).unref();
  });
  return run;
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
