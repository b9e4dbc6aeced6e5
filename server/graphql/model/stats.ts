// Model.stats, batched across a models list: one Cypher query for every model the request asks about.
import { Batcher } from '../batch.js';
import type { ApiContext } from '../context.js';
import { modelStats, type ModelStats } from '../../alerts/stats.js';

const batchers = new WeakMap<ApiContext, Batcher<string, ModelStats | null>>();

export async function statsOf(ctx: ApiContext, modelId: string): Promise<ModelStats> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new Batcher((ids) => modelStats(ctx.executor, ids, ctx.txMeta('model.stats')), null);
    batchers.set(ctx, b);
  }
  const s = await b.load(modelId);
  // modelStats answers for every id it is asked about; the fallback only satisfies the type.
  return s ?? (await modelStats(ctx.executor, [modelId], ctx.txMeta('model.stats'))).get(modelId)!;
}
