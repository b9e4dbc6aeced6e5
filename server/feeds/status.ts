// Each feed's status, from the registry and the LoadRun nodes the loaders leave (one per loaded file):
// a delivery is the feed's load runs of one day (UTC+8), since a department's monthly filing is often
// several files loaded together. Two reads, whatever the number of feeds: the runs of every mapping the
// registry names, and the units it names.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import type { Feed } from '../../platform/feeds/registry.js';
import { chinaDate, isOverdue, nextDue } from './due.js';

export interface FeedRun {
  id: string;
  source: string;
  file: string;
  startedAt: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Totals and lines under the table set aside (not records; notes in the rejects file). */
  rowsAside: number;
  rejectsFile: string | null;
  /** `refused`: the file was refused whole (required columns missing, unreadable), `reason` saying why. */
  status: 'loaded' | 'stopped' | 'refused';
  reason: string | null;
}

export interface Delivery {
  /** `feedId:YYYY-MM-DD`. */
  id: string;
  date: string;
  runs: FeedRun[];
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsAside: number;
  /** rowsRejected / rowsRead; 0 for a delivery of no rows. */
  rejectRate: number;
  /**
   * Files of the delivery refused whole and not loaded since that day (a corrected file or a mended mapping
   * loads it again under the same name): none of their rows is read, so the rate cannot show them.
   */
  filesRefused: number;
  /** Those files' refused runs, newest first. */
  refused: FeedRun[];
}

/** A unit as the registry names it (code or name) and the Org it resolved to, if any. */
export interface UnitRef {
  ref: string;
  uid: string | null;
  name: string | null;
}

export interface FeedStatus {
  feed: Feed;
  department: UnitRef;
  responsible: UnitRef;
  /** Newest first. */
  deliveries: Delivery[];
  last: Delivery | null;
  nextDue: string | null;
  overdue: boolean;
  /** The last delivery's share of rejected rows is above the feed's rejectRateMax, or it had a file refused whole. */
  rejectsOver: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const RUN =
  'r {.id, .source, .file, .startedAt, .rowsRead, .rowsLoaded, .rowsRejected, .rowsAside, .rejectsFile, .status, .stopReason} AS r';

const toRun = (r: Record<string, unknown>): FeedRun => ({
  id: String(r.id),
  source: String(r.source),
  file: String(r.file ?? ''),
  startedAt: String(r.startedAt ?? ''),
  rowsRead: num(r.rowsRead),
  rowsLoaded: num(r.rowsLoaded),
  rowsRejected: num(r.rowsRejected),
  rowsAside: num(r.rowsAside),
  rejectsFile: typeof r.rejectsFile === 'string' && r.rejectsFile !== '' ? r.rejectsFile : null,
  status: r.status === 'refused' || r.status === 'stopped' ? r.status : 'loaded',
  reason: typeof r.stopReason === 'string' && r.stopReason !== '' ? r.stopReason : null,
});

/**
 * The newest runs of each source, newest first. The status needs the last delivery and a trend of at most
 * 50 (the API's cap), so older history stays in the database: a site loading daily for years has
 * thousands of runs per source, and reading them all made the registry page slow.
 */
export const RUNS_PER_SOURCE = 200;

export async function readRuns(db: Executor, sources: string[], opts: RunOptions = {}): Promise<FeedRun[]> {
  const { rows } = await db.read<{ r: Record<string, unknown> }>(
    `UNWIND $sources AS source
     CALL (source) {
       MATCH (r:LoadRun {source: source}) RETURN r ORDER BY r.startedAt DESC, r.id LIMIT $per
     }
     RETURN ${RUN} ORDER BY r.startedAt DESC, r.id`,
    { sources: [...new Set(sources)], per: int(RUNS_PER_SOURCE) },
    opts,
  );
  return rows.map(({ r }) => toRun(r));
}

export async function readRun(db: Executor, id: string, opts: RunOptions = {}): Promise<FeedRun | null> {
  const { rows } = await db.read<{ r: Record<string, unknown> }>(`MATCH (r:LoadRun {id: $id}) RETURN ${RUN}`, { id }, opts);
  return rows[0] ? toRun(rows[0].r) : null;
}

/** A unit named by code first (codes are unique), then by its exact name (the first, if two share it). */
export async function resolveUnits(db: Executor, refs: string[], opts: RunOptions = {}): Promise<Map<string, UnitRef>> {
  const { rows } = await db.read<{ ref: string; uid: string | null; name: string | null }>(
    `UNWIND $refs AS ref
     WITH ref, coalesce(head(COLLECT { MATCH (o:Org {code: ref}) RETURN o }),
                        head(COLLECT { MATCH (o:Org) WHERE o.name = ref RETURN o ORDER BY o.uid })) AS o
     RETURN ref, o.uid AS uid, o.name AS name`,
    { refs: [...new Set(refs)] },
    opts,
  );
  return new Map(rows.map((r) => [r.ref, { ref: r.ref, uid: r.uid ?? null, name: r.name ?? null }]));
}

/** Groups a feed's runs (newest first) into deliveries by their day at UTC+8. */
export function deliveriesOf(feedId: string, runs: FeedRun[]): Delivery[] {
  const byDate = new Map<string, FeedRun[]>();
  for (const r of runs) {
    const date = chinaDate(r.startedAt);
    byDate.set(date, [...(byDate.get(date) ?? []), r]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, rs]) => {
      const sum = (k: 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'rowsAside') => rs.reduce((s, r) => s + r[k], 0);
      const rowsRead = sum('rowsRead');
      const rowsRejected = sum('rowsRejected');
      const refused = rs.filter(
        (r) => r.status === 'refused' && !rs.some((o) => o.status !== 'refused' && o.file === r.file && o.startedAt > r.startedAt),
      );
      return {
        id: `${feedId}:${date}`,
        date,
        runs: rs,
        rowsRead,
        rowsLoaded: sum('rowsLoaded'),
        rowsRejected,
        rowsAside: sum('rowsAside'),
        rejectRate: rowsRead > 0 ? rowsRejected / rowsRead : 0,
        filesRefused: refused.length,
        refused,
      };
    });
}

export function statusOf(feed: Feed, runs: FeedRun[], units: Map<string, UnitRef>, now: Date): FeedStatus {
  const deliveries = deliveriesOf(feed.id, runs);
  const last = deliveries[0] ?? null;
  // A delivery whose every file was refused did not file the data: the due date runs from the last one that did.
  const filed = deliveries.find((d) => d.runs.some((r) => r.status !== 'refused'))?.date ?? null;
  const due = nextDue(feed, filed);
  const unit = (ref: string): UnitRef => units.get(ref) ?? { ref, uid: null, name: null };
  return {
    feed,
    department: unit(feed.department),
    responsible: unit(feed.responsible),
    deliveries,
    last,
    nextDue: due,
    overdue: isOverdue(feed, due, filed, now),
    rejectsOver: last !== null && (last.rejectRate > feed.rejectRateMax || last.filesRefused > 0),
  };
}

/** Every feed's status at `now`, in registry order. */
export async function feedStatuses(db: Executor, feeds: Feed[], now: Date, opts: RunOptions = {}): Promise<FeedStatus[]> {
  if (feeds.length === 0) return [];
  const runs = await readRuns(
    db,
    feeds.flatMap((f) => f.mappings),
    opts,
  );
  const units = await resolveUnits(
    db,
    feeds.flatMap((f) => [f.department, f.responsible]),
    opts,
  );
  return feeds.map((f) =>
    statusOf(
      f,
      runs.filter((r) => f.mappings.includes(r.source)),
      units,
      now,
    ),
  );
}
