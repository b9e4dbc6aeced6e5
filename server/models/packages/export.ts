// Exports library models as one package: each .cypher file as written, a `<name>.fixtures.yaml` beside it
// if there is one, its git history and its statistics over the alerts in `scope`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../../platform/db/executor.js';
import { ROOT } from '../../../platform/config.js';
import { WHOLE_COUNTY, type Scope } from '../../access/jurisdiction.js';
import { modelStats, type ModelStats } from '../../alerts/stats.js';
import type { Library } from '../library.js';
import { sealPackage, type ModelPackage, type PackagedModel } from './format.js';
import { revisionHistory } from './history.js';

export class UnknownModels extends Error {
  override name = 'UnknownModels';
  readonly code = 'BAD_INPUT';
}

const statsOf = (s: ModelStats | undefined): PackagedModel['stats'] =>
  s
    ? {
        alerts: s.alerts,
        concluded: s.concluded,
        confirmed: s.confirmed,
        partlyConfirmed: s.partlyConfirmed,
        dismissed: s.dismissed,
        hitRate: s.hitRate,
        byRevision: s.byRevision.map((r) => ({ revision: r.revision, alerts: r.alerts, concluded: r.concluded, hitRate: r.hitRate })),
      }
    : null;

export async function exportPackage(
  db: Executor,
  library: Library,
  ids: string[],
  opts: { source?: string | null; scope?: Scope; now?: Date } = {},
): Promise<ModelPackage> {
  if (ids.length === 0) throw new UnknownModels('name at least one model to export');
  const missing = ids.filter((id) => !library.get(id));
  if (missing.length) throw new UnknownModels(`no model ${missing.join(', ')} in the library`);
  const stats = await modelStats(db, ids, {}, opts.scope ?? WHOLE_COUNTY);
  const models = [...new Set(ids)].map((id): PackagedModel => {
    const m = library.get(id)!;
    // Library files are named relative to the repository; a site's may be absolute.
    const file = path.resolve(ROOT, m.file);
    const fixtures = file.replace(/\.cypher$/, '.fixtures.yaml');
    return {
      id: m.id,
      revision: m.revision,
      domain: m.domain,
      file: path.basename(file),
      cypher: readFileSync(file, 'utf8'),
      fixtures: existsSync(fixtures) ? readFileSync(fixtures, 'utf8') : null,
      history: revisionHistory(file),
      stats: statsOf(stats.get(id)),
    };
  });
  return sealPackage(models, opts.source ?? null, opts.now ?? new Date());
}
