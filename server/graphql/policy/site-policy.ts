// sitePolicy and setModelPolicy: the site's parameter values per model (server/models/policy.ts). A change
// is written to the file at once, used by every later run, and recorded with who, why, before and after.
import type { Model } from '../../models/library.js';
import { InvalidPolicy } from '../../models/policy.js';
import type { ApiContext, SiteDesk } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';

export function siteOf(ctx: ApiContext): SiteDesk {
  if (!ctx.site) throw forbidden('This server has no site folder: policy and model packages are not available');
  return ctx.site;
}

function modelPolicy(site: SiteDesk, m: Model) {
  const own = site.policy.ownParamsFor(m.id);
  const shared = site.policy.siteParamsFor(m.id);
  const params = { ...shared, ...own };
  return {
    modelId: m.id,
    titleZh: m.title.zh,
    titleEn: m.title.en,
    params: own,
    siteParams: shared,
    parameters: m.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default ?? null,
      value: p.name in params ? params[p.name] : (p.default ?? null),
      tuned: p.name in params,
      fromSite: p.name in shared,
    })),
  };
}

export const sitePolicyResolvers = {
  Query: {
    sitePolicy(_: unknown, __: unknown, ctx: ApiContext) {
      const site = siteOf(ctx);
      return {
        file: site.policy.file,
        hash: site.policy.hash,
        dailyAt: site.policy.dailyAt,
        models: site.library.models.map((m) => modelPolicy(site, m)),
      };
    },
  },
  Mutation: {
    setModelPolicy(_: unknown, args: { model: string; params: unknown; reason: string }, ctx: ApiContext) {
      const site = siteOf(ctx);
      const model = site.library.get(args.model);
      if (!model) throw notFound(`No model ${args.model}`);
      if (typeof args.params !== 'object' || args.params === null || Array.isArray(args.params))
        throw badInput('params must be an object of parameter name to value');
      const why = args.reason.trim();
      if (why.length < 2) throw badInput('a change of the site policy needs a reason');
      let change: { before: Record<string, unknown>; after: Record<string, unknown> };
      try {
        change = site.policy.set(site.library, model.id, args.params as Record<string, unknown>);
      } catch (e) {
        if (e instanceof InvalidPolicy) throw badInput(e.reason);
        throw e;
      }
      ctx.audit.wrote('model.policy', model.id);
      ctx.audit.remark(
        `policy ${model.id}: before ${JSON.stringify(change.before)} after ${JSON.stringify(change.after)}; why: ${why.slice(0, 300)}`,
      );
      return modelPolicy(site, model);
    },
  },
};
