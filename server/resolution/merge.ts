// The Cypher of a merge and of its undo, per relationship type of graph.yaml (no APOC: a relationship's
// type cannot be a parameter, so each type the label takes part in gets its own statement, built from the
// schema data, never from input). A merge moves the absorbed node's relationships to the survivor, marking
// each moved one (_merge, _movedFrom), and takes the absorbed node out of the graph as a MergedRecord with
// all its properties; undo moves exactly the marked relationships back and gives the node its labels again.
import type { GraphSchema } from '../../platform/schema/graph-schema.js';

export interface Statement {
  cypher: string;
  params?: Record<string, unknown>;
}

export interface MergePlan {
  label: string;
  keep: string;
  absorbed: string;
  merge: string;
  /** The relationship types the moving node has now (read just before): one statement pair per type. */
  types: string[];
}

/** Of `types`, those graph.yaml declares with `label` at either end: only those are spliced into Cypher. */
function typesOf(schema: GraphSchema, label: string, types: string[]): string[] {
  return Object.values(schema.relationships)
    .filter((r) => (r.from.includes(label) || r.to.includes(label)) && types.includes(r.name))
    .map((r) => r.name)
    .filter((t) => /^[A-Z][A-Z0-9_]*$/.test(t));
}

/** What a plan's `types` are read with: the absorbed node's types before a merge, the moved ones before an undo. */
export const TYPES_TO_MERGE = 'MATCH (old:Entity {uid: $old})-[r]-() RETURN collect(DISTINCT type(r)) AS types';
export const TYPES_TO_UNDO = 'MATCH (keep:Entity {uid: $keep})-[r]-() WHERE r._merge = $merge RETURN collect(DISTINCT type(r)) AS types';

const labelOf = (schema: GraphSchema, label: string): string => {
  if (!schema.labels[label] || !/^[A-Z][A-Za-z0-9]*$/.test(label)) throw new Error(`not a graph.yaml label: ${label}`);
  return label;
};

export function mergeStatements(schema: GraphSchema, p: MergePlan): Statement[] {
  const L = labelOf(schema, p.label);
  const params = { keep: p.keep, old: p.absorbed, merge: p.merge, label: L };
  const moves = typesOf(schema, L, p.types).flatMap((T) => [
    `MATCH (old:Entity {uid: $old})-[r:${T}]->(o) MATCH (keep:Entity {uid: $keep}) WHERE o <> keep AND o <> old
     CREATE (keep)-[m:${T}]->(o) SET m = properties(r), m._movedFrom = $old, m._merge = $merge DELETE r`,
    `MATCH (o)-[r:${T}]->(old:Entity {uid: $old}) MATCH (keep:Entity {uid: $keep}) WHERE o <> keep AND o <> old
     CREATE (o)-[m:${T}]->(keep) SET m = properties(r), m._movedFrom = $old, m._merge = $merge DELETE r`,
  ]);
  const retire = `MATCH (old:Entity {uid: $old}) MATCH (keep:Entity {uid: $keep})
     REMOVE old:${L}:Entity SET old:MergedRecord, old._label = $label, old._mergedInto = $keep, old._merge = $merge,
       keep._mergedFrom = coalesce(keep._mergedFrom, []) + $old`;
  return [...moves, retire].map((cypher) => ({ cypher, params }));
}

export function undoStatements(schema: GraphSchema, p: MergePlan): Statement[] {
  const L = labelOf(schema, p.label);
  const params = { keep: p.keep, old: p.absorbed, merge: p.merge };
  const restore = `MATCH (old:MergedRecord {uid: $old, _merge: $merge}) MATCH (keep:Entity {uid: $keep})
     REMOVE old:MergedRecord, old._label, old._mergedInto, old._merge SET old:${L}:Entity
     WITH keep, [x IN coalesce(keep._mergedFrom, []) WHERE x <> $old] AS rest
     SET keep._mergedFrom = CASE WHEN size(rest) = 0 THEN null ELSE rest END`;
  const moves = typesOf(schema, L, p.types).flatMap((T) => [
    `MATCH (keep:Entity {uid: $keep})-[m:${T} {_merge: $merge, _movedFrom: $old}]->(o) MATCH (old:Entity {uid: $old})
     CREATE (old)-[r:${T}]->(o) SET r = properties(m) REMOVE r._movedFrom, r._merge DELETE m`,
    `MATCH (o)-[m:${T} {_merge: $merge, _movedFrom: $old}]->(keep:Entity {uid: $keep}) MATCH (old:Entity {uid: $old})
     CREATE (o)-[r:${T}]->(old) SET r = properties(m) REMOVE r._movedFrom, r._merge DELETE m`,
  ]);
  return [restore, ...moves].map((cypher) => ({ cypher, params }));
}

/** A held record (loaders/core/held.ts) joins a person: nothing moves, the record says where it went. */
export function attachStatements(p: MergePlan): Statement[] {
  return [
    {
      cypher: `MATCH (r:PersonRecord {uid: $old, status: 'held'}) MATCH (keep:Entity {uid: $keep})
       SET r.status = 'merged', r._mergedInto = $keep, r._merge = $merge,
         keep._mergedFrom = coalesce(keep._mergedFrom, []) + $old`,
      params: { keep: p.keep, old: p.absorbed, merge: p.merge },
    },
  ];
}

export function detachStatements(p: MergePlan): Statement[] {
  return [
    {
      cypher: `MATCH (r:PersonRecord {uid: $old, _merge: $merge}) MATCH (keep:Entity {uid: $keep})
       SET r.status = 'held' REMOVE r._mergedInto, r._merge
       WITH keep, [x IN coalesce(keep._mergedFrom, []) WHERE x <> $old] AS rest
       SET keep._mergedFrom = CASE WHEN size(rest) = 0 THEN null ELSE rest END`,
      params: { keep: p.keep, old: p.absorbed, merge: p.merge },
    },
  ];
}
