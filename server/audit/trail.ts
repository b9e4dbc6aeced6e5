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
//
// The lock is kept between batches while the trail is busy, and for LINGER_MS after: taking and giving it
// back (a mkdir, a stat and an rmdir) cost more than the write here. While it is kept, the chain's head is
// taken from the last write, once the newest file is seen to be the one written and of the size it was
// left at (anything else, an edit or a file the trail did not write, and the head is read from disk
// again). Another appender that waits says so (lock.ts), and the lock is given up when the batch in hand
// is written.
import { closeSync, fdatasync, fstatSync, fsyncSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileFor, inDir, lastLine, monthOf, monthOfFile, trailFilesSync } from './files.js';
import { stillWaiting, takeTrailLock, waiters, type TrailLock } from './lock.js';
import { GENESIS, sealed, type AuditEvent, type AuditRecord } from './record.js';
import { searchTrail, type AuditFilter, type AuditPage } from './search.js';
import { verifyTrail, type Anchor, type Verification } from './verify.js';

export const auditDir = (varDir: string): string => path.join(varDir, 'audit');

/** How long an idle trail keeps the lock after its last batch, for the next one. */
const LINGER_MS = 200;
/** How long a trail that gave the lock up to waiters lets them go first, at most. */
const YIELD_MS = 2_000;

interface Head {
  seq: number;
  hash: string;
  month: string | null;
}

/** The lock while kept, and what the trail last wrote under it. */
interface Held {
  lock: TrailLock;
  /** The head after the last write, the file it went to and that file's size then. */
  wrote: { head: Head; file: string; size: number } | null;
}

interface Pending {
  event: AuditEvent;
  done: (r: AuditRecord) => void;
  fail: (e: unknown) => void;
}

export class AuditTrail {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private held: Held | null = null;
  private linger: NodeJS.Timeout | undefined;
  /** The waiters this trail gave the lock up to, and until when it lets them go first. */
  private yielded: { to: string[]; until: number } | null = null;
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
    // After the answers have gone (setImmediate comes after the promises' continuations): give the lock
    // to a waiter, or keep it a while for the next batch.
    setImmediate(() => this.settle());
  }

  private settle(): void {
    if (this.flushing || !this.held) return; // a batch began meanwhile: it settles when it is written
    clearTimeout(this.linger);
    if (this.yieldToWaiters()) return;
    this.linger = setTimeout(() => {
      if (!this.flushing) this.letGo();
    }, LINGER_MS);
    // A command that has written its records can exit; the lock goes with its process (proper-lockfile).
    this.linger.unref();
  }

  private letGo(): void {
    clearTimeout(this.linger);
    this.held?.lock.release();
    this.held = null;
  }

  /** Gives the lock up when another appender waits for it; true if it did. */
  private yieldToWaiters(): boolean {
    const to = waiters(this.dir);
    if (to.length === 0) return false;
    this.letGo();
    this.yielded = { to, until: Date.now() + YIELD_MS };
    return true;
  }

  /** Before taking the lock again: the waiters it was given up to take it first (or time runs out). */
  private async afterWaiters(): Promise<void> {
    const y = this.yielded;
    this.yielded = null;
    while (y && Date.now() < y.until && stillWaiting(this.dir, y.to)) await new Promise((r) => setTimeout(r, 2));
  }

  private async write(events: AuditEvent[]): Promise<AuditRecord[]> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Taken over while kept idle (this process paused past the lock's staleness): nothing was written
    // meanwhile, so take it again like anyone else.
    if (this.held?.lock.lost()) this.letGo();
    // A waiter gets the lock between two batches, even when this trail is never idle.
    if (this.held) this.yieldToWaiters();
    if (!this.held) {
      await this.afterWaiters();
      this.held = { lock: await takeTrailLock(this.dir), wrote: null };
    }
    const held: Held = this.held;
    try {
      const head = this.headUnder(held);
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
      let size = 0;
      for (const [file, ls] of lines) size = await appendDurably(this.dir, file, `${ls.join('\n')}\n`);
      // Another process took the lock over while this one held it: the records were written, but the chain
      // may have forked; say so rather than report success.
      const lost = held.lock.lost();
      if (lost) throw lostLock(lost);
      held.wrote = { head: { seq, hash, month }, file: fileFor(month!), size };
      return out;
    } catch (e) {
      this.letGo();
      throw e;
    }
  }

  /** The head as this trail left it, while the newest file is the one it wrote and as long as it left it. */
  private headUnder(held: Held): Head {
    const w = held.wrote;
    if (w) {
      const files = trailFilesSync(this.dir);
      if (files.at(-1) === w.file && sizeOf(inDir(this.dir, w.file)) === w.size) return { ...w.head };
    }
    return this.head();
  }

  /** The last record's seq and hash, and the month of the newest file (GENESIS and 0 for an empty trail). */
  private head(): Head {
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

const lostLock = (e: Error) => new Error(`the audit trail lock was lost while appending (${e.message}): run npm run audit -- verify`);

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

/**
 * Appends and waits until the text is on disk (fdatasync, the one call awaited); returns the file's size
 * after it. A file the append created is made durable in its folder too, or a crash could lose the new
 * month's file with its records.
 */
async function appendDurably(dir: string, file: string, text: string): Promise<number> {
  const fd = openSync(inDir(dir, file), 'a', 0o600);
  let created: boolean;
  let size: number;
  try {
    const before = fstatSync(fd).size;
    created = before === 0;
    const bytes = Buffer.from(text, 'utf8');
    // writeSync may write less than asked (a full disk, a signal): go on from where it stopped.
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, null);
    size = before + bytes.length;
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
  return size;
}
