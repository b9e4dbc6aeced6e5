// Writes one batch of accepted rows: first checks references the source may not create (rows naming an
// unknown project become rejects), then sends every node statement and then every relationship statement
// in one write transaction, so a batch lands whole or not at all.
import type { Executor } from '../../../server/db/executor.js';
import type { GraphSchema } from '../../../server/schema/graph-schema.js';
import type { Mapping } from '../mapping/types.js';
import type { Problem } from '../transform.js';
import { existingKeysQuery, nodeMergeQuery, relMergeQuery } from './cypher.js';
import { checkReferences, groupBatch, wantedKeys, type Accepted } from './group.js';

export type { Accepted } from './group.js';

export interface BatchContext {
  executor: Executor;
  schema: GraphSchema;
  mapping: Mapping;
  source: string;
  file: string;
  run: string;
}

/** Query texts per mapping, built once. */
export function queriesFor(schema: GraphSchema, mapping: Mapping) {
  const label = (ref: string) => mapping.nodes.find((n) => n.ref === ref)!.label;
  return {
    nodes: mapping.nodes.map((n) => (n.mustExist ? undefined : nodeMergeQuery(schema, n))),
    rels: mapping.relationships.map((r) => relMergeQuery(schema, r, label(r.from), label(r.to))),
  };
}

/** Returns the rows rejected for unknown references; everything else is written. */
export async function writeBatch(
  ctx: BatchContext,
  queries: ReturnType<typeof queriesFor>,
  rows: Accepted[],
): Promise<{ row: number; problems: Problem[] }[]> {
  const { executor, schema, mapping } = ctx;
  // 1. References that must already exist: one query per referenced label and batch, not one per row.
  const found = new Map<string, Set<string>>();
  for (const [label, keys] of wantedKeys(rows)) {
    const { rows: hits } = await executor.read<{ k: string }>(existingKeysQuery(schema, label), { keys: [...keys] });
    found.set(label, new Set(hits.map((h) => h.k)));
  }
  const { ok, rejected } = checkReferences(rows, (label, key) => found.get(label)?.has(key) ?? false);

  // 2. Nodes before relationships, all in one transaction.
  const { nodes, rels } = groupBatch(mapping, ok);
  const common = { source: ctx.source, file: ctx.file, run: ctx.run };
  const statements: { cypher: string; params: Record<string, unknown> }[] = [];
  nodes.forEach((list, i) => {
    if (list?.length) statements.push({ cypher: queries.nodes[i]!, params: { rows: list, ...common } });
  });
  rels.forEach((list, i) => {
    if (list.length) statements.push({ cypher: queries.rels[i]!, params: { rows: list, ...common } });
  });
  if (statements.length) await executor.writeTx(statements, { metadata: { app: 'huiyan-loader', source: ctx.source, run: ctx.run } });
  return rejected;
}
