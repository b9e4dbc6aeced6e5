// What a load came to: per file, the marks and notes the CLI's reconciliation prints, and for the whole load
// the CLI's exit status, so a scheduler can tell a clean load from one that needs a look. Documented in
// docs/loaders.md ("Reconciliation", "Exit status"); 2 (usage) is the CLI's own.
import type { FileReport } from './file-pass.js';
import type { LoadReport } from './load-files.js';

export const EXIT = {
  /** Every file loaded whole: no row rejected, every relationship of the mappings built. */
  clean: 0,
  /** A fatal error (bad mapping, no database) or a count that does not reconcile (a loader bug). */
  fatal: 1,
  /** Every file loaded, but some rows were rejected (see the rejects files) or a relationship could not be built. */
  withRejects: 3,
  /** A file was refused whole (missing columns, unreadable, over a limit) or stopped part-way. */
  filesFailed: 4,
} as const;

/** Files no mapping recognises (the generator's truth.json) are listed, not failures. */
export const isFailure = (s: LoadReport['skipped'][number]) => s.code !== 'UNKNOWN_SOURCE';

export function exitCodeOf(r: Pick<LoadReport, 'files' | 'skipped'>): number {
  if (!r.files.every((f) => f.reconciles)) return EXIT.fatal;
  if (r.skipped.some(isFailure) || r.files.some((f) => f.status === 'stopped')) return EXIT.filesFailed;
  if (r.files.some((f) => f.rowsRejected > 0 || f.warnings.length > 0)) return EXIT.withRejects;
  return EXIT.clean;
}

/** ✓ only when the file loaded whole, reconciles, and every relationship of its mapping was buildable. */
export const fileMark = (f: FileReport): string => (f.reconciles && f.status === 'loaded' && !f.warnings.length ? '✓' : '✗');

/** `all` when the mapping read every column of the file and found every column it has; otherwise ⚠ and counts. */
export function columnsMark(f: FileReport): string {
  const off = [
    f.unreadColumns.length ? `${f.unreadColumns.length} unread` : '',
    f.missingOptional.length ? `${f.missingOptional.length} not found` : '',
  ].filter(Boolean);
  return off.length ? `⚠ ${off.join(', ')}` : 'all';
}

/** The lines under the table for one file: where it stopped, what could not be built, which columns were off. */
export function columnNotes(f: FileReport): string[] {
  const out: string[] = [];
  if (f.status === 'stopped')
    out.push(`✗ ${f.file}: stopped at data row ${f.stoppedAtRow}: ${f.stopReason}; the rows before it loaded, none from it on`);
  for (const w of f.warnings) out.push(`✗ ${f.file}: a relationship no row could build: ${w}`);
  if (f.sheetsRead)
    out.push(
      `ℹ ${f.file}: read ${f.sheetsRead.length} sheets with the same header, rows numbered on: ${f.sheetsRead
        .map(
          (r) =>
            `${r.name} (${r.lastRow < r.firstRow ? 'no rows' : r.lastRow === r.firstRow ? `row ${r.firstRow}` : `rows ${r.firstRow}–${r.lastRow}`})`,
        )
        .join(', ')}`,
    );
  if (f.sheetsNotRead) out.push(`ℹ ${f.file}: sheets with data that no mapping recognises, not read: ${f.sheetsNotRead.join(', ')}`);
  const titles = f.titleRows ?? [];
  if (titles.length)
    out.push(
      `ℹ ${f.file}: the header is non-empty row ${titles.length + 1}; above it, read as a title and not as data: ${titles.map((t) => `「${t}」`).join(' ')}`,
    );
  if (f.mergedCells)
    out.push(
      `ℹ ${f.file}: ${f.mergedCells.cells} empty cell(s) under ${f.mergedCells.ranges} merged range(s) of several rows (合并单元格) read as the merged value`,
    );
  if (f.asideRows)
    out.push(
      `ℹ ${f.file}: ${f.asideRows.count} row(s) read as totals or lines under the table, not as records (not counted, noted in the rejects file): ${f.asideRows.first
        .map((r) => `row ${r.row} 「${r.text}」`)
        .join(' ')}${f.asideRows.count > f.asideRows.first.length ? ' …' : ''}`,
    );
  if (!f.unreadColumns.length && !f.missingOptional.length) return out;
  const read = Object.entries(JSON.parse(f.columnsRead) as Record<string, string>);
  out.push(`⚠ ${f.file} (${f.source}) read ${read.map(([id, h]) => `${h}→${id}`).join(', ')}`);
  if (f.unreadColumns.length) out.push(`    file columns no mapping column read: ${f.unreadColumns.join(', ')}`);
  if (f.missingOptional.length) out.push(`    mapping columns that found no header: ${f.missingOptional.join(', ')}`);
  if (f.closeHeaders?.length)
    out.push(`    file columns that look like them (add one to the column's headers if it is): ${f.closeHeaders.join('; ')}`);
  return out;
}
