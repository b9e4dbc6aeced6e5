// Page cache warming before the cold pass (`--warm-cache`): a server that has been answering queries for a
// while holds the store in its page cache, while a freshly started one reads every page a model touches
// from disk (or the OS cache) on first use, so the first run of each model after a start pays for pages
// the others touched already. Neo4j Community has no page cache warmer (the Enterprise one replays the
// pages in use before the stop), so the same effect comes from reading every node and relationship with
// all its properties once: node, relationship, property and string stores pass through the page cache.
// It is timed apart and reported beside the cold figures, never folded into them or hidden.
import type { Executor } from '../../platform/db/executor.js';

const SCANS = [
  'MATCH (n) RETURN count(n) AS entities, sum(size(keys(properties(n)))) AS properties',
  'MATCH ()-[r]->() RETURN count(r) AS entities, sum(size(keys(properties(r)))) AS properties',
];

export interface CacheWarming {
  seconds: number;
  nodes: number;
  relationships: number;
}

/** Reads the whole store once (nodes, then relationships, each with its properties). */
export async function warmPageCache(db: Executor, timeoutMs: number): Promise<CacheWarming> {
  const t = Date.now();
  const counts: number[] = [];
  for (const q of SCANS) {
    const { rows } = await db.read<{ entities: number }>(q, {}, { timeoutMs });
    counts.push(Number(rows[0]?.entities ?? 0));
  }
  return { seconds: Math.round((Date.now() - t) / 10) / 100, nodes: counts[0]!, relationships: counts[1]! };
}
