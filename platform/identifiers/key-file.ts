// Where the pseudonymisation key comes from, decided in one place for every entry point that loads or
// serves: HUIYAN_PSEUDONYM_KEY when the operator set one, else the key file beside the database password,
// else a new random key written there on first start. So ID numbers are keyed tokens by default, and the
// loaders, the API's exact ID search and the migration all hash with the same key.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { MIN_KEY_CHARS } from './pseudonym.js';

export const KEY_FILE = 'huiyan-pseudonym-key';

export interface PseudonymKey {
  key: string;
  /** env: HUIYAN_PSEUDONYM_KEY; file: read from `file`; generated: written to `file` by this call. */
  source: 'env' | 'file' | 'generated';
  /** The key file (unset when the key came from the environment). */
  file?: string;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/**
 * The folder the key lives in: the embedded Neo4j's home, where its password file is, so the key and
 * the data it keys are kept (and backed up, and deleted) together; for an external Neo4j, var/secrets.
 */
export function keyDir(cfg: Pick<Config, 'neo4j' | 'varDir'>): string {
  return cfg.neo4j.kind === 'embedded' ? cfg.neo4j.homeDir : path.join(cfg.varDir, 'secrets');
}

export const keyFilePath = (cfg: Pick<Config, 'neo4j' | 'varDir'>): string => path.join(keyDir(cfg), KEY_FILE);

/** The key to use: HUIYAN_PSEUDONYM_KEY > the key file > a new key, written owner-only (0600 in a 0700 folder). */
export function resolvePseudonymKey(cfg: Pick<Config, 'neo4j' | 'varDir' | 'pseudonymKey'>): PseudonymKey {
  if (cfg.pseudonymKey) {
    if (cfg.pseudonymKey.length < MIN_KEY_CHARS)
      throw new KeyFileError(`HUIYAN_PSEUDONYM_KEY must be at least ${MIN_KEY_CHARS} characters`);
    return { key: cfg.pseudonymKey, source: 'env' };
  }
  const dir = keyDir(cfg);
  const file = path.join(dir, KEY_FILE);
  if (existsSync(file)) {
    // A key readable by others is no secret: tighten what an earlier copy or restore left open.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < MIN_KEY_CHARS)
      throw new KeyFileError(
        `${file} holds no usable pseudonymisation key (at least ${MIN_KEY_CHARS} characters). Restore it from the backup of this database; a new key would not find the people already loaded.`,
      );
    return { key, source: 'file', file };
  }
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The folder is huiyan's own (the Neo4j home or var/secrets): nobody else needs to list it.
  if (created || (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  // 256 random bits; hex, so the file is one plain line that survives any editor or copy.
  const key = randomBytes(32).toString('hex');
  // 'wx': two processes starting at once must not both write a key; the loser reads the winner's.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return resolvePseudonymKey(cfg);
    throw e;
  }
  chmodSync(file, 0o600);
  return { key, source: 'generated', file };
}
