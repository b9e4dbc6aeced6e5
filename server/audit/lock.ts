// The lock every appender takes before it reads the chain's last hash and writes after it. The server and
// the command-line tools (load, models, users) append to one chain, so the lock must hold across
// processes: proper-lockfile's lock folder (mkdir is atomic, also on network file systems), refreshed
// while held and taken over when its holder died and left it stale.
import lockfile from 'proper-lockfile';
import path from 'node:path';

/** A holder that has not refreshed its lock for this long is taken to have died. */
const STALE_MS = 10_000;

export async function withTrailLock<T>(dir: string, f: () => Promise<T>): Promise<T> {
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
    release = lockfile.lockSync(dir, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    // Held by another process or trail: wait for it. Appends take milliseconds; up to about half a
    // minute covers a busy server and a stale lock.
    release = await lockfile.lock(dir, { ...options, retries: { retries: 300, factor: 1.1, minTimeout: 5, maxTimeout: 200 } });
  }
  try {
    const out = await f();
    // Another process took the lock over while this one held it (a pause longer than STALE_MS): the
    // records were written, but the chain may have forked; say so rather than report success.
    if (lost) throw new Error(`the audit trail lock was lost while appending (${lost.message}): run npm run audit -- verify`);
    return out;
  } finally {
    try {
      await release();
    } catch {
      /* compromised locks are reported above; a release that fails leaves a lock that turns stale */
    }
  }
}
