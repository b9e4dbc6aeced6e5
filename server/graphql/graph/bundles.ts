// Parallel relationships between a neighbours page and its centre, sent as one bundle each
// (`neighbours(bundleMin:)`). A hub's page of 50 recipients carries about 500 monthly payments; decoding
// and presenting them on the API's one thread was most of what was left of a hub's answer (docs/bench.md
// "The hub's bounded page and the clients on their own thread"), and the explorer draws them as a handful
// of bundles anyway (web/src/graph/bundle.ts). Neo4j counts them and takes their date span and amount;
// only the groups below the threshold come as single relationships. `parallelEdges` pages through a
// bundle's members when the explorer opens it.
import type { GraphSchema } from '../../../platform/schema/graph-schema.js';
import { maskedProps, sensitiveProps } from '../entity/present.js';

/** Below 2 every relationship would be a bundle of one: refused, not clamped, so the caller sees why. */
export const BUNDLE_MIN_FLOOR = 2;

/** One bundle as Neo4j sends it: type, whether it starts at the centre, the neighbour's uid, count, first and last date, amount. */
export type BundleRow = [string, boolean, string, number, string | null, string | null, number | null];

export interface EdgeBundleView {
  id: string;
  type: string;
  source: string;
  target: string;
  count: number;
  from: string | null;
  to: string | null;
  amount: number | null;
}

/**
 * The properties a bundle may summarise for this caller: the date and datetime properties graph.yaml
 * declares on any relationship type (the explorer's bundle label spans every date an edge carries), and
 * whether `amount` may be summed. A property that is sensitive or masked on any type is left out for a
 * caller who may not see it whole: a span or a sum must not say what the single edges would hide.
 */
export function bundleSummary(schema: GraphSchema, showSensitive: boolean): { dateKeys: string[]; sumAmount: boolean } {
  const dates = new Set<string>();
  const withheld = new Set<string>();
  for (const rel of Object.values(schema.relationships)) {
    const defs = rel.properties ?? {};
    for (const [name, d] of Object.entries(defs)) if (d.type === 'date' || d.type === 'datetime') dates.add(name);
    if (!showSensitive) {
      for (const k of sensitiveProps(defs)) withheld.add(k);
      for (const k of maskedProps(defs).keys()) withheld.add(k);
    }
  }
  return { dateKeys: [...dates].filter((k) => !withheld.has(k)).sort(), sumAmount: !withheld.has('amount') };
}

/**
 * The statement's tail for the page's relationships to the centre, `c` and `nodes` bound by the caller and
 * `hopBack` the relationship pattern seen from the neighbour's end (from validated types only). Without
 * bundling, `found` holds every [relationship, neighbour uid] as before. With `$bundleMin`, relationships
 * are grouped by neighbour, type and direction (the explorer's bundle key); groups of at least $bundleMin
 * go to `bundles` as BundleRows, the rest to `found`. $dateKeys and $sumAmount come from bundleSummary.
 */
export function pageRels(hopBack: string, bundling: boolean): string {
  if (!bundling)
    return `
        CALL (c, nodes) {
          UNWIND nodes AS m
          MATCH (m)${hopBack}(o) WHERE o = c
          RETURN collect([r, m.uid]) AS found
        }
        WITH *, [] AS bundles`;
  // Dates as their first ten characters, as the explorer reads them ("2024-01-01", a datetime's day);
  // strings sort as dates. The span is an aggregation over the members' dates (appending them to a list
  // one member at a time was quadratic in a bundle's size). The sum is null when no member has a number.
  return `
        CALL (c, nodes) {
          UNWIND nodes AS m
          MATCH (m)${hopBack}(o) WHERE o = c
          WITH m, type(r) AS t, startNode(r) = c AS out, collect(r) AS rs
          WITH m, t, out, rs, size(rs) >= $bundleMin AS bundled
          CALL (rs, bundled) {
            UNWIND CASE WHEN bundled THEN rs ELSE [] END AS x
            UNWIND $dateKeys AS k
            WITH left(toString(x[k]), 10) AS d
            WHERE d =~ '\\\\d{4}-\\\\d{2}.*'
            RETURN min(d) AS lo, max(d) AS hi
          }
          RETURN reduce(acc = [], g IN collect(CASE WHEN bundled THEN [] ELSE [x IN rs | [x, m.uid]] END) | acc + g) AS found,
                 collect(CASE WHEN bundled THEN [t, out, m.uid, size(rs), lo, hi,
                   CASE WHEN $sumAmount THEN reduce(s = null, x IN rs |
                     CASE WHEN x.amount IS :: INTEGER OR x.amount IS :: FLOAT THEN coalesce(s, 0) + x.amount ELSE s END) END] END) AS bundles
        }`;
}

/** The bundle's id: the explorer's bundleId for the same source, target and type, so both name it alike. */
export function edgeBundleId(source: string, target: string, type: string): string {
  return `bundle:${source}|${target}|${type}`;
}

/** Bundle rows as the API shows them, the centre at the end the direction says. */
export function bundleViews(centre: string, rows: BundleRow[]): EdgeBundleView[] {
  return rows.map(([type, fromCentre, other, count, from, to, amount]) => {
    const source = fromCentre ? centre : other;
    const target = fromCentre ? other : centre;
    return { id: edgeBundleId(source, target, type), type, source, target, count, from, to, amount };
  });
}
