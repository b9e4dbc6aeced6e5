// What one batch of accepted rows writes, as data: the reference check's outcome and the rows each node
// and relationship statement receives. Pure, so the online writer (which sends these rows to Neo4j) and
// the bulk path (which applies them to an in-memory graph for the offline importer) write the same thing.
import { uidOf } from '../../../platform/schema/graph-schema.js';
import { bilingual } from '../errors.js';
import type { Mapping, RelSpec } from '../mapping/types.js';
import { mergeSpells, type Piece, type Spell } from '../spells.js';
import type { Value } from '../normalise/index.js';
import type { NodeInst, Problem, RowResult } from '../transform.js';

export type Accepted = Extract<RowResult, { ok: true }>;

export interface NodeRow {
  key: string;
  uid: string;
  row: number;
  p: Record<string, Value>;
}

export interface RelRow {
  from: string;
  to: string;
  row: number;
  id: Record<string, Value>;
  p: Record<string, Value>;
  /** Spell relationships (spells.ts): the pair's spells in this batch, coalesced; `p` is then empty. */
  spells?: SpellRow[];
}

export type SpellRow = Omit<Spell, 'pieces'>;

export interface Grouped {
  /** Per node spec of the mapping (same index); undefined for mustExist specs, which write nothing. */
  nodes: (NodeRow[] | undefined)[];
  /** Per relationship spec of the mapping (same index). */
  rels: RelRow[][];
}

/** The values the batch's looked-up nodes name, per label and property (lookup specs), keyed `label\tprop`. */
export function wantedLookups(rows: Accepted[]): Map<string, { label: string; prop: string; values: Set<string> }> {
  const wanted = new Map<string, { label: string; prop: string; values: Set<string> }>();
  for (const r of rows)
    for (const n of r.nodes) {
      const prop = n.spec.lookup;
      if (prop === undefined) continue;
      const k = `${n.spec.label}\t${prop}`;
      let w = wanted.get(k);
      if (!w) wanted.set(k, (w = { label: n.spec.label, prop, values: new Set() }));
      w.values.add(n.key);
    }
  return wanted;
}

/**
 * Puts each looked-up node, in place, on the key of the one node found holding its value (relationships
 * hold the same node objects, so they follow); a row naming a value no node holds, or several do, is
 * rejected: a unit's name is only as good as it is unique. An optional looked-up node is left out instead,
 * with its relationships, and the row loads: it is among `ok` and also in `rejected` marked `kept`, so the
 * rejects file notes what was left out. `found` gives the keys found, at most two.
 */
export function applyLookups(
  rows: Accepted[],
  found: (label: string, prop: string, value: string) => string[],
): { ok: Accepted[]; rejected: { row: number; problems: Problem[]; kept?: true }[] } {
  const rejected: { row: number; problems: Problem[]; kept?: true }[] = [];
  const ok: Accepted[] = [];
  for (const r of rows) {
    const problems: Problem[] = [];
    const noted: Problem[] = [];
    const dropped = new Set<NodeInst>();
    for (const n of r.nodes) {
      const prop = n.spec.lookup;
      if (prop === undefined) continue;
      const keys = found(n.spec.label, prop, n.key);
      if (keys.length === 1) {
        n.key = keys[0]!;
        n.uid = uidOf(n.spec.label, n.key);
        continue;
      }
      const [zh, en] =
        keys.length === 0
          ? [
              `没有${prop}为「${n.keyShown}」的已装载记录（请先装载其来源）`,
              `no ${n.spec.label} with ${prop} "${n.keyShown}" is loaded (load its source first)`,
            ]
          : [
              `${prop}为「${n.keyShown}」的记录不止一个，无法确定是哪一个：请改用代码`,
              `more than one ${n.spec.label} has ${prop} "${n.keyShown}", so the row cannot say which: give its code instead`,
            ];
      if (n.spec.optional) {
        dropped.add(n);
        noted.push({
          column: n.keyHeader,
          value: n.keyShown,
          reason: bilingual(`${zh}；该行其余内容已装载`, `${en}; the rest of the row is loaded`),
        });
      } else problems.push({ column: n.keyHeader, value: n.keyShown, reason: bilingual(zh, en) });
    }
    if (problems.length) {
      rejected.push({ row: r.row, problems });
      continue;
    }
    if (dropped.size) {
      r.nodes = r.nodes.filter((n) => !dropped.has(n));
      r.rels = r.rels.filter((x) => !dropped.has(x.from) && !dropped.has(x.to));
      rejected.push({ row: r.row, problems: noted, kept: true });
    }
    ok.push(r);
  }
  return { ok, rejected };
}

/** label → keys the batch needs to exist already (mustExist specs). */
export function wantedKeys(rows: Accepted[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of rows)
    for (const n of r.nodes)
      if (n.spec.mustExist) {
        let s = wanted.get(n.spec.label);
        if (!s) wanted.set(n.spec.label, (s = new Set()));
        s.add(n.key);
      }
  return wanted;
}

/** Splits rows into those whose references all exist and rejects naming the missing ones. */
export function checkReferences(
  rows: Accepted[],
  exists: (label: string, key: string) => boolean,
): { ok: Accepted[]; rejected: { row: number; problems: Problem[] }[] } {
  const rejected: { row: number; problems: Problem[] }[] = [];
  const ok: Accepted[] = [];
  for (const r of rows) {
    const missing = r.nodes.filter((n: NodeInst) => n.spec.mustExist && !exists(n.spec.label, n.key));
    if (missing.length === 0) ok.push(r);
    else
      rejected.push({
        row: r.row,
        problems: missing.map((n) => ({
          column: n.keyHeader,
          value: n.keyShown,
          reason: bilingual(
            `所引用的「${n.keyShown}」尚未装载，请先装载其来源`,
            `no ${n.spec.label} with ${n.spec.keyProp} "${n.keyShown}" is loaded (load its source first)`,
          ),
        })),
      });
  }
  return { ok, rejected };
}

/**
 * Nodes: one row per key and spec; within a batch the last non-empty value wins (set) or the first (fill).
 * Relationships: one row per instance, both directions for bothWays specs; MERGE folds repeats.
 */
export function groupBatch(mapping: Mapping, ok: Accepted[]): Grouped {
  const nodes = mapping.nodes.map((spec) => {
    if (spec.mustExist) return undefined;
    const byKey = new Map<string, NodeRow>();
    for (const r of ok)
      for (const n of r.nodes) {
        if (n.spec !== spec) continue;
        const prev = byKey.get(n.key);
        if (!prev) byKey.set(n.key, { key: n.key, uid: n.uid, row: r.row, p: { ...n.props } });
        else if (spec.mode === 'set') {
          prev.row = r.row;
          Object.assign(prev.p, n.props);
        } else prev.p = { ...n.props, ...prev.p };
      }
    return [...byKey.values()];
  });
  const rels = mapping.relationships.map((spec) => {
    if (spec.spell) return spellRows(spec, ok);
    const list: RelRow[] = [];
    for (const r of ok)
      for (const rel of r.rels) {
        if (rel.spec !== spec) continue;
        list.push({ from: rel.from.key, to: rel.to.key, row: r.row, id: rel.id, p: rel.props });
        if (spec.bothWays) list.push({ from: rel.to.key, to: rel.from.key, row: r.row, id: rel.id, p: rel.props });
      }
    return list;
  });
  return { nodes, rels };
}

/** One row per pair of a spell relationship, its pieces in the batch merged (gaps start a new spell). */
function spellRows(spec: RelSpec, ok: Accepted[]): RelRow[] {
  const byPair = new Map<string, { from: string; to: string; pieces: Piece[] }>();
  for (const r of ok)
    for (const rel of r.rels) {
      if (rel.spec !== spec) continue;
      const k = `${rel.from.key}\u0000${rel.to.key}`;
      let pair = byPair.get(k);
      if (!pair) byPair.set(k, (pair = { from: rel.from.key, to: rel.to.key, pieces: [] }));
      const { from, to, ...p } = rel.props;
      pair.pieces.push({ from: from as string, to: (to as string | undefined) ?? null, row: r.row, p });
    }
  return [...byPair.values()].map(({ from, to, pieces }) => {
    const spells = mergeSpells(pieces).map(({ pieces: _, ...s }) => s);
    return { from, to, row: Math.max(...spells.map((s) => s.row)), id: {}, p: {}, spells };
  });
}
