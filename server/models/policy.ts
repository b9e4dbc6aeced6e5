// Site policy (siteDir/policy.yaml): the parameter values this site runs each model with, and when the
// nightly run of every model happens. Every run reads it (start, schedule, CLI, API), so a restart runs
// the models as tuned and does not retire the tuned alerts. Checked against the models' declared
// parameters when loaded: a bad file stops the start with file, path and reason. Changes through the API
// keep the file's comments (the yaml Document API) and are audited by the caller.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { describeIssues, strict } from '../../platform/validation/yaml.js';
import { paramValueOk } from './header.js';
import type { Library } from './library.js';

export const POLICY_FILE = 'policy.yaml';
/** The nightly run of every model when the policy does not say otherwise (local time). */
export const DEFAULT_DAILY_AT = '02:00';

export class InvalidPolicy extends Error {
  override name = 'InvalidPolicy';
  readonly code = 'BAD_INPUT';
  constructor(
    readonly file: string,
    readonly at: string,
    readonly reason: string,
  ) {
    super(`${file}: ${at ? `${at}: ` : ''}${reason}`);
  }
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const PolicyYaml = strict({
  schedule: strict({
    daily: z.union([z.string().regex(TIME, 'must be a local time HH:MM such as 02:00'), z.literal(false)]).optional(),
  }).optional(),
  // Values for every model that declares the parameter (a site's calendar: asOf, holidays, workdays), so they
  // are written once; a model's own entry under `models` overrides them.
  defaults: z.record(z.string(), z.unknown()).nullable().optional(),
  models: z.record(z.string(), z.record(z.string(), z.unknown()).nullable()).nullable().optional(),
});

export type ModelParams = Record<string, Record<string, unknown>>;

/** Where a run takes the site's parameter values from (runner.ts reads it at every run). */
export interface ParamSource {
  paramsFor(modelId: string): Record<string, unknown>;
}

/** Checks one model's values against its declared parameters; throws InvalidPolicy naming the path. */
export function checkModelParams(library: Library, file: string, modelId: string, params: Record<string, unknown>): void {
  const model = library.get(modelId);
  if (!model) throw new InvalidPolicy(file, `models.${modelId}`, `no model ${modelId} in the library`);
  for (const [name, value] of Object.entries(params)) {
    const p = model.parameters.find((x) => x.name === name);
    const at = `models.${modelId}.${name}`;
    if (!p) {
      const has = model.parameters.map((x) => x.name).join(', ') || 'none';
      throw new InvalidPolicy(file, at, `model ${modelId} has no parameter ${name} (it has: ${has})`);
    }
    if (!paramValueOk(p.type, value)) throw new InvalidPolicy(file, at, `must be a ${p.type}, got ${JSON.stringify(value)}`);
  }
}

/**
 * Checks the site-wide values: each a parameter some model declares, of the type every model declaring it
 * gives it (a value one of them would refuse is refused here, naming that model).
 */
function checkDefaults(library: Library, file: string, defaults: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(defaults)) {
    const declaring = library.models.filter((m) => m.parameters.some((p) => p.name === name));
    if (declaring.length === 0) throw new InvalidPolicy(file, `defaults.${name}`, `no model has a parameter ${name}`);
    for (const m of declaring) {
      const p = m.parameters.find((x) => x.name === name)!;
      if (!paramValueOk(p.type, value))
        throw new InvalidPolicy(file, `defaults.${name}`, `must be a ${p.type} (as ${m.id} declares it), got ${JSON.stringify(value)}`);
    }
  }
}

/** Parses and checks the policy text; `file` names it in errors. */
export function parsePolicy(
  text: string,
  file: string,
  library: Library,
): { models: ModelParams; defaults: Record<string, unknown>; dailyAt: string | null } {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new InvalidPolicy(file, '', `not valid YAML: ${doc.errors[0]!.message}`);
  const raw: unknown = doc.toJS() ?? {};
  const parsed = PolicyYaml.safeParse(raw);
  if (!parsed.success) throw new InvalidPolicy(file, '', describeIssues(parsed.error.issues, raw));
  const models: ModelParams = {};
  for (const [id, params] of Object.entries(parsed.data.models ?? {})) {
    checkModelParams(library, file, id, params ?? {});
    models[id] = params ?? {};
  }
  const defaults = parsed.data.defaults ?? {};
  checkDefaults(library, file, defaults);
  const daily = parsed.data.schedule?.daily;
  return { models, defaults, dailyAt: daily === false ? null : (daily ?? DEFAULT_DAILY_AT) };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Written whole to a temporary file and renamed, so a reader never sees half a policy. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export class SitePolicy implements ParamSource {
  private constructor(
    readonly file: string,
    private doc: Document,
    private models: ModelParams,
    /** Site-wide values (`defaults:`), given to each model of `library` that declares the parameter. */
    private defaults: Record<string, unknown>,
    private library: Pick<Library, 'get'>,
    readonly dailyAt: string | null,
    private text: string,
    /** Where the hash of the policy as last seen is kept (noticeHandEdit); changes through the API update it. */
    readonly stateFile: string | null,
  ) {}

  /** The policy in `siteDir`, checked against `library`; no file: the models' own defaults, nightly at 02:00. */
  static load(siteDir: string, library: Library, stateFile: string | null = null): SitePolicy {
    const file = path.join(siteDir, POLICY_FILE);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const { models, defaults, dailyAt } = parsePolicy(text, file, library);
    return new SitePolicy(file, parseDocument(text), models, defaults, library, dailyAt, text, stateFile);
  }

  /** No file at all: every model with its header's defaults (tests and tools without a site). */
  static none(): SitePolicy {
    return new SitePolicy('', parseDocument(''), {}, {}, { get: () => undefined }, DEFAULT_DAILY_AT, '', null);
  }

  /**
   * Gives the site-wide values by the parameters the models of `library` declare from now on: the server's
   * live library, so a model published while it runs gets them at its first run, not at the next start.
   */
  follow(library: Pick<Library, 'get'>): void {
    this.library = library;
  }

  /**
   * Throws InvalidPolicy if this policy would not load against `library`: what a publish or a retirement
   * checks first, since the next start refuses a policy naming a model it lacks or a value it would refuse.
   */
  checkAgainst(library: Library): void {
    if (this.file) parsePolicy(this.text, this.file, library);
  }

  get hash(): string {
    return sha256(this.text);
  }

  /** The site-wide values of the parameters the model declares, then its own entry over them. */
  paramsFor(modelId: string): Record<string, unknown> {
    return { ...this.siteParamsFor(modelId), ...this.ownParamsFor(modelId) };
  }

  /** The model's own entry under `models:` (what `set` replaces). */
  ownParamsFor(modelId: string): Record<string, unknown> {
    return { ...this.models[modelId] };
  }

  /** The site-wide values (`defaults:`) of the parameters the model declares and its own entry leaves unset. */
  siteParamsFor(modelId: string): Record<string, unknown> {
    const own = this.models[modelId] ?? {};
    const declared = this.library.get(modelId)?.parameters.map((p) => p.name) ?? [];
    return Object.fromEntries(declared.filter((n) => n in this.defaults && !(n in own)).map((n) => [n, this.defaults[n]]));
  }

  all(): ModelParams {
    return structuredClone(this.models);
  }

  /**
   * Sets a model's values (empty: back to the header's defaults and the site-wide values), writes the file and
   * returns the model's entry before and after. Checked first: a refused change leaves file and memory as they were.
   */
  set(
    library: Library,
    modelId: string,
    params: Record<string, unknown>,
  ): { before: Record<string, unknown>; after: Record<string, unknown> } {
    if (!this.file) throw new InvalidPolicy('(no site folder)', '', 'this server has no site policy file to change');
    checkModelParams(library, this.file, modelId, params);
    const before = this.ownParamsFor(modelId);
    if (!isMap(this.doc.contents)) this.doc = parseDocument('{}');
    if (Object.keys(params).length) this.doc.setIn(['models', modelId], this.doc.createNode(params));
    else if (this.doc.hasIn(['models', modelId])) this.doc.deleteIn(['models', modelId]);
    const text = this.doc.toString();
    writeAtomically(this.file, text);
    this.text = text;
    // Not a hand edit: the next start must not report it as one.
    if (this.stateFile) writeAtomically(this.stateFile, `${this.hash}\n`);
    if (Object.keys(params).length) this.models[modelId] = { ...params };
    else delete this.models[modelId];
    return { before, after: { ...params } };
  }
}

/**
 * Compares the policy's hash with the one kept at the last start (stateFile) and keeps the new one:
 * a hand edit between starts is noticed, logged and handed to `changed` for the audit trail.
 */
export function noticeHandEdit(policy: SitePolicy, changed: (before: string, after: string) => void): boolean {
  const stateFile = policy.stateFile;
  if (!stateFile) return false;
  const before = existsSync(stateFile) ? readFileSync(stateFile, 'utf8').trim() : null;
  const after = policy.hash;
  if (before === after) return false;
  writeAtomically(stateFile, `${after}\n`);
  if (before !== null) changed(before, after);
  return before !== null;
}
