// npm run load -- <files or folders> [--mappings DIR]… [--rejects DIR] [--batch N] [--bulk [--workers N]] [--snapshot [--delivered YYYY-MM-DD]] [--dry-run]
// Loads department exports into the configured Neo4j, shows rows and rows/s while it runs (a progress bar on
// a terminal, a line every few seconds otherwise, e.g. in CI logs), then prints the reconciliation per file.
// --bulk (also `npm run load:bulk`): the offline importer path for a first big load into an empty embedded
// database with its server stopped (docs/loaders.md "Bulk loading"). Exit status (loaders/core/outcome.ts): 0 every
// file loaded clean, 3 loaded with rejected rows or unbuilt relationships, 4 a file refused or stopped part-way,
// 1 fatal (bad mapping, no database, a loader bug), 2 usage. Unrecognised files are listed, not failures.
// --dry-run: no database; every file read, normalised and reconciled as in a load (loaders/core/check-files.ts).
import path from 'node:path';
import cliProgress from 'cli-progress';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import { openNeo4j } from '../platform/neo4j/runtime.js';
import { publishOnCluster } from '../platform/db/bookmark-relay.js';
import { watchLaunchers } from '../platform/process/launcher-watch.js';
import {
  checkFiles,
  columnNotes,
  columnsMark,
  exitCodeOf,
  fileMark,
  loadFiles,
  loadMappings,
  type FileReport,
  type LoadReport,
  type Progress,
} from '../loaders/index.js';
import { loadFilesBulk, type BulkReport } from '../loaders/bulk/load-bulk.js';
import { recordedCommand } from '../server/audit/command.js';
import { resolvePseudonymKey } from '../platform/identifiers/key-file.js';
import { loadGraphSchema } from '../platform/schema/graph-schema.js';
import { rawKeyCounts, rawKeyWarning } from '../server/migrate/raw-keys.js';
import { isIsoDate, today } from '../loaders/core/snapshot.js';
import { InvalidFeedRegistry, readFeedRegistry, type Feed } from '../platform/feeds/registry.js';
import { runFeedChecks } from '../server/feeds/schedule.js';
import { proposeAfterLoad } from '../server/resolution/after-load.js';
import { feedsFileOf } from '../synth/demo-feeds.js';

class CliUsage extends Error {
  override name = 'CliUsage';
}

function parseArgs(argv: string[], cfg: Config) {
  const paths: string[] = [];
  let rejectsDir = path.join(cfg.varDir, 'rejects');
  let batchSize: number | undefined;
  let bulk = false;
  let snapshot = false;
  let delivered: string | undefined;
  let workers: number | undefined;
  let dryRun = false;
  const mappingDirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--bulk') bulk = true;
    else if (a === '--mappings') mappingDirs.push(path.resolve(argv[++i] ?? ''));
    else if (a === '--rejects') rejectsDir = path.resolve(argv[++i] ?? '');
    else if (a === '--batch') batchSize = Number(argv[++i]);
    else if (a === '--workers') workers = Number(argv[++i]);
    else if (a === '--snapshot') snapshot = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a === '--delivered') delivered = argv[++i] ?? '';
    else if (a === '-h' || a === '--help') throw new CliUsage('');
    else if (a.startsWith('--')) throw new CliUsage(`unknown option ${a}`);
    else paths.push(path.resolve(a));
  }
  if (paths.length === 0) throw new CliUsage('no files or folders given');
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
    throw new CliUsage('--batch needs a positive whole number');
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new CliUsage('--workers needs a whole number (0 reads on the main thread)');
  if (workers !== undefined && !bulk) throw new CliUsage('--workers applies to --bulk loads');
  if (delivered !== undefined && !isIsoDate(delivered)) throw new CliUsage(`--delivered needs a date YYYY-MM-DD, got "${delivered}"`);
  // The importer builds a new store: there is no earlier delivery for a snapshot to end anything in.
  if (snapshot && bulk) throw new CliUsage('--snapshot applies to online loads, not --bulk');
  if (dryRun && (bulk || snapshot)) throw new CliUsage('--dry-run reads the files as any load does; --bulk and --snapshot do not apply');
  const snapshotOpt = snapshot ? { sources: 'all' as const, deliveredOn: delivered ?? today() } : undefined;
  return { paths, rejectsDir, batchSize, bulk, workers, mappingDirs, snapshot: snapshotOpt, delivered, dryRun };
}

/**
 * The one place the CLI gets a database: the configured external Neo4j, the embedded server of a running
 * `npm start` (attached, left running), or the embedded server started for this load and stopped after.
 */
async function openDatabase(cfg: Config): Promise<{ executor: Executor; close(): Promise<void> }> {
  const handle = await openNeo4j(cfg, (m) => console.error(m), { attach: true });
  // On a cluster, the API servers' reads wait for what this load wrote (platform/db/bookmark-relay.ts).
  const close = async () => {
    await publishOnCluster(handle.executor, handle.uri, 'load').catch((e: unknown) =>
      console.error(`could not publish bookmarks: ${(e as Error).message}`),
    );
    await handle.close();
  };
  return { executor: handle.executor, close };
}

function printReport(r: LoadReport): void {
  // A workbook that holds several sources is a row each: the sheet tells them apart.
  const shared = (f: FileReport) => r.files.filter((x) => x.path === f.path).length > 1;
  const rows = r.files.map((f) => ({
    file: f.sheet && shared(f) ? `${f.file} › ${f.sheet}` : f.file,
    source: f.source,
    read: f.rowsRead,
    loaded: f.rowsLoaded,
    rejected: f.rowsRejected,
    duplicates: f.duplicatesSkipped,
    ok: fileMark(f),
    columns: columnsMark(f),
    ms: f.durationMs,
    rejects: f.rejectsFile ?? '',
    ended: f.relationshipsEnded ?? 0,
  }));
  console.log('\nReconciliation (read = loaded + rejected + duplicates):');
  console.table(rows);
  // Each source read from one workbook repeats the workbook's own notes (the sheets no mapping reads): once is enough.
  const said = new Set<string>();
  for (const f of r.files)
    for (const line of columnNotes(f)) {
      if (said.has(line)) continue;
      said.add(line);
      console.log(line);
    }
  for (const f of r.files) if (f.snapshotHeld) console.log(`snapshot ${f.source}: nothing ended: ${f.snapshotHeld}`);
  for (const f of r.files)
    if (f.relationshipsReopened) console.log(`${f.file}: ${f.relationshipsReopened} ended relationship(s) named again and reopened`);
  for (const s of r.skipped) console.log(`skipped ${s.path}: [${s.code}] ${s.reason}`);
  // The way out of both refusals a new site's exports meet first, named once.
  const unfit = r.skipped.filter((s) => s.code === 'MISSING_COLUMNS' || (s.code === 'UNKNOWN_SOURCE' && s.reason.includes('nearest')));
  if (unfit.length)
    console.log(
      `${unfit.length} file(s) need a mapping of your own: npm run mapping -- draft ${unfit.map((s) => JSON.stringify(s.path)).join(' ')} drafts one from the nearest (docs/loaders.md "Writing a mapping")`,
    );
  const kin = r.derived.householdKin;
  if (kin) console.log(`household kinship: ${kin.households} households, ${kin.relationships} KIN relationships merged (both directions)`);
  console.log(`done in ${(r.durationMs / 1000).toFixed(1)} s`);
}

/** The audit trail's note of a load: each file and how many rows it wrote. */
const loadWrites = (r: LoadReport) => ({
  writes: r.files.map((f) => ({ action: 'data.load', target: `${f.file} (${f.rowsLoaded} rows)` })),
});

async function main(): Promise<number> {
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), cfg);
  } catch (e) {
    if (!(e instanceof CliUsage)) throw e;
    if (e.message) console.error(e.message);
    console.error(
      'usage: npm run load -- <files or folders> [--mappings DIR]… [--rejects DIR] [--batch N] [--bulk [--workers N]] [--snapshot [--delivered YYYY-MM-DD]] [--dry-run]',
    );
    console.error(
      '  --workers N     bulk: threads reading and normalising text files (default HUIYAN_LOAD_WORKERS, else up to one per core beside the main thread, started while the memory budget HUIYAN_LOAD_MEMORY_MB (1536) allows; 0: the main thread alone)',
    );
    console.error('  --mappings DIR  your own mapping YAML files, beside the shipped ones (same id: yours replaces it)');
    console.error('  --snapshot      the files are full snapshots: what earlier deliveries had and these lack is ended (not deleted)');
    console.error("  --delivered D   the snapshot's delivery date, the end date of what it lacks (default today)");
    console.error(
      '  --dry-run       no database: read, normalise and reconcile every file as a load would; rejects under <rejects>/dry-run',
    );
    return e.message ? 2 : 0;
  }
  // The key `npm start` uses (HUIYAN_PSEUDONYM_KEY, else the key file, else a new one): loads and search agree.
  const key = resolvePseudonymKey(cfg);
  if (key.source === 'generated') console.error(`Generated a pseudonymisation key in ${key.file}: back it up with the database.`);
  const progress = progressReporter();
  const common = {
    rejectsDir: args.rejectsDir,
    pseudonymKey: key.key,
    ...(args.batchSize ? { batchSize: args.batchSize } : {}),
    ...(args.mappingDirs.length ? { extraMappingsDirs: args.mappingDirs } : {}),
    onProgress: progress.update,
  };
  if (args.dryRun) {
    try {
      const report = await checkFiles(args.paths, { ...common, rejectsDir: path.join(args.rejectsDir, 'dry-run') });
      progress.stop();
      printReport(report);
      console.log(
        "dry run (预检): nothing was written to the database. Not checked: whether references name records already loaded (a bid's project), and what a snapshot would end.",
      );
      return exitCodeOf(report);
    } finally {
      progress.stop();
    }
  }
  if (args.bulk) {
    try {
      const { report } = await recordedCommand(
        cfg.varDir,
        `load --bulk ${args.paths.join(' ')}`,
        () =>
          loadFilesBulk(cfg, args.paths, {
            ...common,
            ...(args.workers !== undefined ? { workers: args.workers } : {}),
            log: (m) => console.error(m),
          }),
        (r) => loadWrites(r.report),
      );
      progress.stop();
      printReport(report);
      console.log(
        `bulk: ${report.nodes} nodes, ${report.relationships} relationships; ${readThreadsLine(report)}, ${report.csvThreads} CSV thread(s); phases (ms) ${JSON.stringify(report.phases)}`,
      );
      // The loading process's memory per phase (the importer and the server are JVMs of their own).
      const mem = Object.entries(report.memory).map(([p, m]) => `${p} ${m.rssPeakMiB}/${m.maxRssMiB}`);
      console.log(`bulk: memory per phase, MiB (sampled RSS peak / process high-water mark): ${mem.join(', ')}`);
      // What the resident set is made of (memory.ts): the main thread's heap, its ArrayBuffers, the reading threads' heaps.
      const parts = Object.entries(report.memory).map(
        ([p, m]) => `${p} ${m.heapPeakMiB}/${m.buffersPeakMiB}${m.threadsHeapPeakMiB ? `/${m.threadsHeapPeakMiB}` : ''}`,
      );
      console.log(`bulk: of which, MiB (main heap / ArrayBuffers / reading threads' heaps, each its phase's peak): ${parts.join(', ')}`);
      const cpu = Object.entries(report.memory).map(([p, m]) => `${p} ${(m.cpuMs / 1000).toFixed(1)}`);
      console.log(`bulk: CPU time of this process per phase, s: ${cpu.join(', ')}`);
      return exitCodeOf(report);
    } finally {
      progress.stop();
    }
  }
  const db = await openDatabase(cfg);
  // Keyed rows into a graph that still holds raw keys would store each person twice (raw and keyed).
  const raw = rawKeyWarning(await rawKeyCounts(db.executor, loadGraphSchema()));
  if (raw) {
    await db.close();
    console.error(`Not loading. ${raw}`);
    return 1;
  }
  // Ctrl-C mid-load: the batches committed so far stay (a reload skips nothing and changes nothing), and an
  // embedded server started for this load is stopped rather than left behind.
  // kill -9 leaves it to the embedded server's watchdog (platform/neo4j/embedded.ts); a signal to the npm or
  // tsx above this process never reaches it, so it watches them (platform/process/launcher-watch.ts).
  const interrupted = () => void db.close().finally(() => process.exit(130));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, interrupted);
  watchLaunchers((why) => {
    console.error(`Stopping the load: ${why}.`);
    interrupted();
  });
  // --snapshot makes every file a full snapshot; without it, the feeds the registry declares full snapshots are.
  const feeds = readRegistry(cfg, args.mappingDirs);
  const snapshot = args.snapshot ?? registrySnapshot(feeds, args.delivered);
  if (!args.snapshot && snapshot && !args.bulk)
    console.log(
      `Full snapshots per the feed registry (docs/feeds.md), delivered ${snapshot.deliveredOn}: ${[...snapshot.sources].join(', ')}`,
    );
  try {
    const report = await recordedCommand(
      cfg.varDir,
      `load ${args.snapshot ? `--snapshot --delivered ${args.snapshot.deliveredOn} ` : ''}${args.paths.join(' ')}`,
      () => loadFiles(db.executor, args.paths, { ...common, ...(snapshot ? { snapshot } : {}) }),
      loadWrites,
    );
    progress.stop();
    printReport(report);
    // Right after the load, so a delivery closes its overdue alert at once.
    if (feeds.length) await runFeedChecks(db.executor, feeds, (m) => console.log(m));
    await proposeAfterLoad(db.executor, (m) => console.log(m));
    return exitCodeOf(report);
  } finally {
    progress.stop();
    await db.close();
  }
}

/**
 * The feed registry (docs/feeds.md), read once per load. A registry that cannot be read is reported, not a
 * failed load: every file is then a delta, which ends nothing (the safe side), and no feed check runs.
 */
function readRegistry(cfg: Config, mappingDirs: string[]): Feed[] {
  const file = feedsFileOf(cfg);
  if (!file) return [];
  try {
    return readFeedRegistry(
      file,
      loadMappings({ extraDirs: mappingDirs }).map((m) => m.id),
    );
  } catch (e) {
    if (!(e instanceof InvalidFeedRegistry)) throw e;
    console.error(`The feed registry cannot be read: every file loads as a delta and no feed check runs: ${e.message}`);
    return [];
  }
}

/** The mappings of the feeds the registry declares full snapshots, with the delivery date. */
function registrySnapshot(feeds: Feed[], delivered: string | undefined) {
  const sources = feeds.filter((f) => f.delivery === 'snapshot').flatMap((f) => f.mappings);
  return sources.length ? { sources, deliveredOn: delivered ?? today() } : undefined;
}

/**
 * A progress bar on a terminal; elsewhere (CI, a log file) a plain line at most every 5 seconds and one
 * per file, since a redrawn bar would only fill the log with control characters.
 */
function progressReporter(): { update: (p: Progress) => void; stop: () => void } {
  if (!process.stdout.isTTY) {
    let last = 0;
    let lastFile = '';
    return {
      update: (p) => {
        const now = Date.now();
        if (p.file === lastFile && now - last < 5000) return;
        last = now;
        lastFile = p.file;
        console.log(`${p.source} ${p.file}: ${p.rowsRead} rows, ${p.rowsPerSec} rows/s`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{source} {file} | {rows} rows | {rate} rows/s', hideCursor: true, noTTYOutput: false, etaBuffer: 1 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { source: p.source, file: p.file, rows: p.rowsRead, rate: p.rowsPerSec };
      if (!started) {
        bar.start(0, 0, payload);
        started = true;
      } else bar.update(0, payload);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
    process.exit(1);
  },
);

/** The reading threads of a bulk load, as the summary prints them. */
function readThreadsLine(r: BulkReport): string {
  const n = r.readRanges;
  const most =
    r.readBudgetMiB !== undefined
      ? `up to ${r.readWorkers} reading thread(s) under ${r.readBudgetMiB} MiB`
      : `${r.readWorkers} reading thread(s)`;
  if (!n) return most;
  const sized =
    r.readBudgetMiB !== undefined ? `, at most ${n.mostThreads} at once, ${n.started} started, ${n.stopped} stopped for memory` : '';
  return `${most} (ranges read by them ${n.threads}, by the main thread ${n.here}${sized})`;
}
