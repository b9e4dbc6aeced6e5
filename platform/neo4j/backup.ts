// Backup and restore of the embedded database with Neo4j's own `neo4j-admin database dump` and
// `database load`. Community Neo4j dumps and loads only a database no server has open, so both refuse
// while a server runs on the home (an `npm start`): they never stop someone else's server. The graph is
// the `neo4j` database; users, sessions and alerts live in it too, so a dump holds all of huiyan's state
// except plain files: the audit trail (var/) and the pseudonymisation key file (in the home; bin/backup.ts says so).
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config, EmbeddedNeo4j } from '../config.js';
import { runAdminTool } from './admin-tool.js';
import { runningServerPid, setInitialPassword } from './embedded.js';

export type BackupErrorCode = 'EXTERNAL_NEO4J' | 'SERVER_RUNNING' | 'NO_DATABASE' | 'NO_DUMP' | 'WOULD_OVERWRITE' | 'ADMIN_FAILED';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const hasDatabase = (cfg: EmbeddedNeo4j) => existsSync(path.join(cfg.homeDir, 'data', 'databases', cfg.database));

/** The embedded settings, or the refusal for an external server (its operator backs it up with its own tools). */
export function embeddedOnly(neo4j: Config['neo4j']): EmbeddedNeo4j {
  if (neo4j.kind === 'external')
    throw new BackupError(
      'EXTERNAL_NEO4J',
      `NEO4J_URI points at a Neo4j huiyan does not run (${neo4j.uri}): back it up with that server's own tools (neo4j-admin database dump, or neo4j-admin database backup on Enterprise), on the machine it runs on.`,
    );
  return neo4j;
}

function refuseIfRunning(cfg: EmbeddedNeo4j): void {
  const pid = runningServerPid(cfg.homeDir);
  if (pid !== undefined)
    throw new BackupError(
      'SERVER_RUNNING',
      `A Neo4j (pid ${pid}) is running on ${cfg.homeDir}; Community Neo4j dumps and loads only a stopped database. Stop huiyan (Ctrl-C in its terminal, or SIGTERM to its npm start) and run this again; start it afterwards.`,
    );
}

async function admin(cfg: EmbeddedNeo4j, args: string[], log: (m: string) => void): Promise<void> {
  mkdirSync(path.join(cfg.homeDir, 'logs'), { recursive: true });
  const logFile = path.join(cfg.homeDir, 'logs', 'backup.log');
  const { code, tail } = await runAdminTool(cfg, args, logFile, log);
  if (code !== 0)
    throw new BackupError('ADMIN_FAILED', `neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit ${code}); see ${logFile}:\n${tail}`);
}

export interface DumpResult {
  file: string;
  bytes: number;
  durationMs: number;
}

/** `neo4j-<UTC time>.dump`: sorts by time, and a second dump never replaces the first. */
export const dumpName = (at: Date) =>
  `neo4j-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.dump`;

/** Dumps the graph into `toDir` as one file. Written under a temporary name first, so a failed dump leaves no file that looks whole. */
export async function dumpDatabase(neo4j: Config['neo4j'], toDir: string, log: (m: string) => void, now = new Date()): Promise<DumpResult> {
  const cfg = embeddedOnly(neo4j);
  refuseIfRunning(cfg);
  if (!hasDatabase(cfg)) throw new BackupError('NO_DATABASE', `${cfg.homeDir} holds no database yet: nothing to dump.`);
  const t0 = Date.now();
  mkdirSync(toDir, { recursive: true });
  const file = path.join(toDir, dumpName(now));
  if (existsSync(file)) throw new BackupError('ADMIN_FAILED', `${file} exists already; wait a second and dump again.`);
  const tmp = mkdtempSync(path.join(toDir, '.dumping-'));
  try {
    await admin(cfg, ['database', 'dump', cfg.database, `--to-path=${tmp}`], log);
    renameSync(path.join(tmp, `${cfg.database}.dump`), file);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { file, bytes: statSync(file).size, durationMs: Date.now() - t0 };
}

export interface RestoreResult {
  replaced: boolean;
  durationMs: number;
}

/**
 * Loads a dump into the home's database. A database already there is replaced only with `force`. An empty
 * home gets its password first, as a first start would, so `npm start` runs on it as usual.
 */
export async function restoreDatabase(
  neo4j: Config['neo4j'],
  file: string,
  opts: { force: boolean; log: (m: string) => void },
): Promise<RestoreResult> {
  const cfg = embeddedOnly(neo4j);
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError('NO_DUMP', `No dump file at ${file}.`);
  refuseIfRunning(cfg);
  const replaced = hasDatabase(cfg);
  if (replaced && !opts.force)
    throw new BackupError(
      'WOULD_OVERWRITE',
      `${cfg.homeDir} already holds a database, which the restore would replace. Add --force to replace it (dump it first with npm run backup -- dump to keep a copy).`,
    );
  const t0 = Date.now();
  for (const d of ['data', 'logs', 'run', 'conf']) mkdirSync(path.join(cfg.homeDir, d), { recursive: true });
  if (!existsSync(path.join(cfg.homeDir, 'huiyan-password'))) await setInitialPassword(cfg, opts.log);
  // The load command reads `<database>.dump` from a folder: the file is linked there under that name.
  const tmp = mkdtempSync(path.join(cfg.homeDir, 'run', 'restore-'));
  try {
    const staged = path.join(tmp, `${cfg.database}.dump`);
    try {
      linkSync(path.resolve(file), staged);
    } catch {
      copyFileSync(file, staged); // another file system
    }
    await admin(cfg, ['database', 'load', cfg.database, `--from-path=${tmp}`, `--overwrite-destination=${replaced}`], opts.log);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { replaced, durationMs: Date.now() - t0 };
}
