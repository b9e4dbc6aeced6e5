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

interface Sent {
  /** The batch that last sent something new for this key. */
  batch: number;
  uid: string;
  /** Every non-empty value sent for this key in this file: the last one per property (`set`), or the first (`fill`). */
  values: Record<string, Value>;
}

export class RepeatFilter {
  #batch = 0;
  // An LRU of its own, not a Map with its oldest key deleted: V8's Map leaves a deleted entry in its table
  // until it rehashes, and finding the oldest live key walks past every one of them. Once a file names
  // more keys than are remembered (a million persons' register), that walk made the filter quadratic:
  // 59 s of one core for the register alone at 1,000,000 persons.
  readonly #sent: LRUCache<string, Sent>[];
  readonly #fill: boolean[];
  /** Node rows dropped so far. */
  dropped = 0;

  constructor(
    mapping: Mapping,
    readonly remembered = REMEMBERED_KEYS,
  ) {
    this.#sent = mapping.nodes.map(() => new LRUCache<string, Sent>({ max: remembered }));
    this.#fill = mapping.nodes.map((n) => n.mode === 'fill');
  }

  /** The batch less its node rows that would write nothing new. Call once per batch, in file order. */
  filter(g: Grouped): Grouped {
    const batch = this.#batch++;
    return { nodes: g.nodes.map((rows, i) => rows?.filter((r) => this.#keep(i, r, batch))), rels: g.rels };
  }

  #keep(spec: number, r: NodeRow, batch: number): boolean {
    const sent = this.#sent[spec]!;
    const prev = sent.get(r.key);
    if (!prev) {
      const values: Record<string, Value> = {};
      for (const [p, v] of Object.entries(r.p)) if (v !== null && v !== undefined) values[p] = v;
      // Past `remembered` keys, the least recently mentioned is forgotten (get() marks a key mentioned).
      sent.set(r.key, { batch, uid: r.uid, values });
      return true;
    }
    let fresh = prev.uid !== r.uid;
    prev.uid = r.uid;
    for (const [p, v] of Object.entries(r.p)) {
      // Empty values never erase (cypher.ts); a `fill` value only fills a property still empty.
      if (v === null || v === undefined) continue;
      const old = prev.values[p];
      if (old === undefined || (!this.#fill[spec] && old !== v)) {
        prev.values[p] = v;
        fresh = true;
      }
    }
    if (fresh) {
      prev.batch = batch;
      return true;
    }
    if (batch - prev.batch >= SETTLED_LAG) {
      this.dropped++;
      return false;
    }
    return true;
  }
}
