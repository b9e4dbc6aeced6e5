// A lease held in the database, so that of several API servers on one Neo4j (a cluster behind neo4j://, or
// one server) exactly one does a job at a time: today, running the models at start and on schedule. The
// holder renews it well before it expires; a holder that dies simply stops renewing and another takes over
// once the lease has expired. Times come from the database's clock, so the servers' clocks may disagree.
import type { Executor } from './executor.js';

export interface LeaseState {
  holder: string | null;
  /** ISO date-time the current holder's lease runs out. */
  expiresAt: string | null;
}

/** One node per lease name, even when two servers create it at the same moment. */
export async function ensureLeaseSchema(db: Executor): Promise<void> {
  await db.autoCommit('CREATE CONSTRAINT hy_lease_name IF NOT EXISTS FOR (l:HyLease) REQUIRE l.name IS UNIQUE');
}

// The first SET takes the node's write lock before anything is read: two servers asking at once are
// serialised, and the second reads what the first committed (otherwise both could see a free lease and
// both believe they took it).
const ACQUIRE = `
MERGE (l:HyLease {name: $name})
SET l.askedBy = $holder
WITH l, datetime() AS now
WITH l, now, (l.holder IS NULL OR l.holder = $holder OR l.expiresAt < now) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.holder = $holder, l.expiresAt = now + duration({milliseconds: $ttlMs}), l.renewedAt = now)
RETURN l.holder AS holder, toString(l.expiresAt) AS expiresAt`;

const RELEASE = `
MATCH (l:HyLease {name: $name, holder: $holder})
SET l.holder = null, l.expiresAt = null, l.releasedAt = datetime()`;

export class Lease {
  #held = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    readonly db: Executor,
    readonly name: string,
    /** Unique per process: host, pid and a random part (`instanceName()`). */
    readonly holder: string,
    readonly ttlMs = 30_000,
    readonly log: (m: string) => void = () => {},
  ) {}

  /** Whether this process held the lease at its last renewal. */
  get held(): boolean {
    return this.#held;
  }

  /** One attempt to take or renew the lease. A database error counts as not holding it. */
  async tryAcquire(): Promise<boolean> {
    const was = this.#held;
    try {
      const { rows } = await this.db.write<LeaseState>(ACQUIRE, { name: this.name, holder: this.holder, ttlMs: this.ttlMs });
      this.#held = rows[0]?.holder === this.holder;
    } catch (e) {
      this.#held = false;
      if (was) this.log(`lease ${this.name}: could not renew (${(e as Error).message}); not holding it`);
      return false;
    }
    if (was !== this.#held) this.log(`lease ${this.name}: ${this.#held ? 'taken' : 'held by another server'}`);
    return this.#held;
  }

  /** Takes the lease if it is free and keeps renewing it (or keeps trying) every third of its lifetime. */
  async start(): Promise<boolean> {
    await ensureLeaseSchema(this.db);
    const got = await this.tryAcquire();
    const tick = () => {
      if (this.#stopped) return;
      void this.tryAcquire().finally(() => {
        if (!this.#stopped) this.#timer = setTimeout(tick, this.ttlMs / 3).unref();
      });
    };
    this.#timer = setTimeout(tick, this.ttlMs / 3).unref();
    return got;
  }

  /** Stops renewing and hands the lease back at once, so another server need not wait for it to expire. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (!this.#held) return;
    this.#held = false;
    await this.db.write(RELEASE, { name: this.name, holder: this.holder }).catch(() => undefined);
  }

  async state(): Promise<LeaseState> {
    const { rows } = await this.db.read<LeaseState>(
      'MATCH (l:HyLease {name: $name}) RETURN l.holder AS holder, toString(l.expiresAt) AS expiresAt',
      { name: this.name },
    );
    return rows[0] ?? { holder: null, expiresAt: null };
  }
}
