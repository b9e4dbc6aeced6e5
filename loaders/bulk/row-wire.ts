// A normalised row as it crosses from a reading thread (read-worker.ts) to the main thread: the mapping's
// node and relationship specs travel as their index in the mapping (an object does not keep its identity
// across threads, and the grouping compares specs by identity), and come back as the main thread's own.
// Copying between threads costs the receiver a few microseconds a row, most of it per string, so what the
// main thread can derive does not travel: the uid (label and key), the key's header (the bound column's),
// and the key as shown when it is the key itself.
import { uidOf } from '../../platform/schema/graph-schema.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Value } from '../core/normalise/index.js';
import type { Bound, NodeInst, RelInst, RowResult } from '../core/transform.js';
import type { RangeEnd } from '../core/readers/source-reader.js';

type Accepted = Extract<RowResult, { ok: true }>;
type Refused = Extract<RowResult, { ok: false }>;

/** [spec index, key, props, key as shown when not the key (masked ID numbers)]. */
type WireNode = [number, string, Record<string, Value>, string?];
/** [spec index, from: index in the row's nodes, to: index in the row's nodes, identity props, other props]. */
type WireRel = [number, number, number, Record<string, Value>, Record<string, Value>];
export type WireRow = Refused | { ok: true; row: number; fingerprint: string; nodes: WireNode[]; rels: WireRel[] };

/** What a reading thread sends back for one range of a file. */
export interface RangeResult {
  job: number;
  index: number;
  rows?: WireRow[];
  end?: RangeEnd;
  /** A loader bug in the thread (not a bad row: those are refused rows). */
  error?: string;
  /** The thread's V8 heap when it sent this, bytes (for the load's memory figures). */
  heap?: number;
}

/** Spec → index, per mapping, for the sending side. */
export function specIndex(mapping: Mapping): Map<object, number> {
  const at = new Map<object, number>();
  mapping.nodes.forEach((n, i) => at.set(n, i));
  mapping.relationships.forEach((r, i) => at.set(r, i));
  return at;
}

export function toWire(r: RowResult, at: Map<object, number>): WireRow {
  if (!r.ok) return r;
  const nodes = r.nodes.map((n): WireNode =>
    n.keyShown === n.key ? [at.get(n.spec)!, n.key, n.props] : [at.get(n.spec)!, n.key, n.props, n.keyShown],
  );
  const rels = r.rels.map((x): WireRel => [at.get(x.spec)!, r.nodes.indexOf(x.from), r.nodes.indexOf(x.to), x.id, x.props]);
  return { ok: true, row: r.row, fingerprint: r.fingerprint, nodes, rels };
}

/** The row as transformRow made it, its specs the main thread's own; `offset` turns range rows into file rows. */
export function fromWire(w: WireRow, bound: Bound, offset: number): RowResult {
  if (!w.ok) return { ...w, row: w.row + offset };
  const mapping = bound.mapping;
  const nodes = w.nodes.map(([i, key, props, shown]): NodeInst => {
    const spec = mapping.nodes[i]!;
    return { spec, key, uid: uidOf(spec.label, key), props, keyHeader: bound.shown[spec.key]!, keyShown: shown ?? key };
  });
  const rels = w.rels.map(([i, from, to, id, props]): RelInst => ({
    spec: mapping.relationships[i]!,
    from: nodes[from]!,
    to: nodes[to]!,
    id,
    props,
  }));
  return { ok: true, row: w.row + offset, nodes, rels, fingerprint: w.fingerprint } satisfies Accepted;
}
