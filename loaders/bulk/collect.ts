// The bulk path's first half: the same file pass as the online loader (core/file-pass.ts: reading,
// normalising, rejects, duplicate and reference checks, reconciliation), file by file in the same order.
// Each batch is checked and grouped as online, then its node and relationship rows go to disk as records
// numbered in the order the online writer would apply them (spill.ts); importer-csv.ts merges and folds
// them. What stays in memory is bounded: the spill buffer, the repeat filter's window, and 64-bit hashes of
// the keys that later rows may reference and of the current file's row fingerprints (key-set.ts).
import path from 'node:path';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { passFile, type FileReport, type Progress, type RowSource } from '../core/file-pass.js';
import { planFiles, type LoadReport } from '../core/load-files.js';
import { LoaderError } from '../core/errors.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { SourceReader } from '../core/readers/source-reader.js';
import { applyLookups, checkReferences, groupBatch, type Grouped } from '../core/writer/group.js';
import { RepeatFilter } from '../core/writer/repeats.js';
import type { NodeRecord, Provenance, RelBody, RelRecord } from './fold.js';
import { FINGERPRINTS_HELD, FingerprintSet } from './fingerprint-set.js';
import { ReadPool, type MemoryBudget, type ReadHere } from './read-pool.js';
import { SpillStore } from './spill.js';

export interface CollectOptions {
  schema: GraphSchema;
  mappings: Mapping[];
  rejectsDir: string;
  /** Where the sorted runs go (removed by the caller). */
  spillDir: string;
  pseudonymise?: Pseudonymiser;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
  /**
   * Sees every batch as grouped, before the online writer drops the node rows that repeat earlier batches
   * (core/writer/repeats.ts): the benchmark writes LOAD CSV files from it, one LOAD CSV transaction per batch.
   */
  onBatch?: (mapping: Mapping, file: string, run: string, g: Grouped) => void;
  /** Spill limits (tests make them small to force many runs). */
  spillLimits?: { chars: number; records: number };
  /** Keys of a referenced label held in memory before they go to disk (fingerprint-set.ts; tests make it small). */
  keysHeld?: number;
  /** Reading threads for text files (read-pool.ts): the most of them; 0 or absent reads on this thread. */
  workers?: number;
  /** Threads started and stopped under this budget, up to `workers` (read-pool.ts); absent: all `workers` from the start. */
  memoryBudget?: MemoryBudget;
  /** The key `pseudonymise` was made from: each reading thread makes its own. */
  pseudonymKey?: string;
  /** Bytes of a range handed to a reading thread (tests make it small to cut small files). */
  rangeBytes?: number;
  /** When the main thread reads ranges itself beside the reading threads (read-pool.ts); default `waiting`. */
  readHere?: ReadHere;
}

/** The graph a load would write, as records on disk, with what importer-csv.ts needs to fold and write them. */
export class SpilledGraph {
  readonly store: SpillStore;
  readonly provs: Provenance[] = [];
  /** Stream (node:Label, rel:TYPE) → every property name its records carry, for the CSV header. */
  readonly columns = new Map<string, Set<string>>();
  /**
   * Labels some mapping references (mustExist) → hashes of the keys produced so far: held up to a limit, then
   * on disk behind a filter (fingerprint-set.ts), so that ten million persons' keys do not grow the process by
   * 160-320 MB; the lookups of keys gone to disk read a 4 KiB block each.
   */
  readonly #keys = new Map<string, FingerprintSet>();
  /**
   * `label\tproperty` some mapping finds nodes by (`lookup`) → each value's keys, and each key's value (so a
   * node renamed by a later row leaves its old name). Held in memory, about 230 bytes a node (measured for
   * 200,000 company names and codes: 44 MiB); only labels a mapping looks up are indexed.
   */
  readonly #names = new Map<string, { label: string; prop: string; byValue: Map<string, string[]>; byKey: Map<string, string> }>();
  seq = 0;

  constructor(dir: string, mappings: Mapping[], limits?: { chars: number; records: number }, keysHeld = FINGERPRINTS_HELD) {
    this.store = new SpillStore(dir, limits);
    for (const m of mappings)
      for (const n of m.nodes)
        if (n.mustExist && !this.#keys.has(n.label))
          this.#keys.set(n.label, new FingerprintSet(path.join(dir, `keys-${this.#keys.size}`), keysHeld));
    for (const m of mappings)
      for (const n of m.nodes)
        if (n.lookup !== undefined)
          this.#names.set(`${n.label}\t${n.lookup}`, { label: n.label, prop: n.lookup, byValue: new Map(), byKey: new Map() });
  }

  /** Whether some mapping finds nodes by a property. */
  get looksUp(): boolean {
    return this.#names.size > 0;
  }

  /** The keys of the nodes produced so far whose `prop` is `value` (at most two: one is an answer, two are not). */
  lookup(label: string, prop: string, value: string): string[] {
    return this.#names.get(`${label}\t${prop}`)?.byValue.get(value)?.slice(0, 2) ?? [];
  }

  /** A node row's value of each looked-up property of its label, as the online MERGE leaves it (set overwrites, fill fills). */
  #index(label: string, key: string, props: Record<string, unknown>, fill: boolean): void {
    for (const names of this.#names.values()) {
      const v = props[names.prop];
      if (names.label !== label || typeof v !== 'string') continue;
      const old = names.byKey.get(key);
      if (old === v || (fill && old !== undefined)) continue;
      if (old !== undefined) {
        const left = names.byValue.get(old)!.filter((x) => x !== key);
        if (left.length) names.byValue.set(old, left);
        else names.byValue.delete(old);
      }
      names.byKey.set(key, v);
      names.byValue.set(v, [...(names.byValue.get(v) ?? []), key]);
    }
  }

  /** What a CSV thread needs to write some streams (csv-pool.ts): their runs, columns, provenance, and where numbering stands. */
  part(streams: string[]): GraphPart {
    this.store.spill();
    return {
      provs: this.provs,
      seq: this.seq,
      streams: streams.map((s) => ({ stream: s, runs: this.store.runsOf(s), cols: [...this.cols(s)] })),
    };
  }

  /** The collected graph's part, seen from a CSV thread, in a spill directory of its own. */
  static fromPart(dir: string, part: GraphPart): SpilledGraph {
    const g = new SpilledGraph(dir, []);
    g.provs.push(...part.provs);
    g.seq = part.seq;
    for (const s of part.streams) {
      g.store.adopt(s.stream, s.runs);
      for (const c of s.cols) g.cols(s.stream).add(c);
    }
    return g;
  }

  has(label: string, key: string): boolean {
    return this.#keys.get(label)?.has(key) ?? false;
  }

  /**
   * Reading is over: the records still held go to disk as runs, and the references' key sets (16-32 bytes a
   * node, the largest thing kept across files) are dropped, so nothing that grows with the data stays held
   * through the CSV phase.
   */
  doneReading(): void {
    this.store.spill();
    for (const k of this.#keys.values()) k.close();
    this.#keys.clear();
    this.#names.clear();
  }

  /** One batch of one file, nodes first, as writer/batch.ts sends it. */
  add(mapping: Mapping, g: Grouped, prov: Provenance): void {
    const pi = this.provs.length;
    this.provs.push(prov);
    mapping.nodes.forEach((spec, i) => {
      const rows = g.nodes[i];
      if (!rows) return;
      const stream = `node:${spec.label}`;
      const cols = this.#cols(stream);
      const keys = this.#keys.get(spec.label);
      for (const r of rows) {
        const rec: NodeRecord = [r.key, this.seq++, spec.mode === 'fill' ? 1 : 0, r.p, pi, r.row];
        this.store.add(stream, rec);
        for (const p of Object.keys(r.p)) cols.add(p);
        keys?.add(r.key);
        if (this.#names.size) this.#index(spec.label, r.key, r.p, spec.mode === 'fill');
      }
    });
    mapping.relationships.forEach((spec, i) => {
      const fromLabel = mapping.nodes.find((n) => n.ref === spec.from)!.label;
      const toLabel = mapping.nodes.find((n) => n.ref === spec.to)!.label;
      const stream = `rel:${spec.type}`;
      const cols = this.#cols(stream);
      const props = Object.keys(spec.props);
      const spellExport = spec.spell !== undefined && 'from' in spec.spell ? 1 : 0;
      if (spec.spell) for (const p of ['from', 'to', 'months', ...props]) cols.add(p);
      for (const r of g.rels[i]!) {
        let body: RelBody;
        if (r.spells) body = ['s', props, r.spells, spellExport, pi];
        else {
          const others: Record<string, (typeof r.p)[string]> = {};
          for (const [p, v] of Object.entries(r.p)) if (!spec.identity.includes(p)) others[p] = v;
          body = ['r', r.id, others, pi, r.row];
          for (const p of [...Object.keys(r.id), ...Object.keys(others)]) cols.add(p);
        }
        this.addRel(stream, fromLabel, r.from, toLabel, r.to, body);
      }
    });
  }

  addRel(stream: string, fromLabel: string, from: string, toLabel: string, to: string, body: RelBody): void {
    const rec: RelRecord = [pairKey(fromLabel, from, toLabel, to), this.seq++, body];
    this.store.add(stream, rec);
  }

  cols(stream: string): Set<string> {
    return this.#cols(stream);
  }

  #cols(stream: string): Set<string> {
    let s = this.columns.get(stream);
    if (!s) this.columns.set(stream, (s = new Set()));
    return s;
  }
}

export interface GraphPart {
  provs: Provenance[];
  seq: number;
  streams: { stream: string; runs: string[]; cols: string[] }[];
}

/** Groups a pair's records together; labels are identifiers (no ':'), and no key holds a NUL. */
export const pairKey = (fromLabel: string, from: string, toLabel: string, to: string) => `${fromLabel}:${from}\u0000${toLabel}:${to}`;

export interface Collected {
  graph: SpilledGraph;
  report: LoadReport;
  /** The mappings ask for household kinship to be derived. */
  derive: Set<string>;
  /** Ranges of text files read by the reading threads and on this thread (read-pool.ts); absent without threads. */
  ranges?: ReadPool['ranges'];
  /** Files recognised as a source and then refused whole: recorded as refused LoadRuns once the server runs. */
  refused: RefusedFile[];
}

/** A file a mapping recognised and the loader then refused whole (missing columns, unreadable, over a limit). */
export interface RefusedFile {
  path: string;
  mapping: Mapping;
  error: LoaderError;
}

export async function collectFiles(paths: string[], opts: CollectOptions): Promise<Collected> {
  const t0 = Date.now();
  const graph = new SpilledGraph(opts.spillDir, opts.mappings, opts.spillLimits, opts.keysHeld);
  // The threads start (each loads the loader's modules, a second or two) while the files are recognised
  // and the workbooks parsed.
  const pool = opts.workers
    ? new ReadPool(
        opts.workers,
        { schema: opts.schema, ...(opts.pseudonymKey ? { pseudonymKey: opts.pseudonymKey } : {}) },
        opts.rangeBytes,
        { mode: opts.readHere ?? 'waiting', ...(opts.pseudonymise ? { pseudonymise: opts.pseudonymise } : {}) },
        opts.memoryBudget,
      )
    : undefined;
  try {
    const { planned, skipped } = await planFiles(paths, opts.mappings);
    const report: LoadReport = { files: [], skipped, derived: {}, durationMs: 0 };
    const derive = new Set<string>();
    const refused: RefusedFile[] = [];
    for (const p of planned) {
      try {
        report.files.push(await collectFile(graph, p.path, p.mapping, p.reader, { ...opts, ...(pool ? { rows: pool.rows } : {}) }));
        for (const d of p.mapping.derive) derive.add(d);
      } catch (e) {
        if (!(e instanceof LoaderError)) throw e;
        report.skipped.push({ path: p.path, code: e.code, reason: e.message });
        refused.push({ path: p.path, mapping: p.mapping, error: e });
      }
    }
    report.durationMs = Date.now() - t0;
    graph.doneReading();
    return { graph, report, derive, refused, ...(pool ? { ranges: { ...pool.ranges } } : {}) };
  } finally {
    await pool?.close();
  }
}

/** The shared file pass, each batch checked against what earlier batches produced and spilled. */
function collectFile(
  graph: SpilledGraph,
  filePath: string,
  mapping: Mapping,
  reader: SourceReader,
  opts: CollectOptions & { rows?: RowSource },
): Promise<FileReport> {
  const repeats = new RepeatFilter(mapping);
  // The file's row fingerprints as 64-bit hashes, the older ones on disk: a Set of strings for a file of tens
  // of millions of rows would not fit, nor would its hashes all in memory past a few million.
  const seen = new FingerprintSet(path.join(graph.store.dir, 'fingerprints'));
  const pass = passFile(filePath, mapping, reader, { ...opts, fingerprints: () => seen }, ({ file, run }) => ({
    // References are checked against what earlier batches and files produced, as online.
    write: async (rows) => {
      // Nodes found by a name take the key of the one node produced so far with it, as online (group.ts).
      const looked = graph.looksUp ? applyLookups(rows, (l, p, v) => graph.lookup(l, p, v)) : { ok: rows, rejected: [] };
      const { ok, rejected: missing } = checkReferences(looked.ok, (label, key) => graph.has(label, key));
      const rejected = [...looked.rejected, ...missing];
      const g = groupBatch(mapping, ok);
      // The online writer's filter, so that provenance (the row that last wrote a node) comes out the same.
      graph.add(mapping, repeats.filter(g), { source: mapping.id, file, run });
      opts.onBatch?.(mapping, file, run, g);
      return rejected;
    },
  }));
  // Files are read one after another: each file's hashes are dropped with it.
  return pass.finally(() => seen.close());
}

export const spillDirOf = (workDir: string) => path.join(workDir, 'runs');
