// The boundary to exceljs's streaming workbook reader: one sheet of an XLSX workbook as rows of cells,
// read as the archive is expanded, never the whole sheet at once. The reader it replaced (read-excel-file)
// held the expanded archive and every parsed row: two to two and a half times the expanded sheet in heap,
// about 700 MiB for one register of a ten-million-person province. What stays in memory here is one row
// and the workbook's shared strings (each distinct text once), kept as UTF-8 in one buffer
// (shared-strings.ts) rather than as exceljs's array of strings.
//
// Zip archives written by Excel, WPS, openpyxl and most exporters put the sheets before the shared strings;
// exceljs then copies a sheet to a temporary file and reads it once the shared strings are in, so such a
// sheet costs disk for a while, not memory.
import { createReadStream, type ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../normalise/index.js';
import { SharedStrings } from './shared-strings.js';

export interface SheetStream {
  sheet: string;
  /** The sheet's rows in order as cells (index 0 = column A), empty rows included; closes the file when done. */
  rows: AsyncGenerator<Cell[]>;
}

/** What exceljs yields per sheet: the typings omit the name and the stream it reads. */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  iterator?: { destroy?: () => void; on?: (event: 'error', f: () => void) => void };
}

/** What exceljs's parse() yields: a worksheet as { eventType, value }, a shared string as a bare { index, text }. */
interface ParseEvent {
  eventType?: string;
  value?: unknown;
  index?: number;
  text?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

/**
 * An exceljs cell value as the loaders' Cell: rich text as its text, a formula as its cached result, a link
 * as its text. A formula that ended in an error (#N/A, #REF!) is an empty cell, as read-excel-file had it:
 * the department's spreadsheet failed to compute it, and the mapping says whether the column may be empty.
 */
export function cellOf(v: unknown, strings?: SharedStrings): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (!isObject(v)) return String(v);
  if (typeof v.sharedString === 'number') return strings?.get(v.sharedString) ?? null;
  if (Array.isArray(v.richText)) return textOf(v);
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result, strings);
  if ('text' in v) return cellOf(v.text, strings);
  return null;
}

/** A shared string as exceljs emits it: plain text, or rich text in runs. */
const textOf = (t: unknown): string =>
  typeof t === 'string'
    ? t
    : isObject(t) && Array.isArray(t.richText)
      ? (t.richText as { text?: string }[]).map((r) => r.text ?? '').join('')
      : '';

function cellsOf(row: ExcelJS.Row, strings: SharedStrings): Cell[] {
  // Row.values is sparse and 1-based (index 0 unused).
  const values = row.values as unknown[];
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellOf(values[i], strings));
  return out;
}

const isEmptyRow = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Opens one sheet: the one named `wanted` when the workbook has it, otherwise the first that holds a
 * non-empty row. Undefined when no sheet qualifies. The file stays open until `rows` is read to its end or
 * returned from; callers that only want the header return after the first row.
 */
export async function openSheet(file: string, wanted: string | undefined): Promise<SheetStream | undefined> {
  const input: ReadStream = createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    // Emitted, not cached: kept here as UTF-8 (shared-strings.ts). exceljs then holds every sheet back until
    // the archive has been read through, so the shared strings are in before any row is.
    sharedStrings: 'emit',
    styles: 'cache', // a number is a date by its cell's number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const strings = new SharedStrings();
  const events = reader.parse() as AsyncGenerator<ParseEvent>;
  // exceljs pipes the file into its unzipper, and a pipe does not pass on the file's errors: a file that
  // could not be opened or read left the parse waiting for ever. The archive is read through in parse()'s
  // steps, before any sheet is, so the file's error fails the step in progress. (Not Promise.race with one
  // promise of the error: every race leaves a reaction on it, and a workbook takes a step per shared string.)
  let fileError: Error | undefined;
  let failStep: ((e: Error) => void) | undefined;
  input.once('error', (e) => {
    fileError = e;
    failStep?.(e);
  });
  const step = () =>
    new Promise<IteratorResult<ParseEvent>>((resolve, reject) => {
      if (fileError) return reject(fileError);
      failStep = reject;
      events.next().then(resolve, reject);
    });
  const sheets = (async function* () {
    for (;;) {
      const next = await step();
      if (next.done) return;
      const e = next.value;
      if (e.eventType === 'worksheet') yield e.value as SheetReader;
      else if (typeof e.index === 'number') strings.add(textOf(e.text));
    }
  })();
  const close = async () => {
    input.destroy();
    await sheets.return(undefined).catch(() => undefined);
    // After a file error parse() is stuck in a step that never ends, and a return() would wait behind it.
    if (!fileError) await events.return(undefined).catch(() => undefined);
  };
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const ws = next.value;
      const names = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
      const isWanted = wanted !== undefined && ws.name === wanted;
      if (wanted !== undefined && !isWanted && names.includes(wanted)) {
        // Not read. Every sheet waits in a temporary file (shared strings emitted); its stream is closed
        // here, and the patched exceljs closes it again and removes the file once the next sheet is asked for.
        // It may still be opening when exceljs removes its file: that ENOENT is of no interest.
        ws.iterator?.on?.('error', () => undefined);
        ws.iterator?.destroy?.();
        continue;
      }
      const rows = ws[Symbol.asyncIterator]();
      // The rows before the first non-empty one are read here so that an empty sheet can be passed over.
      const before: Cell[][] = [];
      let first: Cell[] | undefined;
      for (;;) {
        const r = await rows.next();
        if (r.done) break;
        const cells = cellsOf(r.value, strings);
        if (!isEmptyRow(cells)) {
          first = cells;
          break;
        }
        before.push(cells);
      }
      if (!first && !isWanted) continue;
      const held = first;
      return {
        sheet: ws.name,
        rows: (async function* () {
          try {
            yield* before;
            if (!held) return;
            yield held;
            for (;;) {
              const r = await rows.next();
              if (r.done) break;
              yield cellsOf(r.value, strings);
            }
          } finally {
            await rows.return?.(undefined);
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
