// Model.stats, batched across a models list: one Cypher query for every model the request asks about,
// over the alerts in the caller's jurisdiction.
import { Batcher } from '../batch.js';
import type { ApiContext } from '../context.js';
import { modelStats, type ModelStats } from '../../alerts/stats.js';
import { scopeOf } from '../jurisdiction.js';

const batchers = new WeakMap<ApiContext, Batcher<string, ModelStats | null>>();

export async function statsOf(ctx: ApiContext, modelId: string): Promise<ModelStats> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new Batcher(async (ids) => modelStats(ctx.executor, ids, ctx.txMeta('model.stats'), await scopeOf(ctx)), null);
    batchers.set(ctx, b);
  }
  const s = await b.load(modelId);
  // modelStats answers for every id it is asked about; the fallback only satisfies the type.
  return s ?? (await modelStats(ctx.executor, [modelId], ctx.txMeta('model.stats'), await scopeOf(ctx))).get(modelId)!;
}
