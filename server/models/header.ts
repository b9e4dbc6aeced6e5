// A model is one .cypher file whose leading `//` lines hold a YAML header between `// ---` markers, so an
// analyst can paste the file into any Cypher console as it is. This module parses and validates that
// header; unknown keys are refused, like the BloodHound query library does in CI.
import { parse } from 'yaml';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export type ParamType = 'string' | 'string[]' | 'integer' | 'float' | 'boolean' | 'date';
const PARAM_TYPES: readonly ParamType[] = ['string', 'string[]', 'integer', 'float', 'boolean', 'date'];

export interface ModelParam {
  name: string;
  type: ParamType;
  default: unknown;
  description: string;
}
export interface ModelSubject {
  column: string;
  role: string;
}
export interface ModelHeader {
  id: string;
  revision: number;
  catalog: string | undefined;
  title: { zh: string; en: string };
  description: string;
  severity: Severity;
  tags: string[];
  parameters: ModelParam[];
  /** Result columns whose values identify one alert: a re-run with the same values is the same alert. */
  identity: string[];
  /** Result columns holding entity uids, and the role each plays in the case. */
  subjects: ModelSubject[];
  /** Result column holding the list of paths that make the case. */
  evidence: string;
  /** Result column holding the amount involved, if the model has one. */
  amount: string | undefined;
  summary: { zh: string; en: string };
  /** How often the server re-runs the model (`30m`, `6h`, `1d`); unset: at start and on request only. */
  scheduleMs: number | undefined;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseSchedule(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const m = typeof v === 'string' ? /^(\d+)\s*([mhd])$/.exec(v.trim()) : null;
  if (!m || Number(m[1]) === 0) return NaN;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

export class InvalidModel extends Error {
  override name = 'InvalidModel';
  readonly code = 'INVALID_MODEL';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const KEYS = ['id', 'revision', 'catalog', 'title', 'description', 'severity', 'tags', 'parameters', 'identity', 'subjects', 'evidence', 'amount', 'summary', 'schedule'];
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits a model file into its header text (without the `//`) and the Cypher body. */
export function splitModelFile(text: string, file: string): { headerText: string; cypher: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '// ---') throw new InvalidModel(file, 'must start with a `// ---` line opening the YAML header');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '// ---');
  if (end < 0) throw new InvalidModel(file, 'the header has no closing `// ---` line');
  const headerLines = lines.slice(1, end);
  const bad = headerLines.findIndex((l) => !/^\s*\/\/( |$)/.test(l) && l.trim() !== '//');
  if (bad >= 0) throw new InvalidModel(file, `header line ${bad + 2} does not start with "// "`);
  const headerText = headerLines.map((l) => l.replace(/^\s*\/\/ ?/, '')).join('\n');
  const cypher = lines.slice(end + 1).join('\n').trim();
  if (!cypher) throw new InvalidModel(file, 'has no Cypher after the header');
  return { headerText, cypher };
}

export function parseHeader(headerText: string, file: string): ModelHeader {
  let raw: unknown;
  try {
    raw = parse(headerText);
  } catch (e) {
    throw new InvalidModel(file, `header is not valid YAML: ${(e as Error).message}`);
  }
  if (!obj(raw)) throw new InvalidModel(file, 'header must be a YAML map');
  const unknown = Object.keys(raw).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new InvalidModel(file, `unknown header key(s): ${unknown.join(', ')} (allowed: ${KEYS.join(', ')})`);
  // Annotated so TypeScript narrows after `if (...) fail(...)`.
  const fail: (why: string) => never = (why) => {
    throw new InvalidModel(file, why);
  };
  const str = (v: unknown, name: string) => (typeof v === 'string' && v.trim() ? v.trim() : fail(`${name} must be a non-empty string`));
  const strList = (v: unknown, name: string) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fail(`${name} must be a list of strings`));
  const zhEn = (v: unknown, name: string) => (obj(v) ? { zh: str(v.zh, `${name}.zh`), en: str(v.en, `${name}.en`) } : fail(`${name} must have zh and en`));

  const id = str(raw.id, 'id');
  if (!/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(id)) fail('id must be lower-case words joined by . or - (stable: alerts keep it)');
  const revision = Number.isInteger(raw.revision) && (raw.revision as number) > 0 ? (raw.revision as number) : fail('revision must be a positive whole number');
  const severity = SEVERITIES.includes(raw.severity as Severity) ? (raw.severity as Severity) : fail(`severity must be one of ${SEVERITIES.join(', ')}`);

  const params: ModelParam[] = [];
  if (raw.parameters !== undefined) {
    if (!obj(raw.parameters)) fail('parameters must be a map of name to { type, default, description }');
    for (const [name, p] of Object.entries(raw.parameters as Record<string, unknown>)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(`parameter name "${name}" is not a Cypher identifier`);
      if (!obj(p)) fail(`parameter ${name} must be { type, default, description }`);
      const type = PARAM_TYPES.includes(p.type as ParamType) ? (p.type as ParamType) : fail(`parameter ${name}: type must be one of ${PARAM_TYPES.join(', ')}`);
      const extra = Object.keys(p).filter((k) => !['type', 'default', 'description'].includes(k));
      if (extra.length) fail(`parameter ${name}: unknown key(s) ${extra.join(', ')}`);
      if (!('default' in p)) fail(`parameter ${name} needs a default`);
      if (!paramValueOk(type, p.default)) fail(`parameter ${name}: default ${JSON.stringify(p.default)} is not a ${type}`);
      params.push({ name, type, default: p.default, description: typeof p.description === 'string' ? p.description : '' });
    }
  }

  const subjects = Array.isArray(raw.subjects)
    ? raw.subjects.map((s, i) => (obj(s) ? { column: str(s.column, `subjects[${i}].column`), role: str(s.role, `subjects[${i}].role`) } : fail(`subjects[${i}] must be { column, role }`)))
    : fail('subjects must list { column, role } for the entities the alert flags');
  if (subjects.length === 0) fail('subjects must name at least one column');
  const identity = strList(raw.identity, 'identity');
  if (identity.length === 0) fail('identity must name at least one result column');

  const schedule = parseSchedule(raw.schedule);
  if (schedule !== undefined && Number.isNaN(schedule)) fail('schedule must be an interval such as 30m, 6h or 1d');
  return {
    id,
    revision,
    catalog: typeof raw.catalog === 'string' ? raw.catalog : undefined,
    title: zhEn(raw.title, 'title'),
    description: str(raw.description, 'description'),
    severity,
    tags: raw.tags === undefined ? [] : strList(raw.tags, 'tags'),
    parameters: params,
    identity,
    subjects,
    evidence: str(raw.evidence, 'evidence'),
    amount: raw.amount === undefined ? undefined : str(raw.amount, 'amount'),
    summary: zhEn(raw.summary, 'summary'),
    scheduleMs: schedule,
  };
}

export function paramValueOk(type: ParamType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'integer':
      return Number.isInteger(v);
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  }
}

/** `$name` references in the Cypher text, outside comments and string literals. */
export function referencedParams(cypher: string): Set<string> {
  const stripped = cypher
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return new Set([...stripped.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}
