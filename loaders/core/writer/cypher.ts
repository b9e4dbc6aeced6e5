// The Cypher the writer sends. One query text per (mapping, node or relationship spec), so the server
// plans it once; values only ever travel as $parameters. Labels, types and property names come from a
// mapping that was validated against graph.yaml and IDENT, and are checked again here.
import { IDENT, type GraphSchema, type PropDef } from '../../../platform/schema/graph-schema.js';
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

/**
 * A value of a packed row (packed-rows.ts) as the property's type: every field travels as text, '' for none.
 * undefined: the type has no text form (lists), and such statements are sent as lists only. Exported for the
 * load benchmark's LOAD CSV, which reads the same text and must store the same types.
 */
export function fromText(expr: string, def: PropDef | undefined): string | undefined {
  const v = `nullIf(${expr}, '')`;
  // A list has no text form; text stays as it is, integers and temporals convert as typed() has them.
  if (def?.type === 'string[]') return undefined;
  if (def?.type === 'float') return `toFloat(${v})`;
  if (def?.type === 'boolean') return `toBoolean(${v})`;
  return typed(v, def);
}

/** The rows of a statement unpacked from one string: rows split on RS, fields on US (packed-rows.ts). */
const UNPACK = "UNWIND split($packed, '\\u001e') AS line\nWITH split(line, '\\u001f') AS row";

const PROVENANCE = (v: string) => `${v}._source = $source, ${v}._file = $file, ${v}._row = toInteger(row[2]), ${v}._run = $run`;

/** A statement and the property order of its rows (each row is a list, see below). */
export interface RowQuery {
  cypher: string;
  props: string[];
  /** The same statement over rows packed in one string, when every property has a text form. */
  packed?: string;
  /** The type of each property in `props` order, for packing. */
  types: (PropDef['type'] | undefined)[];
}

/**
 * Rows are lists, not maps: [key, uid, source row, ...values in `props` order]. A map would carry every
 * property name again in every row, packed by the driver and unpacked by the server 10,000 times a batch.
 * `set` nodes take the row's non-empty values; `fill` nodes keep what an authoritative source already
 * wrote. Empty values never erase.
 *
 * The online writer lets the next batch run while this one commits (writer/batch.ts). Neo4j takes a node's
 * write lock before it evaluates the values a SET writes to it, so a batch touching the same node waits
 * for that commit and `coalesce(…, n.p)` reads the committed value, not the one from before the earlier
 * batch (checked against 5.26 with two open transactions; test/int/loaders/batch-order.int.test.ts keeps
 * the outcome serial). The old value must therefore be read in the SET itself, never carried over from an
 * earlier clause.
 */
export function nodeMergeQuery(schema: GraphSchema, spec: NodeSpec): RowQuery {
  const l = schema.labels[spec.label]!;
  const props = [
    ...Object.keys(spec.props),
    ...(l.properties[`${l.key}Masked`] && l.properties[l.key]!.sensitive ? [`${l.key}Masked`] : []),
  ];
  const text = (list: boolean) => {
    const sets = props.map((p, i) => {
      const v = list ? typed(`row[${i + 3}]`, l.properties[p]) : fromText(`row[${i + 3}]`, l.properties[p]);
      if (v === undefined) return undefined;
      return spec.mode === 'fill' ? `n.${ident(p)} = coalesce(n.${p}, ${v})` : `n.${ident(p)} = coalesce(${v}, n.${p})`;
    });
    if (sets.includes(undefined)) return undefined;
    return [
      list ? 'UNWIND $rows AS row' : UNPACK,
      `MERGE (n:${ident(spec.label)} {${ident(l.key)}: row[0]})`,
      `SET n:Entity, n.uid = row[1]${sets.map((s) => `, ${s}`).join('')},`,
      `    ${PROVENANCE('n')},`,
      '    n._sources = CASE WHEN $source IN coalesce(n._sources, []) THEN n._sources ELSE coalesce(n._sources, []) + $source END',
    ].join('\n');
  };
  const packed = text(false);
  return { cypher: text(true)!, props, types: props.map((p) => l.properties[p]?.type), ...(packed ? { packed } : {}) };
}

/**
 * Rows: [from key, to key, source row, ...identity values, ...other values], in `props` order (identity
 * first); endpoints are matched by their label's key. As for nodes, old values are read in the SET.
 */
export function relMergeQuery(schema: GraphSchema, spec: RelSpec, fromLabel: string, toLabel: string): RowQuery {
  const r = schema.relationships[spec.type]!;
  const fk = schema.labels[fromLabel]!.key;
  const tk = schema.labels[toLabel]!.key;
  const others = Object.keys(spec.props).filter((p) => !spec.identity.includes(p));
  const props = [...spec.identity, ...others];
  const at = (p: string) => `row[${props.indexOf(p) + 3}]`;
  const text = (list: boolean) => {
    const val = (p: string) => (list ? typed(at(p), r.properties[p]) : fromText(at(p), r.properties[p]));
    if (props.some((p) => val(p) === undefined)) return undefined;
    const idPat = spec.identity.map((p) => `${ident(p)}: ${val(p)}`).join(', ');
    const sets = others.map((p) => `r.${ident(p)} = coalesce(${val(p)}, r.${p})`);
    return [
      list ? 'UNWIND $rows AS row' : UNPACK,
      `MATCH (a:${ident(fromLabel)} {${ident(fk)}: row[0]})`,
      `MATCH (b:${ident(toLabel)} {${ident(tk)}: row[1]})`,
      `MERGE (a)-[r:${ident(spec.type)}${idPat ? ` {${idPat}}` : ''}]->(b)`,
      `SET ${[...sets, PROVENANCE('r')].join(', ')}`,
    ].join('\n');
  };
  const packed = text(false);
  return { cypher: text(true)!, props, types: props.map((p) => r.properties[p]?.type), ...(packed ? { packed } : {}) };
}

/**
 * Spell relationships (spells.ts has the rules; the bulk image runs them in TypeScript). Rows: [from key,
 * to key, source row, spells], one per pair, the pair's spells of the batch already coalesced, each
 * [from, to, source row, ...values in `props` order]. The pair's stored spells and the new ones
 * are sorted by start and swept into groups (a piece starting by the day after the group's end joins it);
 * a group with a new piece is written to its first stored relationship (the others are deleted) or to a new
 * one. A group of stored spells only is left alone, provenance included. One row per pair, so no row reads
 * what another row of the statement writes; the batches of a spell mapping run one after another
 * (batch.ts), so each reads the committed spells of the one before.
 */
export function spellMergeQuery(schema: GraphSchema, spec: RelSpec, fromLabel: string, toLabel: string): RowQuery {
  const r = schema.relationships[spec.type]!;
  const fk = schema.labels[fromLabel]!.key;
  const tk = schema.labels[toLabel]!.key;
  const props = Object.keys(spec.props);
  const oldValues = props.map((p) => `o.${ident(p)}`).join(', ');
  const newValues = props.map((p, i) => typed(`s[${i + 3}]`, r.properties[p])).join(', ');
  const sets = props.map((p, i) => `x.${ident(p)} = [i IN latest WHERE i.p[${i}] IS NOT NULL | i.p[${i}]][0]`);
  const write = [
    'x.from = g.f, x.to = g.t',
    'x.months = CASE WHEN g.t IS NULL THEN null ELSE g.t.year * 12 + g.t.month - g.f.year * 12 - g.f.month + 1 END',
    ...sets,
    // A spell a snapshot ended (snapshot.ts) and that now ends elsewhere or runs on is no longer that ending.
    'x._endedBy = CASE WHEN g.t = x._endedOn THEN x._endedBy END, x._endedOn = CASE WHEN g.t = x._endedOn THEN x._endedOn END',
    'x._source = $source, x._file = $file, x._row = toInteger(srcRow), x._run = $run',
  ].join(', ');
  const t = ident(spec.type);
  // A spell export's ending row closes a stored open spell with the same start (spells.ts closeOpen).
  const oldEnd =
    spec.spell && 'from' in spec.spell
      ? 'CASE WHEN o.to IS NULL THEN reduce(m = null, s IN row[3] | CASE WHEN date(s[0]) = o.from AND s[1] IS NOT NULL AND (m IS NULL OR date(s[1]) > m) THEN date(s[1]) ELSE m END) ELSE o.to END'
      : 'o.to';
  const cypher = [
    'UNWIND $rows AS row',
    `MATCH (a:${ident(fromLabel)} {${ident(fk)}: row[0]})`,
    `MATCH (b:${ident(toLabel)} {${ident(tk)}: row[1]})`,
    `OPTIONAL MATCH (a)-[o:${t}]->(b)`,
    'WITH a, b, row, collect(o) AS olds',
    `WITH a, b, [o IN olds | {f: o.from, t: ${oldEnd}, new: false, row: 0, rel: o, p: [${oldValues}]}] +`,
    `  [s IN row[3] | {f: date(s[0]), t: date(s[1]), new: true, row: s[2], rel: null, p: [${newValues}]}] AS items`,
    'CALL (items) { UNWIND items AS i WITH i ORDER BY i.f RETURN collect(i) AS sorted }',
    'WITH a, b, reduce(acc = [], i IN sorted |',
    "  CASE WHEN size(acc) > 0 AND (acc[-1].t IS NULL OR i.f <= acc[-1].t + duration('P1D'))",
    '  THEN acc[0..-1] + [{f: acc[-1].f, items: acc[-1].items + [i],',
    '                      t: CASE WHEN acc[-1].t IS NULL OR i.t IS NULL THEN null WHEN i.t > acc[-1].t THEN i.t ELSE acc[-1].t END}]',
    '  ELSE acc + [{f: i.f, t: i.t, items: [i]}] END) AS groups',
    'UNWIND groups AS g',
    'WITH a, b, g WHERE any(i IN g.items WHERE i.new)',
    "CALL (g) { UNWIND g.items AS i WITH i ORDER BY coalesce(i.t, date('9999-12-31')) DESC, i.new DESC, i.row DESC RETURN collect(i) AS latest }",
    'WITH a, b, g, latest, [i IN g.items WHERE NOT i.new | i.rel] AS olds,',
    '     reduce(m = 0, i IN g.items | CASE WHEN i.new AND i.row > m THEN i.row ELSE m END) AS srcRow',
    'FOREACH (x IN olds[1..] | DELETE x)',
    `FOREACH (x IN olds[0..1] | SET ${write})`,
    `FOREACH (_ IN CASE WHEN size(olds) = 0 THEN [1] ELSE [] END | CREATE (a)-[x:${t}]->(b) SET ${write})`,
  ].join('\n');
  return { cypher, props, types: props.map((p) => r.properties[p]?.type) };
}

/** Which of $keys exist, for references a source may not create (a bid's project). */
/** For a lookup spec: each value with the keys of (at most two of) the nodes holding it; none found, no row. */
export function lookupKeysQuery(schema: GraphSchema, label: string, prop: string): string {
  return `UNWIND $values AS v MATCH (n:${ident(label)} {${ident(prop)}: v})
    WITH v, collect(n.${ident(schema.labels[label]!.key)})[..2] AS keys RETURN v, keys`;
}

export function existingKeysQuery(schema: GraphSchema, label: string): string {
  return `UNWIND $keys AS k MATCH (n:${ident(label)} {${ident(schema.labels[label]!.key)}: k}) RETURN DISTINCT k`;
}
