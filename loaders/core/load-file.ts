// Loads one file with one mapping into Neo4j: the shared file pass (file-pass.ts) with batches written by
// the online writer, then the file's LoadRun node with its reconciliation.
import type { Executor } from '../../platform/db/executor.js';
import { loadRunOf, passFile, type FileReport, type PassOptions } from './file-pass.js';
import { saveLoadRun } from './load-run.js';
import type { Mapping } from './mapping/types.js';
import type { SourceReader } from './readers/source-reader.js';
import { onlineBatchWriter, queriesFor } from './writer/batch.js';

export type { FileReport, Progress } from './file-pass.js';
export type FileLoadOptions = PassOptions;

export async function loadFile(
  executor: Executor,
  filePath: string,
  mapping: Mapping,
  reader: SourceReader,
  opts: FileLoadOptions,
): Promise<FileReport> {
  const queries = queriesFor(opts.schema, mapping);
  const report = await passFile(filePath, mapping, reader, opts, ({ file, run }) =>
    onlineBatchWriter({ executor, schema: opts.schema, mapping, source: mapping.id, file, run }, queries),
  );
  await saveLoadRun(executor, loadRunOf(report));
  return report;
}
