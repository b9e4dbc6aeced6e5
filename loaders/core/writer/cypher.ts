// The Cypher the writer sends. One query text per (mapping, node or relationship spec), so the server
// plans it once; values only ever travel as $parameters. Labels, types and property names come from a
// mapping that was validated against graph.yaml and IDENT, and are checked again here.
import { IDENT, type GraphSchema, type PropDef } from '../../../server/schema/graph-schema.js';
import type { NodeSpec, RelSpec } from '../mapping/types.js';

function ident(s: string): string {
  if (!IDENT.test(s)) throw new Error(`unsafe identifier "${s}"`);
  return s;
}

/**
 * Temporal properties travel as ISO strings and become Neo4j values in the query; integers travel as JS
 * numbers, which the driver sends as floats, so they are made integers here.
 */
function typed(expr: string, def: PropDef | undefined): string {
  if (def?.type === 'integer') return `toInteger(${expr})`;
  if (def?.type === 'date') return `date(${expr})`;
  if (def?.type === 'datetime') return `datetime(${expr})`;
  return expr;
}

const PROVENANCE = (v: string) =>
  `${v}._source = $source, ${v}._file = $file, ${v}._row = toInteger(row.row), ${v}._run = $run`;

/**
 * Rows: { key, uid, row, p: {prop: value} }. `set` nodes take the row's non-empty values; `fill` nodes keep
 * what an authoritative source already wrote. Empty values never erase.
 */
export function nodeMergeQuery(schema: GraphSchema, spec: NodeSpec): string {
  const l = schema.labels[spec.label]!;
  const props = [...Object.keys(spec.props), ...(l.properties[`${l.key}Masked`] && l.properties[l.key]!.sensitive ? [`${l.key}Masked`] : [])];
  const sets = props.map((p) => {
    const v = typed(`row.p.${ident(p)}`, l.properties[p]);
    return spec.mode === 'fill' ? `n.${p} = coalesce(n.${p}, ${v})` : `n.${p} = coalesce(${v}, n.${p})`;
  });
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${ident(spec.label)} {${ident(l.key)}: row.key})`,
    `SET n:Entity, n.uid = row.uid${sets.map((s) => `, ${s}`).join('')},`,
    `    ${PROVENANCE('n')},`,
    '    n._sources = CASE WHEN $source IN coalesce(n._sources, []) THEN n._sources ELSE coalesce(n._sources, []) + $source END',
  ].join('\n');
}

/** Rows: { from, to, row, id: {prop}, p: {prop} }; endpoints are matched by their label's key. */
export function relMergeQuery(schema: GraphSchema, spec: RelSpec, fromLabel: string, toLabel: string): string {
  const r = schema.relationships[spec.type]!;
  const fk = schema.labels[fromLabel]!.key;
  const tk = schema.labels[toLabel]!.key;
  const idPat = spec.identity.map((p) => `${ident(p)}: ${typed(`row.id.${p}`, r.properties[p])}`).join(', ');
  const sets = Object.keys(spec.props)
    .filter((p) => !spec.identity.includes(p))
    .map((p) => `r.${ident(p)} = coalesce(${typed(`row.p.${p}`, r.properties[p])}, r.${p})`);
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${ident(fromLabel)} {${ident(fk)}: row.from})`,
    `MATCH (b:${ident(toLabel)} {${ident(tk)}: row.to})`,
    `MERGE (a)-[r:${ident(spec.type)}${idPat ? ` {${idPat}}` : ''}]->(b)`,
    `SET ${[...sets, PROVENANCE('r')].join(', ')}`,
  ].join('\n');
}

/** Which of $keys exist, for references a source may not create (a bid's project). */
export function existingKeysQuery(schema: GraphSchema, label: string): string {
  return `UNWIND $keys AS k MATCH (n:${ident(label)} {${ident(schema.labels[label]!.key)}: k}) RETURN DISTINCT k`;
}
