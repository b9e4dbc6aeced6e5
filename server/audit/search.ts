// Searching the trail: who looked at this person, what did this user look at, when. The files are read
// newest first and streamed line by line, keeping only the newest matches, so memory stays small; time
// grows with the trail (an index can come later: docs/audit.md).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { inDir, monthEnd, monthOfFile, trailFiles } from './files.js';
import type { AuditKind, AuditRecord } from './record.js';

export interface AuditFilter {
  /** Principal id, exactly. */
  actor?: string | null;
  /** Entity uid among those returned (or outside the jurisdiction). */
  entity?: string | null;
  /** Part of the operation, any case: an operation name, a root field, `auth.login`, `load`. */
  operation?: string | null;
  kind?: AuditKind | null;
  /** ISO times: from inclusive, to exclusive. */
  from?: string | null;
  to?: string | null;
  /** Only records that read something outside the caller's jurisdiction. */
  outsideOnly?: boolean | null;
}

export interface AuditPage {
  /** Newest first. */
  records: AuditRecord[];
  /** More (older) records match: ask again with after = the last record's seq. */
  hasMore: boolean;
}

function matcher(f: AuditFilter): { quick: (line: string) => boolean; full: (r: AuditRecord) => boolean } {
  const from = f.from ? Date.parse(f.from) : null;
  const to = f.to ? Date.parse(f.to) : null;
  const op = f.operation?.toLowerCase() ?? null;
  return {
    // Cheap tests on the raw line first, so most non-matching lines are never parsed.
    quick: (line) => (!f.entity || line.includes(JSON.stringify(f.entity))) && (!f.actor || line.includes(JSON.stringify(f.actor))),
    full: (r) => {
      if (f.actor && r.actor !== f.actor) return false;
      if (f.entity && !r.entities.includes(f.entity) && !r.outside.includes(f.entity)) return false;
      if (op && !r.operation.toLowerCase().includes(op)) return false;
      if (f.kind && r.kind !== f.kind) return false;
      if (f.outsideOnly && r.outside.length === 0) return false;
      const at = Date.parse(r.at);
      if (from !== null && at < from) return false;
      if (to !== null && at >= to) return false;
      return true;
    },
  };
}

/** The newest `first` records matching `filter` with seq below `after` (all when null). */
export async function searchTrail(dir: string, filter: AuditFilter, first: number, after: number | null): Promise<AuditPage> {
  const m = matcher(filter);
  const from = filter.from ? Date.parse(filter.from) : null;
  const found: AuditRecord[] = [];
  const files = (await trailFiles(dir)).reverse();
  for (const file of files) {
    // A file holds no record later than its month's end (trail.ts never writes back into an earlier month).
    const month = monthOfFile(file)!;
    if (from !== null && Date.parse(monthEnd(month)) <= from) break;
    const need = first + 1 - found.length;
    // Lines run oldest first: keep the newest `need` matches of this file.
    const kept: AuditRecord[] = [];
    const lines = createInterface({ input: createReadStream(inDir(dir, file), 'utf8'), crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        if (!m.quick(line)) continue;
        let r: AuditRecord;
        try {
          r = JSON.parse(line) as AuditRecord;
        } catch {
          continue; // a damaged line is verify's to report; searching goes on
        }
        if (after !== null && !(r.seq < after)) continue;
        if (!m.full(r)) continue;
        kept.push(r);
        if (kept.length > need) kept.shift();
      }
    } finally {
      lines.close();
    }
    found.push(...kept.reverse());
    if (found.length > first) break;
  }
  return { records: found.slice(0, first), hasMore: found.length > first };
}
