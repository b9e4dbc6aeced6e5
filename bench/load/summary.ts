// The load benchmark's figures from its runs: medians per path, the online / LOAD CSV ratio per round (the
// two ran minutes apart on the same machine) and of the medians, the floor beside them, and the offline
// path's time split into what grows with the data and what it pays once per load.
import path from 'node:path';
import type { PathResult } from './paths.js';

type Runs = Record<string, PathResult[]>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The server's CPU by what its threads did (bench-server.ts cpuSince, thread-cpu.ts), run by run: on two cores a
 * fresh server's JIT compiler takes about as much CPU as the statements in the first files, which is where the
 * paths part (docs/bench.md, "The server's CPU by thread").
 */
function serverThreads(results: Runs): void {
  const rows = Object.entries(results).filter(([, list]) => list.some((r) => r.cpuSeconds?.javaThreads));
  if (!rows.length) return;
  console.log('server CPU s by thread (JIT compiler / Bolt workers running the statements / collector / other), run by run:');
  for (const [p, list] of rows) {
    const runs = list.map((r) => {
      const t = r.cpuSeconds?.javaThreads;
      return t ? `${t.compiler} / ${t.query} / ${t.collector} / ${t.other}` : '-';
    });
    console.log(`  ${p}: ${runs.join('; ')}`);
  }
}

/** The offline phases that do not grow with the files: JVM starts and exits, the server start, index build, LoadRuns. */
export const OFFLINE_FIXED = ['checkEmpty', 'importerStart', 'importerExit', 'start', 'schema', 'loadRuns'] as const;
/** The phases that grow with the files: reading and normalising, the importer CSV, the importer's own run. */
export const OFFLINE_VARIABLE = ['read', 'csv', 'importRun'] as const;

export interface PathSummary {
  seconds: number[];
  medianSeconds: number;
  medianRowsPerSec: number;
  /** Every run's counts; they must agree across runs and paths. */
  nodes: number[];
  relationships: number[];
}

export function summarise(rows: number, runs: Runs) {
  const paths: Record<string, PathSummary> = {};
  for (const [p, list] of Object.entries(runs)) {
    if (!list.length) continue;
    const seconds = list.map((r) => r.seconds);
    const med = median(seconds);
    paths[p] = {
      seconds,
      medianSeconds: med,
      medianRowsPerSec: Math.round(rows / med),
      nodes: list.map((r) => r.nodes),
      relationships: list.map((r) => r.relationships),
    };
  }
  const on = runs.online ?? [];
  const csv = runs.loadcsv ?? [];
  // a / b in rows/s. Same rows on every path, so a's rows/s over b's is b's seconds over a's.
  const ratio = (a?: PathSummary, b?: PathSummary) => (a && b ? r2(b.medianSeconds / a.medianSeconds) : undefined);
  const perRound = on.slice(0, csv.length).map((o, i) => r2(csv[i]!.seconds / o.seconds));

  let offline: ReturnType<typeof offlineSplit> | undefined;
  if (runs.offline?.length) offline = offlineSplit(rows, runs.offline);
  // Every run of every path must give the same nodes and relationships (LOAD CSV merges spells with the
  // loader's own statement, load-csv.ts, so its graph is the same too).
  const agree = (xs: number[]) => new Set(xs).size <= 1;
  const all = Object.values(paths);
  return {
    paths,
    onlineVsLoadCsv: { perRound, ofMedians: ratio(paths.online, paths.loadcsv) },
    onlineVsFloor: ratio(paths.online, paths.floor),
    offlineVsOnline: ratio(paths.offline, paths.online),
    countsAgree: agree(all.flatMap((p) => p.nodes)) && agree(all.flatMap((p) => p.relationships)),
    offline,
  };
}

type OfflineDetail = { phasesMs: Record<string, number>; memory?: Record<string, { rssPeakMiB: number }> };

function offlineSplit(rows: number, list: PathResult[]) {
  const phases = list.map((r) => (r.detail as OfflineDetail).phasesMs);
  // The loading process's peak per phase, the highest of the runs: the budget holds only if every run keeps it.
  const peakMiB: Record<string, number> = {};
  for (const r of list)
    for (const [k, m] of Object.entries((r.detail as OfflineDetail).memory ?? {})) peakMiB[k] = Math.max(peakMiB[k] ?? 0, m.rssPeakMiB);
  const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
  const medians = Object.fromEntries(names.map((n) => [n, median(phases.map((p) => p[n] ?? 0))]));
  const sum = (p: Record<string, number>, keys: readonly string[]) => keys.reduce((a, k) => a + (p[k] ?? 0), 0);
  const fixedMs = median(phases.map((p) => sum(p, OFFLINE_FIXED)));
  const variableMs = median(phases.map((p) => sum(p, OFFLINE_VARIABLE)));
  return { phasesMs: phases, medianMs: medians, peakMiB, fixedMs, variableMs, variableRowsPerSec: Math.round((rows / variableMs) * 1000) };
}

export type LoadSummary = ReturnType<typeof summarise>;

export function printLoadBench(
  out: {
    rows: number;
    runs: number;
    results: Runs;
    summary: LoadSummary;
    nodeRssPeakMiB: number;
    neo4j: { heap: string; pageCache: string; cores?: string; loaderCores?: string };
    machine: { loadAvgAtEnd: number[] };
  },
  file: string,
): void {
  const s = out.summary;
  const pinned = out.neo4j.cores ? `; every server on core(s) ${out.neo4j.cores}, the loading processes on ${out.neo4j.loaderCores}` : '';
  console.log(`\n${out.rows} source rows, ${out.runs} run(s) of each path${pinned}`);
  console.table(
    Object.fromEntries(
      Object.entries(out.results).map(([p, list]) => [
        p,
        {
          ...Object.fromEntries(list.map((r, i) => [`run ${i + 1} s`, r2(r.seconds)])),
          'median s': r2(s.paths[p]!.medianSeconds),
          'median rows/s': s.paths[p]!.medianRowsPerSec,
          nodes: list[0]!.nodes,
          relationships: list[0]!.relationships,
          'server CPU s': list.map((r) => r.cpuSeconds?.java ?? '-').join(', '),
          'node CPU s': list.map((r) => r.cpuSeconds?.node ?? '-').join(', '),
          'java peak MiB': Math.max(...list.map((r) => r.javaPeakMiB ?? 0)) || '',
          'load avg (start→end)': list.map((r) => `${r.load[0]}→${r.load[1]}`).join(', '),
        },
      ]),
    ),
  );
  if (!s.countsAgree) console.log('WARNING: node or relationship counts differ between runs or paths');
  serverThreads(out.results);
  perFile(out.results);
  if (s.offline) {
    const o = s.offline;
    console.log('offline phases (ms; node peak MiB: the loading process, highest of the runs):');
    console.table(
      Object.fromEntries(
        Object.keys(o.medianMs).map((k) => [
          k,
          {
            ...Object.fromEntries(o.phasesMs.map((p, i) => [`run ${i + 1}`, p[k] ?? ''])),
            median: o.medianMs[k],
            'node peak MiB': o.peakMiB[k] ?? '',
          },
        ]),
      ),
    );
    console.log(
      `offline, what grows with the data (${OFFLINE_VARIABLE.join(' + ')}): ${(o.variableMs / 1000).toFixed(1)} s, ` +
        `${o.variableRowsPerSec} rows/s; fixed costs (${OFFLINE_FIXED.join(' + ')}): ${(o.fixedMs / 1000).toFixed(1)} s (medians)`,
    );
  }
  if (out.results.floor?.length)
    console.log(
      'floor (ms):',
      out.results.floor.map((r) => r.detail),
    );
  console.log(
    `online / LOAD CSV per round: ${s.onlineVsLoadCsv.perRound.join(', ') || '-'}; of the medians: ${s.onlineVsLoadCsv.ofMedians ?? '-'}`,
  );
  console.log(`online / floor (medians): ${s.onlineVsFloor ?? '-'}; offline / online (medians): ${s.offlineVsOnline ?? '-'}`);
  // The online and bulk runs load in processes of their own (paths.ts): their peaks are theirs, not this process's.
  const peaks = (list: PathResult[] | undefined) =>
    (list ?? []).map((r) => (r.detail as { nodeRssPeakMiB?: number } | undefined)?.nodeRssPeakMiB ?? '?');
  const own = (['online', 'offline'] as const)
    .map((name) => ({ name, p: peaks(out.results[name]) }))
    .filter(({ p }) => p.length > 0)
    .map(({ name, p }) => `${name} ${p.join(', ')}`);
  console.log(
    `memory: node RSS peak ${out.nodeRssPeakMiB} MiB${own.length ? ` (the runs' own processes: ${own.join('; ')} MiB)` : ''}; Neo4j heap ${out.neo4j.heap}, page cache ${out.neo4j.pageCache}; load average at the end ${out.machine.loadAvgAtEnd.join(' ')}`,
  );
  console.log(`saved ${path.relative(process.cwd(), file)}`);
}

/** Online and LOAD CSV, file by file and run by run: where the online loader loses or gains. */
function perFile(results: Runs): void {
  type OnlineDetail = { files: { source: string; rows: number; ms: number }[]; kinAndSchemaMs: number };
  type CsvDetail = { perSource: { source: string; ms: number }[]; schemaMs: number; kinMs: number };
  const on = (results.online ?? []).map((r) => r.detail as OnlineDetail);
  const csv = (results.loadcsv ?? []).map((r) => r.detail as CsvDetail);
  if (!on.length) return;
  console.log('online per file, ms' + (csv.length ? ' (LOAD CSV of the same rows beside it):' : ':'));
  console.table(
    on[0]!.files.map((f, i) => {
      const onMs = on.map((d) => d.files[i]!.ms);
      // LOAD CSV's list has one entry per source that wrote anything, in load order: matched by position and name.
      const csvMs = csv.map((d) => (d.perSource[i]?.source === f.source ? d.perSource[i]!.ms : NaN));
      return {
        source: f.source,
        rows: f.rows,
        online: onMs.join(', '),
        'online median': median(onMs),
        ...(csv.length ? { 'LOAD CSV': csvMs.join(', '), 'LOAD CSV median': median(csvMs) } : {}),
      };
    }),
  );
  console.log(
    `online planning, schema, LoadRuns and household kinship (ms): ${on.map((d) => d.kinAndSchemaMs).join(', ')}` +
      (csv.length
        ? `; LOAD CSV schema ${csv.map((d) => d.schemaMs).join(', ')} and household kinship ${csv.map((d) => d.kinMs).join(', ')}`
        : ''),
  );
}
