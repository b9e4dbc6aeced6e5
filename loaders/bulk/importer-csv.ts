// Writes the collected graph as the offline importer's CSV files (neo4j-admin database import full): one
// node file per label with `uid:ID` and `:LABEL` (the label plus Entity), one relationship file per type with
// `:START_ID`, `:END_ID`, `:TYPE`. Each label's and type's records are read back merged in key order from
// their sorted runs and folded one key (or pair) at a time (fold.ts), so only that key is in memory. Column
// types follow graph.yaml (integers as long, like the online loader's toInteger), so both paths give the
// same properties. Household kinship is derived here, between the MEMBER_OF and KIN relationships (kin.ts).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { IDENT, uidOf, type GraphSchema, type PropDef } from '../../platform/schema/graph-schema.js';
import type { Value } from '../core/normalise/index.js';
import type { SpilledGraph } from './collect.js';
import { foldNode, foldPair, pairEnds, type NodeRecord, type RelRecord } from './fold.js';
import { KinDeriver } from './kin.js';
import { LineFile } from '../../platform/files/line-file.js';

export interface ImporterFiles {
  nodes: string[];
  relationships: string[];
  nodeCount: number;
  relCount: number;
  /** Household kinship derived (households, relationships), when the mappings ask for it. */
  householdKin?: { households: number; relationships: number };
  /** A string value holds a line break: the importer must be told to read multi-line fields. */
  multiline: boolean;
}

const PROVENANCE: [string, string][] = [
  ['_source', ''],
  ['_file', ''],
  ['_row', ':long'],
  ['_run', ''],
];

function suffix(def: PropDef | undefined): string {
  switch (def?.type) {
    case 'float':
      return ':double';
    case 'integer':
      return ':long';
    case 'boolean':
      return ':boolean';
    case 'date':
      return ':date';
    case 'datetime':
      return ':datetime';
    default:
      return '';
  }
}

/** One importer CSV file (line-file.ts does the buffering). */
class CsvFile {
  #out: LineFile;
  multiline = false;
  constructor(readonly file: string) {
    this.#out = new LineFile(file);
  }
  line(fields: (Value | null | undefined)[]): void {
    let s = '';
    for (let i = 0; i < fields.length; i++) s += (i ? ',' : '') + this.#field(fields[i]);
    this.#out.line(s);
  }
  header(cols: string[]): void {
    this.#out.line(cols.join(','));
  }
  #field(v: Value | null | undefined): string {
    // Empty and unquoted is "no property"; strings are always quoted so an empty-looking value stays a value.
    if (v === null || v === undefined) return '';
    if (typeof v !== 'string') return String(v);
    if (!this.multiline && /[\r\n]/.test(v)) this.multiline = true;
    return v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`;
  }
  close(): void {
    this.#out.close();
  }
}

// Names come from graph.yaml (IDENT-checked) or are huiyan's own provenance names (_source, _derived…).
const safe = (s: string) => {
  if (!IDENT.test(s) && !/^_[a-z]+$/.test(s)) throw new Error(`unsafe name "${s}" in importer header`);
  return s;
};

/**
 * `tick` is called every 10,000 keys (the caller samples memory: this runs synchronously, start to end).
 * `only` restricts it to some streams (a CSV thread's share, csv-pool.ts); household kinship needs the
 * Household nodes, MEMBER_OF and KIN streams together.
 */
export function writeImporterCsv(
  graph: SpilledGraph,
  schema: GraphSchema,
  dir: string,
  deriveKin: boolean,
  tick: () => void = () => undefined,
  only?: string[],
): ImporterFiles {
  mkdirSync(dir, { recursive: true });
  const out: ImporterFiles = { nodes: [], relationships: [], nodeCount: 0, relCount: 0, multiline: false };
  const streams = only ?? graph.store.streams();
  const kin = deriveKin ? new KinDeriver(graph) : undefined;
  for (const stream of streams.filter((s) => s.startsWith('node:'))) {
    const label = stream.slice('node:'.length);
    const l = schema.labels[label]!;
    const cols = [...graph.cols(stream)].filter((p) => !p.startsWith('_') && p !== l.key).sort();
    const f = new CsvFile(path.join(dir, `nodes-${safe(label)}.csv`));
    f.header([
      'uid:ID',
      ':LABEL',
      safe(l.key),
      ...cols.map((p) => `${safe(p)}${suffix(l.properties[p])}`),
      ...PROVENANCE.map(([p, t]) => p + t),
      '_sources:string[]',
    ]);
    const labels = `${label};Entity`;
    for (const group of graph.store.groups(stream)) {
      const n = foldNode(label, group as NodeRecord[], graph.provs);
      f.line([n.uid, labels, n.key, ...cols.map((p) => n.props[p]), ...PROVENANCE.map(([p]) => n.props[p]), n.sources.join(';')]);
      kin?.node(label, n);
      if (++out.nodeCount % 10_000 === 0) tick();
    }
    graph.store.drop(stream);
    f.close();
    out.multiline ||= f.multiline;
    out.nodes.push(f.file);
  }
  const rels = streams.filter((s) => s.startsWith('rel:'));
  // KIN last when it is derived: the derivation reads the final MEMBER_OF and adds to KIN's records.
  const ordered = kin ? [...rels.filter((s) => s !== 'rel:KIN'), 'rel:KIN'] : rels;
  for (const stream of ordered) {
    if (stream === 'rel:KIN' && kin) out.householdKin = kin.derive();
    const type = stream.slice('rel:'.length);
    const def = schema.relationships[type]!;
    const cols = [...graph.cols(stream)].filter((p) => !PROVENANCE.some(([q]) => q === p)).sort();
    const file = path.join(dir, `rels-${safe(type)}.csv`);
    const f = new CsvFile(file);
    f.header([
      ':START_ID',
      ':END_ID',
      ':TYPE',
      ...cols.map((p) => `${safe(p)}${suffix(def.properties[p])}`),
      ...PROVENANCE.map(([p, t]) => p + t),
    ]);
    let written = 0;
    for (const group of graph.store.groups(stream)) {
      const [pair, firstSeq] = group[0] as RelRecord;
      const { fromLabel, from, toLabel, to } = pairEnds(pair);
      const a = uidOf(fromLabel, from);
      const b = uidOf(toLabel, to);
      for (const props of foldPair(group as RelRecord[], graph.provs, kin?.kinds)) {
        f.line([a, b, type, ...cols.map((p) => props[p]), ...PROVENANCE.map(([p]) => props[p])]);
        kin?.member(type, fromLabel, from, toLabel, to, firstSeq, props);
        if (++written % 10_000 === 0) tick();
      }
    }
    graph.store.drop(stream);
    f.close();
    // A type whose every relationship merged away (spells) writes no file: the importer needs none.
    if (!written) {
      rmSync(file, { force: true });
      continue;
    }
    out.relCount += written;
    out.multiline ||= f.multiline;
    out.relationships.push(f.file);
  }
  return out;
}
