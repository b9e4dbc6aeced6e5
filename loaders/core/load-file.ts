// Loads one file with one mapping: read → normalise → reject or batch → write, then the reconciliation
// (rows read = loaded + rejected + duplicates skipped) and its LoadRun node.
import path from 'node:path';
import type { Executor } from '../../server/db/executor.js';
import type { GraphSchema } from '../../server/schema/graph-schema.js';
import { saveLoadRun, runId, sha256File, type LoadRunRecord } from './load-run.js';
import type { Mapping } from './mapping/types.js';
import type { Pseudonymiser } from './pseudonym.js';
import type { SourceReader } from './readers/source-reader.js';
import { RejectsWriter } from './rejects.js';
import { bindColumns, transformRow } from './transform.js';
import { queriesFor, writeBatch, type Accepted } from './writer/batch.js';

export interface Progress {
  file: string;
  source: string;
  rowsRead: number;
  rowsPerSec: number;
}

export interface FileLoadOptions {
  schema: GraphSchema;
  rejectsDir: string;
  pseudonymise?: Pseudonymiser;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
}

export interface FileReport extends LoadRunRecord {
  path: string;
  encoding?: string;
  sheet?: string;
  /** rowsRead === rowsLoaded + rowsRejected + duplicatesSkipped; false would be a loader bug. */
  reconciles: boolean;
}

export async function loadFile(executor: Executor, filePath: string, mapping: Mapping, reader: SourceReader, opts: FileLoadOptions): Promise<FileReport> {
  const started = Date.now();
  const file = path.basename(filePath);
  const fileHash = await sha256File(filePath);
  const run = runId(mapping.id, mapping.digest, fileHash, opts.pseudonymise ? opts.pseudonymise('huiyan:run') : '');
  const bound = bindColumns(mapping, reader.headers, file);
  const rejects = new RejectsWriter(path.join(opts.rejectsDir, `${file}.${run.slice(-8)}.rejects.csv`));
  const ctx = { executor, schema: opts.schema, mapping, source: mapping.id, file, run };
  const queries = queriesFor(opts.schema, mapping);
  const batchSize = opts.batchSize ?? 5000;
  const seen = new Set<string>();
  let batch: Accepted[] = [];
  let rowsRead = 0;
  let loaded = 0;
  let duplicates = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const bad = await writeBatch(ctx, queries, batch);
    for (const b of bad) rejects.write(file, b.row, b.problems);
    loaded += batch.length - bad.length;
    batch = [];
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    opts.onProgress?.({ file, source: mapping.id, rowsRead, rowsPerSec: Math.round(rowsRead / secs) });
  };

  try {
    for await (const data of reader.rows()) {
      rowsRead++;
      const r = transformRow({ bound, schema: opts.schema, pseudonymise: opts.pseudonymise }, data);
      if (!r.ok) {
        rejects.write(file, r.row, r.problems);
        continue;
      }
      // The same record twice (after normalisation) is counted, not loaded twice.
      if (seen.has(r.fingerprint)) {
        duplicates++;
        continue;
      }
      seen.add(r.fingerprint);
      batch.push(r);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await rejects.close().catch(() => undefined);
  }
  const rejectsFile = rejects.count > 0 ? rejects.filePath : null;
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
    rejectsFile,
  };
  await saveLoadRun(executor, record);
  return {
    ...record,
    path: filePath,
    ...(reader.encoding ? { encoding: reader.encoding } : {}),
    ...(reader.sheet ? { sheet: reader.sheet } : {}),
    reconciles: rowsRead === loaded + rejects.count + duplicates,
  };
}
