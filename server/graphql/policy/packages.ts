// exportModels, reviewModelPackage, importModelPackage: sharing models between jurisdictions
// (server/models/packages). Export counts the statistics over the caller's jurisdiction; import is the
// admin's, refused whole with the reasons when anything fails its checks or its fixtures; it publishes
// through the workbench's path (server/models/publish.ts), which reloads the running library.
import { exportPackage, UnknownModels } from '../../models/packages/export.js';
import { importPackage, PackageRefused } from '../../models/packages/import.js';
import { reviewPackage, siteModels, type PackageReview } from '../../models/packages/review.js';
import type { ApiContext } from '../context.js';
import { badInput, forbidden } from '../errors.js';
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
      // Publishing needs the live library to reload and a scratch database for the fixtures: the workbench's.
      const bench = ctx.workbench;
      if (!bench) throw forbidden('This server has no workbench: model packages cannot be published here');
      const deps = {
        db: ctx.executor,
        library: bench.library,
        siteModelsDir: bench.siteModelsDir,
        schema: ctx.graphSchema,
        fixtureDb: bench.fixtureDb,
        policy: site.policy,
        record: (w: { action: string; target: string; reason: string }) => {
          ctx.audit.wrote(w.action, w.target);
          ctx.audit.remark(`${w.action} ${w.target}: ${w.reason}`);
        },
      };
      try {
        const r = await importPackage(deps, sized(args.package), site, { by: ctx.principal?.id ?? 'unknown' });
        ctx.audit.remark(`model.package.import ${r.review.hash}`);
        return view(r.review, r.written);
      } catch (e) {
        if (e instanceof PackageRefused) throw badInput(e.message);
        throw e;
      }
    },
  },
};
