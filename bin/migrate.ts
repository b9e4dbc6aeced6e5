// npm run migrate -- pseudonymise
// Re-keys a database loaded with raw ID numbers (README, "Pseudonymisation key"): with the server
// stopped, every raw ID number becomes its keyed token, with the key `npm start` uses (HUIYAN_PSEUDONYM_KEY
// or the key file, generated here if there is none yet). Safe to run again: it finishes what an interrupted
// run left and changes nothing when nothing raw is left.
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { KeyFileError, resolvePseudonymKey } from '../platform/identifiers/key-file.js';
import { openNeo4j } from '../platform/neo4j/runtime.js';
import { RuntimeError } from '../platform/neo4j/errors.js';
import { loadGraphSchema } from '../platform/schema/graph-schema.js';
import { loadLibrary } from '../server/models/library.js';
import { MigrationRefused, pseudonymise } from '../server/migrate/pseudonymise.js';
import { pseudonymKeyNotice } from '../server/startup-warnings.js';

const USAGE = 'usage: npm run migrate -- pseudonymise';
const log = (m: string) => console.log(`[migrate] ${m}`);

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'pseudonymise' || rest.length) {
    console.error(
      command && command !== '-h' && command !== '--help' ? `unknown command ${[command, ...rest].join(' ')}\n${USAGE}` : USAGE,
    );
    return command === '-h' || command === '--help' ? 0 : 2;
  }
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  const key = resolvePseudonymKey(cfg);
  log(pseudonymKeyNotice(key));
  // Not attached to a running server: its scheduled model runs would interleave with the re-keying.
  const neo4j = await openNeo4j(cfg, log);
  try {
    const t0 = Date.now();
    const library = loadLibrary();
    const r = await pseudonymise(neo4j.executor, { schema: loadGraphSchema(), library, key: key.key, log });
    const rekeyed = Object.entries(r.rekeyed);
    if (rekeyed.length === 0) return 0;
    log(
      `Done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${rekeyed.map(([l, n]) => `${n} ${l}`).join(', ')} re-keyed; ${r.alertsUpdated} alerts and ${r.modelRunsUpdated} model runs updated.`,
    );
    if (r.alertsUnknownIdentity)
      log(
        `${r.alertsUnknownIdentity} alert(s) keep their old fingerprint: neither their model nor their evidence tells their identity. They keep their history; should their model find them again, it raises them as new alerts.`,
      );
    if (r.alertsConflicting.length)
      log(
        `${r.alertsConflicting.length} alert(s) left unchanged: another alert already has their new fingerprint (${r.alertsConflicting.join(', ')}).`,
      );
    return 0;
  } finally {
    await neo4j.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof MigrationRefused || e instanceof RuntimeError || e instanceof ConfigError || e instanceof KeyFileError)
      console.error(`[migrate] ${e.message}`);
    else console.error('[migrate] failed:', e);
    process.exit(1);
  },
);
