// XLSX via write-excel-file, made byte-reproducible: its zip layer (fflate) stamps every entry
// with the current local time, so we rewrite the DOS time/date fields of every local and central
// header to 1980-01-01 00:00 (the zip epoch). Cells are all text: department exports mix date
// spellings in one column, which a typed Date cell could not carry.
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** Zeroes the timestamps in a zip archive in place, walking the central directory. */
export function fixZipTimestamps(buf: Buffer): Buffer {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    buf.writeUInt16LE(0, p + 12);
    buf.writeUInt16LE(DOS_DATE_1980_01_01, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('corrupt local header');
    buf.writeUInt16LE(0, local + 10);
    buf.writeUInt16LE(DOS_DATE_1980_01_01, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

export class XlsxSheet {
  private readonly data: (string | number | null)[][] = [];

  constructor(
    readonly path: string,
    private readonly sheet: string,
    header: readonly string[],
  ) {
    this.data.push([...header]);
  }

  get rows(): number {
    return this.data.length - 1;
  }

  /** Adds a data row; returns its 1-based data row number. Empty strings become empty cells. */
  row(cells: readonly (string | number)[]): number {
    this.data.push(cells.map((c) => (c === '' ? null : c)));
    return this.data.length - 1;
  }

  async close(): Promise<number> {
    const buf = await writeXlsxFile(this.data, { sheet: this.sheet }).toBuffer();
    writeFileSync(this.path, fixZipTimestamps(Buffer.from(buf)));
    return this.rows;
  }
}
