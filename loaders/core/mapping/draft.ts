// `npm run mapping -- draft <file>`: the first step of adapting a mapping to an export huiyan has not seen,
// done for the person writing it. The file's head rows are read, the mapping it comes closest to is found
// (nearest.ts), and a copy of that mapping's YAML is written with its comments kept, with the file's name in
// `match.files`, the file's format and encoding, and each header the file seems to hold a column under added
// to that column's aliases. What it cannot decide (a required column the file has under no name like it)
// is written at the top of the draft and printed. The draft is checked as any mapping is before it is written;
// the dry run (`npm run load -- --dry-run --mappings <folder> <file>`) is the next step.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { GraphSchema } from '../../../platform/schema/graph-schema.js';
import { isLegacyExcelName, legacyExcelFormat } from '../readers/legacy-excel.js';
import { LEAD_ROWS } from '../readers/head-rows.js';
import { openSource } from '../readers/source-reader.js';
import { DEFAULT_LIMITS } from '../readers/limits.js';
import { LoaderError, UnknownSource } from '../errors.js';
import { planFiles } from '../load-files.js';
import { bindColumns } from '../transform.js';
import { formatOf, MAPPINGS_DIR } from './registry.js';
import { fit, nearestMappings, type Nearest } from './nearest.js';
import { contradicted, matchByValues, type Contradiction, type Sample, type ValueMatch } from './by-values.js';
import { headerKey } from '../readers/header.js';
import type { Mapping, SourceFormat } from './types.js';
import { parseMapping } from './validate.js';

/** What the head of a file says: its format, the encoding a text file was read in, and the rows a header may be among. */
export interface FileHead {
  format: SourceFormat;
  encoding?: string;
  sheet?: string;
  rows: string[][];
}

/** One sheet's (or a text file's) head rows, read as recognition reads them, without a mapping. */
async function headOf(file: string, format: SourceFormat, sheet?: string): Promise<FileHead & { others: string[] }> {
  const rows: string[][] = [];
  const seen = new Set<string>();
  const reader = await openSource(
    file,
    format,
    {
      ...(sheet !== undefined ? { sheet } : {}),
      // Asked again for the rows above as the header search goes down a sheet: each row is kept once.
      isHeader: (h) => {
        const k = JSON.stringify(h);
        if (rows.length < 2 * LEAD_ROWS && !seen.has(k)) {
          rows.push(h);
          seen.add(k);
        }
        return false;
      },
    },
    DEFAULT_LIMITS,
  );
  if (format === 'jsonl' || rows.length === 0) rows.push(reader.headers);
  return {
    format,
    ...(reader.encoding ? { encoding: reader.encoding } : {}),
    ...(reader.sheet ? { sheet: reader.sheet } : {}),
    rows,
    others: reader.sheetsNotRead ?? [],
  };
}

/**
 * Reads a file's head as recognition does (head-rows.ts), without a mapping. Of a workbook with several
 * sheets holding data, the sheet whose head a mapping fits best, else the one with the widest row: a
 * 填表说明 or cover sheet before the data has a line or two of one cell each, and gave the draft nothing
 * to go on when it was read alone.
 */
export async function readHead(file: string, mappings: Mapping[] = []): Promise<FileHead> {
  const format = formatOf(file) ?? (isLegacyExcelName(file) ? await legacyExcelFormat(file) : undefined);
  if (!format) throw new UnknownSource(file);
  const { others, ...first } = await headOf(file, format);
  if (!others.length) return first;
  // Each sheet read by its name: unnamed, the header search asks about every sheet's rows in turn.
  const heads: FileHead[] = [];
  for (const name of [first.sheet!, ...others]) {
    const { others: _, ...h } = await headOf(file, format, name);
    heads.push(h);
  }
  const widest = (h: FileHead) => Math.max(...h.rows.map((r) => r.filter((c) => c !== '').length));
  const rank = heads.map((h, i) => ({ h, i, score: nearestMappings(mappings, h.rows, 1)[0]?.score ?? -1, width: widest(h) }));
  rank.sort((a, b) => b.score - a.score || b.width - a.width || a.i - b.i);
  return rank[0]!.h;
}

/** Rows whose values are sampled to find columns by what they hold (by-values.ts). */
const SAMPLE_ROWS = 200;

/**
 * The head row the draft reads the file by: the one the nearest mapping fits, else the widest of the head
 * rows (a title above a header of English column names has one cell, the header many).
 */
export function headerRowOf(head: FileHead, mappings: Mapping[]): string[] {
  const near = nearestMappings(mappings, head.rows, 1)[0];
  if (near) return near.headers;
  const width = (r: string[]) => r.filter((c) => c !== '').length;
  return head.rows.reduce((best, r) => (width(r) > width(best) ? r : best), head.rows[0] ?? []);
}

/** The first data rows under `headerRow`, each header's non-empty values by its header key. */
export async function readSample(file: string, head: FileHead, headerRow: string[], most = SAMPLE_ROWS): Promise<Sample> {
  const same = (h: string[]) => h.length === headerRow.length && h.every((c, i) => c === headerRow[i]);
  const reader = await openSource(
    file,
    head.format,
    { ...(head.encoding ? { encoding: head.encoding } : {}), ...(head.sheet ? { sheet: head.sheet } : {}), isHeader: same },
    DEFAULT_LIMITS,
  );
  const sample: Sample = new Map();
  let n = 0;
  for await (const r of reader.rows()) {
    if (r.error) continue;
    for (const [k, v] of Object.entries(r.values)) {
      if (v === null || v === undefined || String(v).trim() === '') continue;
      sample.set(k, [...(sample.get(k) ?? []), v]);
    }
    if (++n >= most) break;
  }
  return sample;
}

/** How a mapping fits the file, by its headers and by the sampled values of the headers it does not read. */
export interface FileFit {
  nearest: Nearest;
  byValue: Record<string, ValueMatch>;
  /** Look-alikes by name whose values the column would refuse, not added: column id → the header and its values. */
  refused: Record<string, Contradiction>;
  missingRequired: string[];
  unread: string[];
  score: number;
}

/** What kind of value a column holds, for weighing how telling a match on it is: an enum by its codes. */
function valueKind(m: Mapping, id: string): string {
  const n = m.columns[id]!.normalise;
  return n.type === 'enum' && 'opts' in n
    ? `enum:${Object.keys((n.opts.values as Record<string, string>) ?? {})
        .sort()
        .join(',')}`
    : n.type;
}

/**
 * How telling a value match on each kind of column is, as in a search engine's inverse document frequency:
 * an ID number is in most mappings and says little about which source a file is, a 与户主关系 code is in one
 * and says a lot. ln(mappings / mappings with the kind), at most 2.
 */
function rarity(mappings: Mapping[]): (m: Mapping, id: string) => number {
  const count = new Map<string, number>();
  for (const m of mappings)
    for (const k of new Set(Object.keys(m.columns).map((id) => valueKind(m, id)))) count.set(k, (count.get(k) ?? 0) + 1);
  return (m, id) => Math.min(2, Math.log(mappings.length / (count.get(valueKind(m, id)) ?? 1)));
}

/**
 * The fit by headers less the look-alikes whose values contradict them: such a header is left unread (free to
 * be found by its values for another column), and a required column it was offered for is missing again.
 */
function fitChecked(m: Mapping, headerRow: string[], sample: Sample): Nearest & { refused: Record<string, Contradiction> } {
  const n = fit(m, headerRow);
  const refused: Record<string, Contradiction> = {};
  const alike = { ...n.alike };
  for (const [id, hs] of Object.entries(n.alike)) {
    const why = contradicted(m.columns[id]!, hs[0]!, sample.get(headerKey(hs[0]!)) ?? []);
    if (!why) continue;
    refused[id] = why;
    delete alike[id];
  }
  if (!Object.keys(refused).length) return { ...n, refused };
  const freed = new Set(Object.values(refused).map((r) => headerKey(r.header)));
  const missingRequired = [...n.missingRequired, ...Object.keys(refused).filter((id) => m.columns[id]!.required)];
  const unread = headerRow.filter((h) => n.unread.includes(h) || freed.has(headerKey(h)));
  // Each refused look-alike takes back what it added to the score (0.75 at most) and a little more.
  const score = n.score - Object.keys(refused).length - 0.5 * (missingRequired.length - n.missingRequired.length);
  return { ...n, alike, missingRequired, unread, score, refused };
}

function fileFit(m: Mapping, headerRow: string[], sample: Sample, idf: (m: Mapping, id: string) => number): FileFit {
  const { refused, ...n } = fitChecked(m, headerRow, sample);
  const open = Object.keys(m.columns).filter((id) => !n.found.includes(id) && !n.alike[id]);
  const byValue = matchByValues(m, open, n.unread, new Map(n.unread.map((h) => [h, sample.get(headerKey(h)) ?? []])));
  const valued = new Set(Object.values(byValue).map((v) => v.header));
  // Each column found by its values: by how telling its kind is, more when it identifies the source, and the
  // penalty the header fit gave a required column it no longer lacks given back.
  const bonus = Object.keys(byValue).reduce(
    (sum, id) => sum + 0.5 * idf(m, id) + (m.match.headers.includes(id) ? 0.5 : 0) + (m.columns[id]!.required ? 0.5 : 0),
    0,
  );
  return {
    nearest: n,
    byValue,
    refused,
    missingRequired: n.missingRequired.filter((id) => !byValue[id]),
    unread: n.unread.filter((h) => !valued.has(h)),
    score: n.score + bonus,
  };
}

export interface Draft {
  /** The mapping the draft starts from (its id is kept, so the draft replaces it where it is given). */
  from: Mapping;
  /** The draft's id: the mapping's, or the one asked for. */
  id: string;
  fit: FileFit;
  /** The next mappings by fit, for `--from` when the first is not the source. */
  others: { id: string; score: number }[];
  /** The draft's YAML, checked by parseMapping. */
  yaml: string;
  /** Headers added to columns' aliases: column id → the header as the file writes it, and why. */
  added: Record<string, { header: string; by: 'header' | 'values'; passed?: number; of?: number }>;
  filesPattern: string;
  /** No header of the file is the mapping's or like one: the mapping was chosen by the values alone. */
  byValuesOnly: boolean;
}

/** A file name with its runs of digits (a year, a month, a batch) as `*`, so next month's delivery matches too. */
export function namePattern(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  const stem = base
    .slice(0, base.length - ext.length)
    .replace(/\d+/g, '*')
    .replace(/\*+/g, '*');
  return stem.replace(/\*/g, '') === '' ? base : `${stem}${ext}`;
}

/** The YAML file a mapping was read from: the last of the folders that has `<id>.yaml` (a site's own replaces the shipped one). */
export function mappingFile(id: string, extraDirs: string[] = []): string {
  for (const dir of [...extraDirs].reverse()) {
    const f = path.join(dir, `${id}.yaml`);
    if (existsSync(f)) return f;
  }
  return path.join(MAPPINGS_DIR, `${id}.yaml`);
}

function flowSeq(doc: Document, items: string[]) {
  const node = doc.createNode(items);
  node.flow = true;
  return node;
}

/**
 * The draft of a mapping for `file`: from `fromId` when given, else from the mapping that fits the file best
 * by its headers and its values. Throws UnknownSource when no mapping shares two columns with it, one of
 * them identifying the source.
 */
export function draftMapping(
  file: string,
  head: FileHead,
  read: { headerRow: string[]; sample: Sample },
  mappings: Mapping[],
  schema: GraphSchema,
  opts: { fromId?: string; extraDirs?: string[]; today?: string; idFor?: (fromId: string) => string } = {},
): Draft {
  const idf = rarity(mappings);
  const fits = mappings
    .map((m) => fileFit(m, read.headerRow, read.sample, idf))
    .filter((f) => {
      const m = f.nearest.mapping;
      const hits = f.nearest.found.length + Object.keys(f.nearest.alike).length + Object.keys(f.byValue).length;
      const identifying = m.match.headers.some((id) => f.nearest.found.includes(id) || f.nearest.alike[id] || f.byValue[id]);
      return opts.fromId === m.id || (hits >= 2 && identifying);
    })
    .sort((a, b) => b.score - a.score || a.nearest.mapping.order - b.nearest.mapping.order);
  if (opts.fromId && !mappings.some((x) => x.id === opts.fromId))
    throw new Error(`no mapping ${opts.fromId}: npm run mapping -- list names them`);
  const chosen = opts.fromId ? fits.find((f) => f.nearest.mapping.id === opts.fromId) : fits[0];
  if (!chosen) throw new UnknownSource(file);
  const from = chosen.nearest.mapping;
  const others = fits
    .filter((f) => f !== chosen)
    .slice(0, 3)
    .map((f) => ({ id: f.nearest.mapping.id, score: Math.round(f.score * 100) / 100 }));
  const id = opts.idFor?.(from.id) ?? from.id;
  const doc = parseDocument(readFileSync(mappingFile(from.id, opts.extraDirs), 'utf8'));

  // Another id when a draft of the same mapping is already written for another file of the folder: the two
  // shapes of one source are two mappings, each with its own file pattern.
  if (id !== from.id) doc.setIn(['id'], id);
  const filesPattern = namePattern(file);
  doc.setIn(['match', 'files'], flowSeq(doc, [filesPattern]));

  // The file's own format: a register the mapping knows as GBK CSV may come as UTF-8, or as a workbook.
  const format: Record<string, string> = { type: head.format };
  if (head.format === 'csv' && head.encoding) format.encoding = head.encoding;
  const kept = from.format.type === head.format ? (doc.getIn(['format']) as unknown) : undefined;
  const formatNode = doc.createNode({ ...(isMap(kept) ? (kept.toJSON() as Record<string, string>) : {}), ...format });
  formatNode.flow = true;
  doc.setIn(['format'], formatNode);

  const added: Draft['added'] = {};
  const add = (id: string, entry: Draft['added'][string]) => {
    const headers = doc.getIn(['columns', id, 'headers'], true);
    if (!isSeq(headers)) return;
    headers.add(doc.createNode(entry.header));
    added[id] = entry;
  };
  for (const [id, hs] of Object.entries(chosen.nearest.alike)) add(id, { header: hs[0]!, by: 'header' });
  for (const [id, v] of Object.entries(chosen.byValue)) add(id, { header: v.header, by: 'values', passed: v.passed, of: v.of });

  const byValuesOnly = chosen.nearest.found.length === 0 && Object.keys(chosen.nearest.alike).length === 0;
  const lines = [
    ...(byValuesOnly
      ? [` WARNING: no header of the file is one of ${from.id}'s or like one; it was chosen by the values alone. Check the source.`]
      : []),
    ` Drafted ${opts.today ?? new Date().toISOString().slice(0, 10)} by npm run mapping -- draft from ${path.basename(file)},`,
    ` starting from ${from.id} (${from.title.zh} ${from.title.en}). Check every line, then dry-run it:`,
    `   npm run load -- --dry-run --mappings <this folder> ${path.basename(file)}`,
    ...Object.entries(added).map(([id, a]) => ` added: "${a.header}" as a header of ${id} (${whyAdded(from, id, a)})`),
    ...Object.entries(chosen.refused)
      .filter(([id]) => !added[id])
      .map(([id, r]) => ` not added: "${r.header}" looks like ${id} by name, but ${refusedWhy(from, id, r)}`),
    ...chosen.missingRequired.map(
      (id) => ` NOT FOUND: ${id} (${from.columns[id]!.headers.join(' / ')}) is required: add the file's header for it, or drop required`,
    ),
    ...(chosen.unread.length ? [` headers of the file nothing reads: ${chosen.unread.join(', ')}`] : []),
    ...(others.length ? [` other mappings near it (npm run mapping -- draft --from <id>): ${others.map((o) => o.id).join(', ')}`] : []),
  ];
  // After the mapping's own opening comment (the parser keeps it on the first key): its first line may be the
  // editor's schema directive.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const top = isScalar(first) ? first : doc;
  top.commentBefore = [top.commentBefore ?? '', ...lines].filter((l) => l !== '').join('\n');
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // A draft that does not parse as a mapping is a bug here, not the user's to find in the dry run.
  parseMapping(yaml, schema, `${id}.yaml (draft)`);
  return { from, id, fit: chosen, others, yaml, added, filesPattern, byValuesOnly };
}

/** `looks like 户号`, or `198 of 200 sampled values read as idNo`. */
export function whyAdded(m: Mapping, id: string, a: Draft['added'][string]): string {
  return a.by === 'header'
    ? `looks like ${m.columns[id]!.headers[0]}`
    : `${a.passed} of ${a.of} sampled values read as ${m.columns[id]!.normalise.type}`;
}

/** `0 of 12 sampled values read as date (e.g. "12")`. */
export function refusedWhy(m: Mapping, id: string, r: Contradiction): string {
  return `${r.passed} of ${r.of} sampled values read as ${m.columns[id]!.normalise.type} (e.g. "${r.example}")`;
}

/** Whether a file loads as it is: recognised, and every required column found (what a load checks first). */
export async function readsAsIs(
  file: string,
  mappings: Mapping[],
): Promise<{ loads: true; by: string } | { loads: false; recognisedAs?: string; why: string }> {
  const { planned, skipped } = await planFiles([file], mappings);
  if (!planned.length) return { loads: false, why: skipped[0]?.reason ?? 'not recognised' };
  for (const p of planned) {
    try {
      bindColumns(p.mapping, p.reader.headers, file, p.reader.format);
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      return { loads: false, recognisedAs: p.mapping.id, why: e.message };
    }
  }
  return { loads: true, by: planned.map((p) => p.mapping.id).join(', ') };
}
