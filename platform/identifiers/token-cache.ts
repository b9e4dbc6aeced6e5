// The tokens last made for ID numbers, for pseudonym.ts. A person's number comes back in file after file,
// and within one: the welfare payments of a 1,000,000-person county name 322,417 recipients 2,736,897 times,
// a programme's whole roll once a month, so a number comes back after about 226,000 others (the median).
// A cache of 100,000 strings in a Map (about 13 MB of heap) was cleared before most numbers came back:
// 2,360,851 HMACs for those rows. Here an ID number (17 digits and a check character) is packed exactly into
// two 32-bit numbers and its token kept as 16 bytes, 24 bytes a slot outside V8's heap: 524,288 slots in
// 12 MiB remember up to 393,216 numbers, and the same rows need 322,417 HMACs, one per recipient.
// Exact: a slot holds the whole number, so two numbers never share a token here.

/** Slots at first (small runs and the server stay small); the table grows eightfold up to MAX_SLOTS. */
const FIRST_SLOTS = 1 << 13;
export const MAX_SLOTS = 1 << 19;
/** Filled past this share, the table grows, or at its largest is emptied (forgotten at once, as the Map was). */
const FULL = 0.75;

/**
 * An 18-character ID number as two numbers (the first 9 digits plus one, so that 0 marks an empty slot; the
 * next 8 digits times 11 plus the check character, X as 10), or undefined for any other value.
 */
export function packIdNumber(s: string): [number, number] | undefined {
  if (s.length !== 18) return undefined;
  let hi = 0;
  for (let i = 0; i < 9; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    hi = hi * 10 + d;
  }
  let lo = 0;
  for (let i = 9; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    lo = lo * 10 + d;
  }
  const c = s.charCodeAt(17);
  const check = c === 88 ? 10 : c - 48;
  if (check < 0 || check > 10) return undefined;
  return [hi + 1, lo * 11 + check];
}

export class IdTokenCache {
  #slots = FIRST_SLOTS;
  #keys = new Uint32Array(FIRST_SLOTS * 2);
  #tokens = Buffer.alloc(FIRST_SLOTS * 16);
  #used = 0;

  constructor(readonly maxSlots = MAX_SLOTS) {}

  /** The token kept for this number, or undefined. */
  get(hi: number, lo: number): string | undefined {
    const i = this.#find(hi, lo);
    return this.#keys[i * 2] === 0 ? undefined : this.#tokens.toString('hex', i * 16, i * 16 + 16);
  }

  /** Keeps the first 16 bytes of `digest` as the number's token. */
  set(hi: number, lo: number, digest: Buffer): void {
    if (this.#used + 1 > this.#slots * FULL) {
      if (this.#slots < this.maxSlots) this.#grow();
      else this.#clear();
    }
    const i = this.#find(hi, lo);
    if (this.#keys[i * 2] === 0) this.#used++;
    this.#keys[i * 2] = hi;
    this.#keys[i * 2 + 1] = lo;
    digest.copy(this.#tokens, i * 16, 0, 16);
  }

  /** The slot holding this number, or the empty slot where it would go (linear probing; never full). */
  #find(hi: number, lo: number): number {
    const mask = this.#slots - 1;
    // Mixed so that the low bits depend on all of both numbers: any table size up to 2^32 slots takes them.
    const h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    let i = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const k = this.#keys[i * 2]!;
      if (k === 0 || (k === hi && this.#keys[i * 2 + 1] === lo)) return i;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const keys = this.#keys;
    const tokens = this.#tokens;
    const old = this.#slots;
    this.#slots = Math.min(old * 8, this.maxSlots);
    this.#keys = new Uint32Array(this.#slots * 2);
    this.#tokens = Buffer.alloc(this.#slots * 16);
    for (let j = 0; j < old; j++) {
      const hi = keys[j * 2]!;
      if (hi === 0) continue;
      const lo = keys[j * 2 + 1]!;
      const i = this.#find(hi, lo);
      this.#keys[i * 2] = hi;
      this.#keys[i * 2 + 1] = lo;
      tokens.copy(this.#tokens, i * 16, j * 16, j * 16 + 16);
    }
  }

  #clear(): void {
    this.#keys.fill(0);
    this.#used = 0;
  }

  /** Numbers held now (for tests). */
  get size(): number {
    return this.#used;
  }
}
