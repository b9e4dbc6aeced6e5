// The API benchmark's profile summary (bench/api/profile.ts): self and total time by function and by owner,
// from a profile of this thread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profiled, summariseProfile } from '../../../bench/api/profile.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-profile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const node = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 9 },
  children,
});

describe('the API benchmark profile', () => {
  it('sums self time at the leaf and total time once per sample along the stack, by function and by package', () => {
    const profile = {
      nodes: [
        node(1, '(root)', ''),
        node(2, 'execute', 'file:///x/node_modules/graphql/execution/execute.js', [3, 4]),
        node(3, 'resolve', 'file:///x/node_modules/graphql/execution/execute.js', [5]),
        node(4, 'encode', 'file:///x/node_modules/neo4j-driver-bolt-connection/lib/packstream.js'),
        node(5, 'execute', 'file:///x/node_modules/graphql/execution/execute.js'),
      ],
      samples: [5, 4, 4, 3],
      // The first delta is the start; each sample lasts until the next.
      timeDeltas: [0, 1000, 2000, 3000, 4000],
      startTime: 0,
      endTime: 10_000,
    };
    profile.nodes[0]!.children = [2];
    const s = summariseProfile(profile);
    expect(s.sampledMs).toBe(10);
    expect(s.busyMs).toBe(10);
    const line = (where: string) => s.byFunction.find((l) => l.where.startsWith(where));
    // "execute" is on the stack twice in the first sample (recursion): counted once.
    expect(line('execute')).toEqual({ where: 'execute graphql/execution/execute.js:10', selfMs: 1, totalMs: 10 });
    expect(line('encode')!.selfMs).toBe(5);
    expect(line('resolve')).toMatchObject({ selfMs: 4, totalMs: 5 });
    expect(s.byPlace.find((l) => l.where === 'graphql')).toMatchObject({ selfMs: 5, totalMs: 10 });
    expect(s.byPlace.find((l) => l.where === 'neo4j-driver-bolt-connection')).toMatchObject({ selfMs: 5, totalMs: 5 });
  });

  it('names the function that kept this thread busy, and writes the profile DevTools opens', async () => {
    function spinForTheProfile(ms: number): number {
      const end = performance.now() + ms;
      let x = 0;
      while (performance.now() < end) x += Math.sqrt(x + 1);
      return x;
    }
    const file = path.join(tmp, 'spin.cpuprofile');
    await profiled(file, async () => {
      for (let i = 0; i < 5; i++) {
        spinForTheProfile(30);
        await new Promise((r) => setTimeout(r, 1));
      }
    });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.nodes.length).toBeGreaterThan(1);
    // 150 ms of spinning, part of it in performance.now() (native, its own line).
    const summary = summariseProfile(written);
    // Busy: the spinning, not the waits between (the profiler's "(idle)").
    expect(summary.busyMs).toBeGreaterThan(100);
    expect(summary.busyMs).toBeLessThanOrEqual(summary.sampledMs);
    const spin = summary.byFunction.find((l) => l.where.startsWith('spinForTheProfile '));
    expect(spin?.where).toMatch(/api-profile\.test\.ts:\d+$/);
    expect(spin!.totalMs).toBeGreaterThan(100);
  });
});
