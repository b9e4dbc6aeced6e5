// The floor under every online path: as many nodes and relationships as the county's graph has, written
// with plain CREATE in 10,000-row UNWIND batches on a fresh server like the other paths. Nodes carry a key
// under a uniqueness constraint (relationship endpoints are matched by it, as every path matches them) and
// one more property; no MERGE, no other index, no parsing, no provenance. No loader that writes through
// Cypher can be faster than this on the same server, so its rows/s bounds what the online path can reach.
import type { Executor } from '../../platform/db/executor.js';

const BATCH = 10_000;

export interface FloorResult {
  nodesMs: number;
  relationshipsMs: number;
}

export async function runFloor(db: Executor, nodes: number, relationships: number): Promise<FloorResult> {
  await db.write('CREATE CONSTRAINT floor_k IF NOT EXISTS FOR (n:Floor) REQUIRE n.k IS UNIQUE');
  const t0 = Date.now();
  for (let i = 0; i < nodes; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, nodes - i) }, (_, j) => [`k${i + j}`, i + j]);
    await db.write('UNWIND $rows AS row CREATE (:Floor {k: row[0], row: row[1]})', { rows });
  }
  const t1 = Date.now();
  // Endpoints spread over the whole graph, as a county's links are (a linear congruential sequence, so the
  // same pairs every run).
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) % nodes;
  for (let i = 0; i < relationships; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, relationships - i) }, (_, j) => [`k${next()}`, `k${next()}`, i + j]);
    await db.write('UNWIND $rows AS row MATCH (a:Floor {k: row[0]}) MATCH (b:Floor {k: row[1]}) CREATE (a)-[:FLOOR {row: row[2]}]->(b)', {
      rows,
    });
  }
  return { nodesMs: t1 - t0, relationshipsMs: Date.now() - t1 };
}
