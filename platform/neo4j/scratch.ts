// A throwaway embedded Neo4j for whole-pipeline runs (eval, benchmarks): its own home under var/, a free
// port, small memory, and the home deleted on close. It never touches the home `npm start` uses.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { openNeo4j, type Neo4jHandle } from './runtime.js';

export async function openScratchNeo4j(
  name: string,
  log: (m: string) => void,
  opts: { heap?: string; pageCache?: string; keep?: boolean } = {},
): Promise<{ cfg: Config; handle: Neo4jHandle; home: string; close(): Promise<void> }> {
  const base = loadConfig();
  const root = path.join(base.varDir, 'scratch');
  mkdirSync(root, { recursive: true });
  const home = mkdtempSync(path.join(root, `${name}-`));
  const cfg = loadConfig({
    ...(base.neo4j.kind === 'embedded' ? base.neo4j.childEnv : {}),
    NEO4J_URI: '',
    HUIYAN_NEO4J_HOME: home,
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: opts.heap ?? '1g',
    HUIYAN_NEO4J_PAGECACHE: opts.pageCache ?? '256m',
  });
  const handle = await openNeo4j(cfg, log);
  return {
    cfg,
    handle,
    home,
    close: async () => {
      await handle.close();
      if (!opts.keep) rmSync(home, { recursive: true, force: true });
    },
  };
}
