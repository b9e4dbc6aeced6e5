// npm run bench -- load --persons N [--seed S]: the same generated county through (a) huiyan's online
// loaders, (b) Neo4j's LOAD CSV of the same normalised rows, (c) the bulk path (offline importer), and
// (d) the floor: as many nodes and relationships created with plain CREATE (floor.ts). Each gets a fresh
// embedded server on its own home under var/bench; rows/s = source rows read / wall time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCounty } from '../../synth/generate.js';
import { loadFiles } from '../../loaders/index.js';
import { collectFiles } from '../../loaders/bulk/collect.js';
import { loadFilesBulk } from '../../loaders/bulk/load-bulk.js';
import { writeHouseholdKin } from '../../loaders/core/kinship.js';
import { loadMappings } from '../../loaders/core/mapping/registry.js';
import { ROOT, type EmbeddedNeo4j } from '../../platform/config.js';
import type { Executor } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';
import { benchConfig, javaPeakMiB, startBenchServer } from './bench-server.js';
import { runFloor } from './floor.js';
import { LoadCsvWriter, runLoadCsv } from './load-csv.js';

export const BENCH_PATHS = ['online', 'loadcsv', 'offline', 'floor'] as const;
export type BenchPath = (typeof BENCH_PATHS)[number];

export interface LoadBenchOptions {
  persons: number;
  seed: number;
  batchSize?: number;
  keep: boolean;
  only?: Set<BenchPath>;
}

interface PathResult {
  seconds: number;
  rowsPerSec: number;
  nodes: number;
  relationships: number;
  javaPeakMiB?: number;
  detail?: unknown;
}

async function counts(db: Executor): Promise<{ nodes: number; relationships: number }> {
  const n = (await db.read<{ c: number }>('MATCH (n:Entity) RETURN count(n) AS c')).rows[0]!.c;
  const r = (await db.read<{ c: number }>('MATCH ()-[r]->() RETURN count(r) AS c')).rows[0]!.c;
  return { nodes: n, relationships: r };
}

const log = (m: string) => console.log(`[bench] ${m}`);

export async function benchLoad(o: LoadBenchOptions): Promise<Record<string, unknown>> {
  const started = new Date();
  const base = path.join(ROOT, 'var', 'bench');
  const work = path.join(base, `load-${o.persons}-${o.seed}-${process.pid}`);
  const county = path.join(work, 'county');
  const schema = loadGraphSchema();
  const mappings = loadMappings({ schema });
  const want = (p: BenchPath) => !o.only || o.only.has(p);

  let t = Date.now();
  const { truth } = await generateCounty({ persons: o.persons, seed: o.seed, outDir: county });
  log(`generated ${o.persons} persons (seed ${o.seed}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const rows = Object.values(truth.files as Record<string, number>).reduce((a, b) => a + b, 0);
  const results: Record<string, PathResult> = {};
  let neo4jMemory: { heap: string; pageCache: string } | undefined;

  try {
    // (a) online loaders
    if (want('online')) {
      const cfg = benchConfig(path.join(work, 'home-online'));
      neo4jMemory = { heap: (cfg.neo4j as EmbeddedNeo4j).heap, pageCache: (cfg.neo4j as EmbeddedNeo4j).pageCache };
      const h = await startBenchServer(cfg);
      try {
        log('online: loading…');
        t = Date.now();
        const report = await loadFiles(h.executor, [county], {
          rejectsDir: path.join(work, 'rejects-online'),
          schema,
          mappings,
          ...(o.batchSize ? { batchSize: o.batchSize } : {}),
        });
        const ms = Date.now() - t;
        const c = await counts(h.executor);
        results.online = {
          seconds: ms / 1000,
          rowsPerSec: Math.round((rows / ms) * 1000),
          ...c,
          javaPeakMiB: javaPeakMiB((cfg.neo4j as EmbeddedNeo4j).homeDir),
          detail: {
            files: report.files.map((f) => ({
              source: f.source,
              rows: f.rowsRead,
              ms: f.durationMs,
              rowsPerSec: Math.round((f.rowsRead / Math.max(f.durationMs, 1)) * 1000),
            })),
            kinAndSchemaMs: ms - report.files.reduce((a, f) => a + f.durationMs, 0),
          },
        };
      } finally {
        await h.close();
      }
    }

    // (b) LOAD CSV of the same normalised rows
    if (want('loadcsv')) {
      const cfg = benchConfig(path.join(work, 'home-loadcsv'));
      const h = await startBenchServer(cfg);
      try {
        const writer = new LoadCsvWriter(schema, path.join((cfg.neo4j as EmbeddedNeo4j).homeDir, 'import'));
        const { report } = await collectFiles([county], {
          schema,
          mappings,
          rejectsDir: path.join(work, 'rejects-loadcsv'),
          onBatch: writer.onBatch,
        });
        const jobs = writer.close();
        log(`LOAD CSV: ${jobs.length} statements…`);
        // Timed from the schema step on, as the online path's time includes its own: MERGE needs the
        // constraints either way.
        t = Date.now();
        await applySchema(h.executor, schema);
        const schemaMs = Date.now() - t;
        const perSource = await runLoadCsv(h.executor, jobs);
        const tk = Date.now();
        if (report.derived.householdKin) await writeHouseholdKin(h.executor);
        const ms = Date.now() - t;
        results.loadCsv = {
          seconds: ms / 1000,
          rowsPerSec: Math.round((rows / ms) * 1000),
          ...(await counts(h.executor)),
          javaPeakMiB: javaPeakMiB((cfg.neo4j as EmbeddedNeo4j).homeDir),
          detail: { statements: jobs.length, csvRows: jobs.reduce((a, j) => a + j.rows, 0), perSource, schemaMs, kinMs: Date.now() - tk },
        };
      } finally {
        await h.close();
      }
    }

    // (c) bulk path: read + normalise + importer CSV + neo4j-admin import + start + schema
    if (want('offline')) {
      const cfg = benchConfig(path.join(work, 'home-offline'));
      log('offline: collecting, importing…');
      t = Date.now();
      const { report, handle } = await loadFilesBulk(cfg, [county], {
        rejectsDir: path.join(work, 'rejects-offline'),
        schema,
        mappings,
        keepOpen: true,
        workDir: path.join(work, 'bulk'),
      });
      const ms = Date.now() - t;
      try {
        results.offline = {
          seconds: ms / 1000,
          rowsPerSec: Math.round((rows / ms) * 1000),
          ...(await counts(handle!.executor)),
          javaPeakMiB: javaPeakMiB((cfg.neo4j as EmbeddedNeo4j).homeDir),
          detail: { phasesMs: report.phases },
        };
      } finally {
        await handle!.close();
      }
    }

    // (d) the floor: the graph's counts of nodes and relationships, from a path that ran or else from the
    // bulk path's in-memory image (reading only), created with plain CREATE.
    if (want('floor')) {
      const known: PathResult | undefined = Object.values(results)[0];
      let size: { nodes: number; relationships: number };
      if (known) size = { nodes: known.nodes, relationships: known.relationships };
      else {
        const { image } = await collectFiles([county], { schema, mappings, rejectsDir: path.join(work, 'rejects-floor') });
        size = { nodes: image.nodeCount(), relationships: image.relCount };
      }
      const cfg = benchConfig(path.join(work, 'home-floor'));
      const h = await startBenchServer(cfg);
      try {
        log(`floor: creating ${size.nodes} nodes and ${size.relationships} relationships…`);
        const f = await runFloor(h.executor, size.nodes, size.relationships);
        const ms = f.nodesMs + f.relationshipsMs;
        results.floor = {
          seconds: ms / 1000,
          rowsPerSec: Math.round((rows / ms) * 1000),
          ...size,
          javaPeakMiB: javaPeakMiB((cfg.neo4j as EmbeddedNeo4j).homeDir),
          detail: f,
        };
      } finally {
        await h.close();
      }
    }
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }

  const ratio = (a?: PathResult, b?: PathResult) => (a && b ? Math.round((a.rowsPerSec / b.rowsPerSec) * 100) / 100 : undefined);
  const out = {
    bench: 'load',
    startedAt: started.toISOString(),
    persons: o.persons,
    seed: o.seed,
    rows,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
      node: process.version,
    },
    neo4j: neo4jMemory,
    nodeRssPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    results,
    ratios: {
      onlineVsLoadCsv: ratio(results.online, results.loadCsv),
      offlineVsOnline: ratio(results.offline, results.online),
      onlineVsFloor: ratio(results.online, results.floor),
    },
  };
  mkdirSync(base, { recursive: true });
  const file = path.join(base, `load-${o.persons}-${o.seed}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  printLoadBench(out, file);
  return out;
}

function printLoadBench(
  out: {
    rows: number;
    results: Record<string, PathResult>;
    ratios: Record<string, number | undefined>;
    nodeRssPeakMiB: number;
    neo4j?: { heap: string; pageCache: string };
    machine: { loadAvg: number[] };
  },
  file: string,
): void {
  console.log(`\n${out.rows} source rows`);
  console.table(
    Object.fromEntries(
      Object.entries(out.results).map(([k, r]) => [
        k,
        {
          seconds: r.seconds,
          'rows/s': r.rowsPerSec,
          nodes: r.nodes,
          relationships: r.relationships,
          'java peak MiB': r.javaPeakMiB ?? '',
        },
      ]),
    ),
  );
  const online = out.results.online?.detail as
    { files: { source: string; rows: number; ms: number; rowsPerSec: number }[]; kinAndSchemaMs: number } | undefined;
  const csv = out.results.loadCsv?.detail as { perSource: { source: string; ms: number }[]; schemaMs: number; kinMs: number } | undefined;
  if (online) {
    // Side by side when both ran: where the online loader loses or gains against LOAD CSV, file by file.
    console.log('online per file' + (csv ? ' (LOAD CSV ms of the same rows beside it):' : ':'));
    console.table(
      online.files.map((f, i) => ({ ...f, ...(csv?.perSource[i]?.source === f.source ? { loadCsvMs: csv.perSource[i]!.ms } : {}) })),
    );
    console.log(
      `online planning, schema, LoadRuns and household kinship: ${online.kinAndSchemaMs} ms` +
        (csv ? `; LOAD CSV schema ${csv.schemaMs} ms and household kinship ${csv.kinMs} ms` : ''),
    );
  }
  if (out.results.offline) console.log('offline phases (ms):', (out.results.offline.detail as { phasesMs: unknown }).phasesMs);
  if (out.results.floor) console.log('floor (ms):', out.results.floor.detail);
  console.log(
    `ratios: online / LOAD CSV = ${out.ratios.onlineVsLoadCsv ?? '-'}, offline / online = ${out.ratios.offlineVsOnline ?? '-'}, online / floor = ${out.ratios.onlineVsFloor ?? '-'}`,
  );
  console.log(
    `memory: node RSS peak ${out.nodeRssPeakMiB} MiB; Neo4j heap ${out.neo4j?.heap ?? '?'}, page cache ${out.neo4j?.pageCache ?? '?'}; load average ${out.machine.loadAvg.join(' ')}`,
  );
  console.log(`saved ${path.relative(process.cwd(), file)}`);
}
