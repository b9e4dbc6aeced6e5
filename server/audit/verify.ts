// Walks the whole chain, file by file and line by line (streamed: a trail of years is never in memory),
// and names the first record that does not hold: its content changed (hash), a record removed, inserted
// or moved before it (seq, prev). Anchors (seq and hash kept elsewhere, `npm run audit -- head`) also
// catch what the chain alone cannot: the newest records cut off, or the whole chain rewritten.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { inDir, trailFiles } from './files.js';
import { GENESIS, hashOf, type AuditRecord } from './record.js';

/** A record's seq and hash as noted outside the trail at some time. */
export interface Anchor {
  seq: number;
  hash: string;
}

export interface Verification {
  ok: boolean;
  /** Records checked (up to the first problem). */
  records: number;
  files: number;
  /** The first problem found, in words; null when the chain holds. */
  problem: string | null;
  /** File name and 1-based line of that problem. */
  file: string | null;
  line: number | null;
  /** The last good record: what to note elsewhere as an anchor. */
  last: Anchor | null;
}

const isRecord = (v: unknown): v is AuditRecord =>
  v !== null &&
  typeof v === 'object' &&
  Number.isInteger((v as AuditRecord).seq) &&
  typeof (v as AuditRecord).hash === 'string' &&
  typeof (v as AuditRecord).prev === 'string';

/** Parses `seq:hash` as the CLI and the API take an anchor. */
export function parseAnchor(s: string): Anchor | null {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(s.trim());
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}

export async function verifyTrail(dir: string, anchors: readonly Anchor[] = []): Promise<Verification> {
  const files = await trailFiles(dir);
  const want = new Map(anchors.map((a) => [a.seq, a.hash]));
  let prev = GENESIS;
  let seq = 0;
  let records = 0;
  let last: Anchor | null = null;
  const bad = (problem: string, file: string | null, line: number | null): Verification => ({
    ok: false,
    records,
    files: files.length,
    problem,
    file,
    line,
    last,
  });

  for (const file of files) {
    const lines = createInterface({ input: createReadStream(inDir(dir, file), 'utf8'), crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const text of lines) {
        n++;
        let r: unknown;
        try {
          r = JSON.parse(text);
        } catch {
          return bad('not a JSON record (a damaged or edited line)', file, n);
        }
        if (!isRecord(r)) return bad('not an audit record (seq, prev or hash missing)', file, n);
        if (hashOf(r) !== r.hash) return bad(`record ${r.seq} was changed: its content does not match its hash`, file, n);
        if (r.seq !== seq + 1)
          return bad(`expected record ${seq + 1} here, found ${r.seq}: a record was removed, inserted or moved`, file, n);
        if (r.prev !== prev)
          return bad(`record ${r.seq} does not follow the record before it: one was changed, removed or inserted`, file, n);
        const anchored = want.get(r.seq);
        if (anchored !== undefined && anchored !== r.hash)
          return bad(`record ${r.seq} is not the one noted elsewhere: the chain was rewritten up to here`, file, n);
        prev = r.hash;
        seq = r.seq;
        records++;
        last = { seq: r.seq, hash: r.hash };
      }
    } finally {
      lines.close();
    }
  }
  const beyond = anchors.filter((a) => a.seq > seq).map((a) => a.seq);
  if (beyond.length > 0)
    return bad(
      `the trail ends at record ${seq}, but record ${Math.max(...beyond)} was noted elsewhere: the newest records were removed`,
      null,
      null,
    );
  return { ok: true, records, files: files.length, problem: null, file: null, line: null, last };
}
