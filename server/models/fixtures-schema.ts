// The shape of a model's fixtures file (`<model>.fixtures.yaml` beside its `.cypher`): cases, each a small
// graph, optional parameters, the alerts expected (role → entity uid) and near misses that must not match.
// Property values are written as YAML scalars and typed by cypher/schema/graph.yaml when loaded (a `date`
// property becomes a Neo4j Date), so a fixture compares dates the way the loaded graph does.
import { z } from 'zod';
import { strict } from '../../platform/validation/yaml.js';

const name = z.string().trim().min(1, 'must be a non-empty string');
const props = z.record(z.string(), z.unknown()).default({});
/** `<Label>:<key>`, the entity uid the loaders give (platform/schema/graph-schema.ts uidOf). */
const entityUid = z.string().regex(/^[A-Z][A-Za-z0-9]*:.+$/, 'must be an entity uid "<Label>:<key>"');
/** One alert as its subjects: role → uid; several entities in one role are joined by a space, in uid order. */
const found = z.record(name, z.string().min(1)).refine((o) => Object.keys(o).length > 0, 'must name at least one role');

export const FixtureCaseYaml = strict({
  name,
  parameters: z.record(z.string(), z.unknown()).default({}),
  nodes: z.array(strict({ label: name, key: name, props })).min(1, 'must seed at least one node'),
  relationships: z.array(strict({ from: entityUid, type: name, to: entityUid, props })).default([]),
  expect: z.array(found).describe('every alert the model must raise, and only those'),
  nearMisses: z.array(found).default([]).describe('subjects no alert may name together in these roles'),
});

export const FixturesYaml = strict({
  model: name.describe('the id of the model the cases are for'),
  cases: z.array(FixtureCaseYaml).min(1, 'must hold at least one case'),
}).meta({ title: 'huiyan model fixtures', description: 'docs/models.md "Fixtures as data".' });

export type FixturesRaw = z.output<typeof FixturesYaml>;
