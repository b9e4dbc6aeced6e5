// Small hand-made graphs for model fixtures, written with parameterised Cypher in the shape the loaders
// produce (label + :Entity + uid + key). Model tests use these so each case is visible in the test.
// Labels and their key properties come from cypher/schema/graph.yaml, so every loadable label can be seeded.
import type { Executor } from '../../platform/db/executor.js';
import { IDENT, loadGraphSchema, uidOf } from '../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();

export type SeedLabel =
  | 'Person'
  | 'Org'
  | 'Company'
  | 'Household'
  | 'Device'
  | 'BankAccount'
  | 'Phone'
  | 'Project'
  | 'Bid'
  | 'Program'
  | 'PoliceCase'
  | 'Sanction'
  | 'Address'
  | 'Email'
  | 'Website'
  | 'Identifier';

export interface SeedNode {
  label: SeedLabel;
  key: string;
  props?: Record<string, unknown>;
}
export interface SeedRel {
  from: string;
  type: string;
  to: string;
  props?: Record<string, unknown>;
}

export const uid = (label: SeedLabel, key: string) => uidOf(label, key);

function keyOf(label: string): string {
  const def = schema.labels[label];
  if (!def) throw new Error(`seed: label ${label} is not in graph.yaml`);
  return def.key;
}

export async function seed(db: Executor, nodes: SeedNode[], rels: SeedRel[]): Promise<void> {
  const labels = [...new Set(nodes.map((n) => n.label))];
  for (const label of labels) {
    const key = keyOf(label);
    const rows = nodes.filter((n) => n.label === label).map((n) => ({ uid: uid(label, n.key), key: n.key, props: n.props ?? {} }));
    await db.write(`UNWIND $rows AS r MERGE (n:${label}:Entity {uid: r.uid}) SET n.${key} = r.key SET n += r.props`, { rows });
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
