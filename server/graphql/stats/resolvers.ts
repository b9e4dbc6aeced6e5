// alertBreakdown: the statistics page's counts, over the alerts in the caller's jurisdiction like `alerts`.
import { alertBreakdown } from '../../alerts/breakdown.js';
import { orgLinks } from '../../access/jurisdiction.js';
import type { ApiContext } from '../context.js';
import { clampLimit } from '../inputs.js';
import { scopeOf } from '../jurisdiction.js';
import type { Resolvers } from '../generated.js';

export const statsResolvers: Resolvers = {
  Query: {
    async alertBreakdown(_: unknown, args: { includeGone?: boolean | null; units?: number | null }, ctx: ApiContext) {
      return alertBreakdown(
        ctx.executor,
        {
          includeGone: args.includeGone ?? false,
          units: clampLimit(args.units, 15, 1, 100, 'units'),
          scope: await scopeOf(ctx),
          links: orgLinks(ctx.graphSchema),
        },
        ctx.txMeta('alertBreakdown'),
      );
    },
  },
};
