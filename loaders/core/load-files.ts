// Loads a set of department files: expands folders, recognises each file's source, orders them so that
// sources creating nodes come before those linking them, loads each, ends what full-snapshot deliveries
// lack (snapshot.ts), then runs the derivations the loaded sources ask for (household kinship). A file no
// mapping recognises is skipped and reported, not fatal.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema, type GraphSchema } from '../../platform/schema/graph-schema.js';
import { LoaderError, UnknownSource } from './errors.js';
import { writeHouseholdKin } from './kinship.js';
import type { FileReport, Progress } from './file-pass.js';
import { loadFile } from './load-file.js';
import { HeldPersons } from './held.js';
import { formatOf, headerFits, hintsFor, loadMappings, mappingByHeaders, mappingsByName } from './mapping/registry.js';
import type { Mapping } from './mapping/types.js';
import { nearestMappings, nearestText } from './mapping/nearest.js';
import { LEAD_ROWS } from './readers/head-rows.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { loadRowsPerSecond, recordLoadedFile } from '../../platform/metrics.js';
import { isLegacyExcelName, legacyExcelFormat } from './readers/legacy-excel.js';
import { openSource, type SourceReader } from './readers/source-reader.js';
import { limitsOf, type ReadLimits } from './readers/limits.js';
import { recordDelivery, saveRefusedRun } from './load-run.js';
import {
  checkSnapshotOption,
  endableTypes,
  endMissing,
  isSnapshotSource,
  RejectedRows,
  reopenReturned,
  today,
  type Delivery,
  type SnapshotOption,
} from './snapshot.js';

export interface LoadOptions {
  schema?: GraphSchema;
  rejectsDir: string;
  pseudonymKey?: string;
  onProgress?: (p: Progress) => void;
  /** Defaults to loaders/mappings. */
  mappingsDir?: string;
  /** A site's own mapping folders, read after mappingsDir; a mapping here replaces a shipped one of the same id. */
  extraMappingsDirs?: string[];
  mappings?: Mapping[];
  batchSize?: number;
  /**
   * Files of these sources are full snapshots: what the source's earlier deliveries had and this one lacks
   * is ended on `deliveredOn` (snapshot.ts). Without it every file is a delta, delivered today.
   */
  snapshot?: SnapshotOption;
  /** Cell size, JSON depth and workbook expansion limits; defaults in readers/limits.ts. */
  limits?: Partial<ReadLimits>;
}

export interface LoadReport {
  files: FileReport[];
  /** Files not loaded: unrecognised (skipped) or refused whole (missing columns, unreadable). */
  skipped: { path: string; code: string; reason: string }[];
  derived: { householdKin?: { households: number; relationships: number } };
  durationMs: number;
}

/** Folders expand to the files in them (not recursive), in name order. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        const full = path.join(p, f);
        if (statSync(full).isFile() && !f.startsWith('.') && !f.endsWith('.rejects.csv')) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

export interface Planned {
  path: string;
  mapping: Mapping;
  reader: SourceReader;
}

async function recognise(file: string, mappings: Mapping[], limits: ReadLimits): Promise<Planned[]> {
  const first = await recogniseFile(file, mappings, limits);
  return first.reader.sheetsNotRead?.length ? [first, ...(await otherSheets(first, mappings, limits))] : [first];
}

/** The mappings a file's header is tried against: its own format's first, then the others' (see recogniseFile). */
function byHeaderIn(mappings: Mapping[], format: string, headers: string[]): Mapping | undefined {
  return (
    mappingByHeaders(
      mappings.filter((m) => m.format.type === format),
      headers,
    ) ??
    mappingByHeaders(
      mappings.filter((m) => m.format.type !== format),
      headers,
    )
  );
}

/**
 * A workbook may hold several sources, a sheet each: a business registry's 企业登记信息.xlsx with 企业基本信息,
 * 股东及出资信息 and 主要人员 sheets. The sheets the first source does not read are recognised by their header,
 * as a file of their own would be, and each source found is read from the sheets with its header. A sheet
 * no mapping knows (a 填表说明 cover) stays named as not read.
 */
async function otherSheets(first: Planned, mappings: Mapping[], limits: ReadLimits): Promise<Planned[]> {
  const file = first.path;
  const out: Planned[] = [first];
  const read = new Set(first.reader.sheets);
  const others = first.reader.sheetsNotRead ?? [];
  for (const name of others) {
    if (read.has(name)) continue;
    const probe = await openSource(file, 'xlsx', { sheet: name, isHeader: (h) => byHeaderIn(mappings, 'xlsx', h) !== undefined }, limits);
    const m = byHeaderIn(mappings, 'xlsx', probe.headers);
    if (!m || out.some((p) => p.mapping === m)) continue;
    // Every sheet with this source's header (a register split by month in a workbook that also holds
    // another source), but none another source already reads. The mapping's own sheet name is not used:
    // it names the sheet of a workbook holding that source alone.
    const { sheet: _sheet, ...hints } = hintsFor(m, 'xlsx');
    const reader = await openSource(file, 'xlsx', { ...hints, isHeader: headerFits(m) }, limits);
    if (!reader.sheets?.length || reader.sheets.some((n) => read.has(n))) continue;
    for (const n of reader.sheets) read.add(n);
    out.push({ path: file, mapping: m, reader });
  }
  const left = others.filter((n) => !read.has(n));
  for (const p of out) {
    if (left.length) p.reader.sheetsNotRead = left;
    else delete p.reader.sheetsNotRead;
  }
  return out.slice(1);
}

async function recogniseFile(file: string, mappings: Mapping[], limits: ReadLimits): Promise<Planned> {
  const format = formatOf(file) ?? (isLegacyExcelName(file) ? await legacyExcelFormat(file) : undefined);
  if (!format) throw new UnknownSource(file);
  const byName = mappingsByName(mappings, file).filter((m) => m.format.type === format);
  // The header is the first of the file's head rows that holds the mapping's identifying columns, so a title
  // above it (明细表, 填报单位) is passed over (source-reader.ts).
  if (byName.length === 1) {
    const m = byName[0]!;
    return { path: file, mapping: m, reader: await openSource(file, format, { ...hintsFor(m, format), isHeader: headerFits(m) }, limits) };
  }
  // By header: the file is opened without a mapping's hints (encoding detected, first sheet), first for the
  // mappings of its own format; when none of them knows it, for the others: a mapping describes a source's
  // columns, and a department that sends its register as XLSX one year and CSV the next keeps its mapping.
  // The head rows the search looked at are kept: when no mapping takes the file, they say which it is closest to.
  const looked: string[][] = [];
  const byHeader = async (candidates: Mapping[]) => {
    const isHeader = (h: string[]) => {
      if (looked.length < 2 * LEAD_ROWS) looked.push(h);
      return mappingByHeaders(candidates, h) !== undefined;
    };
    const reader = await openSource(file, format, { isHeader }, limits);
    // A JSON record's keys are its header, with no head rows to search.
    if (format === 'jsonl') looked.push(reader.headers);
    const m = mappingByHeaders(candidates, reader.headers);
    return m && { m, reader };
  };
  const found =
    (await byHeader(byName.length > 1 ? byName : mappings.filter((m) => m.format.type === format))) ??
    (byName.length > 1 ? undefined : await byHeader(mappings.filter((m) => m.format.type !== format)));
  if (!found) throw new UnknownSource(file, nearestMappings(mappings, looked).map(nearestText));
  const { m, reader } = found;
  // A workbook is opened again for the mapping found: its sheet, and only the sheets with its header (another
  // sheet may hold another source). A text file keeps the encoding it was recognised in.
  const again = format === 'xlsx' ? await openSource(file, format, { ...hintsFor(m, format), isHeader: headerFits(m) }, limits) : reader;
  return { path: file, mapping: m, reader: again };
}

export interface Plan {
  /** Recognised files in load order: mapping order, then path. */
  planned: Planned[];
  skipped: LoadReport['skipped'];
}

/** Expands folders, recognises each file's source and puts them in load order. Opens files, writes nothing. */
export async function planFiles(paths: string[], mappings: Mapping[], limits?: Partial<ReadLimits>): Promise<Plan> {
  const planned: Planned[] = [];
  const skipped: LoadReport['skipped'] = [];
  for (const p of expandPaths(paths)) {
    try {
      planned.push(...(await recognise(p, mappings, limitsOf(limits))));
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      skipped.push({ path: p, code: e.code, reason: e.message });
    }
  }
  planned.sort((a, b) => a.mapping.order - b.mapping.order || a.path.localeCompare(b.path));
  return { planned, skipped };
}

/** The mappings a load uses: given ones, or the shipped folder (or mappingsDir) plus a site's own folders, all validated. */
export function mappingsFor(opts: LoadOptions, schema: GraphSchema): Mapping[] {
  return (
    opts.mappings ??
    loadMappings({
      schema,
      ...(opts.mappingsDir ? { dir: opts.mappingsDir } : {}),
      ...(opts.extraMappingsDirs ? { extraDirs: opts.extraMappingsDirs } : {}),
    })
  );
}

export async function loadFiles(executor: Executor, paths: string[], opts: LoadOptions): Promise<LoadReport> {
  const t0 = Date.now();
  if (opts.snapshot) checkSnapshotOption(opts.snapshot);
  const deliveredOn = opts.snapshot?.deliveredOn ?? today();
  const schema = opts.schema ?? loadGraphSchema();
  // Every mapping is validated before any file is opened.
  const mappings = mappingsFor(opts, schema);
  const pseudonymise = opts.pseudonymKey ? pseudonymiser(opts.pseudonymKey) : undefined;
  const { planned, skipped } = await planFiles(paths, mappings, opts.limits);
  const report: LoadReport = { files: [], skipped, derived: {}, durationMs: 0 };
  // MERGE on a key without its uniqueness constraint scans the label for every row; the schema step is
  // idempotent, so the loader applies it rather than trusting it ran. The first file is read meanwhile and
  // writes once it has been applied.
  let before: Promise<unknown> = planned.length ? applySchema(executor, schema) : Promise.resolve();
  before.catch(() => undefined);

  const derive = new Set<string>();
  // One delivery per snapshot source: all its files together are the whole register.
  const deliveries = new Map<string, Delivery>();
  // Files are loaded in order, each touching the database only once the one before has finished, but a file
  // is read and normalised while the one before writes its last batch: the server is not left idle while
  // this process parses the next file's first batch (docs/loaders.md, "Files in turn").
  const started: Promise<void>[] = [];
  let failed = false;
  for (const p of planned) {
    const types = endableTypes(schema, p.mapping);
    let delivery = deliveries.get(p.mapping.id);
    if (!delivery && isSnapshotSource(opts.snapshot, p.mapping.id)) {
      const rejected = new RejectedRows(schema, pseudonymise);
      delivery = {
        source: p.mapping.id,
        runs: [],
        deliveredOn,
        rowsRead: 0,
        rowsLoaded: 0,
        rowsRejected: 0,
        filesRefused: 0,
        rejected,
        types,
      };
      deliveries.set(p.mapping.id, delivery);
    }
    const held = new HeldPersons(schema, pseudonymise);
    const after = before;
    let read!: () => void;
    const readAll = new Promise<void>((r) => (read = r));
    const done = (async () => {
      try {
        const file = await loadFile(executor, p.path, p.mapping, p.reader, {
          schema,
          rejectsDir: opts.rejectsDir,
          ...(pseudonymise ? { pseudonymise } : {}),
          onProgress: (pr) => {
            loadRowsPerSecond.set({ source: pr.source }, pr.rowsPerSec);
            opts.onProgress?.(pr);
          },
          ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
          maxCellBytes: limitsOf(opts.limits).maxCellBytes,
          onRefused: (bound, data) => {
            delivery?.rejected.add(bound, data);
            held.add(bound, data);
          },
          onRead: read,
          after,
        });
        // Still counted in rowsRejected: held rows are in the rejects file too (docs/resolution.md).
        const heldCount = await held.save(executor, { source: p.mapping.id, file: file.file, run: file.id });
        if (heldCount) file.heldForResolution = heldCount;
        Object.assign(file, {
          deliveryKind: delivery ? 'snapshot' : 'delta',
          deliveredOn,
          relationshipsEnded: 0,
          relationshipsReopened: await reopenReturned(executor, types, [file.id], deliveredOn),
        });
        recordLoadedFile(file);
        report.files.push(file);
        // A file that stopped part-way lacks its later rows: a snapshot must not end what they would have named.
        if (delivery && file.status === 'stopped') delivery.filesRefused++;
        if (delivery) {
          delivery.runs.push(file.id);
          delivery.rowsRead += file.rowsRead;
          delivery.rowsLoaded += file.rowsLoaded;
          delivery.rowsRejected += file.rowsRejected;
        }
        for (const d of p.mapping.derive) derive.add(d);
      } catch (e) {
        if (!(e instanceof LoaderError)) throw e;
        // Refused (unrecognised columns, an unreadable file, a limit); recorded in turn, after the file before.
        await after;
        report.skipped.push({ path: p.path, code: e.code, reason: e.message });
        if (delivery) delivery.filesRefused++;
        // The source is known, so the feed is: its page shows the delivery that came and why it was refused,
        // instead of nothing until the feed turns overdue.
        await saveRefusedRun(executor, { mapping: p.mapping, path: p.path, error: e }, pseudonymise, {
          deliveryKind: delivery ? 'snapshot' : 'delta',
          deliveredOn,
        });
      }
    })();
    done.catch(() => (failed = true));
    started.push(done);
    before = done;
    // The next file is read once this one has been, or has ended (refused, failed).
    await Promise.race([readAll, done.catch(() => undefined)]);
    if (failed) break;
  }
  // Every file started has settled before the load reports or fails; the first failure is the load's.
  const outcomes = await Promise.allSettled(started);
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  for (const d of deliveries.values()) {
    if (!d.runs.length) continue;
    const outcome = await endMissing(executor, d);
    const last = report.files.find((f) => f.id === d.runs.at(-1))!;
    last.relationshipsEnded = outcome.relationshipsEnded;
    if (outcome.held) last.snapshotHeld = outcome.held;
  }
  for (const f of report.files)
    await recordDelivery(executor, f.id, {
      deliveryKind: f.deliveryKind!,
      deliveredOn: f.deliveredOn!,
      relationshipsEnded: f.relationshipsEnded!,
      relationshipsReopened: f.relationshipsReopened!,
      ...(f.snapshotHeld ? { snapshotHeld: f.snapshotHeld } : {}),
    });
  if (derive.has('householdKin')) report.derived.householdKin = await writeHouseholdKin(executor);
  report.durationMs = Date.now() - t0;
  return report;
}
