// A file mentions the same node again and again: a welfare recipient in every month's payments, a
// payroll unit in every month's salaries. Grouping (group.ts) folds repeats within one batch; this folds
// them across the batches of one file. A node row that would write nothing this file has not already
// written is dropped, so the server is not asked to lock and rewrite the node (and its provenance) once per
// batch. In the 20,000-person county's welfare file, 26,032 person rows across six batches name 6,389
// people.
//
// Pure and deterministic, like groupBatch: the online writer (batch.ts) and the bulk path's image
// (bulk/collect.ts) apply the same filter to the same batches, so both write the same graph, provenance
// included.
import { LRUCache } from 'lru-cache';
import { hash53 } from '../hash64.js';
import type { Mapping } from '../mapping/types.js';
import type { Value } from '../normalise/index.js';
import type { Grouped, NodeRow } from './group.js';

/**
 * A repeat is dropped only if what it would write was sent at least this many batches before. The online
 * writer runs batch k while batch k-1 may still be committing, and a node batch k-1 creates is invisible
 * to batch k's MATCH until then; batch k-2 has committed before batch k runs (batch.ts waits for it).
 */
export const SETTLED_LAG = 2;

/** Keys remembered per node spec, the least recently mentioned forgotten first (a forgotten key is only written again). */
export const REMEMBERED_KEYS = 250_000;

/** The capacity a spec's cache starts at; it grows eightfold while full, up to REMEMBERED_KEYS. */
export const FIRST_CAPACITY = 4_096;

// What is remembered of a key is hashes, not the values: held as strings, 250,000 remembered keys of rows
// shaped like the register's persons (eight values) took 140 MiB of the loading process's heap, 586 bytes a
// key, and a large file fills the window of each of its node specs. Hashes compare as the strings did
// (hash53: two different values alike with odds of 2^-53, a changed value taken for unchanged about once in
// 10^16 comparisons).
//
// One array of doubles a key, of exactly its length (an object with a hash per field, or an array grown by
// assignment, costs twice as much): [the batch that last sent something new for this key, the uid's hash,
// then by the spec's property index the hash of every non-empty value sent for this key in this file, the last
// one per property (`set`) or the first (`fill`), 0 where none was sent yet].
type Sent = number[];
const BATCH = 0;
const UID = 1;
const VALUES = 2;

/** A value's hash, its type part of it (the filter compared with ===, so 1 and '1' differ); -1 for NaN, which never equalled itself. */
function valueHash(v: Value): number {
  if (typeof v === 'number' && Number.isNaN(v)) return -1;
  return hash53(typeof v === 'string' ? v : `\u0000${typeof v}:${String(v)}`);
}

export class RepeatFilter {
  #batch = 0;
  // An LRU of its own, not a Map with its oldest key deleted: V8's Map leaves a deleted entry in its table
  // until it rehashes, and finding the oldest live key walks past every one of them. Once a file names
  // more keys than are remembered (a million persons' register), that walk made the filter quadratic:
  // 59 s of one core for the register alone at 1,000,000 persons.
  readonly #sent: LRUCache<string, Sent>[];
  readonly #fill: boolean[];
  /** Per spec, each property name's index in Sent.values. */
  readonly #props: Map<string, number>[];
  /** Node rows dropped so far. */
  dropped = 0;

  constructor(
    mapping: Mapping,
    readonly remembered = REMEMBERED_KEYS,
  ) {
    // Small at first: LRUCache allocates and fills its tables for `max` entries when built (7 MB at 250,000),
    // and a load builds one per node spec of every file, most of which name a few thousand keys. Built at
    // full size they cost the online loader a second of filling and their weight in collections.
    this.#sent = mapping.nodes.map(() => new LRUCache<string, Sent>({ max: Math.min(FIRST_CAPACITY, remembered) }));
    this.#fill = mapping.nodes.map((n) => n.mode === 'fill');
    // The mapping's properties first, in its order, so that a key's array is built at its full width.
    this.#props = mapping.nodes.map((n) => new Map(Object.keys(n.props).map((p, i) => [p, i])));
  }

  #index(spec: number, prop: string): number {
    const props = this.#props[spec]!;
    let i = props.get(prop);
    if (i === undefined) props.set(prop, (i = props.size));
    return i;
  }

  /** A full cache below `remembered` is replaced by one eight times larger with the same keys in the same order of mention. */
  #room(spec: number): LRUCache<string, Sent> {
    const sent = this.#sent[spec]!;
    if (sent.size < sent.max || sent.max >= this.remembered) return sent;
    const grown = new LRUCache<string, Sent>({ max: Math.min(sent.max * 8, this.remembered) });
    // Least recently mentioned first, so that each set() leaves the order as it was.
    for (const [k, v] of sent.rentries()) grown.set(k as string, v as Sent);
    this.#sent[spec] = grown;
    return grown;
  }

  /** The batch less its node rows that would write nothing new. Call once per batch, in file order. */
  filter(g: Grouped): Grouped {
    const batch = this.#batch++;
    return { nodes: g.nodes.map((rows, i) => rows?.filter((r) => this.#keep(i, r, batch))), rels: g.rels };
  }

  #keep(spec: number, r: NodeRow, batch: number): boolean {
    const prev = this.#sent[spec]!.get(r.key);
    const uid = hash53(r.uid);
    if (!prev) {
      const first: Sent = new Array<number>(VALUES + this.#props[spec]!.size).fill(0);
      first[BATCH] = batch;
      first[UID] = uid;
      for (const [p, v] of Object.entries(r.p)) if (v !== null && v !== undefined) first[VALUES + this.#index(spec, p)] = valueHash(v);
      // Past `remembered` keys, the least recently mentioned is forgotten (get() marks a key mentioned).
      this.#room(spec).set(r.key, first);
      return true;
    }
    let fresh = prev[UID] !== uid;
    prev[UID] = uid;
    for (const [p, v] of Object.entries(r.p)) {
      // Empty values never erase (cypher.ts); a `fill` value only fills a property still empty.
      if (v === null || v === undefined) continue;
      const i = VALUES + this.#index(spec, p);
      const old = prev[i] ?? 0;
      const h = valueHash(v);
      if (old === 0 || (!this.#fill[spec] && (old !== h || h === -1))) {
        while (prev.length < i) prev.push(0);
        prev[i] = h;
        fresh = true;
      }
    }
    if (fresh) {
      prev[BATCH] = batch;
      return true;
    }
    if (batch - prev[BATCH]! >= SETTLED_LAG) {
      this.dropped++;
      return false;
    }
    return true;
  }
}
