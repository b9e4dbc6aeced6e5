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
  const release = await lockfile.lock(dir, {
    lockfilePath: path.join(dir, 'trail.lock'),
    realpath: false,
    stale: STALE_MS,
    // Appends take milliseconds; waiting up to about half a minute covers a busy server and a stale lock.
    retries: { retries: 300, factor: 1.1, minTimeout: 5, maxTimeout: 200 },
    onCompromised: (e) => {
      lost = e;
    },
  });
  try {
    const out = await f();
    // Another process took the lock over while this one held it (a pause longer than STALE_MS): the
    // records were written, but the chain may have forked; say so rather than report success.
    if (lost) throw new Error(`the audit trail lock was lost while appending (${lost.message}): run npm run audit -- verify`);
    return out;
  } finally {
    await release().catch(() => {
      /* compromised locks are reported above; a release that fails leaves a lock that turns stale */
    });
  }
}
