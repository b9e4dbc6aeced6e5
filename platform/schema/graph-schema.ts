// Reads cypher/schema/graph.yaml and refuses it, with the reason, when it is malformed. The loaders,
// the schema step, the API and the explorer all read this one description of the graph.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ROOT } from '../config.js';
import { parseYamlWith } from '../validation/yaml.js';
import { GraphYaml, IDENT, type LabelYaml, type PropDefYaml, type PropTypeYaml, type RelationshipYaml } from './graph-yaml.js';

export { IDENT };
export type PropType = z.output<typeof PropTypeYaml>;
export type PropDef = z.output<typeof PropDefYaml>;
/** A label as graph.yaml describes it, with its name. */
export type LabelDef = { name: string } & z.output<typeof LabelYaml>;
export type RelDef = { name: string } & z.output<typeof RelationshipYaml>;
export type GraphSchema = Omit<z.output<typeof GraphYaml>, 'labels' | 'relationships'> & {
  labels: Record<string, LabelDef>;
  relationships: Record<string, RelDef>;
};

export class InvalidSchema extends Error {
  override name = 'InvalidSchema';
}

export const DEFAULT_SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema', 'graph.yaml');

function fail(where: string, why: string): never {
  throw new InvalidSchema(`${where}: ${why}`);
}

/** The shape is zod's (graph-yaml.ts); what it cannot say, that names refer to names in the same file, is here. */
export function parseGraphSchema(text: string, file = 'graph.yaml'): GraphSchema {
  const raw = parseYamlWith(text, GraphYaml, (why) => fail(file, why));
  const labels: Record<string, LabelDef> = {};
  for (const [name, d] of Object.entries(raw.labels)) {
    const w = `${file}: labels.${name}`;
    if (name === 'Entity') fail(w, 'Entity is reserved: every node carries it');
    const named = [['key', d.key], ['caption', d.caption], ...d.search.map((s) => ['search property', s])] as const;
    for (const [what, p] of named) if (!d.properties[p]) fail(w, `${what} "${p}" is not among its properties`);
    labels[name] = { name, ...d };
  }
  const relationships: Record<string, RelDef> = {};
  for (const [name, d] of Object.entries(raw.relationships)) {
    for (const side of ['from', 'to'] as const)
      for (const l of d[side]) if (!labels[l]) fail(`${file}: relationships.${name}.${side}`, `unknown label "${l}"`);
    relationships[name] = { name, ...d };
  }
  raw.indexes.forEach((ix, i) => {
    const l = labels[ix.label] ?? fail(`${file}: indexes[${i}]`, `unknown label "${ix.label}"`);
    for (const p of ix.properties) if (!l.properties[p]) fail(`${file}: indexes[${i}]`, `unknown property "${p}" on ${ix.label}`);
  });
  return { ...raw, labels, relationships };
}

let cached: GraphSchema | undefined;
export function loadGraphSchema(file = DEFAULT_SCHEMA_FILE): GraphSchema {
  if (file === DEFAULT_SCHEMA_FILE && cached) return cached;
  const schema = parseGraphSchema(readFileSync(file, 'utf8'), path.basename(file));
  if (file === DEFAULT_SCHEMA_FILE) cached = schema;
  return schema;
}

/** The stable address of a node: "<Label>:<key value>". */
export const uidOf = (label: string, key: string) => `${label}:${key}`;

/** A relationship that runs from a date to a date: a snapshot delivery can end it (loaders/core/snapshot.ts). */
export const endsByDate = (r: RelDef | undefined): boolean => r?.properties.to?.type === 'date';
