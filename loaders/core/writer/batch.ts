// Writes batches of accepted rows: first checks references the source may not create (rows naming an
// unknown project become rejects), then sends every node statement and then every relationship statement
// in one write transaction, so a batch lands whole or not at all.
import type { Executor } from '../../../platform/db/executor.js';
import { isTransient } from '../../../platform/db/errors.js';
import type { GraphSchema } from '../../../platform/schema/graph-schema.js';
import type { Mapping } from '../mapping/types.js';
import type { BatchTarget, Refused } from '../file-pass.js';
import { existingKeysQuery, lookupKeysQuery, nodeMergeQuery, relMergeQuery, spellMergeQuery, type RowQuery } from './cypher.js';
import { applyLookups, checkReferences, groupBatch, wantedKeys, wantedLookups, type Accepted } from './group.js';
import { anyMerged, redirectMerged } from './merged.js';
import { RepeatFilter, SETTLED_LAG } from './repeats.js';
import { packRows } from './packed-rows.js';

export type { Accepted } from './group.js';

export interface BatchContext {
  executor: Executor;
  schema: GraphSchema;
  mapping: Mapping;
  source: string;
  file: string;
  run: string;
}

/** Query texts per mapping, built once. */
export function queriesFor(schema: GraphSchema, mapping: Mapping) {
  const label = (ref: string) => mapping.nodes.find((n) => n.ref === ref)!.label;
  return {
    nodes: mapping.nodes.map((n) => (n.mustExist ? undefined : nodeMergeQuery(schema, n))),
    rels: mapping.relationships.map((r) => (r.spell ? spellMergeQuery : relMergeQuery)(schema, r, label(r.from), label(r.to))),
  };
}

type Statement = { cypher: string; params: Record<string, unknown> };

/**
 * The reference check and the statements one batch sends: node statements before relationship ones, less
 * the node rows that repeat, with nothing new, what an earlier batch of the file wrote (repeats.ts).
 */
async function prepareBatch(
  ctx: BatchContext,
  queries: ReturnType<typeof queriesFor>,
  repeats: RepeatFilter,
  rows: Accepted[],
): Promise<{ statements: Statement[]; rejected: Refused[] }> {
  const { executor, schema, mapping } = ctx;
  // Nodes found by a property (a unit by its name): one query per label, property and batch.
  const keysOf = new Map<string, Map<string, string[]>>();
  for (const [k, { label, prop, values }] of wantedLookups(rows)) {
    const { rows: hits } = await executor.read<{ v: string; keys: string[] }>(lookupKeysQuery(schema, label, prop), {
      values: [...values],
    });
    keysOf.set(k, new Map(hits.map((h) => [h.v, h.keys])));
  }
  const looked = keysOf.size
    ? applyLookups(rows, (label, prop, v) => keysOf.get(`${label}\t${prop}`)?.get(v) ?? [])
    : { ok: rows, rejected: [] };
  // References that must already exist: one query per referenced label and batch, not one per row.
  const found = new Map<string, Set<string>>();
  for (const [label, keys] of wantedKeys(looked.ok)) {
    const { rows: hits } = await executor.read<{ k: string }>(existingKeysQuery(schema, label), { keys: [...keys] });
    found.set(label, new Set(hits.map((h) => h.k)));
  }
  const checked = checkReferences(looked.ok, (label, key) => found.get(label)?.has(key) ?? false);
  const ok = checked.ok;
  const rejected = [...looked.rejected, ...checked.rejected];
  const { nodes, rels } = repeats.filter(groupBatch(mapping, ok));
  const common = { source: ctx.source, file: ctx.file, run: ctx.run };
  const statements: Statement[] = [];
  nodes.forEach((list, i) => {
    const q = queries.nodes[i];
    if (q && list?.length)
      statements.push(
        rowStatement(
          q,
          list.map((r) => [r.key, r.uid, r.row, ...q.props.map((p) => r.p[p] ?? null)]),
          common,
        ),
      );
  });
  rels.forEach((list, i) => {
    const q = queries.rels[i]!;
    if (list.length)
      statements.push(
        rowStatement(
          q,
          list.map((r) =>
            r.spells
              ? [r.from, r.to, r.row, r.spells.map((s) => [s.from, s.to, s.row, ...q.props.map((p) => s.p[p] ?? null)])]
              : [r.from, r.to, r.row, ...q.props.map((p) => r.id[p] ?? r.p[p] ?? null)],
          ),
          common,
        ),
      );
  });
  return { statements, rejected };
}

/** A statement over its rows: packed in one string when they all have a text form, else as lists. */
function rowStatement(q: RowQuery, rows: unknown[][], common: Record<string, string>): Statement {
  const packed = q.packed !== undefined ? packRows(rows as Parameters<typeof packRows>[0], q.types) : undefined;
  return packed !== undefined ? { cypher: q.packed!, params: { packed, ...common } } : { cypher: q.cypher, params: { rows, ...common } };
}

/** Attempts at running a batch's statements when they fail for a transient reason (a deadlock, say). */
const ATTEMPTS = 5;

/**
 * The online writer of one file: each batch is one write transaction, all or nothing, and the next batch
 * starts as soon as this one's statements have run, while its commit is still on the way. The server thus
 * never waits for this process to pack the next batch, and works on one batch while committing the other.
 * The outcome is the serial one: a transaction that has run holds the write lock of everything it wrote
 * until it commits, and Neo4j locks before it evaluates a SET's values (cypher.ts), so a later batch
 * touching the same node or relationship waits for the earlier commit and builds on it.
 *
 * A mapping that requires a label it also creates (shareholders: a company that is a shareholder can be
 * another row's company) checks references that an earlier, uncommitted batch may be writing; its batches
 * stay strictly one after another.
 */
export function onlineBatchWriter(ctx: BatchContext, queries: ReturnType<typeof queriesFor>): BatchTarget {
  const meta = { metadata: { app: 'huiyan-loader', source: ctx.source, run: ctx.run } };
  const creates = new Set(ctx.mapping.nodes.filter((n) => !n.mustExist).map((n) => n.label));
  // Spells are merged with the stored ones by reading them (cypher.ts spellMergeQuery): a batch must see the
  // one before committed, so a spell mapping's batches run one after another too.
  const overlap = !ctx.mapping.nodes.some((n) => n.mustExist && creates.has(n.label)) && !ctx.mapping.relationships.some((r) => r.spell);
  // Batches started and not yet settled, oldest first; and the replay in progress, if any (below).
  const open: { statements: Statement[]; settled: Promise<unknown> }[] = [];
  let replaying: Promise<void> = Promise.resolve();
  const repeats = new RepeatFilter(ctx.mapping);
  // Per batch, in file order: settles once the batch is in the database (committed, or replayed) or has failed.
  const landed: Promise<void>[] = [];

  const run = async (statements: Statement[]) => {
    for (let attempt = 1; ; attempt++) {
      const tx = ctx.executor.writePhased(statements, meta);
      try {
        await tx.executed;
        return tx;
      } catch (e) {
        // Nothing later has started yet (go() comes after this), so running the batch again keeps the order.
        if (!isTransient(e) || attempt >= ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  };

  async function writeBatch(rows: Accepted[], go: () => void, seq: number): Promise<Refused[]> {
    const { statements, rejected } = await prepareBatch(ctx, queries, repeats, rows);
    // The repeat filter left out rows that batch seq - SETTLED_LAG or earlier wrote: that batch must be in
    // the database before this one runs. It nearly always is already; the wait makes it certain.
    await landed[seq - SETTLED_LAG];
    if (!statements.length) return rejected;
    // Wait out a replay, and start without an await in between, so a replay begun later includes this batch.
    for (let r = replaying; ; r = replaying) {
      await r;
      if (r === replaying) break;
    }
    let settle!: () => void;
    const entry = { statements, settled: new Promise<void>((r) => (settle = r)) };
    open.push(entry);
    try {
      const tx = await run(statements);
      if (overlap) go();
      try {
        await tx.committed;
      } catch (e) {
        if (!isTransient(e)) throw e;
        // The commit failed after later batches had started: they ran without this one underneath. Let
        // them settle, then apply this batch and each later one again, in order; batches are idempotent
        // MERGEs, so what results is the serial outcome. Replays queue behind each other.
        const later = open.slice(open.indexOf(entry));
        settle();
        replaying = replaying.then(async () => {
          await Promise.all(later.map((l) => l.settled));
          for (const l of later) await ctx.executor.writeTx(l.statements, meta);
        });
        await replaying;
      }
    } finally {
      settle();
      open.splice(open.indexOf(entry), 1);
    }
    return rejected;
  }

  // Looked up once per file: most graphs hold no merged record, and their batches skip the lookup.
  const merged = anyMerged(ctx.executor);
  merged.catch(() => undefined);

  return {
    async write(rows, go) {
      const seq = landed.length;
      let land!: () => void;
      landed.push(new Promise<void>((r) => (land = r)));
      try {
        if (await merged) await redirectMerged(ctx.executor, rows);
        return await writeBatch(rows, go, seq);
      } finally {
        land();
      }
    },
  };
}
