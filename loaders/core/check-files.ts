// A load without a database (`npm run load -- --dry-run`): what a site's mapping author needs while writing
// one. Every file is recognised, its header found and its columns bound, and every row goes through the
// normalisers and the cell checks exactly as in a load, with the same reconciliation, notes and rejects file;
// nothing is written anywhere but the rejects folder. What only the graph can answer is not checked: whether
// a row's reference (a bid's project) names something loaded, and what a snapshot would end.
import { LoaderError } from './errors.js';
import { passFile } from './file-pass.js';
import { mappingsFor, planFiles, type LoadOptions, type LoadReport } from './load-files.js';
import { limitsOf } from './readers/limits.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { loadGraphSchema } from '../../platform/schema/graph-schema.js';

export async function checkFiles(paths: string[], opts: LoadOptions): Promise<LoadReport> {
  const t0 = Date.now();
  const schema = opts.schema ?? loadGraphSchema();
  // Every mapping is validated before any file is opened, as in a load.
  const mappings = mappingsFor(opts, schema);
  const pseudonymise = opts.pseudonymKey ? pseudonymiser(opts.pseudonymKey) : undefined;
  const { planned, skipped } = await planFiles(paths, mappings, opts.limits);
  const report: LoadReport = { files: [], skipped, derived: {}, durationMs: 0 };
  for (const p of planned) {
    try {
      const file = await passFile(
        p.path,
        p.mapping,
        p.reader,
        {
          schema,
          rejectsDir: opts.rejectsDir,
          ...(pseudonymise ? { pseudonymise } : {}),
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
          ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
          maxCellBytes: limitsOf(opts.limits).maxCellBytes,
        },
        // Every accepted row would be written; none is refused for a reference, as none is looked up.
        () => ({ write: () => Promise.resolve([]) }),
      );
      report.files.push(file);
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      report.skipped.push({ path: p.path, code: e.code, reason: e.message });
    }
  }
  report.durationMs = Date.now() - t0;
  return report;
}
