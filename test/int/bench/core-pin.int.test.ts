// `npm run bench -- load --server-cores`: the server's JVM starts on the cores named (it sizes its thread pools
// by them at start) and the loading process goes back to its own cores once the server answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConfig, homeOf, pinProcess, startBenchServer } from '../../../bench/load/bench-server.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-pin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The cores a process may run on, as taskset prints them ("0,1" or "0-3"), expanded to a list. */
function coresOf(pid: number): number[] {
  const list = execFileSync('taskset', ['--cpu-list', '--pid', String(pid)], { encoding: 'utf8' })
    .split(':')
    .pop()!
    .trim();
  return list.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number) as [number, number?];
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
  });
}

describe('a benchmark server pinned to its cores', () => {
  it('runs the server on the server’s cores and this process on the other cores after the start', async () => {
    const before = coresOf(process.pid);
    const all = Array.from({ length: os.cpus().length }, (_, i) => i);
    // On any machine: the server on core 0 alone, the loader on every core, so that the two lists differ
    // wherever there is more than one core, and the server's is core 0 alone everywhere.
    const pin = { server: '0', others: all.join(',') };
    const cfg = benchConfig(path.join(tmp, 'home'));
    let h;
    try {
      h = await startBenchServer(cfg, pin);
      const java = (JSON.parse(readFileSync(path.join(homeOf(cfg), 'run', 'huiyan-neo4j.pid'), 'utf8')) as { pid: number }).pid;
      expect(coresOf(java)).toEqual([0]);
      expect(coresOf(process.pid)).toEqual(all);
      // The server's threads started after its start (a query's) stay on its cores.
      expect((await h.executor.read<{ one: number }>('RETURN 1 AS one')).rows[0]!.one).toBe(1);
      const tasks = execFileSync('ls', [`/proc/${java}/task`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
      for (const t of tasks) expect(coresOf(Number(t))).toEqual([0]);
    } finally {
      await h?.close();
      pinProcess(process.pid, before.join(','));
    }
  }, 120_000);
});
