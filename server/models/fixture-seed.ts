// Writes a small hand-made graph in the shape the loaders produce (label + :Entity + uid + key), with
// parameterised Cypher: the model fixtures (fixtures.ts) and the per-model tests (test/support/seed.ts)
// seed through this one function, so a case converted from a test to a fixtures file means the same graph.
import type { Executor } from '../../platform/db/executor.js';
import { IDENT, uidOf, type GraphSchema } from '../../platform/schema/graph-schema.js';

export interface SeedNode {
  label: string;
  key: string;
  props?: Record<string, unknown>;
}
export interface SeedRel {
  /** Entity uid, `<Label>:<key>`. */
  from: string;
  type: string;
  to: string;
  props?: Record<string, unknown>;
}

export async function seedGraph(db: Executor, schema: GraphSchema, nodes: SeedNode[], rels: SeedRel[]): Promise<void> {
  for (const label of new Set(nodes.map((n) => n.label))) {
    const def = schema.labels[label];
    // Labels and types go into the statement text, so only names graph.yaml declares get there.
    if (!def || !IDENT.test(label)) throw new Error(`seed: label ${label} is not in graph.yaml`);
    const rows = nodes.filter((n) => n.label === label).map((n) => ({ uid: uidOf(label, n.key), key: n.key, props: n.props ?? {} }));
    await db.write(`UNWIND $rows AS r MERGE (n:${label}:Entity {uid: r.uid}) SET n.${def.key} = r.key SET n += r.props`, { rows });
  }
  const byType = new Map<string, SeedRel[]>();
  for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  for (const [type, rs] of byType) {
    if (!IDENT.test(type) || !schema.relationships[type]) throw new Error(`seed: relationship type ${type} is not in graph.yaml`);
    await db.write(
      `UNWIND $rows AS r MATCH (a:Entity {uid: r.from}), (b:Entity {uid: r.to}) CREATE (a)-[x:${type}]->(b) SET x += r.props`,
      { rows: rs.map((r) => ({ from: r.from, to: r.to, props: r.props ?? {} })) },
    );
  }
}
