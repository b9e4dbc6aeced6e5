// Full-snapshot deliveries (docs/loaders.md "Full snapshots and deltas"). A department that sends its whole
// register each time says, by leaving a row out, that the fact has ended. After a source's snapshot has
// loaded, every fact of that source that is still open and that the delivery did not write is ended: its
// `to` becomes the delivery date and the ending is recorded (`_endedBy`, `_endedOn`). Nothing is deleted,
// so history stays queryable and the models (which read `from`/`to`) see what was current at their date.
// A delta (the default) ends nothing: its deletions are explicit (an end date, a 注销 flag).
import type { Executor } from '../../platform/db/executor.js';
import { CodedError } from '../../platform/errors.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { endsByDate, uidOf, type GraphSchema } from '../../platform/schema/graph-schema.js';
import type { Mapping, NormSpec } from './mapping/types.js';
import { NORMALISERS, type Cell } from './normalise/index.js';
import type { DataRow } from './readers/source-reader.js';
import type { Bound } from './transform.js';

export interface SnapshotOption {
  /** Mapping ids whose files are full snapshots, or every source of the load. */
  sources: string[] | 'all';
  /** The delivery's date, YYYY-MM-DD: what it lacks ended on this day. */
  deliveredOn: string;
}

/**
 * Above this share of rejected rows a snapshot ends nothing: a delivery that lost that many rows to bad
 * values is no evidence that any one fact is gone (an export cut short, a column shifted).
 */
export const MAX_REJECT_SHARE = 0.05;

/** Relationships ended per auto-committed transaction. */
const END_BATCH = 10_000;

/** Today's date where the loader runs, YYYY-MM-DD: the default delivery date. */
export const today = (): string => new Date().toLocaleDateString('en-CA');

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function checkSnapshotOption(o: SnapshotOption): void {
  if (!isIsoDate(o.deliveredOn)) throw new CodedError('BAD_INPUT', `snapshot delivery date "${o.deliveredOn}" is not a date YYYY-MM-DD`);
}

export const isSnapshotSource = (o: SnapshotOption | undefined, source: string): boolean =>
  !!o && (o.sources === 'all' || o.sources.includes(source));

/** Relationship types a mapping writes that hold over time (graph.yaml gives them a `to`): events never end. */
export function endableTypes(schema: GraphSchema, mapping: Mapping): string[] {
  return [...new Set(mapping.relationships.map((r) => r.type))].filter((t) => endsByDate(schema.relationships[t]));
}

/** Every value a key cell may normalise to: a switch normaliser whose selector is unreadable tries each case. */
function candidates(spec: NormSpec, raw: Cell): string[] {
  if (spec.type === 'switch' && 'cases' in spec)
    return [...Object.values(spec.cases), ...(spec.default ? [spec.default] : [])].flatMap((c) => candidates(c, raw));
  try {
    const v = NORMALISERS[spec.type]!.run(raw, (spec as { opts: Record<string, unknown> }).opts);
    return v === null ? [] : [String(v)];
  } catch {
    return [];
  }
}

/**
 * What the rejected rows of a delivery name. A rejected row is not proof that its fact is gone, so the fact
 * it would have written stays open: a row whose two ends can still be read (a shareholder row with a bad
 * ratio names the company and the holder) spares the facts between them; a row naming only one entity (a
 * bad holder ID) spares every fact of that entity, since the other end could be anyone; a row naming none
 * could be any fact, and holds back the whole ending.
 */
export class RejectedRows {
  /** Entities each of whose facts stays open (uids). */
  readonly entities = new Set<string>();
  /** Pairs whose facts stay open, `startUid|endUid`, both ways. */
  readonly pairs = new Set<string>();
  unattributed = 0;

  constructor(
    private readonly schema: GraphSchema,
    private readonly pseudonymise?: Pseudonymiser,
  ) {}

  add(bound: Bound, data: DataRow): void {
    const named = new Set<string>();
    for (const spec of bound.mapping.nodes) {
      // A looked-up node's cell is a name, not its key: which node it meant is unknown, so the row's other
      // entities keep every fact open, not only those with a node of that name (safe, if wider).
      if (spec.lookup !== undefined) continue;
      const header = bound.keys[spec.key];
      const raw = data.error || header === undefined ? null : (data.values[header] ?? null);
      if (raw === null) continue;
      const label = this.schema.labels[spec.label]!;
      const sensitive = label.properties[label.key]!.sensitive;
      for (const key of candidates(bound.mapping.columns[spec.key]!.normalise, raw))
        named.add(uidOf(spec.label, sensitive && this.pseudonymise ? this.pseudonymise(key) : key));
    }
    if (named.size === 0) this.unattributed++;
    else if (named.size === 1) this.entities.add([...named][0]!);
    else for (const a of named) for (const b of named) if (a !== b) this.pairs.add(`${a}|${b}`);
  }
}

export interface Delivery {
  source: string;
  /** The LoadRuns of this delivery's files: what they wrote is confirmed. */
  runs: string[];
  deliveredOn: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Files of the delivery refused whole (missing columns, unreadable). */
  filesRefused: number;
  rejected: RejectedRows;
  types: string[];
}

export interface SnapshotOutcome {
  relationshipsEnded: number;
  /** Why nothing was ended, when the delivery could not be trusted to be whole. */
  held?: string;
}

/** Why a delivery must not end anything, or undefined when it may. */
export function holdReason(
  d: Pick<Delivery, 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'filesRefused' | 'rejected'>,
): string | undefined {
  if (d.filesRefused > 0) return `${d.filesRefused} file(s) of the delivery refused whole: the delivery is not complete`;
  if (d.rowsLoaded === 0) return 'no row loaded: an empty delivery is no evidence that every fact ended';
  if (d.rowsRejected > d.rowsRead * MAX_REJECT_SHARE)
    return `${d.rowsRejected} of ${d.rowsRead} rows rejected (more than ${MAX_REJECT_SHARE * 100}%)`;
  if (d.rejected.unattributed > 0) return `${d.rejected.unattributed} rejected row(s) name no entity, so could be any fact`;
  return undefined;
}

/**
 * Ends what the delivery lacks. `_endedBy` is the delivery's last run. Facts last written by a run of a
 * later delivery (an older export loaded late) are left alone, and so are derived facts (household kinship,
 * re-derived from the register) and the facts rejected rows may stand for (RejectedRows).
 */
export async function endMissing(executor: Executor, d: Delivery): Promise<SnapshotOutcome> {
  const held = holdReason(d);
  if (held) return { relationshipsEnded: 0, held };
  const { rows } = await executor.read<{ id: string }>(
    'MATCH (r:LoadRun {source: $source}) WHERE r.deliveredOn > date($d) AND NOT r.id IN $runs RETURN r.id AS id',
    { source: d.source, d: d.deliveredOn, runs: d.runs },
  );
  const keep = [...d.runs, ...rows.map((r) => r.id)];
  const params = {
    source: d.source,
    keep,
    d: d.deliveredOn,
    by: d.runs.at(-1)!,
    entities: [...d.rejected.entities],
    pairs: [...d.rejected.pairs],
  };
  let ended = 0;
  for (const type of d.types) {
    const { rows: counts } = await executor.autoCommit<{ ended: number }>(
      `MATCH (a)-[r:${type}]->(b)
       WHERE r._source = $source AND r._derived IS NULL AND NOT r._run IN $keep
         AND (r.to IS NULL OR r.to > date($d))
         AND NOT a.uid IN $entities AND NOT b.uid IN $entities AND NOT a.uid + '|' + b.uid IN $pairs
       CALL (r) { SET r.to = date($d), r._endedBy = $by, r._endedOn = date($d) } IN TRANSACTIONS OF ${END_BATCH} ROWS
       RETURN count(*) AS ended`,
      params,
    );
    ended += counts[0]?.ended ?? 0;
  }
  return { relationshipsEnded: ended };
}

/**
 * Run once per file and endable type: it finds the ended relationships through their type's `_endedOn` index
 * (platform/schema/apply.ts), which holds only ended ones, instead of scanning every relationship of the type.
 */
export function reopenQuery(type: string): string {
  return `MATCH ()-[r:${type}]->()
       WHERE r._run IN $runs AND r._endedOn IS NOT NULL AND r.to = r._endedOn AND r._endedOn < date($d)
       CALL (r) {
         SET r._spells = coalesce(r._spells, []) + [coalesce(toString(r.from), '') + '/' + toString(r.to)],
             r.to = null, r._endedBy = null, r._endedOn = null, r._reopenedOn = date($d)
       } IN TRANSACTIONS OF ${END_BATCH} ROWS
       RETURN count(*) AS n`;
}

/**
 * A fact a snapshot ended that a later delivery (snapshot or delta) names again is open again. It stays one
 * relationship, because the writer's MERGE matches every relationship of the type between the pair: a
 * second spell beside the ended one would be rewritten by each later delivery as well. The ended spell is
 * kept in `_spells` ('from/to', from empty when unknown) and `_reopenedOn`; `from` stays the source's own
 * (a row missing from one delivery and back in the next is as often an export's omission as an exit and a
 * return, and the next delivery would write its 认缴日期 back anyway).
 */
export async function reopenReturned(executor: Executor, types: string[], runs: string[], deliveredOn: string): Promise<number> {
  let reopened = 0;
  for (const type of types) {
    const { rows } = await executor.autoCommit<{ n: number }>(reopenQuery(type), { runs, d: deliveredOn });
    reopened += rows[0]?.n ?? 0;
  }
  return reopened;
}
