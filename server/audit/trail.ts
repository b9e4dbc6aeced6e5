// The audit trail: an append-only hash chain of JSON Lines files under <varDir>/audit/ (docs/audit.md).
// Appends from one process are queued and written in batches under one cross-process lock (lock.ts): the
// last hash is read from disk under the lock every time, so the server and the command-line tools keep
// one chain between them.
//
// Group commit: a record is answered only once it is on disk (written and fsynced), and records that
// arrive while one batch is being written and synced wait and go together in the next, so concurrent
// requests share one lock, one write and one fsync instead of queueing for one each. A batch that fails
// fails every request in it: none of them is answered as recorded.
//
// Under the lock everything but the fsync is synchronous (a few local calls of microseconds): each await
// there was a trip through the event loop behind every other request's work, 13 of them a record, and the
// response waits for the record (docs/bench.md, "The audit record off the event loop").
import { closeSync, fdatasync, fstatSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileFor, inDir, lastLine, monthOf, monthOfFile, trailFilesSync } from './files.js';
import { withTrailLock } from './lock.js';
import { GENESIS, sealed, type AuditEvent, type AuditRecord } from './record.js';
import { searchTrail, type AuditFilter, type AuditPage } from './search.js';
import { verifyTrail, type Anchor, type Verification } from './verify.js';

export const auditDir = (varDir: string): string => path.join(varDir, 'audit');

interface Pending {
  event: AuditEvent;
  done: (r: AuditRecord) => void;
  fail: (e: unknown) => void;
}

export class AuditTrail {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** Batches written (each one lock, one write and one fsync per file): fewer than records when requests overlap. */
  batches = 0;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The trail of a configuration's var folder. */
  static in(varDir: string): AuditTrail {
    return new AuditTrail(auditDir(varDir));
  }

  /**
   * Writes one record and resolves with it once it is on disk. Fails when the trail cannot be written
   * (the folder, the lock, or a last record that does not parse): callers must not go on as if recorded.
   */
  append(event: AuditEvent): Promise<AuditRecord> {
    return new Promise((done, fail) => {
      this.queue.push({ event, done, fail });
      this.flushing ??= this.flush();
    });
  }

  verify(anchors: readonly Anchor[] = []): Promise<Verification> {
    return verifyTrail(this.dir, anchors);
  }

  search(filter: AuditFilter, first: number, after?: number | null): Promise<AuditPage> {
    return searchTrail(this.dir, filter, first, after ?? null);
  }

  /** Writes whatever is queued, in batches, until the queue is empty. */
  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        this.batches++;
        const records = await this.write(batch.map((p) => p.event));
        batch.forEach((p, i) => p.done(records[i]!));
      } catch (e) {
        for (const p of batch) p.fail(e);
      }
    }
    this.flushing = null;
  }

  private async write(events: AuditEvent[]): Promise<AuditRecord[]> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return withTrailLock(this.dir, async () => {
      const head = this.head();
      let { seq, hash } = head;
      const now = this.now();
      const out: AuditRecord[] = [];
      const lines = new Map<string, string[]>();
      let month = head.month;
      for (const e of events) {
        const r = sealed(e, ++seq, hash, now);
        // A record goes to its own month's file, never back into a month the chain has already left
        // (another process's clock, or one written just after midnight): the files stay one sequence.
        const m = monthOf(r.at);
        if (month === null || m > month) month = m;
        const file = fileFor(month);
        lines.set(file, [...(lines.get(file) ?? []), JSON.stringify(r)]);
        hash = r.hash;
        out.push(r);
      }
      for (const [file, ls] of lines) await appendDurably(this.dir, file, `${ls.join('\n')}\n`);
      return out;
    });
  }

  /** The last record's seq and hash, and the month of the newest file (GENESIS and 0 for an empty trail). */
  private head(): { seq: number; hash: string; month: string | null } {
    const files = trailFilesSync(this.dir);
    for (let i = files.length - 1; i >= 0; i--) {
      const name = files[i]!;
      const last = lastLine(inDir(this.dir, name));
      if (last.kind === 'empty') continue;
      const month = monthOfFile(files.at(-1)!);
      if (last.kind === 'torn') throw new Error(`the audit trail's last line in ${name} is incomplete: run npm run audit -- verify`);
      let r: Partial<AuditRecord>;
      try {
        r = JSON.parse(last.text) as Partial<AuditRecord>;
      } catch {
        throw new Error(`the audit trail's last line in ${name} is not a record: run npm run audit -- verify`);
      }
      if (typeof r.seq !== 'number' || typeof r.hash !== 'string')
        throw new Error(`the audit trail's last line in ${name} has no seq or hash: run npm run audit -- verify`);
      return { seq: r.seq, hash: r.hash, month };
    }
    return { seq: 0, hash: GENESIS, month: files.length ? monthOfFile(files.at(-1)!) : null };
  }
}

const datasync = promisify(fdatasync);

/**
 * Appends and waits until the text is on disk (fdatasync, the one call awaited). A file the append
 * created is made durable in its folder too, or a crash could lose the new month's file with its records.
 */
async function appendDurably(dir: string, file: string, text: string): Promise<void> {
  const fd = openSync(inDir(dir, file), 'a', 0o600);
  let created: boolean;
  try {
    created = fstatSync(fd).size === 0;
    const bytes = Buffer.from(text, 'utf8');
    // writeSync may write less than asked (a full disk, a signal): go on from where it stopped.
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, null);
    await datasync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  }
}
