// The configuration of an embedded Neo4j of a test's own, on a home under `tmp` and a free port: for what the
// suite's shared server cannot do (a bulk load needs an empty store and the server stopped).
import path from 'node:path';
import { loadConfig, type Config } from '../../platform/config.js';

export function ownHomeConfig(tmp: string, memory: { heap: string; pageCache: string } = { heap: '512m', pageCache: '128m' }): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: '',
    HUIYAN_NEO4J_HOME: path.join(tmp, 'home'),
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: memory.heap,
    HUIYAN_NEO4J_PAGECACHE: memory.pageCache,
    HUIYAN_VAR: tmp,
  });
}
