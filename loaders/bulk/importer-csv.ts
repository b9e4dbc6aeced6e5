// Writes the in-memory graph as the offline importer's CSV files (neo4j-admin database import full):
// one node file per label with `uid:ID` and `:LABEL` (the label plus Entity), one relationship file per
// type with `:START_ID`, `:END_ID`, `:TYPE`. Column types follow graph.yaml (integers as long, like the
// online loader's toInteger), so both paths give the same properties.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IDENT, type GraphSchema, type PropDef } from '../../platform/schema/graph-schema.js';
import type { Value } from '../core/normalise/index.js';
import type { GraphImage, ImageRel } from './graph-image.js';

export interface ImporterFiles {
  nodes: string[];
  relationships: string[];
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

/** Buffered synchronous writer: the files are written once, start to end, before the importer runs. */
class CsvFile {
  #fd: number;
  #buf: string[] = [];
  #size = 0;
  multiline = false;
  constructor(readonly file: string) {
    this.#fd = openSync(file, 'w');
  }
  line(fields: (Value | null | undefined)[]): void {
    const s = fields.map((v) => this.#field(v)).join(',') + '\n';
    this.#buf.push(s);
    this.#size += s.length;
    if (this.#size > 1 << 20) this.#drain();
  }
  header(cols: string[]): void {
    this.#buf.push(cols.join(',') + '\n');
  }
  #field(v: Value | null | undefined): string {
    // Empty and unquoted is "no property"; strings are always quoted so an empty-looking value stays a value.
    if (v === null || v === undefined) return '';
    if (typeof v !== 'string') return String(v);
    if (!this.multiline && /[\r\n]/.test(v)) this.multiline = true;
    return `"${v.replace(/"/g, '""')}"`;
  }
  #drain(): void {
    writeSync(this.#fd, this.#buf.join(''));
    this.#buf = [];
    this.#size = 0;
  }
  close(): void {
    this.#drain();
    closeSync(this.#fd);
  }
}

// Names come from graph.yaml (IDENT-checked) or are huiyan's own provenance names (_source, _derived…).
const safe = (s: string) => {
  if (!IDENT.test(s) && !/^_[a-z]+$/.test(s)) throw new Error(`unsafe name "${s}" in importer header`);
  return s;
};

export function writeImporterCsv(image: GraphImage, schema: GraphSchema, dir: string): ImporterFiles {
  mkdirSync(dir, { recursive: true });
  const out: ImporterFiles = { nodes: [], relationships: [], multiline: false };
  for (const [label, byKey] of image.nodes) {
    const l = schema.labels[label]!;
    const props = new Set<string>();
    for (const n of byKey.values()) for (const p of Object.keys(n.props)) if (!p.startsWith('_') && p !== l.key) props.add(p);
    const cols = [...props].sort();
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
    for (const n of byKey.values()) {
      f.line([n.uid, labels, n.key, ...cols.map((p) => n.props[p]), ...PROVENANCE.map(([p]) => n.props[p]), n.sources.join(';')]);
    }
    f.close();
    out.multiline ||= f.multiline;
    out.nodes.push(f.file);
  }
  const byType = new Map<string, ImageRel[]>();
  for (const list of image.rels.values())
    for (const r of list) {
      const l = byType.get(r.type);
      if (l) l.push(r);
      else byType.set(r.type, [r]);
    }
  for (const [type, rels] of byType) {
    const def = schema.relationships[type]!;
    const props = new Set<string>();
    for (const r of rels) for (const p of Object.keys(r.props)) if (!PROVENANCE.some(([q]) => q === p)) props.add(p);
    const cols = [...props].sort();
    const f = new CsvFile(path.join(dir, `rels-${safe(type)}.csv`));
    f.header([
      ':START_ID',
      ':END_ID',
      ':TYPE',
      ...cols.map((p) => `${safe(p)}${suffix(def.properties[p])}`),
      ...PROVENANCE.map(([p, t]) => p + t),
    ]);
    for (const r of rels) f.line([r.from.uid, r.to.uid, type, ...cols.map((p) => r.props[p]), ...PROVENANCE.map(([p]) => r.props[p])]);
    f.close();
    out.multiline ||= f.multiline;
    out.relationships.push(f.file);
  }
  return out;
}
