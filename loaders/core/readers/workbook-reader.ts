// Workbooks (XLSX, and Excel 97-2003 .xls) as a source reader. Which sheets hold the source:
// - the mapping's sheet, when the workbook has it (the other sheets with data are named as not read);
// - otherwise every sheet whose head rows hold the header the mapping recognises (head-rows.ts), in tab order,
//   so a cover or 填表说明 sheet before the data is passed over, and a register split into one sheet a month
//   or a township is read whole rather than its first sheet alone;
// - otherwise (no sheet has that header, or no test was given) the first sheet with data, whose missing
//   columns the load then reports.
// Rows are numbered on from sheet to sheet, as the file's data rows; `sheetsRead` says which rows each gave.
//
// An XLSX is read as a stream (workbook.ts): opening it reads the sheets' heads and closes it, and each `rows()`
// opens it again. A load plans every file of a delivery before it reads the first, so an open that held its
// place would hold every workbook's shared strings and an open file at once. An .xls is read whole
// (legacy-workbook.ts), once for the heads and once for the rows.
import { UnreadableFile } from '../errors.js';
import { checkArchive } from './archive.js';
import { isEmptyRow } from './empty-row.js';
import { asText, LEAD_ROWS, pickHeader, recordOf, type Head } from './head-rows.js';
import { checkLegacySize, isCompoundFile, readLegacyBook } from './legacy-workbook.js';
import type { ReadLimits } from './limits.js';
import type { ReadHints, SheetRead, SourceReader } from './reader-types.js';
import { mergedFiller, type Merge, type MergedFill, type SheetRow } from './merged-cells.js';
import { openSheet, sheetMerges, sheetNames } from './workbook.js';

/** A workbook's sheets: names in tab order, one sheet's rows at a time, and a sheet's merged ranges. */
interface Book {
  names: string[];
  rows(name: string): AsyncGenerator<SheetRow>;
  merges(name: string): Promise<Merge[]>;
}

/** Rows an .xls is read to when only the sheets' heads are wanted: LEAD_ROWS non-empty ones, with room for blank rows. */
const LEGACY_HEAD_ROWS = LEAD_ROWS * 5;

async function openBook(file: string, legacy: boolean, headsOnly = false): Promise<Book> {
  if (legacy) {
    const book = await readLegacyBook(file, headsOnly ? LEGACY_HEAD_ROWS : undefined);
    return {
      names: book.names,
      rows: async function* (name) {
        const rows = book.rows(name);
        for (let n = 0; n < rows.length; n++) yield { n, cells: rows[n]! };
      },
      merges: (name) => Promise.resolve(book.merges(name)),
    };
  }
  return {
    names: await sheetNames(file),
    rows: async function* (name) {
      const sheet = await openSheet(file, name);
      if (sheet) yield* sheet.rows;
    },
    merges: (name) => sheetMerges(file, name),
  };
}

/** A sheet's first non-empty rows, as far as its header (or LEAD_ROWS); the sheet is closed after. */
async function leadOf(book: Book, name: string, isHeader: ReadHints['isHeader']): Promise<string[][]> {
  const lead: string[][] = [];
  for await (const { cells } of book.rows(name)) {
    if (isEmptyRow(cells)) continue;
    lead.push(asText(cells));
    // The header found (or no test to look further with): the rows after it are data, not read here.
    if (!isHeader || lead.length >= LEAD_ROWS || pickHeader(lead, isHeader).found) break;
  }
  return lead;
}

type Chosen = Head & { name: string };

/** The sheets to read, and the other sheets with data, which the load names as not read. */
async function chooseSheets(book: Book, hints: ReadHints): Promise<{ sheets: Chosen[]; others: string[] }> {
  const named = hints.sheet !== undefined && book.names.includes(hints.sheet);
  if (named) {
    // The mapping's sheet, and the other sheets with data named as not read: a second source in the same
    // workbook (股东信息 beside 企业基本信息) is then recognised on its own (load-files.ts), not passed over.
    const lead = await leadOf(book, hints.sheet!, hints.isHeader);
    const others: string[] = [];
    for (const name of book.names) if (name !== hints.sheet && (await leadOf(book, name, undefined)).length) others.push(name);
    return { sheets: lead.length ? [{ name: hints.sheet!, ...pickHeader(lead, hints.isHeader) }] : [], others };
  }
  let first: Chosen | undefined;
  const fitting: Chosen[] = [];
  const others: string[] = [];
  for (const name of book.names) {
    const lead = await leadOf(book, name, hints.isHeader);
    if (!lead.length) continue;
    first ??= { name, ...pickHeader(lead, undefined) };
    const head = pickHeader(lead, hints.isHeader);
    if (!hints.isHeader) return { sheets: [{ name, ...head }], others: [] };
    if (head.found) fitting.push({ name, ...head });
    else others.push(name);
  }
  if (fitting.length) return { sheets: fitting, others };
  return { sheets: first ? [first] : [], others: others.filter((n) => n !== first?.name) };
}

export async function xlsxReader(file: string, hints: ReadHints, limits: ReadLimits): Promise<SourceReader> {
  // An Excel 97-2003 workbook (.xls) goes where an XLSX would: a department moving from one to the other
  // keeps its mapping.
  const legacy = await isCompoundFile(file);
  await (legacy ? checkLegacySize(file, limits) : checkArchive(file, limits));
  const kind = legacy ? 'Excel 97-2003 (.xls)' : 'XLSX';
  const unreadable = (e: unknown, atRow?: number) =>
    e instanceof UnreadableFile ? e : new UnreadableFile(file, `not a readable ${kind} workbook: ${(e as Error).message}`, atRow);
  let sheets: Chosen[];
  let others: string[];
  try {
    ({ sheets, others } = await chooseSheets(await openBook(file, legacy, true), hints));
  } catch (e) {
    throw unreadable(e);
  }
  const head = sheets[0];
  if (!head) throw new UnreadableFile(file, 'the workbook has no data');
  const sheetsRead: SheetRead[] = [];
  const merged: MergedFill = { ranges: 0, cells: 0 };
  return {
    format: 'xlsx',
    headers: head.headers,
    titleRows: head.titleRows,
    sheet: sheets.map((s) => s.name).join('、'),
    sheets: sheets.map((s) => s.name),
    ...(sheets.length > 1 ? { sheetsRead } : {}),
    ...(others.length ? { sheetsNotRead: others } : {}),
    merged,
    async *rows() {
      let row = 0;
      sheetsRead.length = 0;
      merged.ranges = merged.cells = 0;
      try {
        // Opened again here, so a file changed or removed since the heads were read stops at its first row
        // rather than failing the load.
        const book = await openBook(file, legacy);
        for (const sheet of sheets) {
          const toRecord = recordOf(sheet.headers);
          const read: SheetRead = { name: sheet.name, firstRow: row + 1, lastRow: row };
          sheetsRead.push(read);
          const merges = await book.merges(sheet.name);
          let fill: ((r: SheetRow) => void) | undefined;
          // The title rows and the header again, as the open found them.
          let skip = sheet.at + 1;
          for await (const sheetRow of book.rows(sheet.name)) {
            const { cells } = sheetRow;
            // A row empty but for merged cells is a member's row under its household's merged cells.
            fill?.(sheetRow);
            if (isEmptyRow(cells)) continue;
            if (skip > 0) {
              if (--skip === 0) fill = mergedFiller(merges, sheetRow.n, merged);
              continue;
            }
            read.lastRow = ++row;
            yield { row, values: toRecord(cells) };
          }
        }
      } catch (e) {
        // Broken part-way (a damaged archive, bad XML): the rows before stay read, and the load says where.
        throw unreadable(e, row + 1);
      }
    },
  };
}
