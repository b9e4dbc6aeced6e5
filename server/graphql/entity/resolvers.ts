// entity(id) and the Entity type. Entities arrive already presented (EntityView) from whatever query found
// them; only degree is fetched lazily, batched per request, because most views never ask for it. An entity
// outside the caller's jurisdiction needs a stated reason, or is refused (graphql/jurisdiction.ts).
import type { PlainNode } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { uidArg } from '../inputs.js';
import { admit } from '../jurisdiction.js';
import { JSONScalar } from '../scalars.js';
import { viewOpts } from '../view.js';
import { presentNode, type EntityView } from './present.js';
import { degreeOf } from '../degree.js';
import type { Resolvers } from '../generated.js';

export const entityResolvers: Resolvers = {
  JSON: JSONScalar,
  Query: {
    async entity(_: unknown, args: { id: string }, ctx: ApiContext): Promise<EntityView | null> {
      const { rows } = await ctx.executor.read<{ n: PlainNode; d: number }>(
        `MATCH (n:Entity {uid: $id}) RETURN n, ${degreeOf(ctx.graphSchema, 'n')} AS d`,
        { id: uidArg(args.id) },
        ctx.txMeta('entity'),
      );
      const row = rows[0];
      if (!row) return null;
      await admit(ctx, [String(row.n.properties.uid)]);
      return { ...presentNode(row.n, viewOpts(ctx)), degree: row.d };
    },
  },
  Entity: {
    degree: (e: EntityView, _: unknown, ctx: ApiContext) => e.degree ?? ctx.batch.degree.load(e.id),
  },
};
