// One entry for everything that needs a Neo4j: the configured external server, or the embedded one
// started here. Checks the server version either way.
import type { Config } from '../config.js';
import { Executor, type Connection } from '../db/executor.js';
import { startEmbedded, type StartOptions } from './embedded.js';
import { RuntimeError } from './errors.js';
import { supervise } from './supervisor.js';

export interface OpenOptions extends StartOptions {
  /**
   * Restart the embedded server when it exits unexpectedly (`npm start`, which serves for days). Commands
   * that run once fail instead, as they would on an external server going away.
   */
  supervise?: boolean;
}

export interface Neo4jHandle {
  executor: Executor;
  /** What another process (a test worker, the load CLI) needs to reach the same server. */
  connection: Connection;
  kind: 'embedded' | 'external';
  uri: string;
  version: string;
  edition: string;
  firstStart: boolean;
  startMs: number;
  /** The embedded server's Java process now (a supervised one changes with each restart); none for an external server. */
  serverPid(): number | undefined;
  /** Closes the driver, then stops the server if huiyan started it. */
  close(): Promise<void>;
}

export const MIN_VERSION: [number, number] = [5, 26];

export function supportedVersion(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  // Calendar versions (2025.01 and later) are all newer than 5.26.
  return major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
}

export async function openNeo4j(cfg: Config, log: (msg: string) => void, opts: OpenOptions = {}): Promise<Neo4jHandle> {
  const t0 = Date.now();
  if (cfg.neo4j.kind === 'external') {
    const { uri, user, password, database } = cfg.neo4j;
    const connection = { uri, user, password, database };
    const executor = new Executor(connection);
    try {
      await executor.verify();
      const info = await executor.serverInfo();
      if (!supportedVersion(info.version)) {
        throw new RuntimeError('UNSUPPORTED_SERVER', `The Neo4j at ${uri} is version ${info.version}; huiyan needs 5.26 or newer.`);
      }
      return {
        executor,
        connection,
        kind: 'external',
        uri,
        version: info.version,
        edition: info.edition,
        firstStart: false,
        startMs: Date.now() - t0,
        serverPid: () => undefined,
        close: () => executor.close(),
      };
    } catch (e) {
      await executor.close();
      throw e;
    }
  }
  const started = await startEmbedded(cfg.neo4j, log, opts);
  const supervised = opts.supervise ? supervise(cfg.neo4j, started, log) : undefined;
  const running = { ...started, pid: () => supervised?.pid() ?? started.pid, stop: supervised?.stop ?? started.stop };
  const connection = { uri: running.uri, user: running.user, password: running.password, database: running.database };
  const executor = new Executor(connection);
  const info = await executor.serverInfo();
  let closed: Promise<void> | undefined;
  return {
    executor,
    connection,
    kind: 'embedded',
    uri: running.uri,
    version: info.version,
    edition: info.edition,
    firstStart: running.firstStart,
    startMs: running.startMs,
    serverPid: running.pid,
    close: () =>
      (closed ??= (async () => {
        await executor.close().catch(() => undefined);
        await running.stop();
      })()),
  };
}
