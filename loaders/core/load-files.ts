// Loads a set of department files: expands folders, recognises each file's source, orders them so that
// sources creating nodes come before those linking them, loads each, then runs the derivations the loaded
// sources ask for (household kinship). A file no mapping recognises is skipped and reported, not fatal.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/executor.js';
import { applySchema } from '../../platform/schema/apply.js';
import { loadGraphSchema, type GraphSchema } from '../../platform/schema/graph-schema.js';
import { LoaderError, UnknownSource } from './errors.js';
import { writeHouseholdKin } from './kinship.js';
import type { FileReport, Progress } from './file-pass.js';
import { loadFile } from './load-file.js';
import { formatOf, loadMappings, mappingByHeaders, mappingsByName } from './mapping/registry.js';
import type { Mapping } from './mapping/types.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { loadRowsPerSecond, recordLoadedFile } from '../../platform/metrics.js';
import { openSource, type SourceReader } from './readers/source-reader.js';

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

async function recognise(file: string, mappings: Mapping[]): Promise<Planned> {
  const format = formatOf(file);
  if (!format) throw new UnknownSource(file);
  const byName = mappingsByName(mappings, file).filter((m) => m.format.type === format);
  if (byName.length === 1) {
    const m = byName[0]!;
    return { path: file, mapping: m, reader: await openSource(file, format, m.format) };
  }
  // By header: the file is opened without a mapping's hints (encoding detected, first sheet).
  const candidates = byName.length > 1 ? byName : mappings.filter((m) => m.format.type === format);
  const reader = await openSource(file, format);
  const m = mappingByHeaders(candidates, reader.headers);
  if (!m) throw new UnknownSource(file);
  const again = m.format.sheet && m.format.sheet !== reader.sheet ? await openSource(file, format, m.format) : reader;
  return { path: file, mapping: m, reader: again };
}

export interface Plan {
  /** Recognised files in load order: mapping order, then path. */
  planned: Planned[];
  skipped: LoadReport['skipped'];
}

/** Expands folders, recognises each file's source and puts them in load order. Opens files, writes nothing. */
export async function planFiles(paths: string[], mappings: Mapping[]): Promise<Plan> {
  const planned: Planned[] = [];
  const skipped: LoadReport['skipped'] = [];
  for (const p of expandPaths(paths)) {
    try {
      planned.push(await recognise(p, mappings));
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
  const schema = opts.schema ?? loadGraphSchema();
  // Every mapping is validated before any file is opened.
  const mappings = mappingsFor(opts, schema);
  const pseudonymise = opts.pseudonymKey ? pseudonymiser(opts.pseudonymKey) : undefined;
  const { planned, skipped } = await planFiles(paths, mappings);
  const report: LoadReport = { files: [], skipped, derived: {}, durationMs: 0 };
  // MERGE on a key without its uniqueness constraint scans the label for every row; the schema step is
  // idempotent, so the loader applies it rather than trusting it ran.
  if (planned.length) await applySchema(executor, schema);

  const derive = new Set<string>();
  for (const p of planned) {
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
      });
      recordLoadedFile(file);
      report.files.push(file);
      for (const d of p.mapping.derive) derive.add(d);
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      report.skipped.push({ path: p.path, code: e.code, reason: e.message });
    }
  }
  if (derive.has('householdKin')) report.derived.householdKin = await writeHouseholdKin(executor);
  report.durationMs = Date.now() - t0;
  return report;
}
