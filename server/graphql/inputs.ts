// Checks on arguments before they reach Cypher. Labels, relationship types and hop counts end up in
// query text (Cypher cannot take them as parameters), so they are accepted only when graph.yaml knows them
// or when they are whole numbers in range; everything else is refused with BAD_INPUT.
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { badInput } from './errors.js';

/** Clamp a page size into [min, max]; null/undefined means the default. Non-integers are refused. */
export function clampLimit(v: number | null | undefined, dflt: number, min: number, max: number, name = 'limit'): number {
  if (v === null || v === undefined) return dflt;
  if (!Number.isInteger(v)) throw badInput(`${name} must be a whole number`);
  return Math.min(max, Math.max(min, v));
}

export function relTypes(schema: GraphSchema, types: readonly string[] | null | undefined): string[] | null {
  if (types === null || types === undefined || types.length === 0) return null;
  const unknown = types.filter((t) => !Object.hasOwn(schema.relationships, t));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown relationship type ${unknown.map((t) => JSON.stringify(t.slice(0, 40))).join(', ')}; known: ${Object.keys(schema.relationships).join(', ')}`,
    );
  }
  return [...new Set(types)];
}

export function labelsOf(schema: GraphSchema, labels: readonly string[] | null | undefined): string[] | null {
  if (labels === null || labels === undefined || labels.length === 0) return null;
  const unknown = labels.filter((l) => !Object.hasOwn(schema.labels, l));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown label ${unknown.map((l) => JSON.stringify(l.slice(0, 40))).join(', ')}; known: ${Object.keys(schema.labels).join(', ')}`,
    );
  }
  return [...new Set(labels)];
}

export const MAX_HOPS = 6;

/** maxHops goes into the pattern text as `*..n`, so only an integer 1..6 passes. */
export function maxHops(v: number | null | undefined): number {
  const n = v ?? 4;
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOPS) throw badInput(`maxHops must be a whole number from 1 to ${MAX_HOPS}`);
  return n;
}

/** `[r:A|B]` for validated types, `[r]` for any. */
export function relPattern(variable: string, types: string[] | null, hops = ''): string {
  return types === null ? `[${variable}${hops}]` : `[${variable}:${types.join('|')}${hops}]`;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** The middle of `(a)-[r]->(b)` and friends: the arrow follows the direction argument. */
export function link(direction: Direction, rel: string): string {
  if (direction === 'OUT') return `-${rel}->`;
  if (direction === 'IN') return `<-${rel}-`;
  return `-${rel}-`;
}

export function uidArg(v: string, name = 'id'): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 300) throw badInput(`${name} must be an entity uid such as "Person:…"`);
  return v;
}
