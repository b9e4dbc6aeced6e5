// A Neo4j of the benchmark's own: the embedded server on a fresh home under var/bench (never .neo4j/home),
// on a free port, with the configured heap and page cache.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config, type EmbeddedNeo4j } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { openNeo4j, type Neo4jHandle } from '../../platform/neo4j/runtime.js';
import { byGroup, parseTaskStat, type TaskCpu, type ThreadGroups } from './thread-cpu.js';

/** The embedded server on this home as it is (a home a run left behind, reopened), on a free port. */
export function homeConfig(home: string): Config {
  return loadConfig({ ...process.env, HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: '0', NEO4J_URI: '' });
}

/** The same on a fresh home: whatever was there is removed first. */
export function benchConfig(home: string): Config {
  rmSync(home, { recursive: true, force: true });
  return homeConfig(home);
}

/**
 * `--server-cores`: the server on some of the machine's cores and the benchmark's other processes (a loader, the
 * API and its clients) on the others (Linux's taskset), so that their work cannot take the server's CPU, as
 * where they run on a host of their own. Cores as taskset's list: `0`, `0-1`, `0,2`.
 */
export interface CorePin {
  server: string;
  others: string;
}

/** Every thread of process `pid` on `cores`; threads it starts later inherit them. */
export function pinProcess(pid: number, cores: string): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cores, String(pid)], { stdio: 'ignore' });
}

/** The cores of the machine that `server` leaves, as a taskset list; refused when it leaves none or names one it lacks. */
export function corePin(server: string, cores = os.cpus().length): CorePin {
  const all = Array.from({ length: cores }, (_, i) => i);
  const named = new Set<number>();
  for (const part of server.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`--server-cores ${server}: not a list of cores (0, 0-1, 0,2)`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    for (let c = a; c <= b; c++) named.add(c);
  }
  if ([...named].some((c) => c >= cores)) throw new Error(`--server-cores ${server}: this machine has cores 0-${cores - 1}`);
  const rest = all.filter((c) => !named.has(c));
  if (rest.length === 0) throw new Error(`--server-cores ${server} leaves no core for the loading process or the API`);
  return { server: [...named].sort((x, y) => x - y).join(','), others: rest.join(',') };
}

export async function startBenchServer(cfg: Config, pin?: CorePin): Promise<Neo4jHandle> {
  if (!pin) return openNeo4j(cfg, () => undefined);
  // The JVM takes the affinity of the process that starts it, and sizes its collector's and Neo4j's thread
  // pools by it at start: so this process moves to the server's cores while it starts it, and back after.
  pinProcess(process.pid, pin.server);
  try {
    return await openNeo4j(cfg, () => undefined);
  } finally {
    pinProcess(process.pid, pin.others);
  }
}

export const homeOf = (cfg: Config) => (cfg.neo4j as EmbeddedNeo4j).homeDir;

/** The graph's nodes and relationships, which every run of every path must agree on. */
export async function counts(db: Executor): Promise<{ nodes: number; relationships: number }> {
  const n = (await db.read<{ c: number }>('MATCH (n:Entity) RETURN count(n) AS c')).rows[0]!.c;
  const r = (await db.read<{ c: number }>('MATCH ()-[r]->() RETURN count(r) AS c')).rows[0]!.c;
  return { nodes: n, relationships: r };
}

function serverPid(home: string): number | undefined {
  const file = path.join(home, 'run', 'huiyan-neo4j.pid');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid;
}

/**
 * CPU seconds the home's Java server has used so far (user + system, /proc/<pid>/stat); undefined off Linux.
 * On a machine shared with other work, the server's CPU time for a load moves far less than its wall time.
 */
export function javaCpuSeconds(home: string): number | undefined {
  try {
    const pid = serverPid(home);
    if (pid === undefined) return undefined;
    // The process's stat line has its threads' form (thread-cpu.ts), summed over all its threads, ended ones too.
    return parseTaskStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).seconds;
  } catch {
    return undefined;
  }
}

/** CPU seconds this Node process has used so far. */
export function nodeCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Peak resident memory of the home's Java server so far (VmHWM), in MiB; undefined off Linux. */
export function javaPeakMiB(home: string): number | undefined {
  try {
    const pid = serverPid(home);
    if (pid === undefined) return undefined;
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The home's Java server's threads and their CPU seconds so far; undefined off Linux. */
export function javaTaskCpu(home: string): TaskCpu | undefined {
  try {
    const pid = serverPid(home);
    if (pid === undefined) return undefined;
    const tasks: TaskCpu = new Map();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        tasks.set(tid, parseTaskStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
      } catch {
        // The thread ended while the others were read.
      }
    }
    return tasks;
  } catch {
    return undefined;
  }
}

/** CPU seconds of a timed part: the server's (and by what its threads do) and this process's. */
export interface CpuSeconds {
  java?: number;
  /** The server's CPU by thread group (thread-cpu.ts); with `java`. */
  javaThreads?: ThreadGroups;
  node: number;
}

/** Starts counting CPU seconds on the home's server and here; the returned function gives what was used since. */
export function cpuSince(home: string): () => CpuSeconds {
  const java0 = javaCpuSeconds(home);
  const tasks0 = javaTaskCpu(home);
  const node0 = nodeCpuSeconds();
  return () => {
    const java1 = javaCpuSeconds(home);
    const tasks1 = javaTaskCpu(home);
    const node = Math.round((nodeCpuSeconds() - node0) * 10) / 10;
    if (java0 === undefined || java1 === undefined) return { node };
    const java = Math.round((java1 - java0) * 10) / 10;
    return { java, ...(tasks0 && tasks1 ? { javaThreads: byGroup(tasks0, tasks1, java1 - java0) } : {}), node };
  };
}
