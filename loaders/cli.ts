// npm run load -- <files or folders> [--rejects DIR] [--batch N]
// Loads department exports into the configured Neo4j, shows rows and rows/s while it runs, then prints the
// reconciliation per file. Exits non-zero only on a fatal error (bad mapping, no database, a loader bug);
// rejected rows and unrecognised files are reported, not fatal.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../server/config.js';
import type { Executor } from '../server/db/executor.js';
import { openNeo4j } from '../server/neo4j/runtime.js';
import { loadFiles, type LoadReport } from './index.js';

class CliUsage extends Error {
  override name = 'CliUsage';
}

function parseArgs(argv: string[], cfg: Config) {
  const paths: string[] = [];
  let rejectsDir = path.join(cfg.varDir, 'rejects');
  let batchSize: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rejects') rejectsDir = path.resolve(argv[++i] ?? '');
    else if (a === '--batch') batchSize = Number(argv[++i]);
    else if (a === '-h' || a === '--help') throw new CliUsage('');
    else if (a.startsWith('--')) throw new CliUsage(`unknown option ${a}`);
    else paths.push(path.resolve(a));
  }
  if (paths.length === 0) throw new CliUsage('no files or folders given');
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new CliUsage('--batch needs a positive whole number');
  return { paths, rejectsDir, batchSize };
}

/**
 * The one place the CLI gets a database: the configured external Neo4j, the embedded server of a running
 * `npm start` (attached, left running), or the embedded server started for this load and stopped after.
 */
async function openDatabase(cfg: Config): Promise<{ executor: Executor; close(): Promise<void> }> {
  const handle = await openNeo4j(cfg, (m) => console.error(m), { attach: true });
  return { executor: handle.executor, close: () => handle.close() };
}

function printReport(r: LoadReport): void {
  const rows = r.files.map((f) => ({
    file: f.file,
    source: f.source,
    read: f.rowsRead,
    loaded: f.rowsLoaded,
    rejected: f.rowsRejected,
    duplicates: f.duplicatesSkipped,
    ok: f.reconciles ? '✓' : '✗',
    ms: f.durationMs,
    rejects: f.rejectsFile ?? '',
  }));
  console.log('\nReconciliation (read = loaded + rejected + duplicates):');
  console.table(rows);
  for (const s of r.skipped) console.log(`skipped ${s.path}: [${s.code}] ${s.reason}`);
  const kin = r.derived.householdKin;
  if (kin) console.log(`household kinship: ${kin.households} households, ${kin.relationships} KIN relationships merged (both directions)`);
  console.log(`done in ${(r.durationMs / 1000).toFixed(1)} s`);
}

async function main(): Promise<number> {
  const cfg = loadConfig();
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), cfg);
  } catch (e) {
    if (!(e instanceof CliUsage)) throw e;
    if (e.message) console.error(e.message);
    console.error('usage: npm run load -- <files or folders> [--rejects DIR] [--batch N]');
    return e.message ? 2 : 0;
  }
  const db = await openDatabase(cfg);
  // Ctrl-C mid-load: the batches committed so far stay (a reload skips nothing and changes nothing), and an
  // embedded server started for this load is stopped rather than left behind.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void db.close().finally(() => process.exit(130)));
  const bar = new cliProgress.SingleBar(
    { format: '{source} {file} | {rows} rows | {rate} rows/s', hideCursor: true, noTTYOutput: false, etaBuffer: 1 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const report = await loadFiles(db.executor, args.paths, {
      rejectsDir: args.rejectsDir,
      ...(cfg.pseudonymKey ? { pseudonymKey: cfg.pseudonymKey } : {}),
      ...(args.batchSize ? { batchSize: args.batchSize } : {}),
      onProgress: (p) => {
        const payload = { source: p.source, file: p.file, rows: p.rowsRead, rate: p.rowsPerSec };
        if (!started) {
          bar.start(0, 0, payload);
          started = true;
        } else bar.update(0, payload);
      },
    });
    if (started) bar.stop();
    printReport(report);
    return report.files.every((f) => f.reconciles) ? 0 : 1;
  } finally {
    if (started) bar.stop();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
    process.exit(1);
  },
);
