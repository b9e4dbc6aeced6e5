// npm run neo4j:fetch: fetch the pinned Neo4j jars ahead of time (CI does this before the tests).
import { loadConfig } from '../platform/config.js';
import { ensureJars, pinnedVersion } from '../platform/neo4j/fetch.js';

const cfg = loadConfig();
const runtimeDir = cfg.neo4j.kind === 'embedded' ? cfg.neo4j.runtimeDir : `${process.cwd()}/.neo4j`;
const lib = await ensureJars(runtimeDir, (m) => console.log(m));
console.log(`Neo4j ${pinnedVersion()} jars ready in ${lib}`);
