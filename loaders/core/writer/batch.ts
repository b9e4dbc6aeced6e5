// Writes one batch of accepted rows: first checks references the source may not create (rows naming an
// unknown project become rejects), then sends every node statement and then every relationship statement
// in one write transaction, so a batch lands whole or not at all.
import type { Executor } from '../../../server/db/executor.js';
import type { GraphSchema } from '../../../server/schema/graph-schema.js';
import type { Mapping } from '../mapping/types.js';
import type { Value } from '../normalise/index.js';
import type { NodeInst, Problem, RowResult } from '../transform.js';
import { existingKeysQuery, nodeMergeQuery, relMergeQuery } from './cypher.js';

export type Accepted = Extract<RowResult, { ok: true }>;

export interface BatchContext {
  executor: Executor;
  schema: GraphSchema;
  mapping: Mapping;
  source: string;
  file: string;
  run: string;
}

interface NodeRow {
  key: string;
  uid: string;
  row: number;
  p: Record<string, Value>;
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
  // 1. References that must already exist.
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) for (const n of r.nodes) if (n.spec.mustExist) (wanted.get(n.spec.label) ?? wanted.set(n.spec.label, new Set()).get(n.spec.label)!).add(n.key);
  const found = new Map<string, Set<string>>();
  for (const [label, keys] of wanted) {
    const { rows: hits } = await executor.read<{ k: string }>(existingKeysQuery(schema, label), { keys: [...keys] });
    found.set(label, new Set(hits.map((h) => h.k)));
  }
  const rejected: { row: number; problems: Problem[] }[] = [];
  const ok: Accepted[] = [];
  for (const r of rows) {
    const missing = r.nodes.filter((n: NodeInst) => n.spec.mustExist && !found.get(n.spec.label)!.has(n.key));
    if (missing.length === 0) ok.push(r);
    else
      rejected.push({
        row: r.row,
        problems: missing.map((n) => ({
          column: n.keyHeader,
          value: n.keyShown,
          reason: `no ${n.spec.label} with ${n.spec.keyProp} "${n.keyShown}" is loaded (load its source first)`,
        })),
      });
  }

  // 2. Nodes, one row per key: within a batch the last non-empty value wins (set) or the first (fill).
  const statements: { cypher: string; params: Record<string, unknown> }[] = [];
  mapping.nodes.forEach((spec, i) => {
    const q = queries.nodes[i];
    if (!q) return;
    const byKey = new Map<string, NodeRow>();
    for (const r of ok)
      for (const n of r.nodes) {
        if (n.spec !== spec) continue;
        const prev = byKey.get(n.key);
        if (!prev) byKey.set(n.key, { key: n.key, uid: n.uid, row: r.row, p: { ...n.props } });
        else if (spec.mode === 'set') Object.assign(prev, { row: r.row, p: { ...prev.p, ...n.props } });
        else prev.p = { ...n.props, ...prev.p };
      }
    if (byKey.size) statements.push({ cypher: q, params: { rows: [...byKey.values()], source: ctx.source, file: ctx.file, run: ctx.run } });
  });
  // 3. Relationships.
  mapping.relationships.forEach((spec, i) => {
    const list: Record<string, unknown>[] = [];
    for (const r of ok)
      for (const rel of r.rels) {
        if (rel.spec !== spec) continue;
        list.push({ from: rel.from.key, to: rel.to.key, row: r.row, id: rel.id, p: rel.props });
        if (spec.bothWays) list.push({ from: rel.to.key, to: rel.from.key, row: r.row, id: rel.id, p: rel.props });
      }
    if (list.length) statements.push({ cypher: queries.rels[i]!, params: { rows: list, source: ctx.source, file: ctx.file, run: ctx.run } });
  });
  if (statements.length) await executor.writeTx(statements, { metadata: { app: 'huiyan-loader', source: ctx.source, run: ctx.run } });
  return rejected;
}
