// npm run backup -- dump [--to DIR]            the embedded graph to DIR (default var/backups) as one file
// npm run backup -- restore <file> [--force]   a dump into the embedded home (--force replaces a database)
// Neo4j's own dump and load (platform/neo4j/backup.ts), with huiyan stopped. Each run goes into the audit trail.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../platform/config.js';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { BackupError, dumpDatabase, restoreDatabase } from '../platform/neo4j/backup.js';
import { RuntimeError } from '../platform/neo4j/errors.js';
import { recordedCommand } from '../server/audit/command.js';
import { keyFilePath } from '../platform/identifiers/key-file.js';

const USAGE = 'usage: npm run backup -- dump [--to DIR] | restore <file> [--force]';
const log = (m: string) => console.log(`[backup] ${m}`);

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '-h' || command === '--help') {
    console.log(USAGE);
    return 0;
  }
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  if (command === 'dump' && (rest.length === 0 || (rest.length === 2 && rest[0] === '--to'))) {
    const toDir = path.resolve(rest[1] ?? path.join(cfg.varDir, 'backups'));
    const r = await recordedCommand(
      cfg.varDir,
      'backup.dump',
      () => dumpDatabase(cfg.neo4j, toDir, log),
      (d) => ({ writes: [{ action: 'backup.dump', target: d.file }] }),
    );
    log(`Dumped to ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB in ${(r.durationMs / 1000).toFixed(1)} s).`);
    // The graph's ID numbers are keyed tokens: without the same key a restored graph no longer matches new loads.
    if (!cfg.pseudonymKey) log(`The pseudonymisation key is not in the dump: keep ${keyFilePath(cfg)} with it.`);
    return 0;
  }
  const file = rest.find((a) => a !== '--force');
  if (command === 'restore' && file && rest.length === (rest.includes('--force') ? 2 : 1)) {
    const r = await recordedCommand(
      cfg.varDir,
      'backup.restore',
      () => restoreDatabase(cfg.neo4j, path.resolve(file), { force: rest.includes('--force'), log }),
      () => ({ writes: [{ action: 'backup.restore', target: path.resolve(file) }] }),
    );
    log(
      `Restored ${file}${r.replaced ? ', replacing the database that was there' : ''} in ${(r.durationMs / 1000).toFixed(1)} s. Start huiyan as usual (npm start).`,
    );
    if (!cfg.pseudonymKey && !existsSync(keyFilePath(cfg)))
      log(
        `WARNING no pseudonymisation key at ${keyFilePath(cfg)}: copy there the key file kept with the dump (or set HUIYAN_PSEUDONYM_KEY) before npm start, which would otherwise make a new key that matches none of the restored ID tokens.`,
      );
    return 0;
  }
  console.error(command ? `unknown arguments: ${[command, ...rest].join(' ')}\n${USAGE}` : USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BackupError || e instanceof RuntimeError) console.error(`[backup] ${e.code}: ${e.message}`);
    else if (e instanceof ConfigError) console.error(`[backup] ${e.message}`);
    else console.error('[backup] failed:', e);
    process.exit(1);
  },
);
