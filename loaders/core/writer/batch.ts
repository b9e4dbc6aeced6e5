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
import { RepeatFilter } from './repeats.js';
import { packRows } from './packed-rows.js';

export type { Accepted } from './group.js';

export interface BatchContext {
  executor: Executor;
  schema: GraphSchema;
  mapping: Mapping;
  source: string;
  file: string;
  run: string;
  /** Nothing is read from or written to the database before this settles (load-file.ts). */
  after?: Promise<unknown>;
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
 * The online writer of one file: each batch is one write transaction, all or nothing, and one is in flight at a
 * time: the next batch is read, normalised, grouped and packed while this one runs and commits, and its
 * statements go the moment this one has committed. The server does not wait for this process to pack a
 * batch, and batches are applied in file order, the later building on the earlier.
 *
 * Until 2026-12-07 the next batch started as soon as this one's statements had run, its commit still on the
 * way. Two transactions in flight kept twice the state alive in the server, whose collector then copied it
 * on every pause: with the server on a core of its own, the 100,000-person county's online load used
 * 134.4–136.8 CPU seconds of the server this way against 146.1–158.3 with the overlap (docs/bench.md).
 *
 * A mapping that requires a label it also creates (shareholders: a company that is a shareholder can be
 * another row's company) checks references while its next batch is prepared, which must see this one
 * committed; its next batch is prepared only then.
 */
export function onlineBatchWriter(ctx: BatchContext, queries: ReturnType<typeof queriesFor>): BatchTarget {
  const meta = { metadata: { app: 'huiyan-loader', source: ctx.source, run: ctx.run } };
  const creates = new Set(ctx.mapping.nodes.filter((n) => !n.mustExist).map((n) => n.label));
  const prepareAhead = !ctx.mapping.nodes.some((n) => n.mustExist && creates.has(n.label));
  const repeats = new RepeatFilter(ctx.mapping);
  // Per batch, in file order: settles once the batch is in the database or has failed.
  const landed: Promise<void>[] = [];
  // The first batch that failed: a batch prepared behind it must not be written past it.
  let broken: { error: unknown } | undefined;

  const write = async (statements: Statement[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await ctx.executor.writePipelined(statements, meta);
        return;
      } catch (e) {
        // Nothing later has started (one transaction in flight), so writing the batch again keeps the order;
        // its statements are MERGEs, so a commit that did land before the failure was reported changes nothing.
        if (!isTransient(e) || attempt >= ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  };

  async function writeBatch(rows: Accepted[], go: () => void, seq: number): Promise<Refused[]> {
    const { statements, rejected } = await prepareBatch(ctx, queries, repeats, rows);
    // The batch before (and with it batch seq - SETTLED_LAG, whose rows the repeat filter may have left out of
    // this one) must be in the database before this one runs.
    await landed[seq - 1];
    if (broken) throw broken.error;
    if (!statements.length) return rejected;
    try {
      if (prepareAhead) go();
      await write(statements);
    } catch (e) {
      broken ??= { error: e };
      throw e;
    }
    return rejected;
  }

  // Looked up once per file: most graphs hold no merged record, and their batches skip the lookup. Every
  // batch awaits it, so none touches the database before `after`.
  const merged = (ctx.after ?? Promise.resolve()).then(() => anyMerged(ctx.executor));
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
