// The graph as of a date: which relationships were true on that day, from the dates they carry
// (cypher/schema/graph.yaml): a spell runs `from`..`to` (posts, kinship, company roles, payroll,
// insurance, regulation); an event happened on its `date` (award, payment, inspection), `payDate` (a
// subsidy), `decidedAt` (a case). A spell with no end is still running; an event is true from its day on;
// a relationship with no date at all is timeless and always shown. Pure, so the rules are unit-tested.

/** A relationship's dates as the timeline and the as-of filter read them. */
export interface Dated {
  /** When it started, or when it happened (YYYY-MM-DD). */
  start: string | null;
  /** When a spell ended; null for an event or a spell still running. */
  end: string | null;
}

const asDay = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** Start-of-fact keys, in order of preference: a spell's start, then the event's own date. */
const START_KEYS = ['from', 'periodFrom', 'date', 'payDate', 'decidedAt'] as const;
/** An event's own date wins over the period it pays for: a subsidy is true once paid. */
const EVENT_KEYS = ['date', 'payDate', 'decidedAt'] as const;

export function datesOf(props: Record<string, unknown>): Dated {
  const event = EVENT_KEYS.map((k) => asDay(props[k])).find((v) => v !== null) ?? null;
  if (event) return { start: event, end: null };
  const start = START_KEYS.map((k) => asDay(props[k])).find((v) => v !== null) ?? null;
  return { start, end: asDay(props.to) };
}

/** Whether a fact with these dates was true on `day` (ISO dates compare as strings). */
export function trueOn(d: Dated, day: string): boolean {
  return (d.start === null || d.start <= day) && (d.end === null || d.end >= day);
}

export interface AsOfEdge {
  id: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/**
 * What to hide on `day`: the relationships not true then, and the nodes that had relationships on the
 * canvas and are left with none (a node that stood alone before keeps standing: it was put there on purpose).
 */
export function hiddenAsOf(nodeIds: readonly string[], edges: readonly AsOfEdge[], day: string | null): Set<string> {
  const hidden = new Set<string>();
  if (!day) return hidden;
  const linked = new Set<string>();
  const kept = new Set<string>();
  for (const e of edges) {
    linked.add(e.source).add(e.target);
    if (trueOn(datesOf(e.properties), day)) kept.add(e.source).add(e.target);
    else hidden.add(e.id);
  }
  for (const n of nodeIds) if (linked.has(n) && !kept.has(n)) hidden.add(n);
  return hidden;
}

/** The dated facts, earliest first: the timeline's marks. */
export function datedFacts<E extends AsOfEdge & { type: string }>(edges: readonly E[]): (Dated & { edge: E; start: string })[] {
  return edges
    .map((edge) => ({ edge, ...datesOf(edge.properties) }))
    .filter((f): f is Dated & { edge: E; start: string } => f.start !== null)
    .sort((a, b) => a.start.localeCompare(b.start) || a.edge.id.localeCompare(b.edge.id));
}

/** One dated fact as the timeline shows it. */
export interface TimelineMark {
  id: string;
  type: string;
  start: string;
  end: string | null;
}

export interface Timeline {
  marks: TimelineMark[];
  /** Elements the as-of date hides now (0 without a date). */
  hidden: number;
}

/** Days between two ISO dates (b - a), for placing marks on the strip. */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** The ISO date `n` days after `a`. */
export const addDays = (a: string, n: number): string => new Date(Date.parse(a) + n * 86_400_000).toISOString().slice(0, 10);
