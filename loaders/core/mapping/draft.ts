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
import { UnknownSource } from '../errors.js';
import { formatOf, MAPPINGS_DIR } from './registry.js';
import { bestFit, nearestMappings, type Nearest } from './nearest.js';
import type { Mapping, SourceFormat } from './types.js';
import { parseMapping } from './validate.js';

/** What the head of a file says: its format, the encoding a text file was read in, and the rows a header may be among. */
export interface FileHead {
  format: SourceFormat;
  encoding?: string;
  sheet?: string;
  rows: string[][];
}

/** Reads a file's head as recognition does (head-rows.ts), without a mapping. */
export async function readHead(file: string): Promise<FileHead> {
  const format = formatOf(file) ?? (isLegacyExcelName(file) ? await legacyExcelFormat(file) : undefined);
  if (!format) throw new UnknownSource(file);
  const rows: string[][] = [];
  const reader = await openSource(
    file,
    format,
    {
      isHeader: (h) => {
        if (rows.length < 2 * LEAD_ROWS) rows.push(h);
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
  };
}

export interface Draft {
  /** The mapping the draft starts from (its id is kept, so the draft replaces it where it is given). */
  from: Mapping;
  fit: Nearest;
  /** The draft's YAML, checked by parseMapping. */
  yaml: string;
  /** Headers added to columns' aliases: column id → the header as the file writes it. */
  added: Record<string, string>;
  filesPattern: string;
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
 * The draft of a mapping for `file`: from `fromId` when given, else from the mapping the file comes closest
 * to. Throws UnknownSource when no mapping comes close enough to start from.
 */
export function draftMapping(
  file: string,
  head: FileHead,
  mappings: Mapping[],
  schema: GraphSchema,
  opts: { fromId?: string; extraDirs?: string[]; today?: string } = {},
): Draft {
  let fit: Nearest | undefined;
  if (opts.fromId) {
    const m = mappings.find((x) => x.id === opts.fromId);
    if (!m) throw new Error(`no mapping ${opts.fromId}: npm run mapping -- list names them`);
    fit = bestFit(m, head.rows);
  } else fit = nearestMappings(mappings, head.rows, 1)[0];
  if (!fit) throw new UnknownSource(file);
  const from = fit.mapping;
  const doc = parseDocument(readFileSync(mappingFile(from.id, opts.extraDirs), 'utf8'));

  const filesPattern = namePattern(file);
  doc.setIn(['match', 'files'], flowSeq(doc, [filesPattern]));

  // The file's own format: a register the mapping knows as GBK CSV may come as UTF-8, or as a workbook.
  const format: Record<string, string> = { type: head.format };
  if (head.format === 'csv' && head.encoding) format.encoding = head.encoding;
  const kept = from.format.type === head.format ? (doc.getIn(['format']) as unknown) : undefined;
  const formatNode = doc.createNode({ ...(isMap(kept) ? (kept.toJSON() as Record<string, string>) : {}), ...format });
  formatNode.flow = true;
  doc.setIn(['format'], formatNode);

  const added: Record<string, string> = {};
  for (const [id, hs] of Object.entries(fit.alike)) {
    const headers = doc.getIn(['columns', id, 'headers'], true);
    if (!isSeq(headers)) continue;
    headers.add(doc.createNode(hs[0]!));
    added[id] = hs[0]!;
  }

  const lines = [
    ` Drafted ${opts.today ?? new Date().toISOString().slice(0, 10)} by npm run mapping -- draft from ${path.basename(file)},`,
    ` starting from ${from.id} (${from.title.zh} ${from.title.en}). Check every line, then dry-run it:`,
    `   npm run load -- --dry-run --mappings <this folder> ${path.basename(file)}`,
    ...Object.entries(added).map(([id, h]) => ` added: "${h}" as a header of ${id} (looks like ${from.columns[id]!.headers[0]})`),
    ...fit.missingRequired.map(
      (id) => ` NOT FOUND: ${id} (${from.columns[id]!.headers.join(' / ')}) is required: add the file's header for it, or drop required`,
    ),
    ...(fit.unread.length ? [` headers of the file nothing reads: ${fit.unread.join(', ')}`] : []),
  ];
  // After the mapping's own opening comment (the parser keeps it on the first key): its first line may be the
  // editor's schema directive.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const top = isScalar(first) ? first : doc;
  top.commentBefore = [top.commentBefore ?? '', ...lines].filter((l) => l !== '').join('\n');
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // A draft that does not parse as a mapping is a bug here, not the user's to find in the dry run.
  parseMapping(yaml, schema, `${from.id}.yaml (draft)`);
  return { from, fit, yaml, added, filesPattern };
}
