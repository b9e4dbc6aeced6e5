// The only module that talks to neo4j-driver. Everything else asks an Executor for rows, so the
// driver's integer model, routing and transaction settings are decided in one place.
import neo4j, { type BookmarkManager, type Driver, type QueryResult, type RecordShape, type ResultSummary } from 'neo4j-driver';
import { toPlain } from './values.js';
import { neo4jQueryDuration, timed } from '../metrics.js';

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface RunOptions {
  /** Milliseconds; the server terminates the transaction when it passes. */
  timeoutMs?: number;
  /** Shown in SHOW TRANSACTIONS; who asked and why. */
  metadata?: Record<string, unknown>;
}

export interface Rows<T = Record<string, unknown>> {
  rows: T[];
  summary: ResultSummary;
}

export class Executor {
  readonly driver: Driver;
  readonly database: string;
  /**
   * Causal consistency on a cluster: every session and query of this process starts after every write this
   * process has committed, and after the writes of other processes it has learnt of (`learnBookmarks`), so a
   * read routed to a follower never misses them. On a single server the bookmarks are always satisfied.
   */
  readonly #bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(conn: Connection) {
    this.database = conn.database;
    // Integers come back as JS numbers: ids and counts in this domain stay far below 2^53, and every
    // caller would otherwise have to unwrap neo4j.Integer. Parameters are sent through `int()` where
    // Cypher needs an integer (LIMIT, SKIP).
    this.driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 20,
      // When Neo4j is gone (killed, restarting, unreachable) a request must fail within about a second with
      // a coded error instead of hanging: the driver's defaults (30 s connect, 60 s acquisition, retries for
      // 30 s) made every API request hang 30-34 s during an outage (#14). A refused connection fails at
      // once; TCP connect gets 2 s (a LAN or a cloud region connects in milliseconds); a pool that stays full
      // for 10 s means an overloaded server, reported the same way.
      connectionTimeout: 2_000,
      connectionAcquisitionTimeout: 10_000,
      // Driver-wide (the driver has no per-call setting): the retry clock starts with the first attempt and
      // the first retry comes after about 1 s, so a failure within the first 500 ms (a refused connection, a
      // quick deadlock) is retried once and anything later not at all. The loaders retry transient batch
      // failures themselves (loaders/core/writer/batch.ts).
      maxTransactionRetryTime: 500,
      logging: { level: 'error', logger: (level, message) => console.error(`[neo4j-driver] ${level}: ${message}`) },
    });
  }

  /** A read on a follower when the URI routes (neo4j://), in a READ transaction everywhere. */
  async read<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}, opts: RunOptions = {}): Promise<Rows<T>> {
    return timed(neo4jQueryDuration, 'read', () => this.#run<T>(cypher, params, opts, neo4j.routing.READ));
  }

  async write<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}, opts: RunOptions = {}): Promise<Rows<T>> {
    return timed(neo4jQueryDuration, 'write', () => this.#run<T>(cypher, params, opts, neo4j.routing.WRITE));
  }

  /**
   * Several statements in one write transaction, all or nothing. The loaders send batches this way so
   * nodes and the relationships between them commit together.
   */
  async writeTx(statements: { cypher: string; params?: Record<string, unknown> }[], opts: RunOptions = {}): Promise<Rows[]> {
    return timed(neo4jQueryDuration, 'write', () => this.#writeTx(statements, opts));
  }

  async #writeTx(statements: { cypher: string; params?: Record<string, unknown> }[], opts: RunOptions): Promise<Rows[]> {
    const session = this.#session('WRITE');
    try {
      return await session.executeWrite(
        async (tx) => {
          const out: Rows[] = [];
          for (const s of statements) {
            const r = await tx.run(s.cypher, s.params ?? {});
            out.push({ rows: r.records.map((rec) => toPlain(rec.toObject()) as Record<string, unknown>), summary: r.summary });
          }
          return out;
        },
        { timeout: opts.timeoutMs, metadata: opts.metadata },
      );
    } finally {
      await session.close();
    }
  }

  /**
   * One write transaction whose statements are all sent at once (the driver pipelines them, so the server
   * never waits for the next statement to be packed), settling when it has committed: the online writer's
   * batches (loaders/core/writer/batch.ts). writeTx sends a statement only once the one before has answered,
   * and retries by itself. Not retried here: the writer retries a batch only where it knows the order holds.
   */
  async writePipelined(statements: { cypher: string; params?: Record<string, unknown> }[], opts: RunOptions = {}): Promise<void> {
    return timed(neo4jQueryDuration, 'write', async () => {
      const session = this.#session('WRITE');
      try {
        const tx = session.beginTransaction({ timeout: opts.timeoutMs, metadata: opts.metadata });
        // A failed statement fails those queued after it as well; each is awaited, none left unhandled.
        const results = statements.map((s) => Promise.resolve(tx.run(s.cypher, s.params ?? {})));
        for (const r of results) r.catch(() => undefined);
        try {
          for (const r of results) await r;
        } catch (e) {
          await tx.rollback().catch(() => undefined);
          throw e;
        }
        await tx.commit();
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Read rows of analyst-written Cypher with a hard row cap: records past the cap are never pulled.
   * Runs in a READ session so the server itself refuses writes.
   */
  async readCapped<T = Record<string, unknown>>(
    cypher: string,
    params: Record<string, unknown>,
    maxRows: number,
    opts: RunOptions = {},
  ): Promise<Rows<T> & { truncated: boolean }> {
    return timed(neo4jQueryDuration, 'read', () => this.#readCapped<T>(cypher, params, maxRows, opts));
  }

  async #readCapped<T>(
    cypher: string,
    params: Record<string, unknown>,
    maxRows: number,
    opts: RunOptions,
  ): Promise<Rows<T> & { truncated: boolean }> {
    const session = this.#session('READ', Math.min(maxRows + 1, 1000));
    try {
      return await session.executeRead(
        async (tx) => {
          const result = tx.run(cypher, params);
          const rows: T[] = [];
          let truncated = false;
          for await (const record of result) {
            if (rows.length >= maxRows) {
              truncated = true;
              break;
            }
            rows.push(toPlain(record.toObject()) as T);
          }
          const summary = truncated ? await result.summary().catch(() => undefined) : await result.summary();
          return { rows, summary: summary as ResultSummary, truncated };
        },
        { timeout: opts.timeoutMs, metadata: opts.metadata },
      );
    } finally {
      await session.close();
    }
  }

  /** EXPLAIN in a READ session: the plan, query type ('r', 'rw', 'w', 's') and result columns, without running it. */
  async explain(cypher: string, params: Record<string, unknown> = {}): Promise<{ summary: ResultSummary; keys: string[] }> {
    const session = this.#session('READ');
    try {
      const result = session.run(`EXPLAIN ${cypher}`, params);
      const keys = (await result.keys()).map(String);
      return { summary: await result.summary(), keys };
    } finally {
      await session.close();
    }
  }

  /**
   * An auto-commit statement, for `CALL { ... } IN TRANSACTIONS`, which Neo4j refuses inside an explicit
   * transaction, and for schema commands.
   */
  async autoCommit<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<Rows<T>> {
    return timed(neo4jQueryDuration, 'write', async () => {
      const session = this.#session('WRITE');
      try {
        const result = await session.run(cypher, params);
        return { rows: result.records.map((r) => toPlain(r.toObject()) as T), summary: result.summary };
      } finally {
        await session.close();
      }
    });
  }

  async serverInfo(): Promise<{ agent: string; version: string; protocolVersion: string; edition: string }> {
    const info = await this.driver.getServerInfo({ database: this.database });
    const { rows } = await this.read<{ edition: string; versions: string[] }>(
      'CALL dbms.components() YIELD edition, versions RETURN edition, versions',
    );
    return {
      agent: info.agent ?? '',
      version: rows[0]?.versions[0] ?? '',
      protocolVersion: String(info.protocolVersion ?? ''),
      edition: rows[0]?.edition ?? '',
    };
  }

  /** The bookmarks of every write this process has committed or learnt of: what a later read waits for. */
  async bookmarks(): Promise<string[]> {
    return [...(await this.#bookmarks.getBookmarks())];
  }

  /** Writes committed elsewhere (another process, another API server): later reads here wait for them. */
  async learnBookmarks(bookmarks: readonly string[]): Promise<void> {
    if (bookmarks.length > 0) await this.#bookmarks.updateBookmarks([], bookmarks);
  }

  async verify(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  #session(mode: 'READ' | 'WRITE', fetchSize?: number) {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.#bookmarks,
      ...(fetchSize === undefined ? {} : { fetchSize }),
    });
  }

  async #run<T>(cypher: string, params: Record<string, unknown>, opts: RunOptions, routing: 'READ' | 'WRITE'): Promise<Rows<T>> {
    const result: QueryResult<RecordShape> = await this.driver.executeQuery(cypher, params, {
      database: this.database,
      routing,
      bookmarkManager: this.#bookmarks,
      transactionConfig: { timeout: opts.timeoutMs, metadata: opts.metadata },
    });
    return { rows: result.records.map((r) => toPlain(r.toObject()) as T), summary: result.summary };
  }
}

/** Cypher needs a real integer for LIMIT/SKIP; JS numbers travel as floats. */
export const int = (n: number) => neo4j.int(Math.trunc(n));
