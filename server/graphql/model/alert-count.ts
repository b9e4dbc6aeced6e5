// Model.alertCount, batched across a models list: the alerts on record in the caller's jurisdiction.
import { Batcher } from '../batch.js';
import type { ApiContext } from '../context.js';
import { alertCounts } from '../../alerts/queries.js';
import { scopeOf } from '../jurisdiction.js';

const batchers = new WeakMap<ApiContext, Batcher<string, number>>();

export function alertCountOf(ctx: ApiContext, modelId: string): Promise<number> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new Batcher(async (ids) => alertCounts(ctx.executor, ids, ctx.txMeta('model.alertCount'), await scopeOf(ctx)), 0);
    batchers.set(ctx, b);
  }
  return b.load(modelId);
}
