// npm run bench -- models --persons N [--seed S]: every model of the library on a generated county, once
// cold (first run after the server starts on the freshly loaded store) and once warm (plans cached, pages
// in the page cache). The county is loaded through the bulk path (offline importer) into a fresh embedded
// Neo4j on its own home under var/bench: much faster than the online loaders for a big first load, and the
// models see the same graph either way. Times are runModel's own (query, alert storage, run record), as the
// scheduler sees them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCounty, type Truth } from '../../synth/generate.js';
import { ROOT, type Config, type EmbeddedNeo4j } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { evalCases } from '../../synth/eval/cases.js';
import { scoreModel } from '../../synth/eval/compare.js';
import { alertFacts } from '../../server/alerts/queries.js';
import { loadLibrary, type Library, type Model } from '../../server/models/library.js';
import { runAll, type RunResult } from '../../server/models/runner.js';
import { checkedLibrary } from '../../server/models/live-library.js';
import { modelConcurrency } from '../../server/models/concurrency.js';
import type { Neo4jHandle } from '../../platform/neo4j/runtime.js';
import { benchConfig, homeConfig, javaPeakMiB, startBenchServer } from '../load/bench-server.js';
import { runBulk } from '../load/bulk-child.js';
import { planMs, printProfile } from './profile.js';
import { warmPageCache, type CacheWarming } from './warm-cache.js';

export const TARGET_SECONDS = 10;
/** The whole set at 1,000,000 persons (#17). */
export const SET_TARGET_SECONDS = 60;

export interface ModelsBenchOptions {
  persons: number;
  seed: number;
  /** Keep the county and the loaded home (var/bench/models-<persons>-<seed>) for --reuse. */
  keep: boolean;
  /** Open the home a --keep run left instead of generating and loading again. */
  reuse: boolean;
  /** Only these models (id or catalog code). */
  models?: string[];
  /** Print each selected model's PROFILE plan after the warm run. */
  profile: boolean;
  timeoutMs: number;
  /**
   * A county generated earlier (its truth.json must say the same persons and seed), loaded instead of
   * generating one under the work folder: a 1,000,000-person county takes minutes to generate.
   */
  county?: string;
  /**
   * Models sent to the database at once in each pass (runAll's setting; 1: one after another). Absent: what
   * the server's own runs use (server/models/concurrency.ts: the database's cores), so the figure is the
   * one a start or a scheduled run gets.
   */
  concurrency?: number;
  /** Read the whole store once before the cold pass (warm-cache.ts), timed apart: cold as a running service. */
  warmCache?: boolean;
}

interface ModelFigures {
  code: string | null;
  id: string;
  rows: number;
  truncated: boolean;
  alerts: number;
  coldSeconds: number | null;
  warmSeconds: number | null;
  underTarget: boolean;
  planted: number | null;
  found: number | null;
  nearMisses: number | null;
  nearMissesFlagged: string[] | null;
  error: string | null;
}

/** A small read that goes through the planner and a runtime, on a relationship every county has. */
const WARM_UP =
  'MATCH (p:Person)-[h:HOLDS_POST]->(o:Org) WHERE h.from IS NOT NULL RETURN count(DISTINCT o) AS units, max(p.birthDate) AS youngest';

const log = (m: string) => console.log(`[bench] ${m}`);
const secs = (ms: number) => Math.round(ms / 10) / 100;
const loadAvg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** The truth of a county generated with these persons and seed; anything else is refused. */
function givenCounty(dir: string, persons: number, seed: number): Truth {
  const file = path.join(dir, 'truth.json');
  if (!existsSync(file)) throw new Error(`${dir} holds no generated county (no truth.json)`);
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Truth & { options?: { persons?: number; seed?: number } };
  if (truth.options?.persons !== persons || truth.options.seed !== seed)
    throw new Error(
      `${dir} holds a county of ${truth.options?.persons} persons, seed ${truth.options?.seed}, not ${persons}, seed ${seed}`,
    );
  return truth;
}

/**
 * A model's standing alerts as `fingerprint subject… | evidence nodes | evidence edges` lines, sorted: equal
 * lists, equal results (a rewrite that finds the same alerts with other evidence shows here too).
 */
async function subjectKeys(db: Executor, modelId: string): Promise<string[]> {
  const { rows } = await db.read<{ fp: string; subjects: string[]; nodes: string[] | null; edges: string[] | null }>(
    `MATCH (a:Alert {modelId: $id}) WHERE NOT coalesce(a.gone, false)
     RETURN a.fingerprint AS fp, [(a)-[f:FLAGS]->(s) | f.role + ':' + s.uid] AS subjects,
            a.evidenceNodes AS nodes, a.evidenceEdges AS edges`,
    { id: modelId },
  );
  const sorted = (xs: string[] | null) => [...(xs ?? [])].sort().join(' ');
  return rows.map((r) => `${r.fp} ${sorted(r.subjects)} | ${sorted(r.nodes)} | ${sorted(r.edges)}`).sort();
}

function selectModels(all: Model[], wanted?: string[]): Model[] {
  if (!wanted) return all;
  const picked = all.filter((m) => wanted.includes(m.id) || (m.catalog !== undefined && wanted.includes(m.catalog)));
  const unknown = wanted.filter((w) => !all.some((m) => m.id === w || m.catalog === w));
  if (unknown.length) throw new Error(`no model ${unknown.join(', ')} in the library (npm run models -- list)`);
  return picked;
}

/** One pass over the models through runAll, `concurrency` at a time; the pass's wall time beside each run's. */
/** The chosen models as a library of their own (what the check and the runner take). */
const asLibrary = (models: Model[]): Library => ({ models, refused: [], get: (id) => models.find((m) => m.id === id) });

async function runEach(
  db: Executor,
  models: Model[],
  label: string,
  timeoutMs: number,
  concurrency: number,
): Promise<{ runs: Map<string, RunResult>; wallMs: number }> {
  const t = Date.now();
  const results = await runAll(db, asLibrary(models), { timeoutMs, concurrency }, () => undefined, {
    after: (r) => {
      const m = models.find((x) => x.id === r.modelId)!;
      log(
        `${label} ${m.catalog ?? ''} ${m.id}: ${r.rows} rows (alerts ${r.alertsNew} new, ${r.alertsKept} kept, ${r.alertsGone} gone), ${secs(r.durationMs)} s${r.error ? `, ERROR ${r.error}` : ''}`,
      );
    },
  });
  return { runs: new Map(results.map((r) => [r.modelId, r])), wallMs: Date.now() - t };
}

export async function benchModels(o: ModelsBenchOptions): Promise<Record<string, unknown>> {
  const started = new Date();
  const base = path.join(ROOT, 'var', 'bench');
  const work = path.join(base, `models-${o.persons}-${o.seed}`);
  const county = o.county ? path.resolve(o.county) : path.join(work, 'county');
  const home = path.join(work, 'home');
  const loadAvgAtStart = loadAvg();
  log(`load average ${loadAvgAtStart.join(' ')} on ${os.cpus().length} cores`);

  let handle: Neo4jHandle;
  let load: Record<string, unknown>;
  let truth: Truth;
  let cfg: Config;
  const reusing = o.reuse && existsSync(path.join(home, 'data', 'databases', 'neo4j')) && existsSync(path.join(county, 'truth.json'));
  if (reusing) {
    // A kept home: start it as it is (benchConfig would wipe it).
    cfg = homeConfig(home);
    truth = givenCounty(county, o.persons, o.seed);
    const t = Date.now();
    handle = await startBenchServer(cfg);
    load = { path: 'reused', home: path.relative(ROOT, home), startSeconds: secs(Date.now() - t) };
    log(`reusing ${path.relative(ROOT, home)} (server started in ${secs(Date.now() - t)} s); alerts of earlier runs are kept, not new`);
  } else {
    if (o.reuse) log(`nothing to reuse at ${path.relative(ROOT, work)}: generating and loading`);
    rmSync(work, { recursive: true, force: true });
    const t = Date.now();
    let generateSeconds: number | null = null;
    if (o.county) {
      truth = givenCounty(county, o.persons, o.seed);
      log(`loading the county generated earlier in ${county}`);
    } else {
      ({ truth } = await generateCounty({ persons: o.persons, seed: o.seed, outDir: county }));
      generateSeconds = secs(Date.now() - t);
      log(`generated ${o.persons} persons (seed ${o.seed}) in ${generateSeconds} s`);
    }
    cfg = benchConfig(home);
    log(
      'loading through the bulk path (offline importer: much faster than the online loaders for a big first load), in a process of its own…',
    );
    const bulk = await runBulk({
      home,
      county,
      rejectsDir: path.join(work, 'rejects'),
      workDir: path.join(work, 'bulk'),
      result: path.join(work, 'bulk.json'),
    });
    const rowsRead = bulk.report.files.reduce((a, f) => a + f.rowsRead, 0);
    log(
      `loaded ${rowsRead} rows: ${bulk.nodes} nodes, ${bulk.relationships} relationships in ${bulk.seconds} s (the loading process's peak ${bulk.nodeRssPeakMiB} MiB)`,
    );
    // The load stopped its server when its process ended: started again here, timed apart.
    const ts = Date.now();
    handle = await startBenchServer(cfg);
    load = {
      path: 'bulk (offline importer)',
      generateSeconds,
      seconds: secs(bulk.seconds * 1000),
      rowsRead,
      nodes: bulk.nodes,
      relationships: bulk.relationships,
      phasesMs: bulk.report.phases,
      loadingProcess: { pid: bulk.pid, nodeRssPeakMiB: bulk.nodeRssPeakMiB, heapLimitMiB: bulk.heapLimitMiB },
      startSeconds: secs(Date.now() - ts),
    };
  }
  const neo = cfg.neo4j as EmbeddedNeo4j;

  let figures: ModelFigures[];
  let loadAvgAfter: number[];
  let javaPeak: number | undefined;
  let warmUpSeconds: number | undefined;
  let checkSeconds: number | undefined;
  let cacheWarming: CacheWarming | null = null;
  let wall: { coldSeconds: number; warmSeconds: number } | undefined;
  let concurrency = o.concurrency ?? 1;
  /** Per model, its standing alerts after the runs: fingerprint and subject uids, sorted, to compare runs. */
  const alertSet: Record<string, string[]> = {};
  try {
    const db = handle.executor;
    const library = loadLibrary();
    for (const r of library.refused) log(`refused ${r.file}: ${r.reason}`);
    const models = selectModels(library.models, o.models);
    // The first query after a start pays the JVM's class loading and JIT of the Cypher planner and
    // runtimes (about 20 s on a busy 2-core machine, whatever the data size). Timed apart, so that it is
    // not charged to whichever model happens to run first.
    const t = Date.now();
    await db.read(WARM_UP);
    warmUpSeconds = secs(Date.now() - t);
    log(`server warm-up (first query after start): ${warmUpSeconds} s`);
    // The server plans every model of its library before the first run (bootstrap.ts, firstRuns); a run then
    // finds its plan made. Done here the same way and timed apart, so a model's cold time is what its run
    // takes after a start, and the planning of the set is printed beside it.
    concurrency = o.concurrency ?? (await modelConcurrency(db));
    const tc = Date.now();
    const checked = await checkedLibrary(db, asLibrary(models));
    checkSeconds = secs(Date.now() - tc);
    for (const r of checked.refused) log(`refused by the server: ${r.reason}`);
    log(`library check (every model planned, as the server does before the first run): ${checkSeconds} s`);
    if (o.warmCache) {
      cacheWarming = await warmPageCache(db, o.timeoutMs);
      log(
        `page cache warmed in ${cacheWarming.seconds} s (${cacheWarming.nodes} nodes, ${cacheWarming.relationships} relationships read with their properties; load average ${loadAvg().join(' ')})`,
      );
    }
    log(`cold run of ${models.length} models, ${concurrency} at a time${o.concurrency ? '' : " (the server's own setting)"}…`);
    const coldPass = await runEach(db, models, 'cold', o.timeoutMs, concurrency);
    log('warm run…');
    const warmPass = await runEach(db, models, 'warm', o.timeoutMs, concurrency);
    const cold = coldPass.runs;
    const warm = warmPass.runs;
    wall = { coldSeconds: secs(coldPass.wallMs), warmSeconds: secs(warmPass.wallMs) };
    loadAvgAfter = loadAvg();
    if (o.profile) {
      for (const m of models) await printProfile(db, m);
      // Planning alone, on the now warm JVM: what each model's cold run pays again after a restart.
      for (const m of models) log(`plan ${m.catalog ?? ''} ${m.id}: ${secs(await planMs(db, m))} s`);
    }

    const cases = evalCases(truth);
    figures = [];
    for (const m of models) {
      const c = cold.get(m.id)!;
      const w = warm.get(m.id)!;
      const facts = await alertFacts(db, m.id);
      alertSet[m.id] = await subjectKeys(db, m.id);
      const score = m.catalog ? scoreModel(m.catalog, m.id, cases, facts, w.durationMs, w.error) : undefined;
      const error = c.error ?? w.error;
      figures.push({
        code: m.catalog ?? null,
        id: m.id,
        rows: w.rows,
        truncated: w.truncated,
        alerts: facts.length,
        coldSeconds: c.error ? null : secs(c.durationMs),
        warmSeconds: w.error ? null : secs(w.durationMs),
        underTarget: !error && c.durationMs < TARGET_SECONDS * 1000 && w.durationMs < TARGET_SECONDS * 1000,
        planted: score?.planted ?? null,
        found: score?.found ?? null,
        nearMisses: score?.nearMisses ?? null,
        nearMissesFlagged: score?.nearMissesFlagged ?? null,
        error,
      });
    }
  } finally {
    javaPeak = javaPeakMiB(neo.homeDir); // the pid file goes with the server
    await handle.close();
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }

  const sum = (k: 'coldSeconds' | 'warmSeconds') => Math.round(figures.reduce((a, f) => a + (f[k] ?? 0), 0) * 100) / 100;
  const out = {
    bench: 'models',
    startedAt: started.toISOString(),
    persons: o.persons,
    seed: o.seed,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAvgAtStart,
      loadAvgAfterModels: loadAvgAfter,
    },
    neo4j: { heap: neo.heap, pageCache: neo.pageCache, javaPeakMiB: javaPeak ?? null },
    nodeRssPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    load,
    warmUpSeconds: warmUpSeconds ?? null,
    checkSeconds: checkSeconds ?? null,
    cacheWarming,
    targetSeconds: TARGET_SECONDS,
    concurrency,
    wallSeconds: wall ?? null,
    totals: {
      coldSeconds: sum('coldSeconds'),
      warmSeconds: sum('warmSeconds'),
      models: figures.length,
      underTarget: figures.filter((f) => f.underTarget).length,
    },
    models: figures,
  };
  mkdirSync(base, { recursive: true });
  const file = path.join(base, `models-${o.persons}-${o.seed}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  writeFileSync(file.replace(/\.json$/, '.alerts.json'), JSON.stringify(alertSet, null, 1));
  printTable(out, file);
  return out;
}

function printTable(
  out: {
    persons: number;
    seed: number;
    models: ModelFigures[];
    totals: { coldSeconds: number; warmSeconds: number; models: number; underTarget: number };
    neo4j: { heap: string; pageCache: string; javaPeakMiB: number | null };
    nodeRssPeakMiB: number;
    machine: { loadAvgAtStart: number[]; loadAvgAfterModels: number[] };
    load: Record<string, unknown>;
    warmUpSeconds: number | null;
    checkSeconds: number | null;
    cacheWarming: CacheWarming | null;
    concurrency: number;
    wallSeconds: { coldSeconds: number; warmSeconds: number } | null;
  },
  file: string,
): void {
  const head = ['model', 'id', 'rows', 'alerts', 'cold s', 'warm s', `< ${TARGET_SECONDS} s`, 'found/planted', 'near misses flagged'];
  const rows = out.models.map((f) => [
    f.code ?? '',
    f.id,
    `${f.rows}${f.truncated ? ' (capped)' : ''}`,
    String(f.alerts),
    f.coldSeconds === null ? '—' : f.coldSeconds.toFixed(2),
    f.warmSeconds === null ? '—' : f.warmSeconds.toFixed(2),
    f.error ? `✗ ${f.error.slice(0, 60)}` : f.underTarget ? '✓' : '✗',
    f.planted === null ? '' : `${f.found}/${f.planted}`,
    f.nearMisses === null ? '' : `${f.nearMissesFlagged!.length}/${f.nearMisses}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(`\n${out.persons} persons, seed ${out.seed}; loaded by ${String(out.load.path)}`);
  console.log([head, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
  console.log(`server warm-up (first query after the start, charged to no model): ${out.warmUpSeconds ?? '?'} s`);
  console.log(`library check (every model planned before the first run, as the server's start does): ${out.checkSeconds ?? '?'} s`);
  console.log(
    out.cacheWarming
      ? `page cache warmed before the cold pass (--warm-cache, charged to no model): ${out.cacheWarming.seconds} s`
      : 'page cache not warmed: the cold pass reads the store as a fresh start does',
  );
  // The set's figure is the wall time of a pass, what a start waits for; with several models at a time the
  // models' own times overlap and their sum is larger than any wait.
  const setMark = (s: number | undefined) => (s === undefined ? '?' : `${s} s ${s < SET_TARGET_SECONDS ? '✓' : '✗'}`);
  console.log(
    `the whole set, ${out.concurrency} model(s) at a time (target under ${SET_TARGET_SECONDS} s wall): cold ${setMark(out.wallSeconds?.coldSeconds)}, warm ${setMark(out.wallSeconds?.warmSeconds)}; cold with the library check ${setMark(out.wallSeconds && out.checkSeconds !== null ? Math.round((out.wallSeconds.coldSeconds + out.checkSeconds) * 100) / 100 : undefined)}`,
  );
  console.log(
    `models under ${TARGET_SECONDS} s cold and warm: ${out.totals.underTarget}/${out.totals.models}; the models' own times summed: cold ${out.totals.coldSeconds.toFixed(1)} s, warm ${out.totals.warmSeconds.toFixed(1)} s`,
  );
  console.log(
    `memory: Java peak RSS ${out.neo4j.javaPeakMiB ?? '?'} MiB (heap ${out.neo4j.heap}, page cache ${out.neo4j.pageCache}); node RSS peak ${out.nodeRssPeakMiB} MiB${loadingPeak(out.load)}`,
  );
  console.log(
    `load average (1, 5, 15 min) at start ${out.machine.loadAvgAtStart.join(' ')}, after the models ${out.machine.loadAvgAfterModels.join(' ')}`,
  );
  console.log(`saved ${path.relative(process.cwd(), file)}`);
}

/** The bulk load's own process's peak, apart from this process's (which held the model runs only). */
function loadingPeak(load: Record<string, unknown>): string {
  const p = (load.loadingProcess as { nodeRssPeakMiB?: number } | undefined)?.nodeRssPeakMiB;
  return p === undefined ? '' : ` (the bulk load's own process: ${p} MiB)`;
}
