// Files named .xls (and WPS's .et) are often not what the name says. A web system's "导出Excel" writes a
// tab-separated text or an HTML table under that name; some save an .xlsx under it; the rest are real
// Excel 97-2003 workbooks (BIFF in a compound file). The first bytes tell them apart: the text is read as a
// CSV, a workbook of either kind as a workbook (source-reader.ts), and an HTML page is refused with what to
// do, never reported as a file no mapping recognises.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { UnreadableFile } from '../errors.js';
import { CFB } from './legacy-workbook.js';

const LEGACY = new Set(['.xls', '.et']);
const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export const isLegacyExcelName = (file: string): boolean => LEGACY.has(path.extname(file).toLowerCase());

/** What an .xls file really holds, as a format huiyan reads; refuses an HTML page. */
export async function legacyExcelFormat(file: string): Promise<'csv' | 'xlsx'> {
  const fh = await open(file, 'r');
  const head = Buffer.alloc(512);
  let n: number;
  try {
    ({ bytesRead: n } = await fh.read(head, 0, head.length, 0));
  } finally {
    await fh.close();
  }
  const bytes = head.subarray(0, n);
  if (bytes.subarray(0, CFB.length).equals(CFB) || bytes.subarray(0, ZIP.length).equals(ZIP)) return 'xlsx';
  // After a byte-order mark and white space, in UTF-8 or UTF-16.
  const text = bytes
    .toString(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : 'utf8')
    .replace(/^[\ufeff\s\0]+/, '')
    .toLowerCase();
  if (text.startsWith('<'))
    throw new UnreadableFile(
      file,
      'an HTML or XML page saved under an .xls name (a web system\'s "导出Excel"); open it in Excel or WPS and save it as .xlsx or CSV',
    );
  return 'csv';
}
