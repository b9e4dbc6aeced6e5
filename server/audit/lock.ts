// The lock every appender takes before it reads the chain's last hash and writes after it. The server and
// the command-line tools (load, models, users) append to one chain, so the lock must hold across
// processes: proper-lockfile's lock folder (mkdir is atomic, also on network file systems), refreshed
// while held, taken over when its holder died and left it stale, and removed when its process exits.
//
// An appender may keep the lock between its batches while it is busy (trail.ts): taking and releasing it
// is a mkdir, a stat and an rmdir each time, the largest part of a record's cost here. So that nobody waits
// on a holder that is merely busy, a waiter leaves a marker in trail.waiting/ while it waits; a holder that
// sees one gives the lock up before its next batch and lets the waiters it saw go first (a waiter polls
// with backoff, so a holder that took the lock straight back would win every time).
import lockfile from 'proper-lockfile';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** A holder that has not refreshed its lock for this long is taken to have died. */
const STALE_MS = 10_000;
/** A marker older than this was left by a waiter that died: it no longer asks for the lock. */
const MARKER_STALE_MS = 60_000;

export interface TrailLock {
  /** Removes the lock folder (synchronous, once; later calls do nothing). */
  release(): void;
  /** Set when another process took the lock over while this one held it (a pause longer than STALE_MS). */
  lost(): Error | undefined;
}

const waitingDir = (dir: string) => path.join(dir, 'trail.waiting');

/** Takes the trail's lock, waiting for another holder with retries (up to about half a minute). */
export async function takeTrailLock(dir: string): Promise<TrailLock> {
  let lost: Error | undefined;
  const options = {
    lockfilePath: path.join(dir, 'trail.lock'),
    realpath: false,
    stale: STALE_MS,
    onCompromised: (e: Error) => {
      lost = e;
    },
  };
  let release: () => unknown;
  try {
    // The usual case, a lock nobody holds, is taken at once (mkdir and stat, synchronous): the request
    // whose record this is waits for it, and an awaited call waits behind every other request's work.
    // The release that comes with it is synchronous too (proper-lockfile's sync file calls).
    release = lockfile.lockSync(dir, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    // Held by another process or trail: ask for it, and wait. Appends take milliseconds; up to about half
    // a minute covers a busy server and a stale lock.
    const marker = path.join(waitingDir(dir), `${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(waitingDir(dir), { recursive: true, mode: 0o700 });
    writeFileSync(marker, '', { mode: 0o600 });
    try {
      const wait = await lockfile.lock(dir, { ...options, retries: { retries: 300, factor: 1.1, minTimeout: 5, maxTimeout: 200 } });
      release = () => void wait().catch(() => undefined);
    } finally {
      rmSync(marker, { force: true });
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        release();
      } catch {
        /* compromised locks are reported through lost(); a release that fails leaves a lock that turns stale */
      }
    },
    lost: () => lost,
  };
}

/**
 * The markers of appenders waiting for the lock (this process's other trails included), those left by
 * waiters that died apart. Empty when nobody waits: a folder listing, nothing more.
 */
export function waiters(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(waitingDir(dir));
  } catch {
    return [];
  }
  if (names.length === 0) return names;
  const now = Date.now();
  return names.filter((n) => {
    try {
      return now - statSync(path.join(waitingDir(dir), n)).mtimeMs < MARKER_STALE_MS;
    } catch {
      return false; // gone since the listing: its waiter has the lock
    }
  });
}

/** Whether any of these waiters is still waiting (its marker is there). */
export const stillWaiting = (dir: string, names: readonly string[]): boolean =>
  names.some((n) => existsSync(path.join(waitingDir(dir), n)));
