// A file's row fingerprints (the duplicate check) in bounded memory. The newest keys are held as 64-bit
// hashes in a KeySet; when it reaches its limit, its hashes are sorted and merged into one sorted file of
// every older hash, and forgotten. A lookup asks the held set, then a blocked Bloom filter over the file
// (one cache line per key, about 1 % false hits at 10 bits a key), and only when the filter says "maybe"
// reads the file: a sparse index in memory (every 512th hash) names the one 4 KiB block to read and search.
//
// Memory: the held set (16-32 bytes a key up to the limit) plus 1.25 bytes a key for the filter, instead of
// 16-32 bytes for every row of the file. A 10,000,000-person welfare file (27.5 million rows) needs about
// 100 MB instead of 537 MB. The answers are those of a KeySet of every key: the same 64-bit hashes compared
// exactly, so a repeat is never missed, and a new row is called a repeat only on a 64-bit collision.
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import { hash64 } from '../core/hash64.js';
import { KeySet } from './key-set.js';

/** Keys held in memory before they go to the file. */
export const FINGERPRINTS_HELD = 4_000_000;
/** Hashes a block of the file holds (4 KiB), and every how many the sparse index keeps one. */
const BLOCK = 512;
/** Filter bits a key, and bits set a key (each within one 512-bit block). */
const BITS_PER_KEY = 10;
const PROBES = 7;
/** Which word of a pair is the high half of the 64-bit number a BigUint64Array view sorts by. */
const HI = os.endianness() === 'LE' ? 1 : 0;
const LO = 1 - HI;

export class FingerprintSet {
  #held = new KeySet();
  #onDisk = 0;
  #fd: number | undefined;
  /** The first hash of every block of the file, as word pairs. */
  #sparse = new Uint32Array(0);
  #bloom = new Uint32Array(0);
  #blocks = 0;
  #spills = 0;
  readonly #block = new Uint32Array(BLOCK * 2);
  /** The last key asked about, its hash, and whether it was found: add() follows has() on the same key. */
  #last: string | undefined;
  #lastHash: [number, number] = [0, 0];
  #lastFound = false;

  constructor(
    /** The file of spilled hashes (replaced on each spill; removed by close()). */
    readonly file: string,
    readonly heldLimit = FINGERPRINTS_HELD,
  ) {}

  get size(): number {
    return this.#held.size + this.#onDisk;
  }

  /** How many times the held keys went to the file. */
  get spills(): number {
    return this.#spills;
  }

  has(key: string): boolean {
    if (key === this.#last) return this.#lastFound;
    const [a, b] = hash64(key);
    this.#last = key;
    this.#lastHash = [a, b];
    this.#lastFound = this.#held.hasHash(a, b) || (this.#onDisk > 0 && this.#mayHave(a, b) && this.#inFile(a, b));
    return this.#lastFound;
  }

  /** Adds the key; false if it was there already. */
  add(key: string): boolean {
    if (this.has(key)) return false;
    const [a, b] = this.#lastHash;
    this.#lastFound = true;
    this.#held.addHash(a, b);
    if (this.#held.size >= this.heldLimit) this.#spill();
    return true;
  }

  /** Closes and removes the file. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.file, { force: true });
  }

  /** The held hashes, sorted, merged with the file's into a new file; the filter and index rebuilt over all. */
  #spill(): void {
    const fresh = this.#held.drainSorted();
    this.#held = new KeySet();
    const total = this.#onDisk + fresh.length / 2;
    this.#blocks = Math.max(1, Math.ceil((total * BITS_PER_KEY) / 512));
    this.#bloom = new Uint32Array(this.#blocks * 16);
    this.#sparse = new Uint32Array(Math.ceil(total / BLOCK) * 2);

    const tmp = `${this.file}.new`;
    const out = openSync(tmp, 'w');
    const outBuf = new Uint32Array(2 ** 18);
    let outN = 0;
    let written = 0;
    const emit = (w0: number, w1: number) => {
      if (written % BLOCK === 0) {
        this.#sparse[(written / BLOCK) * 2] = w0;
        this.#sparse[(written / BLOCK) * 2 + 1] = w1;
      }
      this.#addToFilter(w0, w1);
      outBuf[outN++] = w0;
      outBuf[outN++] = w1;
      written++;
      if (outN === outBuf.length) {
        writeAll(out, outBuf, outN);
        outN = 0;
      }
    };
    const old = this.#fd !== undefined ? new PairReader(this.#fd, this.#onDisk) : undefined;
    let i = 0;
    while (old && !old.done) {
      if (i < fresh.length && cmp(fresh[i]!, fresh[i + 1]!, old.w0, old.w1) < 0) {
        emit(fresh[i]!, fresh[i + 1]!);
        i += 2;
      } else {
        emit(old.w0, old.w1);
        old.next();
      }
    }
    for (; i < fresh.length; i += 2) emit(fresh[i]!, fresh[i + 1]!);
    writeAll(out, outBuf, outN);
    closeSync(out);
    if (this.#fd !== undefined) closeSync(this.#fd);
    renameSync(tmp, this.file);
    this.#fd = openSync(this.file, 'r');
    this.#onDisk = written;
    this.#spills++;
  }

  // The hash's two words are already uniform: the block comes from one, the bits from the other.
  #addToFilter(w0: number, w1: number): void {
    const base = (w0 % this.#blocks) * 16;
    let h = w1;
    for (let k = 0; k < PROBES; k++) {
      const bit = h & 511;
      this.#bloom[base + (bit >>> 5)]! |= 1 << (bit & 31);
      h = ((h >>> 9) | (h << 23)) ^ w0;
    }
  }

  #mayHave(w0: number, w1: number): boolean {
    const base = (w0 % this.#blocks) * 16;
    let h = w1;
    for (let k = 0; k < PROBES; k++) {
      const bit = h & 511;
      if ((this.#bloom[base + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false;
      h = ((h >>> 9) | (h << 23)) ^ w0;
    }
    return true;
  }

  /** The last block whose first hash is not above the key (sparse index), read and searched. */
  #inFile(w0: number, w1: number): boolean {
    const sp = this.#sparse;
    let l = 0;
    let r = sp.length / 2 - 1;
    while (l < r) {
      const m = (l + r + 1) >>> 1;
      if (cmp(sp[m * 2]!, sp[m * 2 + 1]!, w0, w1) <= 0) l = m;
      else r = m - 1;
    }
    const n = Math.min(BLOCK, this.#onDisk - l * BLOCK);
    const block = this.#block;
    readAll(this.#fd!, block, n * 2, l * BLOCK * 8);
    let a = 0;
    let z = n - 1;
    while (a <= z) {
      const m = (a + z) >>> 1;
      const c = cmp(block[m * 2]!, block[m * 2 + 1]!, w0, w1);
      if (c === 0) return true;
      if (c < 0) a = m + 1;
      else z = m - 1;
    }
    return false;
  }
}

/** Orders word pairs as the unsigned 64-bit numbers they make in memory (the BigUint64Array view's order). */
function cmp(x0: number, x1: number, y0: number, y1: number): number {
  const xh = HI ? x1 : x0;
  const yh = HI ? y1 : y0;
  if (xh !== yh) return xh - yh;
  return (LO ? x1 : x0) - (LO ? y1 : y0);
}

function writeAll(fd: number, words: Uint32Array, n: number): void {
  const bytes = new Uint8Array(words.buffer, words.byteOffset, n * 4);
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
}

/** Reads n words at a byte position (null: where the file stands). */
function readAll(fd: number, into: Uint32Array, n: number, position: number | null): void {
  const bytes = new Uint8Array(into.buffer, into.byteOffset, n * 4);
  for (let off = 0; off < bytes.length;) {
    const got = readSync(fd, bytes, off, bytes.length - off, position === null ? null : position + off);
    if (got === 0) throw new Error('fingerprint file shorter than its count');
    off += got;
  }
}

/** Reads the file's word pairs in order, a megabyte at a time. */
class PairReader {
  readonly #buf = new Uint32Array(2 ** 18);
  #n = 0;
  #i = 0;
  #pos = 0;
  #left: number;
  done = false;
  w0 = 0;
  w1 = 0;

  constructor(
    readonly fd: number,
    count: number,
  ) {
    this.#left = count;
    this.#fill();
  }

  next(): void {
    this.#i += 2;
    if (this.#i >= this.#n) this.#fill();
    else this.#set();
  }

  #fill(): void {
    const pairs = Math.min(this.#left, this.#buf.length / 2);
    if (pairs === 0) {
      this.done = true;
      return;
    }
    readAll(this.fd, this.#buf, pairs * 2, this.#pos);
    this.#pos += pairs * 8;
    this.#left -= pairs;
    this.#n = pairs * 2;
    this.#i = 0;
    this.#set();
  }

  #set(): void {
    this.w0 = this.#buf[this.#i]!;
    this.w1 = this.#buf[this.#i + 1]!;
  }
}
