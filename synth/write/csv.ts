// CSV the way departments send it: CRLF rows, RFC 4180 quoting, and a per-file encoding (GBK,
// GB18030, UTF-8 or UTF-8 with BOM). Rows are buffered and written in chunks so a million-person
// register never sits in memory as one string.
import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

export type Encoding = 'gbk' | 'gb18030' | 'utf8' | 'utf8bom';

const FLUSH_CHARS = 1 << 20;

export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export class CsvWriter {
  private readonly fd: number;
  private readonly width: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly encoding: Encoding,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    if (encoding === 'utf8bom') writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
    this.width = header.length;
    this.line(header);
  }

  private line(cells: readonly string[]): void {
    const s = cells.map(csvCell).join(',') + '\r\n';
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  /** Writes one data row; returns its 1-based data row number (header excluded). */
  row(cells: readonly string[]): number {
    this.line(cells);
    return ++this.rows;
  }

  /**
   * A line under the table, as a clerk's export ends (制表人：…): not a record and not counted in `rows`,
   * padded to the header's width as a spreadsheet saves it. The loaders set such a line aside.
   */
  footer(cells: readonly string[]): void {
    this.line([...cells, ...Array<string>(Math.max(this.width - cells.length, 0)).fill('')]);
  }

  private flush(): void {
    if (!this.buf.length) return;
    const text = this.buf.join('');
    const bytes = this.encoding === 'gbk' || this.encoding === 'gb18030' ? iconv.encode(text, this.encoding) : Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes);
    this.buf = [];
    this.size = 0;
  }

  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.rows;
  }
}
