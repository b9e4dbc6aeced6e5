// exportModels, reviewModelPackage, importModelPackage: sharing models between jurisdictions
// (server/models/packages). Export counts the statistics over the caller's jurisdiction; import is the
// admin's, refused whole with the reasons when anything fails its checks. Nothing here reloads the
// running library: the workbench's publishModel does that once the lead routes install.ts through it.
import { exportPackage, UnknownModels } from '../../models/packages/export.js';
import { importPackage, PackageRefused } from '../../models/packages/import.js';
import { reviewPackage, siteModels, type PackageReview } from '../../models/packages/review.js';
import type { ApiContext } from '../context.js';
import { badInput } from '../errors.js';
import { scopeOf } from '../jurisdiction.js';
import { siteOf } from './site-policy.js';

/** A package larger than this is not a set of model files: refused before parsing. */
const MAX_PACKAGE_CHARS = 5_000_000;

const view = (r: PackageReview, written: string[] = []) => ({
  hash: r.hash,
  source: r.source,
  createdAt: r.createdAt,
  ok: r.ok,
  problems: r.problems,
  models: r.models.map((m) => ({ ...m, status: m.status.toUpperCase() as Uppercase<typeof m.status> })),
  written,
});

function sized(text: string): string {
  if (text.length > MAX_PACKAGE_CHARS) throw badInput(`a model package may hold at most ${MAX_PACKAGE_CHARS} characters`);
  return text;
}

export const packageResolvers = {
  Query: {
    async exportModels(_: unknown, args: { ids: string[] }, ctx: ApiContext) {
      const site = siteOf(ctx);
      try {
        const pkg = await exportPackage(ctx.executor, site.library, args.ids, { source: site.siteDir, scope: await scopeOf(ctx) });
        ctx.audit.remark(`model.export ${args.ids.join(' ')} sha256 ${pkg.manifest.sha256}`);
        return JSON.stringify(pkg, null, 2);
      } catch (e) {
        if (e instanceof UnknownModels) throw badInput(e.message);
        throw e;
      }
    },
    async reviewModelPackage(_: unknown, args: { package: string }, ctx: ApiContext) {
      const site = siteOf(ctx);
      const r = await reviewPackage(ctx.executor, sized(args.package), siteModels(site.library, site.siteDir));
      ctx.audit.remark(`model.package.review ${r.hash ?? 'not a package'}`);
      return view(r);
    },
  },
  Mutation: {
    async importModelPackage(_: unknown, args: { package: string }, ctx: ApiContext) {
      const site = siteOf(ctx);
      try {
        const r = await importPackage(ctx.executor, sized(args.package), site, (w) => ctx.audit.wrote(w.action, w.target));
        ctx.audit.remark(`model.package.import ${r.review.hash}`);
        return view(r.review, r.written);
      } catch (e) {
        if (e instanceof PackageRefused) throw badInput(e.message);
        throw e;
      }
    },
  },
};
