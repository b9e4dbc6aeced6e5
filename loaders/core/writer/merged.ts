// Rows naming a record a handler merged into another (entity resolution, docs/resolution.md) are written
// to the survivor. Without this, the next delivery of the absorbed record's source created that person
// again under the old key, and the pair was proposed again: a merge lasted until the next load.
import type { Executor } from '../../../platform/db/executor.js';
import type { Accepted } from './group.js';

const SURVIVORS = `
UNWIND $uids AS u
MATCH (m:MergedRecord {uid: u})
MATCH (s:Entity {uid: m._mergedInto})
RETURN u AS uid, s.uid AS into`;

/** Whether the graph holds any merged record at all: when not, loads skip the per-batch lookup. */
export async function anyMerged(executor: Executor): Promise<boolean> {
  const { rows } = await executor.read<{ any: boolean }>('RETURN EXISTS { (:MergedRecord) } AS any');
  return rows[0]?.any === true;
}

/**
 * Points the batch's nodes that are merged records at their survivors, in place: relationships hold the
 * same node objects, so they follow, and the node itself is left out of the batch, so the survivor's own
 * values and provenance stand (an undo must find it as it was). Returns how many mentions were redirected.
 */
export async function redirectMerged(executor: Executor, rows: Accepted[]): Promise<number> {
  const uids = [...new Set(rows.flatMap((r) => r.nodes.map((n) => n.uid)))];
  if (!uids.length) return 0;
  const { rows: hits } = await executor.read<{ uid: string; into: string }>(SURVIVORS, { uids });
  if (!hits.length) return 0;
  const into = new Map(hits.map((h) => [h.uid, h.into]));
  let n = 0;
  for (const r of rows) {
    const redirected = new Set<unknown>();
    for (const node of r.nodes) {
      const survivor = into.get(node.uid);
      if (!survivor || !survivor.startsWith(`${node.spec.label}:`)) continue;
      node.uid = survivor;
      node.key = survivor.slice(node.spec.label.length + 1);
      redirected.add(node);
      n++;
    }
    if (redirected.size) r.nodes = r.nodes.filter((x) => !redirected.has(x));
  }
  return n;
}
