// A model is one .cypher file whose leading `//` lines hold a YAML header between `// ---` markers, so an
// analyst can paste the file into any Cypher console as it is. This module parses and validates that
// header; unknown keys are refused, like the BloodHound query library does in CI. The header's shape is
// header-schema.ts (also published as schemas/model-header.schema.json).
import type { z } from 'zod';
import { parseYamlWith } from '../../platform/validation/yaml.js';
import { HeaderYaml, PARAM_VALUE, SeverityYaml, type ParamTypeYaml } from './header-schema.js';

export type Severity = z.infer<typeof SeverityYaml>;
export const SEVERITIES: readonly Severity[] = SeverityYaml.options;
export type ParamType = z.infer<typeof ParamTypeYaml>;

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
  const cypher = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  if (!cypher) throw new InvalidModel(file, 'has no Cypher after the header');
  return { headerText, cypher };
}

export function parseHeader(headerText: string, file: string): ModelHeader {
  const raw = parseYamlWith(headerText, HeaderYaml, (why) => {
    throw new InvalidModel(file, why);
  });
  const scheduleMs = parseSchedule(raw.schedule);
  if (scheduleMs !== undefined && Number.isNaN(scheduleMs))
    throw new InvalidModel(file, 'schedule must be an interval such as 30m, 6h or 1d');
  return {
    id: raw.id,
    revision: raw.revision,
    catalog: raw.catalog,
    title: raw.title,
    description: raw.description,
    severity: raw.severity,
    tags: raw.tags,
    parameters: Object.entries(raw.parameters).map(([name, p]) => ({ name, type: p.type, default: p.default, description: p.description })),
    identity: raw.identity,
    subjects: raw.subjects,
    evidence: raw.evidence,
    amount: raw.amount,
    summary: raw.summary,
    scheduleMs,
  };
}

export function paramValueOk(type: ParamType, v: unknown): boolean {
  return PARAM_VALUE[type].safeParse(v).success;
}

/** `$name` references in the Cypher text, outside comments and string literals. */
export function referencedParams(cypher: string): Set<string> {
  const stripped = cypher
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return new Set([...stripped.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}
