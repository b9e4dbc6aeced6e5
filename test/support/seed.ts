// Small hand-made graphs for model fixtures, written with parameterised Cypher in the shape the loaders
// produce (label + :Entity + uid + key). Model tests use these so each case is visible in the test.
// Labels and their key properties come from cypher/schema/graph.yaml, so every loadable label can be seeded.
import type { Executor } from '../../platform/db/executor.js';
import { loadGraphSchema, uidOf } from '../../platform/schema/graph-schema.js';
import { seedGraph, type SeedNode as AnyNode, type SeedRel } from '../../server/models/fixture-seed.js';

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

/** A node of a label graph.yaml declares (the union above, so a test's typo fails to compile). */
export interface SeedNode extends AnyNode {
  label: SeedLabel;
}
export type { SeedRel };

export const uid = (label: SeedLabel, key: string) => uidOf(label, key);

export async function seed(db: Executor, nodes: SeedNode[], rels: SeedRel[]): Promise<void> {
  await seedGraph(db, schema, nodes, rels);
}
