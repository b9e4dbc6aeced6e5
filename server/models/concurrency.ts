// How many models one run of the whole library (start, `npm run models -- run`) sends to the database at
// once. Models only read the graph and each writes its own alerts, so any two may run side by side; what
// limits it is the database's cores: a model's query is single-threaded in Neo4j Community, so more models
// at once than the server has cores only queue inside it. HUIYAN_MODEL_CONCURRENCY sets it (1: one model
// after another, as before); unset, it is the server's cores as the JVM reports them.
import type { Executor } from '../../platform/db/executor.js';

export const MAX_MODEL_CONCURRENCY = 16;

export class ConcurrencyError extends Error {}

/** HUIYAN_MODEL_CONCURRENCY as a number, undefined when unset; a bad value is refused with the reason. */
export function concurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.HUIYAN_MODEL_CONCURRENCY?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_MODEL_CONCURRENCY)
    throw new ConcurrencyError(`HUIYAN_MODEL_CONCURRENCY must be a whole number from 1 to ${MAX_MODEL_CONCURRENCY}, got "${raw}"`);
  return n;
}

/**
 * The processors the database server's JVM sees (the server may be another machine than this process's),
 * or undefined when it does not say (JMX refused, a managed service).
 */
export async function serverCores(db: Executor): Promise<number | undefined> {
  try {
    const { rows } = await db.read<{ cores: unknown }>(
      "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.AvailableProcessors.value AS cores",
    );
    const cores = Number(rows[0]?.cores);
    return Number.isInteger(cores) && cores > 0 ? cores : undefined;
  } catch {
    return undefined;
  }
}

/** The setting when given, else the server's cores (capped), else 1. */
export async function modelConcurrency(db: Executor, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const set = concurrencyFromEnv(env);
  if (set !== undefined) return set;
  return Math.min(MAX_MODEL_CONCURRENCY, (await serverCores(db)) ?? 1);
}
