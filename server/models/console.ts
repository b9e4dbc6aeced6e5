// The analyst's ad-hoc console: any read-only Cypher through the same sandbox as a model (EXPLAIN-checked
// operators and procedures, a READ transaction, a time limit the database enforces, a row cap, and the
// database's per-transaction memory cap). It returns the rows as the driver gives them, made plain.
import type { Executor } from '../../platform/db/executor.js';
import { int } from '../../platform/db/executor.js';
import { checkReadOnly } from './check.js';
import { describeError } from './runner.js';

export const CONSOLE_LIMITS = { timeoutMs: 30_000, maxRows: 1_000 } as const;

export class ConsoleFailed extends Error {
  override name = 'ConsoleFailed';
  readonly code = 'BAD_INPUT';
}

export interface ConsoleResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  durationMs: number;
}

/** JSON numbers arrive as floats; a whole number is sent as a Cypher integer so `LIMIT $n` works. */
function cypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? int(v) : v]));
}

export async function runConsole(
  db: Executor,
  cypher: string,
  params: Record<string, unknown>,
  meta: Record<string, unknown> = {},
): Promise<ConsoleResult> {
  const t0 = performance.now();
  const p = cypherParams(params);
  const columns = await checkReadOnly(db, cypher, p, 'console');
  try {
    const { rows, truncated } = await db.readCapped(cypher, p, CONSOLE_LIMITS.maxRows, {
      timeoutMs: CONSOLE_LIMITS.timeoutMs,
      metadata: { app: 'huiyan', op: 'console', ...meta },
    });
    return { columns, rows, truncated, durationMs: Math.round(performance.now() - t0) };
  } catch (e) {
    throw new ConsoleFailed(`console: ${describeError(e)}`);
  }
}
