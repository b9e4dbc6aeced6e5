// What every reader gives the loaders (source-reader.ts for text files, workbook-reader.ts for workbooks).
import type { Cell } from '../normalise/index.js';
import type { SourceFormat } from '../mapping/types.js';

export interface DataRow {
  row: number;
  values: Record<string, Cell>;
  /** Set when the record itself is unreadable (bad JSON); the row is rejected whole. */
  error?: string;
}

/** A sheet a workbook's rows came from, and the file's data rows it gave: firstRow to lastRow (lastRow < firstRow: none). */
export interface SheetRead {
  name: string;
  firstRow: number;
  lastRow: number;
}

export interface SourceReader {
  format: SourceFormat;
  headers: string[];
  /** The non-empty rows above the header, each as its non-empty cells joined by a space (not data). */
  titleRows: string[];
  encoding?: string;
  /** A workbook's sheet, or its sheets joined by "、" when several hold the same source. */
  sheet?: string;
  /** A workbook's merged ranges over several data rows, and the cells filled from them, as `rows()` reads them. */
  merged?: { ranges: number; cells: number };
  /** A workbook's sheets this reader reads, in tab order. */
  sheets?: string[];
  /** A workbook read from several sheets: which rows each gave, filled in as `rows()` reads them. */
  sheetsRead?: SheetRead[];
  /** A workbook's other sheets with data, without the source's header (a cover note, another source). */
  sheetsNotRead?: string[];
  rows(): AsyncIterable<DataRow>;
  /** How another thread can read a byte range of this file itself (rangeRows); absent for workbooks. */
  text?: TextSource;
}

/** A text file as rangeRows reads it: everything the reader decided from the file's head. */
export type TextSource =
  | { format: 'csv'; file: string; encoding: string; delimiter: string; headers: string[]; skip: number }
  | { format: 'jsonl'; file: string; encoding: string; maxJsonDepth: number; expand?: string };

/** Bytes [start, end) of a file; a range starting past 0 starts at a record boundary (cut-points.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/** What a range's reading ended with: its data rows (numbered 1.. within the range) and a parse failure. */
export interface RangeEnd {
  rows: number;
  failed?: string;
}

export interface ReadHints {
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  /** jsonl: the dotted path of an array to expand into one row per element (jsonl-record.ts). */
  expand?: string;
  /** CSV and XLSX: whether a row is the header (head-rows.ts); default: the first row is. */
  isHeader?: (headers: string[]) => boolean;
}
