// One data row → normalised values → the node and relationship instances the mapping says it produces,
// or the list of problems that send it to the rejects file. Pure: no database, so unit-testable.
import { hash } from 'node:crypto';
import { uidOf, type GraphSchema } from '../../platform/schema/graph-schema.js';
import { InvalidValue, MissingColumns } from './errors.js';
import {
  KEY_SEPARATOR,
  type ColumnSpec,
  type Condition,
  type Mapping,
  type NodeSpec,
  type NormSpec,
  type PropSource,
  type RelSpec,
  type SourceFormat,
  type SpellSpec,
} from './mapping/types.js';
import { shapeOf } from './mapping/by-shape.js';
import { monthEnd } from './spells.js';
import { NORMALISERS, SENSITIVE_NORMALISERS, type Cell, type Value } from './normalise/index.js';
import { maskIdLike, maskIdNo } from '../../platform/identifiers/id-number.js';
import { bilingual } from './errors.js';
import { cellText } from './normalise/text.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { headerKey, noteOf } from './readers/header.js';
import { closeHeaders, closeText } from './close-headers.js';
import { asideRow } from './aside-rows.js';
import type { DataRow } from './readers/source-reader.js';

export interface Problem {
  /** The header as written in the file (what the clerk fixing the export sees). */
  column: string;
  value: string;
  reason: string;
}

export interface NodeInst {
  spec: NodeSpec;
  key: string;
  uid: string;
  props: Record<string, Value>;
  /** For rejects: header of the key column. */
  keyHeader: string;
  keyShown: string;
}
export interface RelInst {
  spec: RelSpec;
  from: NodeInst;
  to: NodeInst;
  id: Record<string, Value>;
  props: Record<string, Value>;
}

export type RowResult =
  | { ok: true; row: number; nodes: NodeInst[]; rels: RelInst[]; fingerprint: string }
  | {
      ok: false;
      row: number;
      problems: Problem[];
      /** Set when the row is not a record but a total or a line under the table (aside-rows.ts): the row as text. */
      aside?: string;
    };

/** Where each mapping column sits in this file's header. */
export interface Bound {
  mapping: Mapping;
  /** column id → header key (absent when the file lacks this optional column). */
  keys: Record<string, string | undefined>;
  /** column id → header as written. */
  shown: Record<string, string>;
  /** The mapping's columns in evaluation order: switch columns read another column's value, so they go last. */
  order: ColumnSpec[];
  /** Columns whose raw value is masked in rejects when pseudonymising (ID numbers). */
  sensitive: Set<string>;
}

/** Units an amount column's header may state; they set the unit of its bare numbers. */
const AMOUNT_UNITS = new Set(['元', '万元', '亿元']);

/**
 * The columns the header has, by alias. A header with a unit in brackets that no alias names (发放金额(元)
 * where the mapping knows 发放金额) is read by the alias without it; and an amount column's header that names
 * its unit (中标金额（万元）) reads bare numbers in that unit, whatever the mapping's default: the header
 * describes these cells, the mapping's `unit` another export's.
 */
export function bindColumns(mapping: Mapping, headers: string[], file: string, format: SourceFormat = mapping.format.type): Bound {
  const byKey = new Map(headers.map((h) => [headerKey(h), h] as const));
  const byBare = new Map<string, string>();
  for (const k of byKey.keys()) {
    const n = noteOf(k);
    if (n && !byBare.has(n.bare)) byBare.set(n.bare, k);
  }
  const keys: Record<string, string | undefined> = {};
  const shown: Record<string, string> = {};
  const missing: string[] = [];
  const units: Record<string, string> = {};
  for (const c of Object.values(mapping.columns)) {
    if (c.join) continue;
    const aliases = c.headers.map(headerKey);
    const hit = aliases.find((k) => byKey.has(k)) ?? aliases.map((k) => byBare.get(k)).find((k) => k !== undefined);
    const unit = hit === undefined ? undefined : noteOf(hit)?.note;
    if (unit && AMOUNT_UNITS.has(unit) && 'opts' in c.normalise && c.normalise.type === 'amount') units[c.id] = unit;
    // JSON records leave out empty fields, so the first record's fields are not the file's: an optional
    // column it lacks is read by its first header (a dotted path) in every record.
    keys[c.id] = hit ?? (format === 'jsonl' && !c.required ? headerKey(c.headers[0]!) : undefined);
    shown[c.id] = hit ? byKey.get(hit)! : c.headers[0]!;
    if (!hit && c.required) missing.push(`${c.headers[0]} (${c.id})`);
  }
  if (missing.length) {
    const read = new Set(Object.values(keys).filter((k): k is string => k !== undefined));
    // Only the missing required columns are named here; the optional ones go to the column report.
    const leaveOut = (id: string) => keys[id] !== undefined || !mapping.columns[id]!.required;
    throw new MissingColumns(file, missing, undefined, closeText(mapping, closeHeaders(mapping, headers, leaveOut, read)));
  }
  for (const c of Object.values(mapping.columns)) if (c.join) shown[c.id] = c.join.map((j) => shown[j]!).join('+');
  const order = Object.values(mapping.columns)
    .map((c) =>
      units[c.id] && 'opts' in c.normalise ? { ...c, normalise: { ...c.normalise, opts: { ...c.normalise.opts, unit: units[c.id] } } } : c,
    )
    .sort((a, b) => Number(a.normalise.type === 'switch') - Number(b.normalise.type === 'switch'));
  const sensitive = new Set(order.filter(isSensitiveCol).map((c) => c.id));
  return { mapping, keys, shown, order, sensitive };
}

export interface TransformContext {
  bound: Bound;
  schema: GraphSchema;
  pseudonymise?: Pseudonymiser;
}

function runNorm(spec: NormSpec, raw: Cell, values: Record<string, Value | null>): Value | null {
  if (spec.type === 'switch' && 'on' in spec) {
    const sel = values[spec.on];
    const chosen = (sel !== null && sel !== undefined ? spec.cases[String(sel)] : undefined) ?? spec.default;
    if (!chosen)
      throw new InvalidValue(
        bilingual(
          `${spec.on} 为「${String(sel ?? '')}」时没有可用的规则`,
          `no rule for this value when ${spec.on} is "${String(sel ?? '')}"`,
        ),
      );
    return runNorm(chosen, raw, values);
  }
  const s = spec as { type: string; opts: Record<string, unknown> };
  return NORMALISERS[s.type]!.run(raw, s.opts);
}

function holds(c: Condition | undefined, v: Record<string, Value | null>): boolean {
  if (!c) return true;
  const x = v[c.column] ?? null;
  if (c.present !== undefined && (x !== null) !== c.present) return false;
  if (c.equals !== undefined && x !== c.equals) return false;
  if (c.in !== undefined && (x === null || !c.in.includes(x))) return false;
  return true;
}

function propsOf(srcs: Record<string, PropSource>, v: Record<string, Value | null>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [p, s] of Object.entries(srcs)) {
    if (!holds(s.when, v)) continue;
    const x = 'column' in s ? v[s.column] : s.value;
    if (x !== null && x !== undefined) out[p] = x;
  }
  return out;
}

const isSensitiveCol = (c: ColumnSpec) =>
  SENSITIVE_NORMALISERS.has(c.normalise.type) ||
  (c.normalise.type === 'switch' &&
    'cases' in c.normalise &&
    Object.values(c.normalise.cases).some((x) => SENSITIVE_NORMALISERS.has(x.type)));

/** A refused cell as the rejects file shows it: ID numbers masked when pseudonymising. */
function shownValue(raw: Cell, mask: boolean): string {
  const t = cellText(raw);
  return mask && t ? maskIdNo(t) : t;
}

const spellStart = (s: SpellSpec) => ('month' in s ? s.month : s.from);

/** A row's spell: one month (first to last day), or a spell export's start and end (null: still running). */
function spellOf(s: SpellSpec, v: Record<string, Value | null>): { from: string; to: string | null } | string {
  if ('month' in s) {
    const m = String(v[s.month]);
    return { from: `${m.slice(0, 8)}01`, to: monthEnd(m) };
  }
  const from = String(v[s.from]);
  const to = s.to === undefined ? null : ((v[s.to] as string | null) ?? null);
  if (to !== null && to < from)
    return bilingual(`结束日期 ${to} 早于开始日期 ${from}`, `the spell ends (${to}) before it starts (${from})`);
  return { from, to };
}

const cellOf = (bound: Bound, data: DataRow, cid: string): Cell => {
  const k = bound.keys[cid];
  return k === undefined ? null : (data.values[k] ?? null);
};

/** A join column's raw value: the non-empty cells of its columns, cleaned, joined by a space; null when none. */
function joinedCell(bound: Bound, data: DataRow, cols: string[]): Cell {
  const parts = cols.map((c) => cellText(cellOf(bound, data, c))).filter((t) => t !== '');
  return parts.length ? parts.join(' ') : null;
}

export function transformRow(ctx: TransformContext, data: DataRow): RowResult {
  const { bound, schema, pseudonymise } = ctx;
  const m = bound.mapping;
  if (data.error) return { ok: false, row: data.row, problems: [{ column: '', value: '', reason: data.error }] };
  const values: Record<string, Value | null> = {};
  const problems: Problem[] = [];
  for (const c of bound.order) {
    const raw = c.join ? joinedCell(bound, data, c.join) : cellOf(bound, data, c.id);
    try {
      values[c.id] = runNorm(c.normalise, raw, values);
      if (values[c.id] === null && c.required)
        problems.push({
          column: bound.shown[c.id]!,
          value: shownValue(raw, !!pseudonymise && bound.sensitive.has(c.id)),
          reason: bilingual('必填项为空', 'required value is empty'),
        });
    } catch (e) {
      if (!(e instanceof InvalidValue)) throw e;
      values[c.id] = null;
      // A normaliser's reason quotes the value ("330122… fails the GB 11643 check"): masked with it, or the
      // rejects file would hold in its reasons the ID numbers it masks in its values.
      const mask = !!pseudonymise && bound.sensitive.has(c.id);
      problems.push({ column: bound.shown[c.id]!, value: shownValue(raw, mask), reason: mask ? maskIdLike(e.message) : e.message });
    }
  }
  if (problems.length) {
    const aside = asideRow(data);
    return aside === undefined ? { ok: false, row: data.row, problems } : { ok: false, row: data.row, problems, aside };
  }

  const nodes = new Map<string, NodeInst>();
  for (const spec of m.nodes) {
    if (!holds(spec.when, values)) continue;
    const parts = spec.keys.map((k) => values[k]);
    if (parts.some((x) => x === null || x === undefined)) continue;
    const raw = parts.join(KEY_SEPARATOR);
    if (spec.shapes && !spec.shapes.includes(shapeOf(raw))) continue;
    const ldef = schema.labels[spec.label]!;
    let key = String(raw);
    let keyShown = key;
    const props = propsOf(spec.props, values);
    // A looked-up node's value is the identifier it is found by, not its key: the key comes from the graph.
    if (ldef.properties[ldef.key]!.sensitive && spec.lookup === undefined) {
      // The masked form is kept for display; the key itself becomes a token when pseudonymising.
      keyShown = maskIdNo(key);
      if (ldef.properties[`${ldef.key}Masked`] && !spec.mustExist) props[`${ldef.key}Masked`] = keyShown;
      if (pseudonymise) key = pseudonymise(key);
    }
    for (const [p, x] of Object.entries(props))
      if (pseudonymise && ldef.properties[p]?.sensitive && typeof x === 'string') props[p] = pseudonymise(x);
    nodes.set(spec.ref, { spec, key, uid: uidOf(spec.label, key), props, keyHeader: bound.shown[spec.key]!, keyShown });
  }
  const rels: RelInst[] = [];
  for (const spec of m.relationships) {
    const from = nodes.get(spec.from);
    const to = nodes.get(spec.to);
    if (!from || !to || !holds(spec.when, values)) continue;
    const all = propsOf(spec.props, values);
    const id: Record<string, Value> = {};
    const props: Record<string, Value> = {};
    for (const [p, x] of Object.entries(all)) (spec.identity.includes(p) ? id : props)[p] = x;
    if (spec.spell) {
      const span = spellOf(spec.spell, values);
      if (typeof span === 'string') {
        const end = 'to' in spec.spell ? spec.spell.to! : spellStart(spec.spell);
        return { ok: false, row: data.row, problems: [{ column: bound.shown[end]!, value: String(values[end] ?? ''), reason: span }] };
      }
      props.from = span.from;
      if (span.to !== null) props.to = span.to;
    }
    rels.push({ spec, from, to, id, props });
  }
  const fingerprint = hash('sha1', JSON.stringify(values), 'base64');
  return { ok: true, row: data.row, nodes: [...nodes.values()], rels, fingerprint };
}
