// A file written once, start to end, a line or a piece at a time: the importer's CSV files, the spill runs
// and the generator's truth.json. Text is encoded straight into one fixed buffer. Joining a megabyte of line
// strings and handing the result to writeSync copied every byte twice more: gigabytes at a million persons
// (writeSync alone was 4.6 s of the main thread reading the million-person household register).
import { closeSync, openSync, writeSync } from 'node:fs';

const SIZE = 1 << 20;

export class LineFile {
  #fd: number;
  #buf = Buffer.allocUnsafe(SIZE);
  #pos = 0;

  constructor(readonly file: string) {
    this.#fd = openSync(file, 'w');
  }

  /** Writes `s`, then a newline. */
  line(s: string): void {
    this.put(s);
    if (this.#pos === SIZE) this.#flush();
    this.#buf[this.#pos++] = 10;
  }

  /** Writes `s` as it is. */
  put(s: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const most = s.length * 3;
    if (this.#pos + most > SIZE) this.#flush();
    if (most > SIZE) writeSync(this.#fd, s);
    else this.#pos += this.#buf.write(s, this.#pos);
  }

  #flush(): void {
    for (let done = 0; done < this.#pos;) done += writeSync(this.#fd, this.#buf, done, this.#pos - done);
    this.#pos = 0;
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }
}
