// `npm run bench -- api --profile`: a CPU profile of this thread (the server's JavaScript: yoga, the plugins,
// resolvers, the driver's encoding and the audit record) while one operation's requests run one after
// another, written as a .cpuprofile (Chrome's DevTools and speedscope open it) and summed by function, so
// that what GraphQL adds to the driver is named rather than guessed. The clients' thread is not profiled.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../platform/config.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  /** function (file:line), the file relative to node_modules or the project. */
  where: string;
  selfMs: number;
  /** Time with this function anywhere on the stack (counted once per sample). */
  totalMs: number;
}

/** Where a frame comes from, short: the package for node_modules, the path in the project otherwise. */
function place(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  return url.startsWith('file:') ? path.relative(ROOT, fileURLToPath(url)) : url;
}

/** Self and total time by function, from the samples (each sample's interval is the next time delta). */
export function summariseProfile(
  p: Profile,
  top = 15,
): { sampledMs: number; busyMs: number; byFunction: ProfileLine[]; byPlace: ProfileLine[] } {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const fn = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  // A package or the project's top folder: where the time is, by owner.
  const owner = (n: ProfileNode) => {
    const at = place(n.callFrame.url);
    if (at.startsWith('(')) return n.callFrame.functionName || at;
    const parts = at.split('/');
    // A scoped package (@scope/name), a project folder (server/audit), or a package or Node's own (node:…).
    const inProject = n.callFrame.url.startsWith('file:') && !n.callFrame.url.includes('/node_modules/');
    return at.startsWith('@') || inProject ? parts.slice(0, 2).join('/') : parts[0]!;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfPlace = new Map<string, number>();
  const totalPlace = new Map<string, number>();
  let sampled = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    sampled += ms;
    const leaf = byId.get(id)!;
    self.set(fn(leaf), (self.get(fn(leaf)) ?? 0) + ms);
    selfPlace.set(owner(leaf), (selfPlace.get(owner(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    const seenPlace = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = fn(n);
      if (!seen.has(k)) {
        total.set(k, (total.get(k) ?? 0) + ms);
        seen.add(k);
      }
      const o = owner(n);
      if (!seenPlace.has(o)) {
        totalPlace.set(o, (totalPlace.get(o) ?? 0) + ms);
        seenPlace.add(o);
      }
    }
  });
  const lines = (s: Map<string, number>, t: Map<string, number>) =>
    [...s.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, selfMs]) => ({ where, selfMs: Math.round(selfMs * 10) / 10, totalMs: Math.round((t.get(where) ?? 0) * 10) / 10 }));
  // The thread's own work: the samples less those where it waited for something (the profiler's "(idle)").
  const busy = sampled - (self.get('(idle) (native):0') ?? 0);
  return {
    sampledMs: Math.round(sampled),
    busyMs: Math.round(busy),
    byFunction: lines(self, total),
    byPlace: lines(selfPlace, totalPlace),
  };
}

/** Runs `work` under the CPU profiler of this thread and writes the profile to `file`. */
export async function profiled<T>(file: string, work: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    // 100 µs: a request's fixed cost is a few milliseconds, which the default 1 ms would barely resolve.
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const result = await work().catch(async (e: unknown) => {
      await session.post('Profiler.stop');
      throw e;
    });
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    writeFileSync(file, JSON.stringify(profile));
    return { result, profile };
  } finally {
    session.disconnect();
  }
}
