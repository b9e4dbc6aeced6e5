// Waits for Bolt to answer, with a deadline, and turns an early exit into a message with the log's cause.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { RuntimeError, USE_EXTERNAL } from './errors.js';

// NeoBootstrapper's exit codes.
const EXIT_REASONS: Record<number, string> = {
  1: 'the server failed to start',
  2: 'the database failed to start',
  3: 'the configuration is invalid',
};

function logTail(logFile: string, lines = 15): string {
  try {
    const all = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function waitUntilReady(
  child: ChildProcess,
  conn: { uri: string; user: string; password: string },
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  // A driver of its own (not the Executor): this runs before huiyan has a connection to hand out.
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), { connectionTimeout: 2000, logging: undefined });
  try {
    for (;;) {
      if (exitCode !== null) {
        const why = EXIT_REASONS[exitCode] ?? `it exited with code ${exitCode}`;
        throw new RuntimeError('START_FAILED', `Neo4j stopped during start-up: ${why}. Last lines of ${logFile}:\n${logTail(logFile)}`);
      }
      try {
        await driver.verifyConnectivity();
        return;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (code.startsWith('Neo.ClientError.Security')) {
          throw new RuntimeError(
            'START_FAILED',
            `Neo4j refused the stored password (${code}). Delete the Neo4j home folder to start afresh, ${USE_EXTERNAL}.`,
          );
        }
      }
      if (Date.now() > deadline) {
        throw new RuntimeError(
          'START_TIMEOUT',
          `Neo4j did not answer on ${conn.uri} within ${Math.round(timeoutMs / 1000)} s. Raise HUIYAN_NEO4J_START_TIMEOUT on a slow machine. Last lines of ${logFile}:\n${logTail(logFile)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await driver.close();
  }
}
