// Runs Neo4j's own admin tool (org.neo4j.cli.AdminTool, the code behind `neo4j-admin`) from the same jar
// folder as the embedded server, with NEO4J_HOME and NEO4J_CONF pointing at its home (docs/neo4j-runtime.md).
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedNeo4j } from '../../platform/config.js';
import { ensureJars } from '../../platform/neo4j/fetch.js';
import { jvmOptions } from '../../platform/neo4j/embedded.js';
import { findJava } from '../../platform/neo4j/java.js';

/** The bulk path cannot run here (server running, database not empty, external Neo4j, importer failed). */
export class BulkRefused extends Error {
  override name = 'BulkRefused';
  readonly code = 'BULK_REFUSED';
}

/** Runs AdminTool with args; output goes to logFile; a failure names the log and shows its last lines. */
export async function adminTool(cfg: EmbeddedNeo4j, args: string[], logFile: string, log: (m: string) => void): Promise<void> {
  const java = findJava(cfg.javaHome);
  const libDir = await ensureJars(cfg.runtimeDir, log);
  const home = cfg.homeDir;
  const out = createWriteStream(logFile, { flags: 'a' });
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      java.bin,
      [`-Xmx${cfg.heap}`, ...jvmOptions(cfg), '-cp', path.join(libDir, '*'), 'org.neo4j.cli.AdminTool', ...args],
      {
        env: { ...cfg.childEnv, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise<void>((r) => out.end(r));
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
    throw new BulkRefused(`neo4j-admin ${args.slice(0, 3).join(' ')} failed (exit ${code}); see ${logFile}:\n${tail}`);
  }
}
