// One pass over one file, shared by the online loader and the bulk path: read → normalise → reject or
// batch → hand each batch to a writer, then the reconciliation (rows read = loaded + rejected + duplicates
// skipped). What a batch is written to (Neo4j, or the bulk path's in-memory image) is the caller's.
import path from 'node:path';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { runId, sha256File, type LoadRunRecord } from './load-run.js';
import type { Mapping } from './mapping/types.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { DataRow, SheetRead, SourceReader } from './readers/reader-types.js';
import { RejectsWriter } from './rejects.js';
import { transformRow, type Bound, type Problem } from './transform.js';
import { splitRow, splitterOf } from './split.js';
import { downFiller } from './fill-down.js';
import { columnReport } from './column-report.js';
import { bilingual, UnreadableFile } from './errors.js';
import { bindOrExplain } from './missing-columns.js';
import { cellProblems, type CellCheck } from './readers/cell-check.js';
import { DEFAULT_LIMITS } from './readers/limits.js';
import type { Accepted } from './writer/group.js';
import type { RowResult } from './transform.js';

/**
 * Rows per write transaction. Larger batches mean fewer round trips and commits, but when the online writer
 * kept two transactions in flight (until 2026-12-07, writer/batch.ts), at 10,000 rows their state outlived
 * the server's young generation: promoted to the old one, it made each young collection copy it (200–450 ms
 * pauses against 20–90) and the server spent a sixth of its CPU collecting. 5,000 kept the state of two as
 * small as one was; 2,500 paid more in per-batch work than it saved (docs/bench.md, "Batches of 5,000"). The
 * bulk path groups by the same batches, so the two paths write the same provenance.
 */
export const DEFAULT_BATCH = 5_000;

/** A rejected row; `kept`: the row loaded, less an optional reference the problems name (noted, not counted). */
export type Refused = { row: number; problems: Problem[]; kept?: true };

/** How many of a file's aside rows (totals, lines under the table) its report shows; all are counted. */
const ASIDE_SHOWN = 10;

export interface Progress {
  file: string;
  source: string;
  rowsRead: number;
  rowsPerSec: number;
}

export interface PassOptions {
  schema: GraphSchema;
  rejectsDir: string;
  pseudonymise?: Pseudonymiser;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
  /** Each row a normaliser refused, as read: a full snapshot spares the facts it names (snapshot.ts). */
  onRefused?: (bound: Bound, data: DataRow) => void;
  /** A cell longer than this (UTF-8 bytes) rejects its row; default 64 KiB (readers/limits.ts). */
  maxCellBytes?: number;
  /** Holds the file's row fingerprints (duplicate check); default a Set. The bulk path keeps hashes (bulk/key-set.ts). */
  fingerprints?: () => { has(fingerprint: string): boolean; add(fingerprint: string): unknown };
  /**
   * Where the file's rows are read and normalised when not here: the bulk path's reading threads
   * (bulk/read-pool.ts). They give the rows in file order, each as transformRow and the cell check would;
   * undefined reads this file here. Not with onRefused (the threads do not send the rows as read).
   */
  rows?: RowSource;
  /**
   * Called once every row of the file has been read and handed to the target (its last batch may still be
   * writing): the online loader starts reading the next file then (load-files.ts).
   */
  onRead?: () => void;
}

/** Normalised rows of one file, in file order and in chunks, from elsewhere (PassOptions.rows). */
export type RowSource = (file: {
  filePath: string;
  reader: SourceReader;
  bound: Bound;
  check: CellCheck;
}) => AsyncIterable<RowResult[]> | undefined;

export interface FileReport extends LoadRunRecord {
  path: string;
  encoding?: string;
  sheet?: string;
  /** The non-empty rows above the header (a title, the filing unit), passed over as not data. */
  titleRows?: string[];
  /**
   * Rows that are not records, a total (合计, 小计) or a line under the table (制表人：…): not loaded and not
   * counted in rowsRead or rowsRejected; each is a note in the rejects file. `count` all, `first` the first few.
   */
  asideRows?: { count: number; first: { row: number; text: string }[] };
  /** Optional columns without a header, and the file's unread headers that look like them (close-headers.ts). */
  closeHeaders?: string[];
  /** A workbook's merged ranges over several data rows, and the empty cells filled with their value. */
  mergedCells?: { ranges: number; cells: number };
  /** A workbook read from several sheets: the data rows each gave. */
  sheetsRead?: SheetRead[];
  /** A workbook's other sheets with data, which do not hold this source's header. */
  sheetsNotRead?: string[];
  /** rowsRead === rowsLoaded + rowsRejected + duplicatesSkipped; false would be a loader bug. */
  reconciles: boolean;
}

/** Where the file's rows go, once the file's LoadRun id is known. */
export interface BatchTarget {
  /**
   * Writes one batch of accepted rows; returns those refused for references that do not exist. `go` lets
   * the next batch start before this one has finished: a target calls it once the next batch can no longer
   * overtake this one (the online writer: as this batch starts to run, the next being written only once this
   * one has committed, so that it is prepared meanwhile). A target that never calls it gets its batches
   * strictly one at a time.
   */
  write(rows: Accepted[], go: () => void): Promise<Refused[]>;
}

export async function passFile(
  filePath: string,
  mapping: Mapping,
  reader: SourceReader,
  opts: PassOptions,
  target: (run: { file: string; run: string }) => BatchTarget,
): Promise<FileReport> {
  const started = Date.now();
  const file = path.basename(filePath);
  const fileHash = await sha256File(filePath);
  const run = runId(mapping.id, mapping.digest, fileHash, opts.pseudonymise ? opts.pseudonymise('huiyan:run') : '');
  const bound = await bindOrExplain(filePath, file, mapping, reader);
  const columns = columnReport(mapping, reader.headers, bound);
  const check = cellCheckOf(bound, reader.encoding, opts.maxCellBytes ?? DEFAULT_LIMITS.maxCellBytes, !!opts.pseudonymise);
  const rejects = new RejectsWriter(path.join(opts.rejectsDir, `${file}.${run.slice(-8)}.rejects.csv`));
  const sink = target({ file, run });
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const seen = opts.fingerprints?.() ?? new Set<string>();
  let batch: Accepted[] = [];
  // Rows refused by the normalisers, held with their batch so the rejects file stays in row order even
  // though reference rejects are only known once the batch is checked.
  let refused: (Refused & { aside?: string })[] = [];
  const aside: NonNullable<FileReport['asideRows']> = { count: 0, first: [] };
  let rowsRead = 0;
  let loaded = 0;
  let duplicates = 0;
  // The batch being written while the next one is read and normalised: the server works on one while this
  // process parses the next, instead of each waiting for the other. A batch starts when the target lets it
  // (`gate`, see BatchTarget); outcomes are taken in file order, so rejects stay in row order.
  let gate: Promise<void> = Promise.resolve();
  let outcomes: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  // Where the file became unreadable part-way: the rows before it are loaded and the run says so.
  let stopped: { row: number; reason: string } | undefined;

  const flush = async () => {
    const rows = batch;
    const early = refused;
    batch = [];
    refused = [];
    await gate;
    if (failure) throw failure.error;
    const readSoFar = rowsRead;
    let go!: () => void;
    gate = new Promise<void>((r) => (go = r));
    const done = (async () => {
      try {
        return rows.length ? await sink.write(rows, go) : [];
      } catch (e) {
        // Recorded before the gate opens, so the next flush stops instead of writing past a failed batch.
        failure ??= { error: e };
        throw e;
      } finally {
        go();
      }
    })();
    // Its outcome is taken in turn below, maybe after it settles: not an unhandled rejection meanwhile.
    done.catch(() => undefined);
    outcomes = outcomes.then(async () => {
      const bad = await done;
      for (const r of [...early, ...bad].sort((a, b) => a.row - b.row))
        if ('aside' in r && r.aside !== undefined)
          rejects.note(
            file,
            r.row,
            bilingual(
              '合计或表尾说明行，不是记录：未装载，不计入读取和拒收',
              `not a record but a total or a line under the table: 「${r.aside}」; not loaded, not counted as read or rejected`,
            ),
          );
        else if (r.kept) rejects.noteKept(file, r.row, r.problems);
        else rejects.write(file, r.row, r.problems);
      loaded += rows.length - bad.filter((r) => !r.kept).length;
      const secs = Math.max((Date.now() - started) / 1000, 0.001);
      opts.onProgress?.({ file, source: mapping.id, rowsRead: readSoFar, rowsPerSec: Math.round(readSoFar / secs) });
    });
    // Awaited at the end; this only keeps a failure from counting as unhandled meanwhile.
    outcomes.catch(() => undefined);
  };

  /** One row's outcome, in file order; true when the batch is full. */
  const take = (r: RowResult): boolean => {
    if (!r.ok && r.aside !== undefined) {
      if (aside.count++ < ASIDE_SHOWN) aside.first.push({ row: r.row, text: r.aside });
      refused.push(r);
      return false;
    }
    rowsRead++;
    if (!r.ok) {
      refused.push(r);
      return false;
    }
    // The same record twice (after normalisation) is counted, not loaded twice.
    if (seen.has(r.fingerprint)) {
      duplicates++;
      return false;
    }
    seen.add(r.fingerprint);
    batch.push(r);
    return batch.length >= batchSize;
  };

  const read = async () => {
    const elsewhere = opts.onRefused ? undefined : opts.rows?.({ filePath, reader, bound, check });
    if (elsewhere) {
      for await (const chunk of elsewhere) for (const r of chunk) if (take(r)) await flush();
      return;
    }
    const splitter = splitterOf(bound);
    const fill = downFiller(bound);
    for await (const whole of reader.rows()) {
      fill?.(whole);
      for (const data of splitRow(splitter, whole)) {
        const bad = cellProblems(data, check);
        if (bad.length) {
          opts.onRefused?.(bound, data);
          take({ ok: false, row: data.row, problems: bad });
          continue;
        }
        const r = transformRow({ bound, schema: opts.schema, pseudonymise: opts.pseudonymise }, data);
        if (!r.ok && r.aside === undefined) opts.onRefused?.(bound, data);
        if (take(r)) await flush();
      }
    }
  };

  try {
    try {
      await read();
    } catch (e) {
      if (!(e instanceof UnreadableFile) || e.atRow === undefined) throw e;
      stopped = { row: e.atRow, reason: e.reason };
    }
    await flush();
    opts.onRead?.();
    await outcomes;
  } finally {
    // Every batch started has settled before the rejects file closes or the error goes up.
    await gate;
    await outcomes.catch(() => undefined);
    // After every rejected row, so the file stays in row order; not a rejected row (it was never read).
    if (stopped && !failure)
      rejects.note(
        file,
        stopped.row,
        bilingual(
          '文件从此行起无法读取，此行及以后各行均未装载',
          `the file cannot be read from this row on: ${stopped.reason}; this row and every later one were not loaded`,
        ),
      );
    await rejects.close().catch(() => undefined);
  }
  return {
    id: run,
    source: mapping.id,
    file,
    fileHash,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    rowsRead,
    rowsLoaded: loaded,
    rowsRejected: rejects.count,
    duplicatesSkipped: duplicates,
    rowsAside: aside.count,
    rejectsFile: rejects.lines > 0 ? rejects.filePath : null,
    status: stopped ? 'stopped' : 'loaded',
    stoppedAtRow: stopped?.row ?? null,
    stopReason: stopped?.reason ?? null,
    columnsRead: JSON.stringify(columns.columnsRead),
    unreadColumns: columns.unreadColumns,
    missingOptional: columns.missingOptional,
    warnings: columns.unbuilt,
    path: filePath,
    ...(reader.encoding ? { encoding: reader.encoding } : {}),
    ...(reader.sheet ? { sheet: reader.sheet } : {}),
    ...(reader.titleRows.length ? { titleRows: reader.titleRows } : {}),
    ...(aside.count ? { asideRows: aside } : {}),
    ...(columns.close.length ? { closeHeaders: columns.close } : {}),
    ...(reader.merged?.cells ? { mergedCells: { ...reader.merged } } : {}),
    ...(reader.sheetsRead ? { sheetsRead: reader.sheetsRead.map((r) => ({ ...r })) } : {}),
    ...(reader.sheetsNotRead ? { sheetsNotRead: reader.sheetsNotRead } : {}),
    reconciles: rowsRead === loaded + rejects.count + duplicates,
  };
}

/**
 * The columns the mapping reads, by header key and as written, with the encoding for the reason; when
 * pseudonymising, the keys of the ID-number columns, whose refused cells the rejects file shows masked.
 */
function cellCheckOf(bound: Bound, encoding: string | undefined, maxCellBytes: number, pseudonymising: boolean): CellCheck {
  const columns = new Map<string, string>();
  const masked = new Set<string>();
  for (const [id, key] of Object.entries(bound.keys)) {
    if (key === undefined) continue;
    columns.set(key, bound.shown[id]!);
    if (pseudonymising && bound.sensitive.has(id)) masked.add(key);
  }
  return { columns, maxCellBytes, ...(encoding ? { encoding } : {}), ...(masked.size ? { masked } : {}) };
}

/** The part of a file's report that its LoadRun node stores (not the local path or reader details). */
export function loadRunOf(report: FileReport): LoadRunRecord {
  const {
    path: _path,
    encoding: _encoding,
    sheet: _sheet,
    titleRows: _titleRows,
    asideRows: _asideRows,
    closeHeaders: _closeHeaders,
    mergedCells: _mergedCells,
    sheetsRead: _sheetsRead,
    sheetsNotRead: _sheetsNotRead,
    reconciles: _reconciles,
    ...record
  } = report;
  return record;
}
