// A workbook's shared strings (the table its cells point into by number) as UTF-8 in one growing buffer with
// their offsets. As an array of JavaScript strings the table of a petitions register took about 20 MiB of
// heap per 45,000 rows, most of it per-string overhead, and it grows with the rows: names and ID numbers
// are mostly distinct. Here it takes about its bytes, outside the heap.

export class SharedStrings {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  #ends = new Uint32Array(1024);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  add(text: string): void {
    const need = Buffer.byteLength(text);
    if (this.#used + need > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#used + need));
      this.#bytes.copy(grown, 0, 0, this.#used);
      this.#bytes = grown;
    }
    this.#used += this.#bytes.write(text, this.#used);
    if (this.#count === this.#ends.length) {
      const grown = new Uint32Array(this.#ends.length * 2);
      grown.set(this.#ends);
      this.#ends = grown;
    }
    this.#ends[this.#count++] = this.#used;
  }

  /** The string at index i; undefined past the table's end (a cell pointing nowhere). */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.#count)) return undefined;
    return this.#bytes.toString('utf8', i === 0 ? 0 : this.#ends[i - 1], this.#ends[i]);
  }
}
