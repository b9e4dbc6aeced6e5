// Small hand-made graphs for model fixtures, written with parameterised Cypher in the shape the loaders
// produce (label + :Entity + uid + key). Model tests use these so each case is visible in the test.
import type { Executor } from '../../server/db/executor.js';

export interface SeedNode {
  label: 'Person' | 'Org' | 'Company' | 'Project';
  key: string;
  props?: Record<string, unknown>;
}
export interface SeedRel {
  from: string;
  type: string;
  to: string;
  props?: Record<string, unknown>;
}

const KEY: Record<SeedNode['label'], string> = { Person: 'idNo', Org: 'code', Company: 'uscc', Project: 'code' };

export const uid = (label: SeedNode['label'], key: string) => `${label}:${key}`;

export async function seed(db: Executor, nodes: SeedNode[], rels: SeedRel[]): Promise<void> {
  for (const label of Object.keys(KEY) as SeedNode['label'][]) {
    const rows = nodes.filter((n) => n.label === label).map((n) => ({ uid: uid(label, n.key), key: n.key, props: n.props ?? {} }));
    if (rows.length === 0) continue;
    await db.write(`UNWIND $rows AS r MERGE (n:${label}:Entity {uid: r.uid}) SET n.${KEY[label]} = r.key SET n += r.props`, { rows });
  }
  const byType = new Map<string, SeedRel[]>();
  for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  for (const [type, rs] of byType) {
    if (!/^[A-Z_]+$/.test(type)) throw new Error(`bad type ${type}`);
    await db.write(
      `UNWIND $rows AS r MATCH (a:Entity {uid: r.from}), (b:Entity {uid: r.to}) CREATE (a)-[x:${type}]->(b) SET x += r.props`,
      { rows: rs.map((r) => ({ from: r.from, to: r.to, props: r.props ?? {} })) },
    );
  }
}
