// Finds the mappings (loaders/mappings/*.yaml), validates them all up front, and picks the one that reads
// a given file: by file-name pattern first, then by header signature.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGraphSchema, type GraphSchema } from '../../../platform/schema/graph-schema.js';
import { InvalidMapping } from '../errors.js';
import { headerKey, headerKeysOf } from '../readers/header.js';
import type { Mapping, SourceFormat } from './types.js';
import { parseMapping } from './validate.js';

export const MAPPINGS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'mappings');

function readDir(dir: string, schema: GraphSchema): Mapping[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const out: Mapping[] = [];
  for (const f of files) {
    const m = parseMapping(readFileSync(path.join(dir, f), 'utf8'), schema, f);
    if (path.basename(f).replace(/\.ya?ml$/, '') !== m.id) throw new InvalidMapping(m.id, `file ${f} must be named ${m.id}.yaml`);
    if (out.some((x) => x.id === m.id)) throw new InvalidMapping(m.id, 'id used twice');
    out.push(m);
  }
  return out;
}

/**
 * All mappings in `dir` (the shipped ones by default), then those in each of `extraDirs` (a jurisdiction's
 * own, kept outside the repository), validated against the schema and sorted by load order. An extra
 * mapping with the id of an earlier one replaces it, so a site can re-map a source its departments export
 * differently. Throws InvalidMapping, naming the file, before any data file is opened.
 */
export function loadMappings(opts: { dir?: string; extraDirs?: string[]; schema?: GraphSchema } = {}): Mapping[] {
  const schema = opts.schema ?? loadGraphSchema();
  const byId = new Map<string, Mapping>();
  for (const dir of [opts.dir ?? MAPPINGS_DIR, ...(opts.extraDirs ?? [])]) {
    let found: Mapping[];
    try {
      found = readDir(dir, schema);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
        throw new InvalidMapping(path.basename(dir), `mappings folder ${dir} does not exist or is not a folder`);
      throw e;
    }
    for (const m of found) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export interface MappingSummary {
  id: string;
  title: { zh: string; en: string };
  order: number;
  format: Mapping['format'];
  files: string[];
  columns: { id: string; headers: string[]; required: boolean }[];
}

export function listMappings(opts: { dir?: string; schema?: GraphSchema } = {}): MappingSummary[] {
  return loadMappings(opts).map((m) => ({
    id: m.id,
    title: m.title,
    order: m.order,
    format: m.format,
    files: m.match.files,
    columns: Object.values(m.columns).map((c) => ({ id: c.id, headers: c.headers, required: c.required })),
  }));
}

/** Shell-style pattern (*, ?) → anchored regex over the file's base name, compared after NFKC. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob.normalize('NFKC')]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

export function mappingsByName(mappings: Mapping[], file: string): Mapping[] {
  const base = path.basename(file).normalize('NFKC');
  return mappings.filter((m) => m.match.files.some((g) => globToRegExp(g).test(base)));
}

const FORMAT_OF: Record<string, Mapping['format']['type']> = {
  '.csv': 'csv',
  '.txt': 'csv',
  // Tab-separated exports: the delimiter is found from the file's head, as for any CSV.
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.jsonl': 'jsonl',
  // A JSON document (an array of records, or an envelope around one) goes through the JSON-lines mappings.
  '.json': 'jsonl',
  '.ndjson': 'jsonl',
};
export const formatOf = (file: string) => FORMAT_OF[path.extname(file).toLowerCase()];

/**
 * What a mapping tells the reader of a file in this format: its own format's settings (encoding, delimiter,
 * sheet, expand) when the file is in that format; nothing when a mapping written for one format reads a file
 * in another (a CSV's declared GBK would garble an XLSX's or a JSON's text).
 */
export const hintsFor = (m: Mapping, format: SourceFormat): Omit<Mapping['format'], 'type'> => {
  if (m.format.type !== format) return {};
  const { type: _type, ...hints } = m.format;
  return hints;
};

/** A reader's header test for one mapping: the row holds every column that identifies the mapping's files. */
export const headerFits =
  (m: Mapping) =>
  (headers: string[]): boolean =>
    mappingByHeaders([m], headers) !== undefined;

/**
 * The mapping whose signature columns all appear in `headers` (by any alias); when several do, the one
 * recognising most of the file's columns.
 */
export function mappingByHeaders(mappings: Mapping[], headers: string[]): Mapping | undefined {
  // A header with a note in brackets holds the column its bare name does, as when the columns are bound
  // (transform.ts bindColumns).
  const have = headerKeysOf(headers);
  let best: { m: Mapping; score: number } | undefined;
  for (const m of mappings) {
    const hit = (cid: string) => m.columns[cid]!.headers.some((h) => have.has(headerKey(h)));
    if (m.match.headers.length === 0 || !m.match.headers.every(hit)) continue;
    const score = Object.keys(m.columns).filter(hit).length;
    if (!best || score > best.score) best = { m, score };
  }
  return best?.m;
}
