// After a load (the demo county at start, `npm run load`): the records of one person or company across
// sources are proposed as candidates at once, so the 同一实体 page has them without anyone asking. A
// failure is logged, never thrown: the load itself has succeeded.
import type { Executor } from '../../platform/db/executor.js';
import { proposeCandidates } from './find.js';

export async function proposeAfterLoad(executor: Executor, log: (m: string) => void): Promise<number | undefined> {
  try {
    const open = await proposeCandidates(executor);
    log(`Entity resolution 同一实体: ${open} candidate pair(s) await a handler's decision.`);
    return open;
  } catch (e) {
    log(`Entity resolution: proposing candidates failed: ${(e as Error).message}`);
    return undefined;
  }
}
