// A Neo4j of the benchmark's own: the embedded server on a fresh home under var/bench (never .neo4j/home),
// on a free port, with the configured heap and page cache.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../../platform/config.js';
import { openNeo4j, type Neo4jHandle } from '../../platform/neo4j/runtime.js';

export function benchConfig(home: string): Config {
  rmSync(home, { recursive: true, force: true });
  return loadConfig({ ...process.env, HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: '0', NEO4J_URI: '' });
}

export async function startBenchServer(cfg: Config): Promise<Neo4jHandle> {
  return openNeo4j(cfg, () => undefined);
}

/** Peak resident memory of the home's Java server so far (VmHWM), in MiB; undefined off Linux. */
export function javaPeakMiB(home: string): number | undefined {
  try {
    const file = path.join(home, 'run', 'huiyan-neo4j.pid');
    if (!existsSync(file)) return undefined;
    const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
