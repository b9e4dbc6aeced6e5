// A workbook's shared strings (the table its cells point into by number) as UTF-8 in one growing buffer with
// their offsets. As an array of JavaScript strings the table of a petitions register took about 20 MiB of
// heap per 45,000 rows, most of it per-string overhead, and it grows with the rows: names and ID numbers
// are mostly distinct. Here it takes about its bytes, outside the heap.
import type { Readable } from 'node:stream';
import { feed, xmlParser } from './workbook-package.js';

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

/**
 * Decodes ST_Xstring's escapes (ECMA-376 22.9.2.19): characters XML 1.0 cannot carry (a carriage return, a
 * control character) are written `_xHHHH_`, and a literal `_x` sequence as `_x005F_xHHHH_`. Left to right,
 * without overlap, as Excel does.
 */
export const unescapeXstring = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

/**
 * The shared strings part read only as far as the cells need it. Writers number the strings in the order of
 * their first use, so a sheet read from its top needs the table's first strings first: the header pass reads
 * a few, and the rows' pass reads on in step with the sheet, never the table ahead of it (unless a writer
 * numbered them otherwise, when it reads further, still into the buffer above).
 */
export class SharedStringsPart {
  #table = new SharedStrings();
  #open: (() => Promise<Readable>) | undefined;
  #stream: Readable | undefined;
  #steps: AsyncGenerator<void> | undefined;

  constructor(open: (() => Promise<Readable>) | undefined) {
    this.#open = open;
  }

  /** Reads on until string i is in the table or the part ends. */
  async ensure(i: number): Promise<void> {
    while (this.#table.size <= i && this.#open) {
      if (!this.#steps) {
        this.#stream = await this.#open();
        this.#steps = feed(this.#stream, this.#parser());
      }
      if ((await this.#steps.next()).done) this.#open = undefined;
    }
  }

  get(i: number): string | undefined {
    return this.#table.get(i);
  }

  close(): void {
    this.#stream?.destroy();
    this.#open = undefined;
  }

  #parser() {
    // <si> holds one <t>, or runs (<r>) of <t>; phonetic runs (<rPh>, a reading in kana) are not the text.
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let text = '';
    return xmlParser({
      open: (name) => {
        if (name === 'si') {
          inSi = true;
          text = '';
        } else if (name === 't') inT = true;
        else if (name === 'rPh') phonetic++;
      },
      close: (name) => {
        if (name === 'si') {
          inSi = false;
          this.#table.add(unescapeXstring(text));
        } else if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
      },
      text: (t) => {
        if (inSi && inT && phonetic === 0) text += t;
      },
    });
  }
}
