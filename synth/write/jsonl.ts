// JSON lines (UTF-8, LF): one object per bid, keys in a fixed order so output is byte-stable.
import { closeSync, openSync, writeSync } from 'node:fs';

export class JsonlWriter {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  row(obj: Record<string, string | number>): number {
    const s = JSON.stringify(obj) + '\n';
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
    return ++this.rows;
  }

  private flush(): void {
    if (this.buf.length) writeSync(this.fd, Buffer.from(this.buf.join(''), 'utf8'));
    this.buf = [];
    this.size = 0;
  }

  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.rows;
  }
}
