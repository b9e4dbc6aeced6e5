// huiyan's files hold personal data: the Neo4j store and transaction logs, the server's logs, the rejects
// (rows with raw ID numbers), load reports and exports. Every entry point that touches them calls
// ownerOnly() first: the umask makes everything this process and its children (the Neo4j JVM inherits
// it) create readable by the owner alone, and folders left readable by an earlier run are tightened.
import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

export const OWNER_ONLY_UMASK = 0o077;

/** Sets the process umask and removes group and other access under each existing folder. */
export function ownerOnly(folders: readonly string[]): void {
  process.umask(OWNER_ONLY_UMASK);
  for (const folder of folders) if (existsSync(folder)) tighten(folder);
}

function tighten(p: string): void {
  const st = lstatSync(p);
  // Links are left alone: chmod would follow them out of huiyan's folders.
  if (st.isSymbolicLink()) return;
  if ((st.mode & 0o077) !== 0) chmodSync(p, st.mode & 0o700);
  if (st.isDirectory()) for (const name of readdirSync(p)) tighten(path.join(p, name));
}

/** The folders of a configuration that hold personal data: var/ (rejects, reports) and the embedded home. */
export const dataFolders = (cfg: Config): string[] => [cfg.varDir, ...(cfg.neo4j.kind === 'embedded' ? [cfg.neo4j.homeDir] : [])];
