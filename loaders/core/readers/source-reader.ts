// One interface over CSV, XLSX and JSON lines: the header (original names) and the data rows as
// header-key → cell, numbered 1.. from the first data row (the header is not counted).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import readExcelFile, { readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { UnreadableFile } from '../errors.js';
import { checkArchive } from './archive.js';
import { jsonTooDeep } from './json-depth.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import type { Cell } from '../normalise/index.js';
import type { SourceFormat } from '../mapping/types.js';
import { sniffFile } from './encoding.js';
import { headerKey } from './header.js';
import { recordRows } from './jsonl-record.js';

export interface DataRow {
  row: number;
  values: Record<string, Cell>;
  /** Set when the record itself is unreadable (bad JSON); the row is rejected whole. */
  error?: string;
}

export interface SourceReader {
  format: SourceFormat;
  headers: string[];
  encoding?: string;
  sheet?: string;
  rows(): AsyncIterable<DataRow>;
}

export interface ReadHints {
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  /** jsonl: the dotted path of an array to expand into one row per element (jsonl-record.ts). */
  expand?: string;
}

const isEmpty = (cells: Cell[]) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/**
 * Builds the row-to-record function for one header. The header keys (NFKC, regex) are computed once per
 * file, not once per cell: on a 100,000-row register that per-cell work was a tenth of the reading time.
 */
function recordOf(headers: string[]): (cells: Cell[]) => Record<string, Cell> {
  const keys: string[] = [];
  const index: number[] = [];
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    // The first of two columns with the same key wins, as before.
    if (seen.has(k)) return;
    seen.add(k);
    keys.push(k);
    index.push(i);
  });
  return (cells) => {
    const out: Record<string, Cell> = {};
    for (let j = 0; j < keys.length; j++) out[keys[j]!] = cells[index[j]!] ?? null;
    return out;
  };
}

/** Decoded text stream; destroying the returned stream also closes the file. */
function decoded(file: string, encoding: string) {
  const raw = createReadStream(file);
  const out = raw.pipe(iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform);
  out.on('close', () => raw.destroy());
  raw.on('error', (e) => out.destroy(e));
  return out;
}

/** The delimiter the header line uses most among , tab ; | */
function guessDelimiter(line: string): string {
  let best = ',';
  let n = 0;
  for (const d of [',', '\t', ';', '|']) {
    const c = line.split(d).length - 1;
    if (c > n) [best, n] = [d, c];
  }
  return best;
}

async function firstLine(file: string, encoding: string): Promise<string> {
  const input = decoded(file, encoding);
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line.trim() !== '') return line.replace(/^\ufeff/, '');
    return '';
  } finally {
    rl.close();
    input.destroy();
  }
}

async function csvReader(file: string, hints: ReadHints): Promise<SourceReader> {
  const { encoding } = await sniffFile(file, hints.encoding);
  const line = await firstLine(file, encoding);
  const delimiter = hints.delimiter ?? guessDelimiter(line);
  // Every line ending at once: csv-parse otherwise takes the first one it meets for the whole file, and a
  // file mixing CRLF, LF and CR lost rows into its neighbours' cells.
  const opts = {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  };
  const headers = ((parseSync(line, opts) as string[][])[0] ?? []).map((h) => h.trim());
  return {
    format: 'csv',
    headers,
    encoding,
    async *rows() {
      let row = 0;
      let header = true;
      const toRecord = recordOf(headers);
      const input = decoded(file, encoding);
      // A parse error (an unclosed quote) is taken through on_skip rather than as a stream error: a stream
      // error drops the records parsed but not yet consumed, and a file stopped 15 rows short of where it broke.
      let failed: { message: string; records?: number } | undefined;
      const parser = parse({ ...opts, skip_records_with_error: true, on_skip: (e) => void (failed ??= e ?? undefined) });
      let parsed = 0;
      try {
        for await (const rec of input.pipe(parser)) {
          // Records after the failed one (when the parser could go on) are not read either: the file stops there.
          if (failed && parsed >= (failed.records ?? 0)) break;
          parsed++;
          const cells = rec as string[];
          if (header) {
            header = false;
            continue;
          }
          if (isEmpty(cells)) continue;
          yield { row: ++row, values: toRecord(cells) };
        }
      } catch (e) {
        failed ??= e as Error;
      } finally {
        input.destroy();
      }
      // The rows before were read and handed on; the file pass records where it stopped.
      if (failed) throw new UnreadableFile(file, `CSV parse error after data row ${row}: ${failed.message}`, row + 1);
    },
  };
}

/**
 * The mapping's sheet alone when the workbook has it: read-excel-file parses whole sheets into memory, and
 * departments' workbooks often carry other large sheets (a previous year, a pivot) beside the one wanted.
 * Otherwise every sheet, and the first that holds data.
 */
async function chosenSheet(file: string, wanted: string | undefined): Promise<{ sheet: string; data: Cell[][] } | undefined> {
  if (wanted) {
    try {
      return { sheet: wanted, data: (await readSheet(file, wanted)) as Cell[][] };
    } catch (e) {
      if (!(e instanceof SheetNotFoundError)) throw e;
    }
  }
  const sheets = (await readExcelFile(file)) as { sheet: string; data: Cell[][] }[];
  return sheets.find((s) => s.data.some((r) => !isEmpty(r)));
}

async function xlsxReader(file: string, hints: ReadHints, limits: ReadLimits): Promise<SourceReader> {
  await checkArchive(file, limits);
  let chosen: { sheet: string; data: Cell[][] } | undefined;
  try {
    chosen = await chosenSheet(file, hints.sheet);
  } catch (e) {
    throw new UnreadableFile(file, `not a readable XLSX workbook: ${(e as Error).message}`);
  }
  if (!chosen) throw new UnreadableFile(file, 'the workbook has no data');
  const start = chosen.data.findIndex((r) => !isEmpty(r));
  const headers = (chosen.data[start] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  return {
    format: 'xlsx',
    headers,
    sheet: chosen.sheet,
    async *rows() {
      let row = 0;
      const toRecord = recordOf(headers);
      for (const cells of chosen.data.slice(start + 1)) {
        if (isEmpty(cells)) continue;
        yield { row: ++row, values: toRecord(cells) };
      }
    },
  };
}

/** One JSON line parsed, or why not; too deep a line is refused before JSON.parse can overflow the stack. */
function parseLine(line: string, maxDepth: number): { value: unknown } | { error: string } {
  if (jsonTooDeep(line, maxDepth)) return { error: `JSON nested deeper than ${maxDepth} levels (maxJsonDepth)` };
  try {
    return { value: JSON.parse(line) as unknown };
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
}

async function jsonlReader(file: string, hints: ReadHints, limits: ReadLimits): Promise<SourceReader> {
  const { encoding } = await sniffFile(file, hints.encoding);
  const lines = () => createInterface({ input: decoded(file, encoding), crlfDelay: Infinity });
  let headers: string[] = [];
  // A first line that does not parse gives no header; the row loop reports it.
  const first = parseLine(await firstLine(file, encoding), limits.maxJsonDepth);
  if ('value' in first && first.value && typeof first.value === 'object' && !Array.isArray(first.value))
    headers = Object.keys(recordRows(first.value as Record<string, unknown>, hints.expand)[0] ?? {});
  return {
    format: 'jsonl',
    headers,
    encoding,
    async *rows() {
      let row = 0;
      // Every line repeats the same few keys; normalise each once.
      const keys = new Map<string, string>();
      const keyOf = (k: string) => keys.get(k) ?? keys.set(k, headerKey(k)).get(k)!;
      for await (const line of lines()) {
        if (line.trim() === '') continue;
        row++;
        const parsed = parseLine(line, limits.maxJsonDepth);
        if ('error' in parsed) {
          yield { row, values: {}, error: parsed.error };
          continue;
        }
        const o = parsed.value;
        if (!o || typeof o !== 'object' || Array.isArray(o)) {
          yield { row, values: {}, error: 'a line must hold one JSON object' };
          continue;
        }
        for (const rec of recordRows(o as Record<string, unknown>, hints.expand)) {
          const values: Record<string, Cell> = {};
          for (const [k, v] of Object.entries(rec)) values[keyOf(k)] = v;
          yield { row, values };
        }
      }
    },
  };
}

export async function openSource(
  file: string,
  format: SourceFormat,
  hints: ReadHints = {},
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<SourceReader> {
  if (format === 'xlsx') return xlsxReader(file, hints, limits);
  if (format === 'jsonl') return jsonlReader(file, hints, limits);
  return csvReader(file, hints);
}
