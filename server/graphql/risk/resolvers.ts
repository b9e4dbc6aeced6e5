// riskRanking: the alerts grouped by the entity they flag, ranked (server/alerts/risk.ts has the formula),
// over the alerts in the caller's jurisdiction.
import { rankSubjects } from '../../alerts/risk.js';
import type { ApiContext } from '../context.js';
import { badInput } from '../errors.js';
import { clampLimit } from '../inputs.js';
import { presentNode } from '../entity/present.js';
import { viewOpts } from '../view.js';
import { scopeOf } from '../jurisdiction.js';
import type { Resolvers } from '../generated.js';

export const riskResolvers: Resolvers = {
  Query: {
    async riskRanking(_: unknown, args: { limit?: number | null; label?: string | null }, ctx: ApiContext) {
      if (args.label && !ctx.graphSchema.labels[args.label]) throw badInput(`unknown label ${args.label}`);
      const ranked = await rankSubjects(
        ctx.executor,
        { limit: clampLimit(args.limit, 20, 1, 200), label: args.label ?? null, scope: await scopeOf(ctx) },
        ctx.txMeta('riskRanking'),
      );
      return ranked.map(({ node, ...r }) => ({ ...r, entity: presentNode(node, viewOpts(ctx)) }));
    },
  },
};
