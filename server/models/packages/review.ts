// Checks a model package before anything of it is written: the hash over its canonical form, each model's
// header (the same parse as the library), a read-only check of each against the live database
// (check.ts: EXPLAIN only, nothing runs), fixtures that parse, and a diff against what the site has: new,
// changed (another text, with the revisions on both sides) or the same.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parse as parseYaml } from 'yaml';
import type { Executor } from '../../../platform/db/executor.js';
import { ROOT } from '../../../platform/config.js';
import { describeIssues } from '../../../platform/validation/yaml.js';
import { checkModel } from '../check.js';
import { loadLibrary, parseModel, siteModelsDir, type Model } from '../library.js';
import { packageHash, PackageSchema, type ModelPackage, type PackagedModel } from './format.js';

export type EntryStatus = 'new' | 'changed' | 'same';

export interface ReviewedModel extends Pick<PackagedModel, 'id' | 'revision' | 'domain' | 'file' | 'stats' | 'history'> {
  status: EntryStatus;
  /** The revision the site has, when it has the model. */
  siteRevision: number | null;
  /** Unified diff from the site's file to the package's (changed only). */
  diff: string | null;
  problems: string[];
}

export interface PackageReview {
  /** The hash the manifest states (null when the file is not a package at all). */
  hash: string | null;
  source: string | null;
  createdAt: string | null;
  /** Why the package as a whole is refused: not JSON, wrong shape, hash mismatch. */
  problems: string[];
  models: ReviewedModel[];
  /** Nothing refused: the package may be published. */
  ok: boolean;
  /** The parsed package, when it passed (import.ts writes from it). */
  pkg: ModelPackage | null;
}

/** What the site has: its library, and the models already in siteDir/models. */
export function siteModels(library: { models: Model[] }, siteDir: string): Map<string, { revision: number; text: string; file: string }> {
  const out = new Map<string, { revision: number; text: string; file: string }>();
  const own = existsSync(siteModelsDir(siteDir)) ? loadLibrary(siteModelsDir(siteDir)).models : [];
  for (const m of [...library.models, ...own]) {
    const file = path.resolve(ROOT, m.file);
    out.set(m.id, { revision: m.revision, text: readFileSync(file, 'utf8'), file });
  }
  return out;
}

const refused = (problems: string[], pkg?: Partial<ModelPackage['manifest']>): PackageReview => ({
  hash: pkg?.sha256 ?? null,
  source: pkg?.source ?? null,
  createdAt: pkg?.createdAt ?? null,
  problems,
  models: [],
  ok: false,
  pkg: null,
});

export async function reviewPackage(
  db: Executor,
  text: string,
  site: Map<string, { revision: number; text: string; file: string }>,
): Promise<PackageReview> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return refused([`not a model package: not JSON (${(e as Error).message})`]);
  }
  const parsed = PackageSchema.safeParse(raw);
  if (!parsed.success) return refused([`not a model package: ${describeIssues(parsed.error.issues, raw)}`]);
  const pkg = parsed.data;
  const actual = packageHash(pkg);
  if (actual !== pkg.manifest.sha256)
    return refused(
      [`hash does not match: the manifest says ${pkg.manifest.sha256}, the content hashes to ${actual} (altered or damaged)`],
      pkg.manifest,
    );
  const listed = pkg.manifest.models.map((m) => `${m.id} r${m.revision}`).join();
  const held = pkg.models.map((m) => `${m.id} r${m.revision}`).join();
  if (listed !== held) return refused([`the manifest lists ${listed} but the package holds ${held}`], pkg.manifest);

  const models: ReviewedModel[] = [];
  for (const m of pkg.models) models.push(await reviewModel(db, m, site));
  const dupes = pkg.models.map((m) => m.id).filter((id, i, all) => all.indexOf(id) !== i);
  const problems = dupes.length ? [`model(s) packaged twice: ${[...new Set(dupes)].join(', ')}`] : [];
  return {
    hash: pkg.manifest.sha256,
    source: pkg.manifest.source,
    createdAt: pkg.manifest.createdAt,
    problems,
    models,
    ok: problems.length === 0 && models.every((m) => m.problems.length === 0),
    pkg,
  };
}

async function reviewModel(
  db: Executor,
  m: PackagedModel,
  site: Map<string, { revision: number; text: string; file: string }>,
): Promise<ReviewedModel> {
  const problems: string[] = [];
  const name = `${m.domain}/${m.file}`;
  try {
    const model = parseModel(m.cypher, name, m.domain);
    if (model.id !== m.id) problems.push(`${name}: the header's id is ${model.id}, the package says ${m.id}`);
    if (model.revision !== m.revision) problems.push(`${name}: the header's revision is ${model.revision}, the package says ${m.revision}`);
    await checkModel(db, model).catch((e: unknown) => problems.push(`${name}: ${(e as Error).message}`));
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (m.fixtures !== null) {
    try {
      parseYaml(m.fixtures);
    } catch (e) {
      problems.push(`${name}: fixtures are not valid YAML: ${(e as Error).message}`);
    }
  }
  const have = site.get(m.id);
  const status: EntryStatus = !have ? 'new' : have.text === m.cypher ? 'same' : 'changed';
  return {
    id: m.id,
    revision: m.revision,
    domain: m.domain,
    file: m.file,
    stats: m.stats,
    history: m.history,
    status,
    siteRevision: have?.revision ?? null,
    diff: status === 'changed' ? createTwoFilesPatch(`site/${path.basename(have!.file)}`, `package/${m.file}`, have!.text, m.cypher) : null,
    problems,
  };
}
