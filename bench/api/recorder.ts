// What the API sends to Neo4j, statement by statement: the app and its access store are given an Executor
// wrapped here, so the benchmark can replay exactly the Cypher of an operation through the driver (same
// text, same parameters, same transaction kind) and can tell the resolvers' statements (transaction
// metadata from ctx.txMeta) from the ones authentication sends.
import type { Executor } from '../../platform/db/executor.js';

/** The Executor methods that send statements; replayed with the same method and arguments. */
const SENDS = new Set(['read', 'write', 'writeTx', 'readCapped', 'explain', 'autoCommit']);

export interface Statement {
  method: string;
  args: unknown[];
  /** The `op` of the transaction metadata: set by resolvers (ctx.txMeta), absent for authentication. */
  op: string | null;
  startMs: number;
  endMs: number;
}

/** The metadata's op, wherever the method carries its options (the last argument). */
function opOf(args: unknown[]): string | null {
  const last = args.at(-1) as { metadata?: { op?: unknown } } | undefined;
  const op = last && typeof last === 'object' ? last.metadata?.op : undefined;
  return typeof op === 'string' ? op : null;
}

export class Recorder {
  /** Statements are kept only while on: the measured loops must not grow a list. */
  on = false;
  statements: Statement[] = [];

  take(): Statement[] {
    const s = this.statements;
    this.statements = [];
    return s;
  }

  /** The same executor, recording what passes through it while `on`. */
  wrap(ex: Executor): Executor {
    return new Proxy(ex, {
      get: (target, prop, receiver) => {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        // Executor keeps its state in private fields: methods must run on the target, not the proxy.
        const bound = (v as (...a: unknown[]) => unknown).bind(target);
        if (typeof prop !== 'string' || !SENDS.has(prop)) return bound;
        return async (...args: unknown[]) => {
          if (!this.on) return bound(...args);
          const startMs = performance.now();
          try {
            return await bound(...args);
          } finally {
            this.statements.push({ method: prop, args, op: opOf(args), startMs, endMs: performance.now() });
          }
        };
      },
    });
  }
}

/**
 * A request's resolver statements as waves: statements that overlapped in time (Promise.all in a
 * resolver, the page and its count) form one wave and are replayed together; waves run one after another.
 */
export function wavesOf(statements: Statement[]): Statement[][] {
  const sorted = statements.filter((s) => s.op !== null).sort((a, b) => a.startMs - b.startMs);
  const waves: Statement[][] = [];
  let end = -Infinity;
  for (const s of sorted) {
    const wave = waves.at(-1);
    if (wave && s.startMs < end) wave.push(s);
    else waves.push([s]);
    end = Math.max(s.startMs < end ? end : -Infinity, s.endMs);
  }
  return waves;
}

/** How long at least one of the statements was running: the union of their intervals. */
export function busyMs(statements: Statement[]): number {
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const s of [...statements].sort((a, b) => a.startMs - b.startMs)) {
    if (s.startMs > to) {
      if (to > from) total += to - from;
      from = s.startMs;
      to = s.endMs;
    } else to = Math.max(to, s.endMs);
  }
  return to > from ? total + to - from : total;
}

/**
 * Runs the waves through the executor as the API did, without HTTP, GraphQL, authentication or audit;
 * resolves with what the last wave's statements returned.
 */
export async function replay(ex: Executor, waves: Statement[][]): Promise<unknown[]> {
  let last: unknown[] = [];
  for (const wave of waves) {
    last = await Promise.all(
      wave.map((s) => (ex as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[s.method]!(...s.args)),
    );
  }
  return last;
}
