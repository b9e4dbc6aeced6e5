// The server's CPU by what its threads do, from /proc/<pid>/task: the JIT compiler, the Bolt workers that run
// the statements, the collector, the rest. On two cores the compiler threads of a fresh server used as much CPU
// as the statements themselves during the first file (docs/bench.md, "The server's CPU by thread"), which the
// JVM's one total hides.

export interface ThreadGroups {
  /** C1 and C2 compiler threads. */
  compiler: number;
  /** Bolt worker threads: the statements' execution and commit. */
  query: number;
  /** The collector's threads, and the VM thread, which runs its pauses (the parallel collector's included). */
  collector: number;
  /** Everything else, and threads that ended between the two readings. */
  other: number;
}

export type Group = keyof ThreadGroups;

/** What a JVM thread does, by its name as the kernel keeps it (the first 15 bytes). */
export function groupOf(name: string): Group {
  if (/^C[12] CompilerThre/.test(name)) return 'compiler';
  if (name.startsWith('neo4j.BoltWorke')) return 'query';
  if (/^(GC Thread|ParGC|G1 |VM Thread)/.test(name)) return 'collector';
  return 'other';
}

/**
 * One /proc/<pid>/task/<tid>/stat line: the thread's name and CPU seconds (user + system, at 100 ticks a
 * second). The name sits in parentheses and may itself hold spaces and parentheses, so the fields are read
 * after the last ')'.
 */
export function parseTaskStat(text: string): { name: string; seconds: number } {
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  const f = text.slice(close + 2).split(' ');
  return { name, seconds: (Number(f[11]) + Number(f[12])) / 100 };
}

export type TaskCpu = Map<string, { name: string; seconds: number }>;

/**
 * CPU seconds by group between two readings of a process's threads. A thread that started in between counts
 * whole; one that ended in between is lost from the threads, so `other` is the process's total less the groups
 * and takes it.
 */
export function byGroup(before: TaskCpu, after: TaskCpu, totalSeconds: number): ThreadGroups {
  const g: ThreadGroups = { compiler: 0, query: 0, collector: 0, other: 0 };
  for (const [tid, t] of after) {
    const group = groupOf(t.name);
    if (group !== 'other') g[group] += t.seconds - (before.get(tid)?.seconds ?? 0);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    compiler: r1(g.compiler),
    query: r1(g.query),
    collector: r1(g.collector),
    other: r1(Math.max(0, totalSeconds - g.compiler - g.query - g.collector)),
  };
}
