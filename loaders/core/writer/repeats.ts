// A file mentions the same node again and again: a welfare recipient in every month's payments, a
// payroll unit in every month's salaries. Grouping (group.ts) folds repeats within one batch; this folds
// them across the batches of one file. A node row that repeats the last row sent for its node, sent far
// enough back, is dropped, so the server is not asked to lock and rewrite the node (and its provenance) once
// per batch. In the 20,000-person county's welfare file, 26,032 person rows across six batches name 6,389
// people.
//
// Pure and deterministic, like groupBatch: the online writer (batch.ts) and the bulk path's image
// (bulk/collect.ts) apply the same filter to the same batches, so both write the same graph, provenance
// included.
import { hash53 } from '../hash64.js';
import type { Mapping } from '../mapping/types.js';
import type { Grouped, NodeRow } from './group.js';

/**
 * A repeat is dropped only if what it would write was sent at least this many batches before. Set when the
 * online writer ran batch k while batch k-1 might still be committing (until 2026-12-07); it now runs one
 * batch at a time (batch.ts), under which 1 would be safe too and would leave out more rows. Kept at 2: the
 * bulk path applies the same filter, and what 1 would save was not measured.
 */
export const SETTLED_LAG = 2;

/** Slots of a node spec's table when a file starts; it grows eightfold while three quarters full. */
export const FIRST_SLOTS = 2 ** 13;

/**
 * Slots of one generation at most (24 bytes each: 48 MiB). A generation holds three quarters of them in
 * keys, 1,572,864, and two are kept: every key among the last 1.57 million distinct keys of a node spec is
 * remembered, and up to twice as many.
 */
export const MAX_SLOTS = 2 ** 21;

// Why generations of hashes in typed arrays. The window must hold the largest block of keys a file
// names again: a yearly pension paid in monthly blocks names each recipient once per block, 168,000 of them
// at 1,000,000 persons and 337,000 at 2,000,000. An LRU of 250,000 keys held as strings, each with an array
// of value hashes, cost 335 bytes a key of V8's heap, and at two million persons one block outgrew it: 25 %
// of the payment rows found their key instead of 77 %, and every forgotten recipient was written again
// (docs/bench.md). Here a key costs 24 bytes a slot outside the heap, nothing for the collector to trace,
// and forgetting is wholesale: when the newer generation is full, the older one is dropped and the newer
// becomes the older; a key found in the older one is copied into the newer.
//
// What is remembered of a key is the hash of the last row sent for it, not its values: a row is a repeat
// when it hashes like the last one sent. For a `set` spec the hash covers the uid and every non-empty value,
// with the property's name and the value's type, so a changed value is sent. A `fill` value only fills a
// property still empty, so what a `fill` row can write depends on which properties it has values for, not on
// the values: its hash covers the uid and the names of its non-empty properties (a recipient named
// differently in one month writes nothing, as before). A row that only leaves out values the last one had is
// sent again though it writes nothing new: the writes stay correct, a few more of them, and a key costs the
// same whatever the width of its rows.
const STRIDE = 3;
const KEY = 0; // hash53 of the key; 0 marks an empty slot (hash53 is never 0)
const BATCH = 1; // the batch that last sent a row for this key
const ROW = 2; // rowHash of that row

/** The hash of what a row writes; -1 when a value is NaN, which the filter never takes for a repeat. */
function rowHash(r: NodeRow, fill: boolean): number {
  let s = r.uid;
  for (const p in r.p) {
    const v = r.p[p];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' && Number.isNaN(v)) return -1;
    // \u0000 is in no name or normalised value. The type is part of a value (1 and '1' write different ones).
    if (fill) s += `\u0000${p}`;
    else s += typeof v === 'string' ? `\u0000${p}\u0000${v}` : `\u0000${p}\u0000${typeof v}:${String(v)}`;
  }
  return hash53(s);
}

const isPow2 = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** An open-addressing table of [key, batch, row] triples, linear probing. */
class Generation {
  readonly slots: Float64Array;
  readonly mask: number;
  count = 0;

  constructor(readonly size: number) {
    this.slots = new Float64Array(size * STRIDE);
    this.mask = size - 1;
  }

  get full(): boolean {
    return this.count * 4 >= this.size * 3;
  }

  /** The offset of key's triple, or of the empty slot where it would go (its KEY word then 0). */
  find(key: number): number {
    // The low 32 bits of hash53 are one whole half of the 64-bit hash: well mixed.
    for (let i = (key >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * STRIDE;
      const k = this.slots[at + KEY]!;
      if (k === key || k === 0) return at;
    }
  }

  put(at: number, key: number, batch: number, row: number): void {
    if (this.slots[at + KEY] === 0) this.count++;
    this.slots[at + KEY] = key;
    this.slots[at + BATCH] = batch;
    this.slots[at + ROW] = row;
  }
}

/** One node spec's memory of the keys sent: a newer generation, and the older one it replaced. */
class Remembered {
  #newer: Generation;
  #older: Generation | null = null;

  constructor(
    first: number,
    readonly maxSlots: number,
  ) {
    // The tables index by a mask, and growing by eight must land on maxSlots.
    if (!isPow2(first) || !isPow2(maxSlots) || first < 4) throw new Error(`slots must be powers of two from 4: ${first}, ${maxSlots}`);
    this.#newer = new Generation(Math.min(first, maxSlots));
  }

  /** [batch, row] last sent for key, or undefined if forgotten or never sent. */
  get(key: number): [number, number] | undefined {
    let at = this.#newer.find(key);
    const g = this.#newer.slots;
    if (g[at + KEY] !== 0) return [g[at + BATCH]!, g[at + ROW]!];
    if (!this.#older) return undefined;
    at = this.#older.find(key);
    const o = this.#older.slots;
    if (o[at + KEY] === 0) return undefined;
    // Read before set(): making room may zero the older generation's buffer for reuse.
    const found: [number, number] = [o[at + BATCH]!, o[at + ROW]!];
    // Mentioned again: into the newer generation, so it outlives the older one.
    this.set(key, found[0], found[1]);
    return found;
  }

  set(key: number, batch: number, row: number): void {
    let at = this.#newer.find(key);
    if (this.#newer.slots[at + KEY] === 0 && this.#newer.full) {
      this.#makeRoom();
      at = this.#newer.find(key);
    }
    this.#newer.put(at, key, batch, row);
  }

  #makeRoom(): void {
    const full = this.#newer;
    if (full.size < this.maxSlots) {
      // Grown, not rotated: nothing is forgotten while the table is below its largest size.
      const grown = new Generation(Math.min(full.size * 8, this.maxSlots));
      for (let at = 0; at < full.slots.length; at += STRIDE) {
        const k = full.slots[at + KEY]!;
        if (k !== 0) grown.put(grown.find(k), k, full.slots[at + BATCH]!, full.slots[at + ROW]!);
      }
      this.#newer = grown;
      return;
    }
    // The older generation's buffer is reused (zeroed) rather than a new 48 MiB one allocated.
    const spare = this.#older;
    this.#older = full;
    if (spare) {
      spare.slots.fill(0);
      spare.count = 0;
      this.#newer = spare;
    } else this.#newer = new Generation(this.maxSlots);
  }
}

export class RepeatFilter {
  #batch = 0;
  readonly #sent: Remembered[];
  readonly #fill: boolean[];
  /** Node rows dropped so far. */
  dropped = 0;

  constructor(mapping: Mapping, maxSlots = MAX_SLOTS, firstSlots = FIRST_SLOTS) {
    // Small at first: a load builds one table per node spec of every file, and most files name a few
    // thousand keys.
    this.#sent = mapping.nodes.map(() => new Remembered(firstSlots, maxSlots));
    this.#fill = mapping.nodes.map((n) => n.mode === 'fill');
  }

  /** The batch less its node rows that would write nothing new. Call once per batch, in file order. */
  filter(g: Grouped): Grouped {
    const batch = this.#batch++;
    return { nodes: g.nodes.map((rows, i) => rows?.filter((r) => this.#keep(i, r, batch))), rels: g.rels };
  }

  #keep(spec: number, r: NodeRow, batch: number): boolean {
    const sent = this.#sent[spec]!;
    // Two keys alike in 53 bits would share a slot; their uids differ, so their rows' hashes do too, and the
    // second is sent as new.
    const key = hash53(r.key);
    const row = rowHash(r, this.#fill[spec]!);
    const prev = sent.get(key);
    if (!prev || prev[1] !== row || row === -1) {
      sent.set(key, batch, row);
      return true;
    }
    if (batch - prev[0] >= SETTLED_LAG) {
      this.dropped++;
      return false;
    }
    return true;
  }
}
