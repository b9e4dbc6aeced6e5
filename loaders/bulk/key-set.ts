// A set of strings held as 64-bit hashes in one typed array (open addressing, linear probing): 8 bytes a
// slot, at most half the slots used, so 16-32 bytes a key whatever the key's length. The bulk path's sets
// of the keys of a referenced label (does an earlier batch produce this node?) and of a file's row
// fingerprints (has this row been read already?) hold their newest keys in one (fingerprint-set.ts); in a
// JavaScript Set of strings they would grow past any budget.
//
// The odds of a wrong answer: a key not in the set is reported present only if its hash equals one of the n
// stored, n / 2^64 per lookup. For 10,000,000 persons (about 15 million nodes) that is below 1e-12 per
// lookup; for the largest file's 100 million fingerprints, 5e-12. A set never reports a stored key absent.

import { hash64 } from '../core/hash64.js';

export class KeySet {
  #slots: Uint32Array;
  #mask: number;
  size = 0;

  constructor(initial = 1 << 12) {
    let cap = 1;
    while (cap < initial) cap <<= 1;
    this.#slots = new Uint32Array(cap * 2);
    this.#mask = cap - 1;
  }

  has(key: string): boolean {
    const [a, b] = hash64(key);
    return this.hasHash(a, b);
  }

  /** Adds the key; false if it was there already. */
  add(key: string): boolean {
    const [a, b] = hash64(key);
    return this.addHash(a, b);
  }

  /** As has(), for a key's hash64(). */
  hasHash(a: number, b: number): boolean {
    return this.#find(a, b) >= 0;
  }

  /** As add(), for a key's hash64(). */
  addHash(a: number, b: number): boolean {
    if (this.#find(a, b) >= 0) return false;
    if ((this.size + 1) * 2 > this.#mask + 1) this.#grow();
    this.#put(a, b);
    this.size++;
    return true;
  }

  /**
   * The hashes in ascending order of the 64-bit number each slot's two words make in memory, as word pairs
   * (sorted natively as a BigUint64Array view; the empty slots, 0, come first and are cut off). The set is
   * spent: its table is the result.
   */
  drainSorted(): Uint32Array {
    const all = new BigUint64Array(this.#slots.buffer).sort();
    const empty = all.length - this.size;
    const out = this.#slots.subarray(empty * 2);
    this.#slots = new Uint32Array(2);
    this.#mask = 0;
    this.size = 0;
    return out;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.#slots.byteLength;
  }

  #find(a: number, b: number): number {
    const s = this.#slots;
    for (let i = a & this.#mask; ; i = (i + 1) & this.#mask) {
      const x = s[i * 2]!;
      const y = s[i * 2 + 1]!;
      if (x === 0 && y === 0) return -1;
      if (x === a && y === b) return i;
    }
  }

  #put(a: number, b: number): void {
    const s = this.#slots;
    let i = a & this.#mask;
    while (s[i * 2] !== 0 || s[i * 2 + 1] !== 0) i = (i + 1) & this.#mask;
    s[i * 2] = a;
    s[i * 2 + 1] = b;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    this.#mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.#put(old[i]!, old[i + 1]!);
  }
}
