// The bulk path for a first big load: the files go through the same mappings, normalisers, rejects and
// reconciliation as online, into sorted runs on disk (collect.ts); the runs are merged and folded into CSV
// for Neo4j's offline importer (importer-csv.ts), which builds the store directly (no transactions, no
// MERGE). Memory stays bounded whatever the size of the files (memory.ts measures it per phase). Only for an empty database on the
// embedded server's home, with the server stopped. Afterwards the server starts, the schema step creates
// the constraints and indexes, and each file's LoadRun is recorded as online.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config, EmbeddedNeo4j } from '../../platform/config.js';
import { runningServerPid, setInitialPassword } from '../../platform/neo4j/embedded.js';
import { openNeo4j, type Neo4jHandle } from '../../platform/neo4j/runtime.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import { mappingsFor, type LoadOptions, type LoadReport } from '../core/load-files.js';
import { saveLoadRun, saveRefusedRun } from '../core/load-run.js';
import { today } from '../core/snapshot.js';
import { loadRunOf } from '../core/file-pass.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { adminTool, BulkRefused } from './admin-tool.js';
import { collectFiles, spillDirOf } from './collect.js';
import { parseImportLog } from './import-log.js';
import { writeCsvFiles } from './csv-pool.js';
import { collectGarbage, PhaseMemoryMeter, type PhaseMemory } from './memory.js';
import { loadWorkers } from './read-pool.js';

export { BulkRefused } from './admin-tool.js';

export interface BulkOptions extends LoadOptions {
  /** Where the importer CSVs and the admin tool's log go; default <varDir>/bulk. Removed after success unless keepCsv. */
  workDir?: string;
  keepCsv?: boolean;
  /** Return the started server instead of stopping it (the benchmark counts what was loaded). */
  keepOpen?: boolean;
  log?: (msg: string) => void;
  /** Threads writing the importer's CSV files (csv-pool.ts); default HUIYAN_CSV_THREADS, else every core. */
  csvThreads?: number;
  /**
   * Threads reading and normalising text files, that many from the start (0: the main thread alone); default
   * HUIYAN_LOAD_WORKERS, else up to one per core beside the main thread, as many as the memory budget allows
   * (read-pool.ts, loadWorkers).
   */
  workers?: number;
}

export interface BulkReport extends LoadReport {
  /**
   * Milliseconds per phase: read (and normalise), csv, import (the admin tool's JVM, start to exit), within
   * it importerStart (JVM start to "Import starting"), importRun (the importer's stages, summed) and
   * importerExit (the rest: its bookkeeping after the stages and the JVM's exit);
   * then start (the server), schema (constraints and indexes built over the imported data), loadRuns.
   */
  phases: Record<string, number>;
  /** The loading process's memory per phase (memory.ts): sampled peak and the kernel's high-water mark, MiB. */
  memory: Record<string, PhaseMemory>;
  /** The importer's stages (node import, relationship import, linking, post processing), ms, from its log. */
  importStages: Record<string, number>;
  nodes: number;
  relationships: number;
  /** The most threads that could read and normalise the text files (0: the main thread alone). */
  readWorkers: number;
  /** The memory budget that sized the reading threads, MiB; absent when their number was given. */
  readBudgetMiB?: number;
  /**
   * With reading threads: the text files' ranges they read, those the main thread read while it would have
   * waited (or while no thread was reading), the most threads reading at once, and threads started and stopped.
   */
  readRanges?: { threads: number; here: number; mostThreads: number; started: number; stopped: number };
  /** Threads that wrote the importer's CSV files (1: the main thread). */
  csvThreads: number;
}

/** Refuses while a server still runs on the home: the importer needs the store to itself. */
function refuseIfRunning(home: string): void {
  const pid = runningServerPid(home);
  if (pid !== undefined) {
    throw new BulkRefused(
      `The Neo4j on ${home} is running (pid ${pid}). The offline importer needs it stopped: stop huiyan (Ctrl-C) and run the bulk load again, or load online with npm run load.`,
    );
  }
}

/** A database that exists must be empty: the importer replaces the store, it cannot add to one. */
async function refuseIfNotEmpty(cfg: Config, log: (m: string) => void): Promise<void> {
  const handle = await openNeo4j(cfg, log);
  try {
    const { rows } = await handle.executor.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const n = rows[0]?.n ?? 0;
    if (n > 0) {
      throw new BulkRefused(
        `The database on ${(cfg.neo4j as EmbeddedNeo4j).homeDir} holds ${n} nodes. The offline importer only loads into an empty database: use npm run load (online) to add to it, or give the bulk load a new HUIYAN_NEO4J_HOME.`,
      );
    }
  } finally {
    await handle.close();
  }
}

export async function loadFilesBulk(
  cfg: Config,
  paths: string[],
  opts: BulkOptions,
): Promise<{ report: BulkReport; handle?: Neo4jHandle }> {
  const log = opts.log ?? (() => undefined);
  if (cfg.neo4j.kind !== 'embedded') {
    throw new BulkRefused(
      "The bulk path writes the embedded server's store and cannot reach a server named by NEO4J_URI. Load online (npm run load), or run neo4j-admin database import on that server yourself.",
    );
  }
  const neo = cfg.neo4j;
  const t0 = Date.now();
  const phases: Record<string, number> = {};
  const meter = new PhaseMemoryMeter();
  const mark = (name: string, since: number) => {
    phases[name] = Date.now() - since;
    meter.end();
  };
  const schema = opts.schema ?? loadGraphSchema();
  const mappings = mappingsFor(opts, schema);
  const workDir = path.resolve(opts.workDir ?? path.join(cfg.varDir, 'bulk'));
  rmSync(workDir, { recursive: true, force: true });
  const logFile = path.join(workDir, 'neo4j-admin.log');

  refuseIfRunning(neo.homeDir);
  const fresh = !existsSync(path.join(neo.homeDir, 'data', 'databases', 'neo4j'));
  let t = Date.now();
  if (!fresh) {
    await refuseIfNotEmpty(cfg, log);
    mark('checkEmpty', t);
  }

  // Reading and normalising runs while a fresh home gets its password (a separate JVM).
  t = Date.now();
  meter.start('read');
  const threads = opts.workers !== undefined ? { most: opts.workers } : loadWorkers();
  const readWorkers = threads.most;
  const [collected] = await Promise.all([
    collectFiles(paths, {
      schema,
      mappings,
      spillDir: spillDirOf(workDir),
      rejectsDir: opts.rejectsDir,
      ...(opts.pseudonymKey ? { pseudonymise: pseudonymiser(opts.pseudonymKey), pseudonymKey: opts.pseudonymKey } : {}),
      workers: readWorkers,
      ...(threads.budget ? { memoryBudget: threads.budget } : {}),
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    }),
    (async () => {
      if (!fresh) return;
      for (const d of ['', 'conf', 'logs', 'run']) mkdirSync(path.join(neo.homeDir, d), { recursive: true });
      mkdirSync(workDir, { recursive: true });
      await setInitialPassword(neo, log);
    })(),
  ]);
  mark('read', t);
  const { graph, report, ranges: readRanges } = collected;
  // What reading left on this thread's heap would otherwise stay resident beside the CSV threads.
  collectGarbage();

  t = Date.now();
  meter.start('csv');
  const files = await writeCsvFiles(graph, schema, workDir, collected.derive.has('householdKin'), {
    tick: meter.sample,
    log,
    ...(opts.csvThreads ? { threads: opts.csvThreads } : {}),
  });
  graph.store.remove();
  if (files.householdKin) report.derived.householdKin = files.householdKin;
  mark('csv', t);
  collectGarbage();

  t = Date.now();
  meter.start('import');
  log(`Importing ${files.nodeCount} nodes and ${files.relCount} relationships with neo4j-admin…`);
  refuseIfRunning(neo.homeDir);
  await adminTool(
    neo,
    [
      'database',
      'import',
      'full',
      neo.database,
      '--overwrite-destination=true',
      '--id-type=string',
      '--array-delimiter=;',
      `--multiline-fields=${files.multiline}`,
      // Every core: the importer's stages are parallel, and nothing else runs in this process meanwhile.
      `--threads=${importerThreads()}`,
      `--report-file=${path.join(workDir, 'import.report')}`,
      ...files.nodes.map((f) => `--nodes=${f}`),
      ...files.relationships.map((f) => `--relationships=${f}`),
    ],
    logFile,
    log,
  );
  mark('import', t);
  // The importer's own account of its run, to set its work apart from its JVM's start and exit. Its work is
  // the sum of its stages: "IMPORT DONE in" counts from before the "Import starting" line (on a loaded
  // machine the two overlapped by 18 s), so it cannot be set beside the start.
  const times = parseImportLog(readFileSync(logFile, 'utf8'));
  const stages = Object.values(times.stagesMs);
  if (times.startedAt !== undefined && stages.length) {
    phases.importerStart = Math.max(0, times.startedAt - t);
    phases.importRun = stages.reduce((a, b) => a + b, 0);
    phases.importerExit = Math.max(0, phases.import! - phases.importerStart - phases.importRun);
  }

  t = Date.now();
  meter.start('start');
  const handle = await openNeo4j(cfg, log);
  mark('start', t);
  try {
    t = Date.now();
    meter.start('schema');
    await applySchema(handle.executor, schema);
    mark('schema', t);
    t = Date.now();
    meter.start('loadRuns');
    for (const f of report.files) await saveLoadRun(handle.executor, loadRunOf(f));
    // As online: a file recognised and refused whole is on the 数据备案 page with its reason from the first load.
    const pseudonymise = opts.pseudonymKey ? pseudonymiser(opts.pseudonymKey) : undefined;
    for (const r of collected.refused)
      await saveRefusedRun(handle.executor, r, pseudonymise, { deliveryKind: 'delta', deliveredOn: today() });
    mark('loadRuns', t);
  } catch (e) {
    meter.end();
    await handle.close();
    throw e;
  }
  if (!opts.keepCsv) rmSync(workDir, { recursive: true, force: true });
  const out: BulkReport = {
    ...report,
    durationMs: Date.now() - t0,
    phases,
    memory: meter.phases,
    importStages: times.stagesMs,
    nodes: files.nodeCount,
    relationships: files.relCount,
    readWorkers,
    ...(threads.budget ? { readBudgetMiB: Math.round(threads.budget.bytes / 2 ** 20) } : {}),
    ...(readRanges ? { readRanges } : {}),
    csvThreads: files.threads,
  };
  if (opts.keepOpen) return { report: out, handle };
  await handle.close();
  return { report: out };
}

/** The importer's --threads: HUIYAN_IMPORT_THREADS, else every core the machine offers this process. */
export function importerThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.HUIYAN_IMPORT_THREADS);
  return Number.isInteger(n) && n > 0 ? n : Math.max(os.availableParallelism(), 1);
}
