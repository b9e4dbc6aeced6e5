// Per-request batching (the DataLoader pattern, without the dependency): keys asked for in the same tick
// go to Neo4j in one UNWIND query, so a list of 50 alerts asking for their subjects costs one round trip,
// not 50. Fresh per request, so nothing leaks between callers with different roles. The queries are the
// features' (server/alerts/queries.ts for alerts); this file only batches them.
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { degreeOf } from './degree.js';
import type { Executor, RunOptions } from '../../platform/db/executor.js';
import { alertSubjects, type SubjectRow } from '../alerts/queries.js';

/** Per-statement options for one API operation (time limit and transaction metadata); context.ts makes it. */
export type TxMeta = (op: string) => RunOptions & { timeoutMs: number; metadata: Record<string, unknown> };

export class Batcher<K, V> {
  #pending = new Map<K, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>();
  #cache = new Map<K, Promise<V>>();
  #scheduled = false;

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  load(key: K): Promise<V> {
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const p = new Promise<V>((resolve, reject) => {
      const waiting = this.#pending.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.#pending.set(key, waiting);
    });
    this.#cache.set(key, p);
    if (!this.#scheduled) {
      this.#scheduled = true;
      // setImmediate runs after the current round of resolvers has asked for its keys.
      setImmediate(() => void this.#flush());
    }
    return p;
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = new Map();
    this.#scheduled = false;
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [k, ws] of batch) for (const w of ws) w.resolve(found.has(k) ? (found.get(k) as V) : this.missing);
    } catch (e) {
      for (const ws of batch.values()) for (const w of ws) w.reject(e);
    }
  }
}

export type { SubjectRow };
export interface ModelRunRow {
  [k: string]: unknown;
}

export interface Batchers {
  degree: Batcher<string, number>;
  subjects: Batcher<string, SubjectRow[]>;
  lastRun: Batcher<string, ModelRunRow | null>;
}

export function createBatchers(executor: Executor, txMeta: TxMeta, schema: GraphSchema): Batchers {
  const read = async <T>(op: string, cypher: string, keys: string[]) => (await executor.read<T>(cypher, { keys }, txMeta(op))).rows;
  return {
    degree: new Batcher(async (keys) => {
      const rows = await read<{ k: string; d: number }>(
        'degree',
        `UNWIND $keys AS k MATCH (n:Entity {uid: k}) RETURN k, ${degreeOf(schema, 'n')} AS d`,
        keys,
      );
      return new Map(rows.map((r) => [r.k, r.d]));
    }, 0),
    subjects: new Batcher((keys) => alertSubjects(executor, keys, txMeta('alert.subjects')), []),
    lastRun: new Batcher(async (keys) => {
      const rows = await read<{ k: string; run: ModelRunRow }>(
        'model.lastRun',
        `MATCH (r:ModelRun) WHERE r.modelId IN $keys
         WITH r ORDER BY r.startedAt DESC
         WITH r.modelId AS k, collect(r)[0] AS last
         RETURN k, properties(last) AS run`,
        keys,
      );
      return new Map(rows.map((r) => [r.k, r.run]));
    }, null),
  };
}
