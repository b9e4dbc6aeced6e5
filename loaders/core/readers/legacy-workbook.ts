// Excel 97-2003 workbooks (.xls: BIFF8 records in a compound file), which many older department systems still
// export. SheetJS reads them (the @e965/xlsx build of SheetJS CE 0.20.3: the `xlsx` release on npm, 0.18.5,
// is older than the fixes for crafted files, CVE-2023-30533 and CVE-2024-22363). It reads a workbook whole;
// BIFF8 bounds a sheet to 65,536 rows and 256 columns, and the file is refused unread past the limit on
// expanded workbooks. Cells come out as the XLSX reader gives them (workbook.ts): dates by their number
// format, in UTC, in the workbook's date system.
import { open, readFile, stat } from 'node:fs/promises';
import type { CellObject, WorkBook } from '@e965/xlsx';
import { isDateFormat } from 'numfmt';
import { InputLimit } from '../errors.js';
import type { Cell } from '../normalise/index.js';
import type { ReadLimits } from './limits.js';
import type { Merge } from './merged-cells.js';
import { dateOfSerial } from './workbook.js';

/** The compound file (OLE2) signature: a BIFF workbook, or an encrypted XLSX, which SheetJS names as such. */
export const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function isCompoundFile(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(CFB.length);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return bytesRead === CFB.length && head.equals(CFB);
  } finally {
    await fh.close();
  }
}

function cellValue(c: CellObject | undefined, date1904: boolean): Cell {
  if (!c) return null;
  switch (c.t) {
    case 'n':
      return typeof c.z === 'string' && isDateFormat(c.z) ? dateOfSerial(c.v as number, date1904) : (c.v as number);
    case 's':
      return c.v as string;
    case 'b':
      return c.v as boolean;
    default:
      // 'e' (an error such as #N/A) and 'z' (a formatted blank): no value, as in the XLSX reader.
      return null;
  }
}

/** The sheet's rows as cells (index 0 = column A), from a dense sheet. */
function sheetCells(book: WorkBook, name: string): Cell[][] {
  const sheet = book.Sheets[name]!;
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
  // Array.from, not map: a row with no cell at all is a hole in the dense sheet, which map would keep as one.
  return Array.from(data, (row) => (row ? Array.from(row, (c) => cellValue(c, date1904)) : []));
}

/** A workbook read whole must not be larger than an XLSX may expand to: refused unread. */
export async function checkLegacySize(file: string, limits: ReadLimits): Promise<void> {
  const { size } = await stat(file);
  if (size > limits.maxExpandedBytes)
    throw new InputLimit(file, `an Excel 97-2003 workbook of ${size} bytes, over maxExpandedBytes (${limits.maxExpandedBytes})`);
}

/** A workbook read whole: its sheet names in tab order, and each sheet's rows. */
export interface LegacyBook {
  names: string[];
  /** A sheet's rows, by their 0-based row number in the sheet (an empty row is []). */
  rows(name: string): Cell[][];
  merges(name: string): Merge[];
}

/**
 * The workbook, or with `headRows` only each sheet's first rows, to find the sheets and their headers. No
 * cell's formatted text is made (`cellText`): the reader wants values. Both together, for the 1M county's
 * petitions register as .xls (44,422 rows, 24 MB), measured once each beside a CI run: the open 5.3 → 2.0 s,
 * the whole read 11.1 → 7.3 s. Its peak memory is about 585 MiB (`npm run bench -- readers`, sampled every
 * 10 ms in a process of its own); the 180 MiB first written here did not hold up when measured so.
 */
export async function readLegacyBook(file: string, headRows?: number): Promise<LegacyBook> {
  // Loaded when an .xls turns up: SheetJS is a large module, and most loads (and every server start) have none.
  const { read } = await import('@e965/xlsx');
  const book = read(await readFile(file), {
    type: 'buffer',
    dense: true,
    cellNF: true,
    cellText: false,
    cellDates: false,
    cellHTML: false,
    cellFormula: false,
    ...(headRows ? { sheetRows: headRows } : {}),
  });
  return {
    names: book.SheetNames,
    rows: (name) => sheetCells(book, name),
    merges: (name) => (book.Sheets[name]?.['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c })),
  };
}
