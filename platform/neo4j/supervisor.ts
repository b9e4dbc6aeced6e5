// Keeps the embedded Neo4j of a long-running huiyan (`npm start`) up: when its Java exits without having
// been asked to (killed, crashed, out of memory), it is started again on the same home and the same Bolt
// port, so the driver, which only knows the URI, reconnects by itself. Bounded: a server that keeps dying
// needs a person, not a restart loop.
import type { EmbeddedNeo4j } from '../config.js';
import { startEmbedded, type RunningNeo4j } from './embedded.js';

export interface RestartLimit {
  /** At most this many restarts… */
  restarts: number;
  /** …within this many milliseconds; past that the supervisor gives up and says so. */
  windowMs: number;
  /** Pause before each attempt: lets the killed process's port and store lock go. */
  delayMs: number;
}

export const DEFAULT_RESTART_LIMIT: RestartLimit = { restarts: 5, windowMs: 10 * 60_000, delayMs: 1_000 };

export interface Supervised {
  /** The Java process serving now (changes with each restart). */
  pid(): number;
  /** Stops supervising, then the server running now (or the one being started). */
  stop(): Promise<void>;
}

export function supervise(
  cfg: EmbeddedNeo4j,
  first: RunningNeo4j,
  log: (msg: string) => void,
  limit: RestartLimit = DEFAULT_RESTART_LIMIT,
): Supervised {
  // The same port, not a fresh free one: the executor's driver keeps the URI it was made with.
  const port = Number(new URL(first.uri).port);
  const sameServer: EmbeddedNeo4j = { ...cfg, boltPort: port };
  let current = first;
  let stopping = false;
  const restarts: number[] = [];

  const loop = (async () => {
    for (;;) {
      const { code, signal } = await current.exited;
      if (stopping) return;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      for (;;) {
        const now = Date.now();
        while (restarts.length && now - restarts[0]! > limit.windowMs) restarts.shift();
        if (restarts.length >= limit.restarts) {
          log(
            `Neo4j (pid ${current.pid}) ${how}; not restarting it: already restarted ${restarts.length} times in ${Math.round(limit.windowMs / 60_000)} min. ` +
              "The API answers DATABASE_UNAVAILABLE until huiyan is restarted; see the Neo4j home's logs/console.log and debug.log.",
          );
          return;
        }
        restarts.push(now);
        log(
          `Neo4j (pid ${current.pid}) ${how}; restarting it (restart ${restarts.length} of at most ${limit.restarts} in ${Math.round(limit.windowMs / 60_000)} min)…`,
        );
        await new Promise((r) => setTimeout(r, limit.delayMs));
        if (stopping) return;
        try {
          const t0 = Date.now();
          current = await startEmbedded(sameServer, log);
          log(`Neo4j restarted (pid ${current.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
          // stop() was called while it started: it waits for this loop, then stops the new server.
          if (stopping) return;
          break;
        } catch (e) {
          log(`Restarting Neo4j failed: ${(e as Error).message}`);
          if (stopping) return;
        }
      }
    }
  })();

  return {
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      // Settles an idle loop's wait on `exited`; a restart under way finishes first, and the server it
      // started is the one stopped last (none is left behind).
      await current.stop();
      await loop;
      await current.stop();
    },
  };
}
