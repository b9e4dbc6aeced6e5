// Where the trail lives on disk: one JSON Lines file per month, `trail-YYYY-MM.jsonl`, in one folder. The
// chain runs on across files (the first record of a month names the last of the month before), so the
// files in name order are one sequence.
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const FILE = /^trail-(\d{4})-(\d{2})\.jsonl$/;

/** The month (`YYYY-MM`, UTC) an ISO time falls in. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

export const fileFor = (month: string): string => `trail-${month}.jsonl`;

export const monthOfFile = (name: string): string | null => {
  const m = FILE.exec(name);
  return m ? `${m[1]}-${m[2]}` : null;
};

const inOrder = (names: string[]) => names.filter((n) => FILE.test(n)).sort();
const noFolder = (e: unknown): string[] => {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw e;
};

/** The trail's files in chain order (oldest first); none when the folder does not exist yet. */
export async function trailFiles(dir: string): Promise<string[]> {
  return readdir(dir).then(inOrder, noFolder);
}

/** trailFiles without a trip through the event loop, for the append under the lock (trail.ts). */
export function trailFilesSync(dir: string): string[] {
  try {
    return inOrder(readdirSync(dir));
  } catch (e) {
    return noFolder(e);
  }
}

/** The first instant after `month` ends, as an ISO string, for skipping whole files when searching. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString();
}

export type LastLine = { kind: 'empty' } | { kind: 'line'; text: string } | { kind: 'torn' };

/**
 * The last line of a file without reading all of it: chunks from the end until the newline before it.
 * `torn` when the file does not end with a newline (a write cut short, or an edit).
 */
export function lastLine(file: string, chunk = 64 * 1024): LastLine {
  // Synchronous: a few local reads under the trail's lock, where every await would let the other
  // requests' work in ahead of the append the response is waiting for (trail.ts).
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return { kind: 'empty' };
    const parts: Buffer[] = [];
    let end = size;
    let seenEnd = false;
    while (end > 0) {
      const start = Math.max(0, end - chunk);
      const buf = Buffer.alloc(end - start);
      readSync(fd, buf, 0, buf.length, start);
      let scan = buf;
      if (!seenEnd) {
        if (buf[buf.length - 1] !== 0x0a) return { kind: 'torn' };
        seenEnd = true;
        scan = buf.subarray(0, buf.length - 1);
      }
      const nl = scan.lastIndexOf(0x0a);
      if (nl >= 0) {
        parts.unshift(scan.subarray(nl + 1));
        return { kind: 'line', text: Buffer.concat(parts).toString('utf8') };
      }
      parts.unshift(scan);
      end = start;
    }
    return { kind: 'line', text: Buffer.concat(parts).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

export const inDir = (dir: string, name: string) => path.join(dir, name);
