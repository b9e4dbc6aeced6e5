// One sheet of an XLSX workbook as rows of cells, read as its part is expanded, never the whole sheet at once.
// The reader before (read-excel-file) expanded the archive and parsed the whole sheet into memory: two to two
// and a half times the expanded sheet in heap, about 700 MiB for one register of a ten-million-person
// province. What stays in memory here is a chunk's rows and the shared strings read so far, as UTF-8 in one
// buffer (shared-strings.ts). The package is read where its parts lie (workbook-package.ts), so the shared
// strings after the sheets, as Excel, WPS and most exporters write them, cost nothing extra.
//
// Cells are read as read-excel-file read them: a number as a number or, with a date format, a Date in UTC;
// text (shared, inline or a formula's) as a string, an empty one as an empty cell; TRUE/FALSE as booleans;
// an error (#DIV/0!) or a formula without a computed result as an empty cell.
import type { Readable } from 'node:stream';
import type { Cell } from '../normalise/index.js';
import { isEmptyRow } from './empty-row.js';
import { mergeOf, type Merge, type SheetRow } from './merged-cells.js';
import { SharedStringsPart, unescapeXstring } from './shared-strings.js';
import { attr, feed, openPackage, xmlParser, type WorkbookPackage } from './workbook-package.js';

export interface SheetStream {
  sheet: string;
  /** The sheet's rows in order, numbered, as cells (index 0 = column A); closes the workbook when done or returned from. */
  rows: AsyncGenerator<SheetRow>;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as a serial of the 1900 date system; the 1904 system's serials are 1,462 days fewer. */
const UNIX_EPOCH_1900 = 25_569;

/**
 * A date serial as a Date in UTC. In the 1900 system Excel counts a 29 February 1900 that never was (serial
 * 60), so serials 1–60 are a day late; a fraction alone (a time) is a time on 1899-12-30, as read-excel-file
 * had it. Rounded to the millisecond: a time stored as a binary fraction (14:30 as 0.6041666…) lands a hair
 * before it.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial >= 1 && serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_1900) * DAY_MS));
}

/** An ISO 8601 date cell (t="d"): without a zone it is read in UTC, like a serial, whatever the machine's zone. */
function isoDate(v: string): Date | string {
  const text = v.trim();
  const zoned = /T.*(Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** The column of a cell reference (A1 → 0, AB7 → 27); -1 without letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col - 1;
}

/** A shared string's place, resolved once the table has been read that far. */
interface Pending {
  cells: Cell[];
  col: number;
  index: number;
}

/** Reads a sheet part a chunk at a time, yielding each chunk's complete rows. */
async function* sheetRows(pkg: WorkbookPackage, path: string, strings: SharedStringsPart): AsyncGenerator<SheetRow[]> {
  let ready: SheetRow[] = [];
  // The sheet row of the row being read (0-based): its `r`, or the one after the last when it has none.
  let rowNo = -1;
  let pending: Pending[] = [];
  let highest = -1;
  let cells: Cell[] | undefined;
  let col = -1;
  let type = 'n';
  let style = -1;
  let v: string | undefined;
  let inline: string | undefined;
  let inV = false;
  let inT = false;
  let phonetic = 0;
  const parser = xmlParser({
    open: (name, tag) => {
      if (name === 'c' && cells) {
        const ref = attr(tag, 'r');
        const at = ref === undefined ? -1 : columnOf(ref);
        col = at >= 0 ? at : col + 1;
        type = attr(tag, 't') ?? 'n';
        style = Number(attr(tag, 's') ?? -1);
        v = inline = undefined;
      } else if (name === 'v') {
        inV = true;
        v ??= '';
      } else if (name === 'is') inline = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row') {
        const r = Number(attr(tag, 'r'));
        rowNo = Number.isInteger(r) && r > 0 ? r - 1 : rowNo + 1;
        cells = [];
        col = -1;
      }
    },
    text: (text) => {
      if (inV) v += text;
      else if (inT && inline !== undefined && phonetic === 0) inline += text;
    },
    close: (name) => {
      if (name === 'v') inV = false;
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cells) {
        const value = cellValue(type, style, v, inline, pkg);
        if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
          pending.push({ cells, col, index: value.shared });
          if (value.shared > highest) highest = value.shared;
          cells[col] = null;
        } else cells[col] = value;
      } else if (name === 'row' && cells) {
        for (let i = 0; i < cells.length; i++) cells[i] ??= null; // cells left out are empty, not holes
        ready.push({ n: rowNo, cells });
        cells = undefined;
      }
    },
  });
  const stream: Readable = await pkg.open(path);
  let failure: unknown;
  try {
    const steps = feed(stream, parser);
    for (;;) {
      let done = false;
      try {
        done = !!(await steps.next()).done;
      } catch (e) {
        // Broken XML or archive: the rows complete before the break are still handed on, then the failure.
        failure = e;
      }
      if (highest >= 0) await strings.ensure(highest);
      for (const p of pending) {
        const s = strings.get(p.index);
        p.cells[p.col] = s === undefined || s === '' ? null : s;
      }
      const out = ready;
      ready = [];
      pending = [];
      highest = -1;
      if (out.length) yield out;
      if (failure) throw failure;
      if (done) return;
    }
  } finally {
    stream.destroy();
  }
}

/** A cell's value by its type (t) and style (s); a shared string as its index, looked up once the table is read. */
function cellValue(
  type: string,
  style: number,
  v: string | undefined,
  inline: string | undefined,
  pkg: WorkbookPackage,
): Cell | { shared: number } {
  switch (type) {
    case 's': {
      const index = Number(v);
      return v === undefined || v === '' || !Number.isInteger(index) ? null : { shared: index };
    }
    case 'inlineStr':
      return inline === undefined || inline === '' ? null : unescapeXstring(inline);
    case 'str':
      return v === undefined || v === '' ? null : unescapeXstring(v);
    case 'b':
      return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null;
    case 'e':
      return null;
    case 'd':
      return v === undefined || v.trim() === '' ? null : isoDate(v);
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      // Not a number after all: kept as its text, so the mapping's check says what is wrong with it.
      if (Number.isNaN(n)) return v;
      return pkg.dateStyles[style] ? dateOfSerial(n, pkg.date1904) : n;
    }
  }
}

/** The workbook's sheet names in tab order (those whose part it holds). */
export async function sheetNames(file: string): Promise<string[]> {
  const pkg = await openPackage(file);
  try {
    return pkg.sheets.filter((s) => s.path !== undefined).map((s) => s.name);
  } finally {
    await pkg.close();
  }
}

/**
 * Opens one sheet: the one named `wanted` when the workbook has it, otherwise the first in tab order that
 * holds a non-empty row. Undefined when no sheet qualifies. The workbook stays open until `rows` is read to
 * its end or returned from; callers that only want the header return after the first row.
 */
export async function openSheet(file: string, wanted: string | undefined): Promise<SheetStream | undefined> {
  const pkg = await openPackage(file);
  const strings = new SharedStringsPart(pkg.sharedStrings === undefined ? undefined : () => pkg.open(pkg.sharedStrings as string));
  const close = () => {
    strings.close();
    return pkg.close();
  };
  try {
    const named = wanted === undefined ? undefined : pkg.sheets.find((s) => s.name === wanted);
    for (const sheet of named ? [named] : pkg.sheets) {
      if (sheet.path === undefined) continue;
      const chunks = sheetRows(pkg, sheet.path, strings);
      // The rows up to the first non-empty one are read here, so that an empty sheet can be passed over.
      const held: SheetRow[] = [];
      let found = false;
      for (;;) {
        const next = await chunks.next();
        if (next.done) break;
        held.push(...next.value);
        if (next.value.some((r) => !isEmptyRow(r.cells))) {
          found = true;
          break;
        }
      }
      if (!found && !named) {
        await chunks.return(undefined);
        continue;
      }
      return {
        sheet: sheet.name,
        rows: (async function* () {
          try {
            yield* held;
            if (!found) return;
            for (;;) {
              const next = await chunks.next();
              if (next.done) return;
              yield* next.value;
            }
          } finally {
            await chunks.return(undefined);
            await close();
          }
        })(),
      };
    }
  } catch (e) {
    await close();
    throw e;
  }
  await close();
  return undefined;
}

/** Where a sheet's list of merged ranges starts (unprefixed or prefixed); it comes after the rows. */
const MERGES_AT = [Buffer.from('<mergeCells'), Buffer.from(':mergeCells')];
const MERGE_MARK = MERGES_AT[0]!.length;
/** The list is read to this size at most; a sheet has a few KB of it. */
const MERGES_MAX_BYTES = 32 * 1024 * 1024;
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

function markAt(buf: Buffer): number {
  let at = -1;
  for (const m of MERGES_AT) {
    const i = buf.indexOf(m);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

/** The merged ranges listed in a sheet part's XML, given as it is expanded; only the bytes from the list on are kept. */
export async function mergesIn(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Merge[]> {
  const tail: Buffer[] = [];
  let kept = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (tail.length) {
      tail.push(chunk);
      if ((kept += chunk.length) > MERGES_MAX_BYTES) break;
      continue;
    }
    // The mark may straddle two chunks: the end of the last one and the start of this one are looked at together.
    const seam = Buffer.concat([carry, chunk.subarray(0, MERGE_MARK)]);
    const across = carry.length ? markAt(seam) : -1;
    const at = across >= 0 ? -1 : markAt(chunk);
    if (across >= 0) tail.push(seam.subarray(across), chunk.subarray(MERGE_MARK));
    else if (at >= 0) tail.push(chunk.subarray(at));
    else {
      // A copy of the last bytes only: the chunk itself is let go.
      carry = Buffer.concat([carry, chunk.subarray(-MERGE_MARK)]).subarray(-MERGE_MARK);
      continue;
    }
    kept = tail.reduce((n, b) => n + b.length, 0);
  }
  const out: Merge[] = [];
  for (const m of Buffer.concat(tail).toString('utf8').matchAll(MERGE_CELL)) {
    const merge = mergeOf(m[1]!);
    if (merge) out.push(merge);
  }
  return out;
}

/**
 * A sheet's merged ranges (merged-cells.ts). They are listed after the sheet's rows, so the part is expanded
 * to its end before its rows are read. None for a sheet the workbook does not have.
 */
export async function sheetMerges(file: string, name: string): Promise<Merge[]> {
  const pkg = await openPackage(file);
  try {
    const sheet = pkg.sheets.find((s) => s.name === name);
    if (sheet?.path === undefined) return [];
    const stream: Readable = await pkg.open(sheet.path);
    try {
      return await mergesIn(stream as AsyncIterable<Buffer>);
    } finally {
      stream.destroy();
    }
  } finally {
    await pkg.close();
  }
}
