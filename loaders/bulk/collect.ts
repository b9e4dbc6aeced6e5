// The bulk path's first half: the same reading, normalising, rejects, duplicate and reference checks and
// reconciliation as the online loader (loadFile), file by file in the same order, but each batch is applied
// to an in-memory GraphImage instead of being sent to Neo4j. The result feeds the offline importer.
import path from 'node:path';
import type { GraphSchema } from '../../server/schema/graph-schema.js';
import type { FileReport, Progress } from '../core/load-file.js';
import { DEFAULT_BATCH } from '../core/load-file.js';
import { planFiles, type LoadReport } from '../core/load-files.js';
import { runId, sha256File, type LoadRunRecord } from '../core/load-run.js';
import { LoaderError } from '../core/errors.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Pseudonymiser } from '../core/pseudonym.js';
import type { SourceReader } from '../core/readers/source-reader.js';
import { RejectsWriter } from '../core/rejects.js';
import { bindColumns, transformRow, type Problem } from '../core/transform.js';
import { checkReferences, groupBatch, type Accepted, type Grouped } from '../core/writer/group.js';
import { GraphImage } from './graph-image.js';
import { deriveKinInImage } from './kin-image.js';

export interface CollectOptions {
  schema: GraphSchema;
  mappings: Mapping[];
  rejectsDir: string;
  pseudonymise?: Pseudonymiser;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
  /** Sees every batch as the online writer would send it (the benchmark writes LOAD CSV files from it). */
  onBatch?: (mapping: Mapping, file: string, run: string, g: Grouped) => void;
}

export interface Collected {
  image: GraphImage;
  report: LoadReport;
}

export async function collectFiles(paths: string[], opts: CollectOptions): Promise<Collected> {
  const t0 = Date.now();
  const image = new GraphImage(opts.schema);
  const { planned, skipped } = await planFiles(paths, opts.mappings);
  const report: LoadReport = { files: [], skipped, derived: {}, durationMs: 0 };
  const derive = new Set<string>();
  for (const p of planned) {
    try {
      report.files.push(await collectFile(image, p.path, p.mapping, p.reader, opts));
      for (const d of p.mapping.derive) derive.add(d);
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      report.skipped.push({ path: p.path, code: e.code, reason: e.message });
    }
  }
  if (derive.has('householdKin')) report.derived.householdKin = deriveKinInImage(image);
  report.durationMs = Date.now() - t0;
  return { image, report };
}

type Refused = { row: number; problems: Problem[] };

async function collectFile(image: GraphImage, filePath: string, mapping: Mapping, reader: SourceReader, opts: CollectOptions): Promise<FileReport> {
  const started = Date.now();
  const file = path.basename(filePath);
  const fileHash = await sha256File(filePath);
  const run = runId(mapping.id, mapping.digest, fileHash, opts.pseudonymise ? opts.pseudonymise('huiyan:run') : '');
  const bound = bindColumns(mapping, reader.headers, file);
  const rejects = new RejectsWriter(path.join(opts.rejectsDir, `${file}.${run.slice(-8)}.rejects.csv`));
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const seen = new Set<string>();
  let batch: Accepted[] = [];
  let refused: Refused[] = [];
  let rowsRead = 0;
  let loaded = 0;
  let duplicates = 0;

  // Batches as online: references are checked against what earlier batches and files produced.
  const flush = () => {
    const { ok, rejected } = checkReferences(batch, (label, key) => image.has(label, key));
    const g = groupBatch(mapping, ok);
    image.apply(mapping, g, { source: mapping.id, file, run });
    opts.onBatch?.(mapping, file, run, g);
    for (const r of [...refused, ...rejected].sort((a, b) => a.row - b.row)) rejects.write(file, r.row, r.problems);
    loaded += ok.length;
    batch = [];
    refused = [];
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    opts.onProgress?.({ file, source: mapping.id, rowsRead, rowsPerSec: Math.round(rowsRead / secs) });
  };
  try {
    for await (const data of reader.rows()) {
      rowsRead++;
      const r = transformRow({ bound, schema: opts.schema, pseudonymise: opts.pseudonymise }, data);
      if (!r.ok) {
        refused.push(r);
        continue;
      }
      if (seen.has(r.fingerprint)) {
        duplicates++;
        continue;
      }
      seen.add(r.fingerprint);
      batch.push(r);
      if (batch.length >= batchSize) flush();
    }
    flush();
  } finally {
    await rejects.close().catch(() => undefined);
  }
  const record: LoadRunRecord = {
    id: run,
    source: mapping.id,
    file,
    fileHash,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    rowsRead,
    rowsLoaded: loaded,
    rowsRejected: rejects.count,
    duplicatesSkipped: duplicates,
    rejectsFile: rejects.count > 0 ? rejects.filePath : null,
  };
  return {
    ...record,
    path: filePath,
    ...(reader.encoding ? { encoding: reader.encoding } : {}),
    ...(reader.sheet ? { sheet: reader.sheet } : {}),
    reconciles: rowsRead === loaded + rejects.count + duplicates,
  };
}
