// Parallel edges drawn as one. A person paid monthly by a programme, or a unit's vouchers to one company,
// are dozens of edges of one type between the same two nodes; drawn one by one their labels bury the rest
// of the picture. A bundle stands for them with the count and the date span ("领取 ×30 · 2019-01—2021-06")
// and opens into the single edges on demand. Pure: graph/bundles-cy.ts applies the plan to the canvas.

/** The part of an edge that bundling reads. */
export interface BundleInput {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface Bundle {
  /** Element id of the bundle edge: stable for the same pair and type, so a re-plan updates it in place. */
  id: string;
  key: string;
  source: string;
  target: string;
  type: string;
  /** Element ids of the single edges it stands for, in canvas order. */
  members: string[];
  span: DateSpan | null;
}

/** A bundle edge's data on the canvas (bundles-cy.ts draws the canvas's own, elements.ts the server's). */
export interface BundleData {
  id: string;
  source: string;
  target: string;
  type: string;
  bundle: true;
  key: string;
  count: number;
  members: string[];
  /** The label as drawn, in the current language. */
  caption: string;
  from: string | null;
  to: string | null;
  amount: number | null;
  /**
   * Sent by the server as a bundle (elements.ts serverBundleElement): `count` and the span are the
   * server's, `members` empty until it is opened, when its single edges are read and it gives way to them.
   */
  server?: true;
}

export interface DateSpan {
  from: string;
  to: string;
}

/** Fewer parallel edges than this are drawn as they are: two labels still read. */
export const BUNDLE_MIN = 3;

/** One key per direction and type: KIN stored both ways stays two edges, as the data says. */
export function bundleKey(e: Pick<BundleInput, 'source' | 'target' | 'type'>): string {
  return `${e.source}\u0000${e.target}\u0000${e.type}`;
}

export function bundleId(key: string): string {
  return `bundle:${key.replaceAll('\u0000', '|')}`;
}

const DATE = /^\d{4}-\d{2}(-\d{2})?/;

/**
 * The dates an edge carries, whatever the type calls them (from/to, periodFrom/periodTo, date, payDate,
 * decidedAt): every property value that starts with an ISO date. Data-driven, so a new dated type needs
 * nothing here.
 */
export function edgeDates(props: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const v of Object.values(props)) {
    if (typeof v === 'string' && DATE.test(v)) out.push(v.slice(0, 10));
  }
  return out;
}

/** First and last date over a set of edges (ISO strings sort as dates), or null when none has a date. */
export function dateSpan(propsList: Record<string, unknown>[]): DateSpan | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const p of propsList) {
    for (const d of edgeDates(p)) {
      if (from === null || d < from) from = d;
      if (to === null || d > to) to = d;
    }
  }
  return from !== null && to !== null ? { from, to } : null;
}

/** A span as months: `2019-01—2021-06`, or one month when it starts and ends in the same one. */
export function spanText(span: DateSpan | null): string {
  if (!span) return '';
  const a = span.from.slice(0, 7);
  const b = span.to.slice(0, 7);
  return a === b ? a : `${a}—${b}`;
}

/** What the bundle edge says: the type's name, the count, and the dates when there are any. */
export function bundleLabel(typeName: string, count: number, span: DateSpan | null): string {
  const dates = spanText(span);
  return `${typeName} ×${count}${dates ? ` · ${dates}` : ''}`;
}

/** Groups edges by direction and type; only groups of at least `min` become bundles. */
export function planBundles(edges: Iterable<BundleInput>, min = BUNDLE_MIN): Bundle[] {
  const groups = new Map<string, BundleInput[]>();
  for (const e of edges) {
    const k = bundleKey(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const out: Bundle[] = [];
  for (const [key, g] of groups) {
    if (g.length < min) continue;
    const first = g[0]!;
    out.push({
      id: bundleId(key),
      key,
      source: first.source,
      target: first.target,
      type: first.type,
      members: g.map((e) => e.id),
      span: dateSpan(g.map((e) => e.properties)),
    });
  }
  return out;
}
