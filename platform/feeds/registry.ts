// The feed registry (数据备案): which department files which source, through which mappings, how often,
// snapshot or delta, and who answers for it. Data, not code: a YAML file a site keeps with its config
// (HUIYAN_FEEDS), checked here when it is read. It lives in platform/ because both sides use it: the
// server computes each feed's status and raises alerts; the mapping ids it names belong to the loaders,
// so they are passed in (platform/ imports neither).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYamlWith, strict } from '../validation/yaml.js';

export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'on-change'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DELIVERIES = ['snapshot', 'delta'] as const;
export type Delivery = (typeof DELIVERIES)[number];

const text = z.string().trim().min(1, 'must be a non-empty string');
/** Codes are often all digits; YAML reads `330122` as a number, which is meant as text. */
const unit = z.union([text, z.number().transform(String)]);
/** A missing value reads "is required" like every other missing key, a wrong one names the choices. */
const unknownOr = (what: string, input: unknown, known: readonly string[]) =>
  input === undefined ? 'is required' : `unknown ${what} ${JSON.stringify(input)} (known: ${known.join(', ')})`;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const FeedYaml = strict({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and -'),
  title: strict({ zh: text, en: text }),
  department: unit.describe('the filing unit (报送单位): an Org code or name'),
  responsible: unit.describe('the unit the feed’s alerts are anchored to (责任单位): an Org code or name'),
  mappings: z.array(text).min(1, 'name at least one mapping id').describe('mapping ids whose load runs are this feed’s deliveries'),
  cadence: z.enum(CADENCES, { error: (iss) => unknownOr('cadence', iss.input, CADENCES) }),
  dueDay: z.number().int().min(1).max(28).optional().describe('monthly / quarterly: due by this day of the month after the period (1–28)'),
  graceDays: z.number().int().min(0).max(366).optional().describe('days after the cadence interval before the feed is overdue (default 0)'),
  delivery: z.enum(DELIVERIES, { error: (iss) => unknownOr('delivery', iss.input, DELIVERIES) }),
  rejectRateMax: z.number().min(0).max(1).describe('a delivery rejecting a larger share of its rows raises an alert (0–1)'),
  since: isoDate.optional().describe('filing starts: a feed never delivered is due one interval after this date'),
  contact: text.optional().describe('who to call at the department'),
});

export const FeedRegistryYaml = strict({ feeds: z.array(FeedYaml) }).meta({
  title: 'huiyan feed registry (数据备案)',
  description: 'docs/feeds.md',
});

export type FeedYaml = z.output<typeof FeedYaml>;

export interface Feed extends Omit<FeedYaml, 'graceDays'> {
  graceDays: number;
}

/** INVALID_FEEDS: the registry file is refused whole, with every problem named. */
export class InvalidFeedRegistry extends Error {
  override name = 'InvalidFeedRegistry';
  readonly code = 'INVALID_FEEDS' as const;
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`feed registry ${source}: ${reason}`);
  }
}

/**
 * Parses and checks a registry. `mappingIds`: the ids the loaders know (listMappings), so a feed naming
 * a mapping that does not exist is refused. Checks beyond the shape: unique ids, each mapping filed by
 * one feed only (a load run must belong to one feed), dueDay only for monthly / quarterly and not with
 * graceDays, on-change feeds without either (they have no due date).
 */
export function parseFeedRegistry(text: string, mappingIds: readonly string[], source = 'feeds.yaml'): Feed[] {
  const doc = parseYamlWith(text, FeedRegistryYaml, (reason) => {
    throw new InvalidFeedRegistry(source, reason);
  });
  const problems: string[] = [];
  const known = new Set(mappingIds);
  const seen = new Set<string>();
  const filedBy = new Map<string, string>();
  doc.feeds.forEach((f, i) => {
    const at = `feeds[${i}] (${f.id})`;
    if (seen.has(f.id)) problems.push(`${at}: duplicate id ${f.id}`);
    seen.add(f.id);
    for (const m of f.mappings) {
      if (!known.has(m)) problems.push(`${at}: unknown mapping ${m} (known: ${[...known].sort().join(', ')})`);
      const other = filedBy.get(m);
      if (other && other !== f.id) problems.push(`${at}: mapping ${m} is already filed by feed ${other}`);
      filedBy.set(m, f.id);
    }
    if (f.dueDay !== undefined && f.cadence !== 'monthly' && f.cadence !== 'quarterly')
      problems.push(`${at}: dueDay is for monthly or quarterly feeds, not ${f.cadence}`);
    if (f.dueDay !== undefined && f.graceDays !== undefined) problems.push(`${at}: give dueDay or graceDays, not both`);
    if (f.cadence === 'on-change' && f.graceDays !== undefined) problems.push(`${at}: an on-change feed has no due date, so no graceDays`);
  });
  if (problems.length) throw new InvalidFeedRegistry(source, problems.join('; '));
  return doc.feeds.map((f) => ({ ...f, graceDays: f.graceDays ?? 0 }));
}

/** Reads a registry file; a missing or unreadable file is INVALID_FEEDS too, naming the path. */
export function readFeedRegistry(file: string, mappingIds: readonly string[]): Feed[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InvalidFeedRegistry(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseFeedRegistry(text, mappingIds, file);
}
