// The pre-award check reads the kinship scope and the leaders-only switch of M03
// (procurement.kin-of-official-at-winning-bidder), so the check before award and the model after it agree:
// the header's defaults, under the site policy's values for that model (server/models/policy.ts).
import type { LotScope } from './lot-links.js';

export const SCOPE_MODEL = 'procurement.kin-of-official-at-winning-bidder';

interface Declared {
  name: string;
  default: unknown;
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/**
 * `declared`: the model's parameters as the library or catalog lists them; `site`: the site policy's values
 * for it. Null when the model is missing or declares neither parameter: the caller refuses rather than
 * guess a scope.
 */
export function lotScope(declared: Declared[] | undefined, site: Record<string, unknown> = {}): LotScope | null {
  const value = (name: string): unknown => (name in site ? site[name] : declared?.find((p) => p.name === name)?.default);
  const kinRelations = strings(value('kinRelations'));
  const leadersOnly = value('leadersOnly');
  if (!kinRelations) return null;
  return { kinRelations, leadersOnly: leadersOnly === true };
}
