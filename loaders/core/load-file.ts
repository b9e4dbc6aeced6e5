// Loads one file with one mapping into Neo4j: the shared file pass (file-pass.ts) with batches written by
// the online writer, then the file's LoadRun node with its reconciliation.
import type { Executor } from '../../platform/db/executor.js';
import { loadRunOf, passFile, type FileReport, type PassOptions } from './file-pass.js';
import { saveLoadRun } from './load-run.js';
import type { Mapping } from './mapping/types.js';
import type { SourceReader } from './readers/source-reader.js';
import { onlineBatchWriter, queriesFor } from './writer/batch.js';

export type { FileReport, Progress } from './file-pass.js';
export interface FileLoadOptions extends PassOptions {
  /**
   * The file is read and normalised at once, but touches the database only once this has settled: the file
   * before it has finished (load-files.ts reads a file while the one before writes its last batch). A
   * rejection stops the file before it writes anything, with that error.
   */
  after?: Promise<unknown>;
}

export async function loadFile(
  executor: Executor,
  filePath: string,
  mapping: Mapping,
  reader: SourceReader,
  opts: FileLoadOptions,
): Promise<FileReport> {
  const { after, ...pass } = opts;
  const queries = queriesFor(opts.schema, mapping);
  const report = await passFile(filePath, mapping, reader, pass, ({ file, run }) =>
    onlineBatchWriter({ executor, schema: opts.schema, mapping, source: mapping.id, file, run, ...(after ? { after } : {}) }, queries),
  );
  // A file with no row to write never waited in the writer.
  await after;
  await saveLoadRun(executor, loadRunOf(report));
  return report;
}
