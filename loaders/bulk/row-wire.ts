// A normalised row as it crosses from a reading thread (read-worker.ts) to the main thread: the mapping's
// node and relationship specs travel as their index in the mapping (an object does not keep its identity
// across threads, and the grouping compares specs by identity), and come back as the main thread's own.
import type { Mapping } from '../core/mapping/types.js';
import type { Value } from '../core/normalise/index.js';
import type { NodeInst, RelInst, RowResult } from '../core/transform.js';
import type { RangeEnd } from '../core/readers/source-reader.js';

type Accepted = Extract<RowResult, { ok: true }>;
type Refused = Extract<RowResult, { ok: false }>;

/** [spec index, key, uid, props, key header, key as shown]. */
type WireNode = [number, string, string, Record<string, Value>, string, string];
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
  const nodes = r.nodes.map((n): WireNode => [at.get(n.spec)!, n.key, n.uid, n.props, n.keyHeader, n.keyShown]);
  const rels = r.rels.map((x): WireRel => [at.get(x.spec)!, r.nodes.indexOf(x.from), r.nodes.indexOf(x.to), x.id, x.props]);
  return { ok: true, row: r.row, fingerprint: r.fingerprint, nodes, rels };
}

/** The row as transformRow made it, its specs the main thread's own; `offset` turns range rows into file rows. */
export function fromWire(w: WireRow, mapping: Mapping, offset: number): RowResult {
  if (!w.ok) return { ...w, row: w.row + offset };
  const nodes = w.nodes.map(([i, key, uid, props, keyHeader, keyShown]): NodeInst => ({
    spec: mapping.nodes[i]!,
    key,
    uid,
    props,
    keyHeader,
    keyShown,
  }));
  const rels = w.rels.map(([i, from, to, id, props]): RelInst => ({
    spec: mapping.relationships[i]!,
    from: nodes[from]!,
    to: nodes[to]!,
    id,
    props,
  }));
  return { ok: true, row: w.row + offset, nodes, rels, fingerprint: w.fingerprint } satisfies Accepted;
}
