// Opens the Neo4j a test suite runs on. When another run of the same suite holds the suite's home (two
// developers' runs, or a run beside a helper's), this run takes a temporary home of its own instead of
// waiting or failing, and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { loadTestConfig, type Config } from '../../platform/config.js';
import { RuntimeError } from '../../platform/neo4j/errors.js';
import { openNeo4j, type Neo4jHandle } from '../../platform/neo4j/runtime.js';

export async function openTestNeo4j(
  suite: string,
  log: (m: string) => void,
): Promise<{ cfg: Config; handle: Neo4jHandle; close(): Promise<void> }> {
  const cfg = loadTestConfig(suite);
  try {
    const handle = await openNeo4j(cfg, log);
    return { cfg, handle, close: () => handle.close() };
  } catch (e) {
    if (!(e instanceof RuntimeError && e.code === 'ALREADY_RUNNING') || cfg.neo4j.kind !== 'embedded') throw e;
    const home = mkdtempSync(`${os.tmpdir()}/huiyan-${suite}-`);
    log(`${cfg.neo4j.homeDir} is busy with another test run; using ${home} for this one`);
    const own: Config = { ...cfg, neo4j: { ...cfg.neo4j, homeDir: home } };
    const handle = await openNeo4j(own, log);
    return {
      cfg: own,
      handle,
      close: async () => {
        await handle.close();
        rmSync(home, { recursive: true, force: true });
      },
    };
  }
}
