// One interface over CSV, XLSX and JSON lines: the header (original names) and the data rows as
// header-key → cell, numbered 1.. from the first data row (the header, and any title above it, is not
// counted: head-rows.ts). Workbooks are read by workbook-reader.ts.
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { bilingual, UnreadableFile } from '../errors.js';
import { jsonTooDeep } from './json-depth.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import type { SourceFormat } from '../mapping/types.js';
import { sniffFile } from './encoding.js';
import { isEmptyRow } from './empty-row.js';
import { LEAD_ROWS, pickHeader, recordOf } from './head-rows.js';
import { decoded } from './decoded.js';
import { isJsonDocument, jsonDocumentReader } from './json-document.js';
import { headerKeyed, recordRows } from './jsonl-record.js';
import type { ByteRange, DataRow, RangeEnd, ReadHints, SourceReader, TextSource } from './reader-types.js';
import { xlsxReader } from './workbook-reader.js';

export type { ByteRange, DataRow, RangeEnd, ReadHints, SourceReader, TextSource } from './reader-types.js';

/** The delimiter the head's lines use most among , tab ; | */
function guessDelimiter(line: string): string {
  let best = ',';
  let n = 0;
  for (const d of [',', '\t', ';', '|']) {
    const c = line.split(d).length - 1;
    if (c > n) [best, n] = [d, c];
  }
  return best;
}

/** The first `n` lines with something on them (a header cell with a line break in it is not expected here). */
async function headLines(file: string, encoding: string, n: number): Promise<string[]> {
  const input = decoded(file, encoding);
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out: string[] = [];
  try {
    for await (const line of rl) {
      if (line.trim() !== '') out.push(out.length ? line : line.replace(/^\ufeff/, ''));
      if (out.length >= n) break;
    }
    return out;
  } finally {
    rl.close();
    input.destroy();
  }
}

/** csv-parse's options for a file with this delimiter. */
function csvOptions(delimiter: string) {
  // Every line ending at once: csv-parse otherwise takes the first one it meets for the whole file, and a
  // file mixing CRLF, LF and CR lost rows into its neighbours' cells.
  return {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  };
}

/** One line's cells; a line the parser refuses (an unclosed quote) is one cell, so it is never a header. */
function lineCells(line: string, delimiter: string): string[] {
  try {
    return ((parseSync(line, csvOptions(delimiter)) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    return [line.trim()];
  }
}

async function csvReader(file: string, hints: ReadHints): Promise<SourceReader> {
  const { encoding } = await sniffFile(file, hints.encoding);
  const lines = await headLines(file, encoding, LEAD_ROWS);
  // From every head line: a title line may have no delimiter at all, or one of each.
  const delimiter = hints.delimiter ?? guessDelimiter(lines.join('\n'));
  // Lines of only delimiters (a blank spreadsheet row) are not rows, as in csvRows.
  const lead = lines.map((l) => lineCells(l, delimiter)).filter((cells) => !isEmptyRow(cells));
  const { at, headers, titleRows } = pickHeader(lead, hints.isHeader);
  const text: TextSource = { format: 'csv', file, encoding, delimiter, headers, skip: at + 1 };
  return {
    format: 'csv',
    headers,
    titleRows,
    encoding,
    text,
    async *rows() {
      const end: RangeEnd = { rows: 0 };
      yield* csvRows(text, undefined, end);
      // The rows before were read and handed on; the file pass records where it stopped.
      if (end.failed) throw new UnreadableFile(file, csvStop(end.rows, end.failed), end.rows + 1);
    },
  };
}

/** Why a CSV file stops being read, after its last good data row. */
export const csvStop = (row: number, message: string) => `CSV parse error after data row ${row}: ${message}`;

/**
 * The data rows of a CSV file or of a range of it, numbered from 1 in the range; a parse failure ends the
 * rows and is set in `end`. Only at the file's start do the first `skip` non-empty records (title rows and
 * the header) come before the data.
 */
async function* csvRows(src: Extract<TextSource, { format: 'csv' }>, range: ByteRange | undefined, end: RangeEnd): AsyncGenerator<DataRow> {
  const atStart = !range || range.start === 0;
  let row = 0;
  let skip = atStart ? src.skip : 0;
  const toRecord = recordOf(src.headers);
  const { input, parser, failure } = csvParse(src, range);
  let parsed = 0;
  try {
    for await (const rec of input.pipe(parser)) {
      // Records after the failed one (when the parser could go on) are not read either: the file stops there.
      const failed = failure();
      if (failed && parsed >= (failed.records ?? 0)) break;
      parsed++;
      const cells = rec as string[];
      if (isEmptyRow(cells)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      end.rows = ++row;
      yield { row, values: toRecord(cells) };
    }
  } catch (e) {
    failure(e as Error);
  } finally {
    input.destroy();
  }
  const failed = failure();
  if (!failed) return;
  // csv-parse names the line it stopped at, counted from its input's start: a range past the file's start
  // reads it again with the line breaks before it counted, so the reason reads as one reader's would.
  end.failed = atStart ? failed.message : await csvFailureFromStart(src, range!);
}

/** A CSV parser over the file or a range; its first failure is taken through on_skip (see below) and kept. */
function csvParse(src: Extract<TextSource, { format: 'csv' }>, range: ByteRange | undefined, lines?: number) {
  const input = decoded(src.file, src.encoding, range);
  // A parse error (an unclosed quote) is taken through on_skip rather than as a stream error: a stream
  // error drops the records parsed but not yet consumed, and a file stopped 15 rows short of where it broke.
  let failed: { message: string; records?: number } | undefined;
  const parser = parse({
    ...csvOptions(src.delimiter),
    bom: !range || range.start === 0,
    skip_records_with_error: true,
    on_skip: (e) => void (failed ??= e ?? undefined),
  });
  // The line the parser is on (typed read-only for callers), as a parse from the file's start would count it.
  if (lines !== undefined) (parser.info as { lines: number }).lines = lines;
  const failure = (e?: { message: string; records?: number }) => (failed ??= e);
  return { input, parser, failure };
}

/** Runs a parser to its end (or first failure); its failure and the line it ended on. */
async function drain({ input, parser, failure }: ReturnType<typeof csvParse>): Promise<{ failed?: string; lines: number }> {
  try {
    for await (const _ of input.pipe(parser)) if (failure()) break;
  } catch (e) {
    failure(e as Error);
  } finally {
    input.destroy();
  }
  const failed = failure()?.message;
  return { ...(failed ? { failed } : {}), lines: parser.info.lines };
}

/**
 * A range's failure as a reader from the file's start would word it: the parser's line count is taken from
 * parsing the bytes before the range (which ends at a record boundary, so the parser is in the same state).
 */
async function csvFailureFromStart(src: Extract<TextSource, { format: 'csv' }>, range: ByteRange): Promise<string> {
  const before = await drain(csvParse(src, { start: 0, end: range.start }));
  const again = await drain(csvParse(src, range, before.lines));
  return again.failed ?? 'the file could not be read from here on';
}

/** One JSON line parsed, or why not; too deep a line is refused before JSON.parse can overflow the stack. */
function parseLine(line: string, maxDepth: number): { value: unknown } | { error: string } {
  if (jsonTooDeep(line, maxDepth))
    return { error: bilingual(`JSON 嵌套超过 ${maxDepth} 层`, `JSON nested deeper than ${maxDepth} levels (maxJsonDepth)`) };
  try {
    return { value: JSON.parse(line) as unknown };
  } catch (e) {
    return { error: bilingual('不是有效的 JSON', `not valid JSON: ${(e as Error).message}`) };
  }
}

async function jsonlReader(file: string, hints: ReadHints, limits: ReadLimits): Promise<SourceReader> {
  const { encoding } = await sniffFile(file, hints.encoding);
  const head = await headLines(file, encoding, 2);
  if (file.toLowerCase().endsWith('.json') && isJsonDocument(head)) return jsonDocumentReader(file, encoding, hints, limits);
  let headers: string[] = [];
  // A first line that does not parse gives no header; the row loop reports it.
  const first = parseLine(head[0] ?? '', limits.maxJsonDepth);
  if ('value' in first && first.value && typeof first.value === 'object' && !Array.isArray(first.value))
    headers = Object.keys(recordRows(first.value as Record<string, unknown>, hints.expand)[0] ?? {});
  const text: TextSource = {
    format: 'jsonl',
    file,
    encoding,
    maxJsonDepth: limits.maxJsonDepth,
    ...(hints.expand !== undefined ? { expand: hints.expand } : {}),
  };
  return {
    format: 'jsonl',
    headers,
    titleRows: [],
    encoding,
    text,
    rows: () => jsonlRows(text, undefined, { rows: 0 }),
  };
}

/** The records of a JSON lines file or of a range of it, each numbered by its line (from 1 in the range, blank lines not counted). */
async function* jsonlRows(
  src: Extract<TextSource, { format: 'jsonl' }>,
  range: ByteRange | undefined,
  end: RangeEnd,
): AsyncGenerator<DataRow> {
  let row = 0;
  const keyed = headerKeyed();
  for await (const line of createInterface({ input: decoded(src.file, src.encoding, range), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    end.rows = ++row;
    const parsed = parseLine(line, src.maxJsonDepth);
    if ('error' in parsed) {
      yield { row, values: {}, error: parsed.error };
      continue;
    }
    const o = parsed.value;
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      yield { row, values: {}, error: bilingual('每行应为一个 JSON 对象', 'a line must hold one JSON object') };
      continue;
    }
    for (const rec of recordRows(o as Record<string, unknown>, src.expand)) yield { row, values: keyed(rec) };
  }
}

/** The rows of one range of a text file, as the file's reader would number them from the range's start. */
export function rangeRows(src: TextSource, range: ByteRange, end: RangeEnd): AsyncGenerator<DataRow> {
  return src.format === 'csv' ? csvRows(src, range, end) : jsonlRows(src, range, end);
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
