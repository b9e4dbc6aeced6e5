// neighbours, paths and graphSchema: the generic exploration API, driven by graph.yaml. Relationship
// types and hop counts are validated before they go into pattern text; every value is a parameter.
// Jurisdiction (docs/api.md "Jurisdiction"): the centre and both ends of a path are admitted like
// entity(id) (a stated reason, or refused); other entities outside it are returned and flagged in the
// audit trail; alerts outside it are left out altogether, as the inbox leaves them out.
import { int } from '../../../platform/db/executor.js';
import type { PlainNode, PlainPath } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { presentNode, presentRels, REL_ROW, type EdgeView, type EntityView, type RelRow } from '../entity/present.js';
import { badInput, notFound } from '../errors.js';
import { clampLimit, link, maxHops, relPattern, relTypes, uidArg, type Direction } from '../inputs.js';
import { viewOpts } from '../view.js';
import { degreeOf } from '../degree.js';
import { BUNDLE_MIN_FLOOR, bundleSummary, bundleViews, pageRels, type BundleRow } from './bundles.js';
import { parallelEdges } from './parallel-edges.js';
import { CENTRE_REL_KEYS, centreRels, relRowsOf, type CentreRel } from './centre-rels.js';
import { admit, noteOutside, outsideOf, scopeOf } from '../jurisdiction.js';
import { alertInScope } from '../../access/jurisdiction.js';
import type { Resolvers } from '../generated.js';

export const NEIGHBOUR_LIMIT = { dflt: 50, min: 1, max: 500 };
/**
 * Relationships (of the asked types and direction) up to which every neighbour is read and counted; past
 * it (a hub) `total` is the relationship count and says so (totalCapped), and only a page is read.
 */
export const NEIGHBOUR_COUNT_CAP = 1000;
export const PATH_LIMIT = { dflt: 5, min: 1, max: 25 };
// Paths read per route asked for, to see past parallel relationships (bounded: allShortestPaths can explode).
const PATH_SCAN_FACTOR = 8;
const PATH_SCAN_MAX = 200;
// Alert nodes link everything they flag; a "path" through an alert is not a relationship in the world.
// Nor is one through the county government: every unit belongs to it, so any two officials would be four
// hops apart. Both can still be asked for by name in `types`.
const NOT_ON_PATHS = new Set(['FLAGS', 'PART_OF']);

interface NeighbourArgs {
  id: string;
  types?: string[] | null;
  direction?: Direction | null;
  limit?: number | null;
  exclude?: string[] | null;
  bundleMin?: number | null;
}

interface PathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  limit?: number | null;
  types?: string[] | null;
  excludeTypes?: string[] | null;
}

/** `bundleMin`: absent or null, no bundling (every relationship single, as before the argument existed). */
function bundleMinArg(v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (!Number.isInteger(v) || v < BUNDLE_MIN_FLOOR) throw badInput(`bundleMin must be a whole number of at least ${BUNDLE_MIN_FLOOR}`);
  return v;
}

export const graphResolvers: Resolvers = {
  Query: {
    parallelEdges,

    async neighbours(_: unknown, args: NeighbourArgs, ctx: ApiContext) {
      const id = uidArg(args.id);
      const types = relTypes(ctx.graphSchema, args.types);
      const limit = clampLimit(args.limit, NEIGHBOUR_LIMIT.dflt, NEIGHBOUR_LIMIT.min, NEIGHBOUR_LIMIT.max);
      const direction = args.direction ?? 'BOTH';
      const bundleMin = bundleMinArg(args.bundleMin);
      const opts = viewOpts(ctx);
      const hop = link(direction, relPattern('r', types));
      // The same relationships seen from the neighbour's end (the arrow turned round).
      const hopBack = link(direction === 'OUT' ? 'IN' : direction === 'IN' ? 'OUT' : 'BOTH', relPattern('r', types));
      await admit(ctx, [id]);
      const alertSeen = alertInScope(await scopeOf(ctx), 'm');
      // An alert links every subject it flags; as a neighbour it took places in the cap from the people and
      // companies the investigator asked for. Asked for by name (FLAGS in `types`), alerts in scope come.
      const withAlerts = types?.includes('FLAGS') ?? false;
      // The centre's relationships of the asked types and direction, from Neo4j's count store (no
      // expansion, whatever the node's size); FLAGS only when alerts may be neighbours. At most
      // NEIGHBOUR_COUNT_CAP of them, every neighbour is read: `total` is exact and the page is the first
      // `limit` by uid. Past it (a hub: a welfare programme has a relationship per monthly payment, 169,110
      // for 17,465 recipients at 100,000 persons) only the first `limit` + 1 neighbours the store yields
      // are read (about ten payments each), the same on every call while the data stays, `exclude` paging
      // on; `total` is then that relationship count, an upper bound for the neighbours (totalCapped).
      // Reading 1,001 of them (about 7,000 payments) to count and sort them was most of the statement's
      // own time in Neo4j (docs/bench.md "API"). Distinct first, so a neighbour's properties are read
      // once, not once per payment. The page's relationships are expanded from each neighbour's end and
      // kept where the other end is the centre: written as (c)-[r]-(m) with both bound, the planner chose
      // Expand(Into) from the centre (438 → 210 ms at 100,000 persons, docs/bench.md "API").
      const counted = types ?? Object.keys(ctx.graphSchema.relationships).filter((t) => withAlerts || t !== 'FLAGS');
      // The neighbours read, as `as`, on the rows where `guard` holds (an empty list on the others).
      const reach = (guard: string, n: string, as: string) => `
        CALL (c, relCount) {
          WITH c WHERE ${guard}
          MATCH (c)${hop}(m)
          WITH DISTINCT m WHERE m <> c AND m:Entity AND NOT m.uid IN $exclude AND (NOT m:Alert OR ($withAlerts AND ${alertSeen.cypher}))
          WITH m LIMIT ${n}
          RETURN collect(m) AS ${as}
        }`;
      const cypher = `
        MATCH (c:Entity {uid: $id})
        WITH c, COUNT { (c)${link(direction, relPattern('', counted))}() } AS relCount
        ${reach('relCount <= $cap', '$cap', 'every')}
        ${reach('relCount > $cap', '$hubReach', 'first')}
        WITH c, relCount, every, first, relCount > $cap AS hub
        CALL (every, first, hub) {
          UNWIND CASE WHEN hub THEN first[0..$limit] ELSE every END AS m
          WITH m ORDER BY m.uid LIMIT $limit
          RETURN collect({n: m, d: ${degreeOf(ctx.graphSchema, 'm')}}) AS page
        }
        WITH c, relCount, hub, CASE WHEN hub THEN size(first) ELSE size(every) END AS reached, page, [p IN page | p.n] AS nodes
        ${pageRels(hopBack, bundleMin !== null)}
        WITH c, relCount, hub, reached, page, found, bundles, ${CENTRE_REL_KEYS} AS relKeys
        RETURN c, ${degreeOf(ctx.graphSchema, 'c')} AS degree, hub, CASE WHEN hub THEN relCount ELSE reached END AS total,
               reached, page, relKeys, ${centreRels('relKeys')} AS rels, bundles`;
      const { rows } = await ctx.executor.read<{
        c: PlainNode;
        degree: number;
        hub: boolean;
        total: number;
        reached: number;
        page: { n: PlainNode; d: number }[];
        relKeys: string[];
        rels: CentreRel[];
        bundles: BundleRow[];
      }>(
        cypher,
        {
          ...alertSeen.params,
          withAlerts,
          id,
          exclude: args.exclude ?? [],
          limit: int(limit),
          cap: int(NEIGHBOUR_COUNT_CAP),
          hubReach: int(limit + 1),
          ...(bundleMin !== null ? { bundleMin: int(bundleMin), ...bundleSummary(ctx.graphSchema, opts.showSensitive) } : {}),
        },
        ctx.txMeta('neighbours'),
      );
      const row = rows[0];
      if (!row) throw notFound(`No entity ${JSON.stringify(id)}`);
      await noteOutside(
        ctx,
        row.page.map((p) => String(p.n.properties.uid)),
      );
      const centre = String(row.c.properties.uid);
      return {
        center: { ...presentNode(row.c, opts), degree: row.degree },
        // Each neighbour's degree comes with the page (the explorer shows it on every node): one statement
        // for the whole answer instead of a second, batched one for the degrees.
        nodes: row.page.map((p) => ({ ...presentNode(p.n, opts), degree: p.d })),
        edges: presentRels(relRowsOf(centre, row.relKeys, row.rels), opts),
        bundles: bundleViews(centre, row.bundles),
        total: row.total,
        totalCapped: row.hub,
        truncated: row.reached > row.page.length,
      };
    },

    async paths(_: unknown, args: PathArgs, ctx: ApiContext): Promise<{ nodes: EntityView[]; edges: EdgeView[] }> {
      const from = uidArg(args.from, 'from');
      const to = uidArg(args.to, 'to');
      if (from === to) throw badInput('from and to must be different entities');
      const hops = maxHops(args.maxHops);
      const limit = clampLimit(args.limit, PATH_LIMIT.dflt, PATH_LIMIT.min, PATH_LIMIT.max);
      const skip = new Set(relTypes(ctx.graphSchema, args.excludeTypes) ?? []);
      const types = (
        relTypes(ctx.graphSchema, args.types) ?? Object.keys(ctx.graphSchema.relationships).filter((t) => !NOT_ON_PATHS.has(t))
      ).filter((t) => !skip.has(t));
      if (types.length === 0) throw badInput('no relationship type left to walk: excludeTypes takes out every type');
      const { rows: ends } = await ctx.executor.read<{ uid: string }>(
        'MATCH (n:Entity) WHERE n.uid IN [$from, $to] RETURN n.uid AS uid',
        { from, to },
        ctx.txMeta('paths'),
      );
      for (const u of [from, to]) if (!ends.some((e) => e.uid === u)) throw notFound(`No entity ${JSON.stringify(u)}`);
      await admit(ctx, [from, to]);
      // `hops` is an integer checked to be 1..6 and `types` come from graph.yaml: the only text built here.
      // Paths that pass the same nodes in the same order are one route: KIN is stored in both directions
      // and a relative can be legal rep, officer and shareholder of one company, which multiplies paths.
      // More paths are read than asked for, and `limit` counts distinct routes.
      const { rows } = await ctx.executor.read<{ p: PlainPath; rels: RelRow[] }>(
        `MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
         MATCH p = allShortestPaths((a)${link('BOTH', relPattern('', types, `*..${hops}`))}(b))
         WITH p LIMIT $scan
         RETURN p, [r IN relationships(p) | ${REL_ROW('r')}] AS rels`,
        { from, to, scan: int(Math.min(limit * PATH_SCAN_FACTOR, PATH_SCAN_MAX)) },
        ctx.txMeta('paths'),
      );
      // Routes through an alert outside the jurisdiction (FLAGS asked for by name) are left out.
      const outside = await outsideOf(
        ctx,
        rows.flatMap((r) => r.p.nodes.filter((n) => n.labels.includes('Alert')).map((n) => String(n.properties.uid))),
      );
      const opts = viewOpts(ctx);
      const routes = new Set<string>();
      const nodes = new Map<string, EntityView>();
      const rels: RelRow[] = [];
      const returned = new Set<string>();
      for (const r of rows) {
        const uids = r.p.nodes.map((n) => String(n.properties.uid));
        if (uids.some((u) => outside.has(u))) continue;
        const route = uids.join('\n');
        if (!routes.has(route)) {
          if (routes.size >= limit) continue;
          routes.add(route);
        }
        for (const u of uids) returned.add(u);
        for (const n of r.p.nodes) {
          const v = presentNode(n, opts);
          nodes.set(v.id, v);
        }
        rels.push(...r.rels);
      }
      await noteOutside(
        ctx,
        [...returned].filter((u) => u !== from && u !== to),
      );
      return { nodes: [...nodes.values()], edges: presentRels(rels, opts) };
    },

    graphSchema(_: unknown, __: unknown, ctx: ApiContext) {
      const s = ctx.graphSchema;
      return {
        labels: Object.values(s.labels).map((l) => ({
          name: l.name,
          zh: l.zh,
          en: l.en,
          color: l.color,
          shape: l.shape,
          caption: l.caption,
        })),
        relationshipTypes: Object.values(s.relationships).map((r) => ({ name: r.name, zh: r.zh, en: r.en })),
      };
    },
  },
};
