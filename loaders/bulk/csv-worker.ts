// A CSV thread of the bulk path (csv-pool.ts): writes the importer files of the streams it is sent, from the
// sorted runs the collecting thread spilled, exactly as importer-csv.ts writes them on one thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { SpilledGraph, type GraphPart } from './collect.js';
import { writeImporterCsv, type ImporterFiles } from './importer-csv.js';

export interface CsvWorkerInit {
  schema: GraphSchema;
  /** Where the importer files go. */
  dir: string;
}

export interface CsvJobMessage {
  id: number;
  /** A spill directory of this job's own (derived kinship spills records of its own). */
  spillDir: string;
  part: GraphPart;
  deriveKin: boolean;
}

export type CsvJobResult = { id: number; files: ImporterFiles; ms: number } | { id: number; error: string };

const init = workerData as CsvWorkerInit;

parentPort!.on('message', (job: CsvJobMessage) => {
  const t = Date.now();
  try {
    const graph = SpilledGraph.fromPart(job.spillDir, job.part);
    const files = writeImporterCsv(
      graph,
      init.schema,
      init.dir,
      job.deriveKin,
      undefined,
      job.part.streams.map((s) => s.stream),
    );
    graph.store.remove();
    parentPort!.postMessage({ id: job.id, files, ms: Date.now() - t } satisfies CsvJobResult);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CsvJobResult);
  }
});
