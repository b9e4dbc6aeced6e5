// Imports a model package: reviewed first (review.ts); a package with any problem is refused whole, with
// the reasons. Otherwise the new and changed models are written into the site (install.ts), unless this
// is a dry run; models the site already has as they are are left alone.
import type { Executor } from '../../../platform/db/executor.js';
import type { AuditWrite } from '../../audit/notes.js';
import type { Model } from '../library.js';
import { installModel } from './install.js';
import { reviewPackage, siteModels, type PackageReview } from './review.js';

export class PackageRefused extends Error {
  override name = 'PackageRefused';
  readonly code = 'BAD_INPUT';
  constructor(readonly review: PackageReview) {
    super(`model package refused: ${[...review.problems, ...review.models.flatMap((m) => m.problems)].join('; ')}`);
  }
}

export interface ImportResult {
  review: PackageReview;
  /** Files written (none on a dry run). */
  written: string[];
}

export async function importPackage(
  db: Executor,
  text: string,
  site: { siteDir: string; library: { models: Model[] } },
  record: (w: AuditWrite) => void,
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const review = await reviewPackage(db, text, siteModels(site.library, site.siteDir));
  if (!review.ok || !review.pkg) throw new PackageRefused(review);
  if (opts.dryRun) return { review, written: [] };
  const written = review.pkg.models
    .filter((m) => review.models.find((r) => r.id === m.id)?.status !== 'same')
    .map((m) => installModel(site.siteDir, m, record));
  return { review, written };
}
