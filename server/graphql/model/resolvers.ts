// models and model(id): the model library's descriptions (through the ModelCatalog interface), with the
// alert count and last run from the graph, batched across the list.
import type { ApiContext, ModelInfo } from '../context.js';
import { previewResolvers, runMutations } from './run.js';
import { runView } from './runs.js';
import { statsOf } from './stats.js';
import { alertCountOf } from './alert-count.js';
import type { Resolvers } from '../generated.js';

export const modelResolvers: Resolvers = {
  Query: {
    models: (_: unknown, __: unknown, ctx: ApiContext): ModelInfo[] => ctx.models.list(),
    model: (_: unknown, args: { id: string }, ctx: ApiContext): ModelInfo | null => ctx.models.get(args.id) ?? null,
  },
  Mutation: runMutations,
  ...previewResolvers,
  Model: {
    description: (m: ModelInfo) => m.description ?? '',
    tags: (m: ModelInfo) => m.tags ?? [],
    parameters: (m: ModelInfo) =>
      (m.parameters ?? []).map((p) => ({ ...p, default: p.default ?? null, description: p.description ?? null })),
    alertCount: (m: ModelInfo, _: unknown, ctx: ApiContext) => alertCountOf(ctx, m.id),
    lastRun: async (m: ModelInfo, _: unknown, ctx: ApiContext) => {
      const run = await ctx.batch.lastRun.load(m.id);
      return run ? runView(run) : null;
    },
    stats: (m: ModelInfo, _: unknown, ctx: ApiContext) => statsOf(ctx, m.id),
  },
};
