// A Neo4j of the benchmark's own: the embedded server on a fresh home under var/bench (never .neo4j/home),
// on a free port, with the configured heap and page cache.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config, type EmbeddedNeo4j } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { openNeo4j, type Neo4jHandle } from '../../platform/neo4j/runtime.js';

/** The embedded server on this home as it is (a home a run left behind, reopened), on a free port. */
export function homeConfig(home: string): Config {
  return loadConfig({ ...process.env, HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: '0', NEO4J_URI: '' });
}

/** The same on a fresh home: whatever was there is removed first. */
export function benchConfig(home: string): Config {
  rmSync(home, { recursive: true, force: true });
  return homeConfig(home);
}

export async function startBenchServer(cfg: Config): Promise<Neo4jHandle> {
  return openNeo4j(cfg, () => undefined);
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
    // Fields after the command name (which sits in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
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

/** Starts counting CPU seconds on the home's server and here; the returned function gives what was used since. */
export function cpuSince(home: string): () => { java?: number; node: number } {
  const java0 = javaCpuSeconds(home);
  const node0 = nodeCpuSeconds();
  return () => {
    const java1 = javaCpuSeconds(home);
    const node = Math.round((nodeCpuSeconds() - node0) * 10) / 10;
    return java0 !== undefined && java1 !== undefined ? { java: Math.round((java1 - java0) * 10) / 10, node } : { node };
  };
}
