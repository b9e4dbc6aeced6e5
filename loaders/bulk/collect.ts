// The bulk path's first half: the same file pass as the online loader (core/file-pass.ts: reading,
// normalising, rejects, duplicate and reference checks, reconciliation), file by file in the same order, but
// each batch is applied to an in-memory GraphImage instead of being sent to Neo4j. The result feeds the offline importer.
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { passFile, type FileReport, type Progress } from '../core/file-pass.js';
import { planFiles, type LoadReport } from '../core/load-files.js';
import { LoaderError } from '../core/errors.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { SourceReader } from '../core/readers/source-reader.js';
import { checkReferences, groupBatch, type Grouped } from '../core/writer/group.js';
import { RepeatFilter } from '../core/writer/repeats.js';
import { GraphImage } from './graph-image.js';
import { deriveKinInImage } from './kin-image.js';

export interface CollectOptions {
  schema: GraphSchema;
  mappings: Mapping[];
  rejectsDir: string;
  pseudonymise?: Pseudonymiser;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
  /**
   * Sees every batch as grouped, before the online writer drops the node rows that repeat earlier batches
   * (core/writer/repeats.ts): the benchmark writes LOAD CSV files from it, one LOAD CSV transaction per batch.
   */
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

/** The shared file pass, each batch checked against and applied to the image instead of Neo4j. */
function collectFile(
  image: GraphImage,
  filePath: string,
  mapping: Mapping,
  reader: SourceReader,
  opts: CollectOptions,
): Promise<FileReport> {
  const repeats = new RepeatFilter(mapping);
  return passFile(filePath, mapping, reader, opts, ({ file, run }) => ({
    // References are checked against what earlier batches and files produced, as online.
    write: async (rows) => {
      const { ok, rejected } = checkReferences(rows, (label, key) => image.has(label, key));
      const g = groupBatch(mapping, ok);
      // The online writer's filter, so that provenance (the row that last wrote a node) comes out the same.
      image.apply(mapping, repeats.filter(g), { source: mapping.id, file, run });
      opts.onBatch?.(mapping, file, run, g);
      return rejected;
    },
  }));
}
