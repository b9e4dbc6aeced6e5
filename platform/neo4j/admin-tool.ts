// Runs Neo4j's own admin tool (org.neo4j.cli.AdminTool, the code behind `neo4j-admin`) from the same jar
// folder as the embedded server, with NEO4J_HOME and NEO4J_CONF pointing at its home (docs/neo4j-runtime.md).
// The bulk importer (loaders/bulk) and backup and restore (platform/neo4j/backup.ts) run it this way.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedNeo4j } from '../config.js';
import { jvmOptions } from './embedded.js';
import { ensureJars } from './fetch.js';
import { findJava } from './java.js';

export interface AdminToolRun {
  /** The exit code; 0 is success. */
  code: number | null;
  /** The last lines of the log file, to show with a failure. */
  tail: string;
}

/** Runs AdminTool with args, appending its output to logFile. */
export async function runAdminTool(cfg: EmbeddedNeo4j, args: string[], logFile: string, log: (m: string) => void): Promise<AdminToolRun> {
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
  const tail = code === 0 ? '' : readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
  return { code, tail };
}
