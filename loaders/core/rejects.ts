// The rejects file: one line per problem (a row with two bad cells gives two lines), so the department
// can fix its export. UTF-8 with a BOM and CRLF so Excel opens it with Chinese intact.
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Problem } from './transform.js';

export const REJECT_COLUMNS = ['file', 'row', 'column', 'value', 'reason'] as const;

/** Quotes a CSV field; a leading = + - @ is defused with ' so Excel does not run it as a formula. */
export function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class RejectsWriter {
  #out: WriteStream | undefined;
  /** Rows rejected. */
  count = 0;
  /** Lines written, rejected rows' and notes. */
  lines = 0;
  constructor(readonly filePath: string) {}

  #line(fields: (string | number)[]): void {
    if (!this.#out) {
      mkdirSync(path.dirname(this.filePath), { recursive: true });
      this.#out = createWriteStream(this.filePath, { encoding: 'utf8' });
      this.#out.write(`\ufeff${REJECT_COLUMNS.join(',')}\r\n`);
    }
    this.#out.write(`${fields.map(csvField).join(',')}\r\n`);
    this.lines++;
  }

  write(file: string, row: number, problems: Problem[]): void {
    this.noteKept(file, row, problems);
    this.count++;
  }

  /** Lines about a row that loaded all the same (an optional reference left out); not a rejected row. */
  noteKept(file: string, row: number, problems: Problem[]): void {
    for (const p of problems) this.#line([file, row, p.column, p.value, p.reason]);
  }

  /** A line about rows that were never read (a file that stopped part-way); not a rejected row. */
  note(file: string, row: number, reason: string): void {
    this.#line([file, row, '', '', reason]);
  }

  /** Closes the file; returns its path, or undefined (and removes a stale one) when nothing was rejected. */
  async close(): Promise<string | undefined> {
    const out = this.#out;
    if (!out) {
      rmSync(this.filePath, { force: true });
      return undefined;
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return this.filePath;
  }
}
