// The rejects of one load run, read from the CSV the loader wrote (loaders/core/rejects.ts: file, row,
// column, value, reason), a page at a time, so an administrator sees why rows were refused without opening
// a server folder. The path comes from the LoadRun node, so it is only followed when it lies inside the
// configured rejects folder, after symlinks are resolved: a doctored node cannot make the API read
// /etc/passwd.
import { createReadStream, realpathSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { CodedError } from '../../platform/errors.js';
import { maskIdLike } from '../../platform/identifiers/id-number.js';

export interface RejectRow {
  /** Position in the file, from 1: the page cursor. */
  n: number;
  file: string;
  row: number;
  column: string;
  value: string | null;
  reason: string;
}

/** The file's real path if it lies inside `rejectsDir`; NOT_FOUND when missing, FORBIDDEN when outside. */
export function safeRejectsPath(rejectsDir: string, file: string): string {
  let real: string;
  let root: string;
  try {
    root = realpathSync(rejectsDir);
    real = realpathSync(path.resolve(rejectsDir, file));
  } catch {
    throw new CodedError('NOT_FOUND', '拒收明细文件已不存在 The rejects file of this load is no longer there');
  }
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    throw new CodedError('FORBIDDEN', '拒收明细文件不在拒收目录内 The rejects file lies outside the rejects folder');
  return real;
}

/** Rows after `after` (0: from the start), at most `first`, and whether more follow. Streams: stops early. */
export async function readRejects(
  file: string,
  first: number,
  after: number,
  mask: boolean,
): Promise<{ rows: RejectRow[]; hasNextPage: boolean }> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, relax_column_count: true, skip_empty_lines: true }));
  const rows: RejectRow[] = [];
  let n = 0;
  let hasNextPage = false;
  try {
    for await (const rec of parser as AsyncIterable<Record<string, string | undefined>>) {
      n++;
      if (n <= after) continue;
      if (rows.length === first) {
        hasNextPage = true;
        break;
      }
      const value = rec.value ?? '';
      rows.push({
        n,
        file: rec.file ?? '',
        row: Number(rec.row ?? 0),
        column: rec.column ?? '',
        value: value === '' ? null : mask ? maskIdLike(value) : value,
        reason: mask ? maskIdLike(rec.reason ?? '') : (rec.reason ?? ''),
      });
    }
  } finally {
    parser.destroy();
  }
  return { rows, hasNextPage };
}
