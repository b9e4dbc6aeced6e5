// Loads every model under cypher/models/<domain>/*.cypher, then the site's own models (the site folder's
// models/, written by the workbench's publish or imported), where a site model replaces the shipped model of
// the same id, as site mappings do. A broken model is refused with its reason and does not stop the others;
// ids must be unique within each folder. Ids the site retired (publish.ts) are left out.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../platform/config.js';
import { retiredIds } from './retired.js';
import { InvalidModel, parseHeader, referencedParams, splitModelFile, type ModelHeader } from './header.js';

export const MODELS_DIR = path.join(ROOT, 'cypher', 'models');
/** The site's own models (written in the workbench or imported from a package): siteDir/models. */
export const siteModelsDir = (siteDir: string): string => path.join(siteDir, 'models');

export interface Model extends ModelHeader {
  domain: string;
  file: string;
  cypher: string;
}

export interface Refusal {
  file: string;
  reason: string;
}

export interface Library {
  models: Model[];
  refused: Refusal[];
  get(id: string): Model | undefined;
}

function modelFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    // Hidden folders hold other things (the site's kept revisions, .revisions/), never the library.
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...modelFiles(full));
    else if (name.endsWith('.cypher')) out.push(full);
  }
  return out;
}

/** Parses one model file; throws InvalidModel with the reason. */
export function parseModel(text: string, file: string, domain: string): Model {
  const { headerText, cypher } = splitModelFile(text, file);
  const header = parseHeader(headerText, file);
  const used = referencedParams(cypher);
  const declared = new Set(header.parameters.map((p) => p.name));
  const undeclared = [...used].filter((p) => !declared.has(p));
  if (undeclared.length)
    throw new InvalidModel(file, `uses parameter(s) not declared in the header: ${undeclared.map((p) => `$${p}`).join(', ')}`);
  const unused = [...declared].filter((p) => !used.has(p));
  if (unused.length) throw new InvalidModel(file, `declares parameter(s) the query never uses: ${unused.join(', ')}`);
  return { ...header, domain, file, cypher };
}

function loadFolder(dir: string, models: Model[], refused: Refusal[]): void {
  const seen = new Map<string, string>();
  for (const file of existsSync(dir) ? modelFiles(dir) : []) {
    const rel = path.relative(ROOT, file);
    try {
      const domain = path.basename(path.dirname(file));
      const model = parseModel(readFileSync(file, 'utf8'), rel, domain);
      const other = seen.get(model.id);
      if (other) throw new InvalidModel(rel, `id ${model.id} is already used by ${other}`);
      seen.set(model.id, rel);
      models.push(model);
    } catch (e) {
      if (!(e instanceof InvalidModel)) throw e;
      refused.push({ file: rel, reason: e.message });
    }
  }
}

/** The shipped models and, with `siteModelsDir`, the site's: a site model replaces the shipped one of its id. */
export function loadLibrary(dir = MODELS_DIR, siteModelsDir?: string): Library {
  const shipped: Model[] = [];
  const site: Model[] = [];
  const refused: Refusal[] = [];
  loadFolder(dir, shipped, refused);
  if (siteModelsDir) loadFolder(siteModelsDir, site, refused);
  const retired = siteModelsDir ? retiredIds(siteModelsDir) : new Set<string>();
  const siteIds = new Set(site.map((m) => m.id));
  const models = [...shipped.filter((m) => !siteIds.has(m.id)), ...site].filter((m) => !retired.has(m.id));
  return libraryOf(models, refused);
}

/** A library of these models, found by id. */
export function libraryOf(models: Model[], refused: Refusal[] = []): Library {
  const byId = new Map(models.map((m) => [m.id, m]));
  return { models, refused, get: (id) => byId.get(id) };
}
