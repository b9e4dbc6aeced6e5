// Imports a model package: reviewed first (review.ts); a package with any problem is refused whole, with
// the reasons. Otherwise the new and changed models are published through the workbench's own path
// (publish.ts publishModels): each checked on the live server, its fixtures run in a scratch database and
// required to pass, all of them before any is written, then the live library is reloaded, so the imported
// models are listed and run at once. A dry run only reviews. Models the site already has as they are are
// left alone.
import path from 'node:path';
import { ROOT } from '../../../platform/config.js';
import { PublishRefused, publishModels, type PublishDeps } from '../publish.js';
import { reviewPackage, siteModels, type PackageReview } from './review.js';

export class PackageRefused extends Error {
  override name = 'PackageRefused';
  readonly code = 'BAD_INPUT';
  constructor(
    readonly review: PackageReview,
    /** Why publishing refused it (fixtures that fail), when the review itself passed. */
    readonly publishProblem?: string,
  ) {
    super(`model package refused: ${publishProblem ?? [...review.problems, ...review.models.flatMap((m) => m.problems)].join('; ')}`);
  }
}

export interface ImportResult {
  review: PackageReview;
  /** Files written, absolute (none on a dry run). */
  written: string[];
}

export async function importPackage(
  deps: PublishDeps,
  text: string,
  site: { siteDir: string },
  opts: { dryRun?: boolean; by: string },
): Promise<ImportResult> {
  const review = await reviewPackage(deps.db, text, siteModels(deps.library, site.siteDir));
  if (!review.ok || !review.pkg) throw new PackageRefused(review);
  if (opts.dryRun) return { review, written: [] };
  const from = `package ${review.hash?.slice(0, 12)}${review.source ? ` from ${review.source}` : ''}`;
  const wanted = review.pkg.models.filter((m) => review.models.find((r) => r.id === m.id)?.status !== 'same');
  try {
    const published = await publishModels(
      deps,
      wanted.map((m) => ({
        source: m.cypher,
        ...(m.fixtures !== null ? { fixtures: m.fixtures } : {}),
        revision: m.revision,
        action: 'model.import' as const,
        by: opts.by,
        reason: `imported: ${from}, r${m.revision} there`,
      })),
    );
    return { review, written: published.map((p) => path.resolve(ROOT, p.file)) };
  } catch (e) {
    if (e instanceof PublishRefused) throw new PackageRefused(review, e.message);
    throw e;
  }
}
