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

export interface AsOfNode {
  id: string;
  properties: Record<string, unknown>;
}

/**
 * When an entity itself existed, from its own properties (cypher/schema/graph.yaml): a company from its
 * 成立日期, a person from birth (only a full date: ID-masked births carry the year alone) to death, a bid from
 * when it was submitted, a sanction from when it was decided. The company register gives a 登记状态 but no
 * date of 注销, so a dissolved company has no end here; add its key to END when the register gains one.
 */
const ENTITY_START_KEYS = ['foundedDate', 'birthDate', 'submittedAt', 'decidedAt'] as const;
const ENTITY_END_KEYS = ['deathDate'] as const;

export function entityDatesOf(props: Record<string, unknown>): Dated {
  const first = (keys: readonly string[]) => keys.map((k) => asDay(props[k])).find((v) => v !== null) ?? null;
  return { start: first(ENTITY_START_KEYS), end: first(ENTITY_END_KEYS) };
}

/** What the as-of date does to the canvas: elements hidden, and nodes shown faded. */
export interface AsOf {
  /** Relationships not true on the day (or touching a hidden node), and entities that did not exist then. */
  hidden: Set<string>;
  /** Entities that existed then but are on the canvas only through relationships not yet (or no longer) true. */
  dimmed: Set<string>;
}

/**
 * The canvas on `day`. A node that did not exist then (founded later, died before) is hidden with its
 * relationships. A node that existed but is left with no relationship shown is dimmed, not hidden: it was
 * there, only not linked yet, and hiding it would say it did not exist; dimmed, it also keeps its place
 * and can still be clicked. A node that stood alone on the canvas stays as it is (it was put there on purpose).
 */
export function asOfCanvas(nodes: readonly AsOfNode[], edges: readonly AsOfEdge[], day: string | null): AsOf {
  const out: AsOf = { hidden: new Set(), dimmed: new Set() };
  if (!day) return out;
  for (const n of nodes) if (!trueOn(entityDatesOf(n.properties), day)) out.hidden.add(n.id);
  const linked = new Set<string>();
  const kept = new Set<string>();
  for (const e of edges) {
    linked.add(e.source).add(e.target);
    const shown = trueOn(datesOf(e.properties), day) && !out.hidden.has(e.source) && !out.hidden.has(e.target);
    if (shown) kept.add(e.source).add(e.target);
    else out.hidden.add(e.id);
  }
  for (const n of nodes) if (linked.has(n.id) && !kept.has(n.id) && !out.hidden.has(n.id)) out.dimmed.add(n.id);
  return out;
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
  /** Nodes it dims (existed, but no relationship of theirs on the canvas was true then). */
  dimmed: number;
}

/** Days between two ISO dates (b - a), for placing marks on the strip. */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** The ISO date `n` days after `a`. */
export const addDays = (a: string, n: number): string => new Date(Date.parse(a) + n * 86_400_000).toISOString().slice(0, 10);
