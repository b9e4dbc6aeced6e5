// search(q, labels, limit): an ID number or credit code finds its entity exactly by uid; other text goes to
// the full-text index named in graph.yaml. The CJK analyzer indexes overlapping bigrams, so a single
// character matches nothing there: one-character queries fall back to a name scan (capped by the limit).
// Hits outside the caller's jurisdiction are returned (finding someone is not reading their records) and
// flagged in the audit trail.
import { int } from '../../../platform/db/executor.js';
import type { PlainNode } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { presentNode, type EntityView } from '../entity/present.js';
import { clampLimit, labelsOf } from '../inputs.js';
import { viewOpts } from '../view.js';
import { noteOutside } from '../jurisdiction.js';
import { asIdentifier, charCount, identifierKeys, luceneQuery } from './query.js';
import type { Resolvers } from '../generated.js';

export const SEARCH_LIMIT = { dflt: 20, min: 1, max: 100 };
const MAX_QUERY_CHARS = 200;

interface SearchArgs {
  q: string;
  labels?: string[] | null;
  limit?: number | null;
}
interface Hit {
  entity: EntityView;
  score: number;
}
type Row = { n: PlainNode; score: number };

export const searchResolvers: Resolvers = {
  Query: {
    async search(_: unknown, args: SearchArgs, ctx: ApiContext): Promise<Hit[]> {
      const q = args.q.normalize('NFKC').trim().slice(0, MAX_QUERY_CHARS);
      const labels = labelsOf(ctx.graphSchema, args.labels);
      const limit = clampLimit(args.limit, SEARCH_LIMIT.dflt, SEARCH_LIMIT.min, SEARCH_LIMIT.max);
      if (q === '') return [];
      const rows =
        (await exact(ctx, q, labels)) ??
        (charCount(q) === 1 ? await oneChar(ctx, q, labels, limit) : await fulltext(ctx, q, labels, limit));
      await noteOutside(
        ctx,
        rows.map((r) => String(r.n.properties.uid)),
      );
      const opts = viewOpts(ctx);
      return rows.map((r) => ({ entity: presentNode(r.n, opts), score: r.score }));
    },
  },
};

/** Exact lookup by uid for identifiers; null when q is not one or nothing has it (then full text runs). */
async function exact(ctx: ApiContext, q: string, labels: string[] | null): Promise<Row[] | null> {
  const id = asIdentifier(q);
  // Identifiers as data: the holders of an Identifier node (pseudonymised like ID numbers when keyed).
  const keys = identifierKeys(q).map((k) => (ctx.personKey ? ctx.personKey(k) : k));
  if (!id && keys.length === 0) return null;
  const uids: string[] = [];
  if (id?.idNo) uids.push(`Person:${ctx.personKey ? ctx.personKey(id.idNo) : id.idNo}`);
  if (id?.code) uids.push(`Company:${id.code}`, `Org:${id.code}`);
  const { rows } = await ctx.executor.read<Row>(
    `MATCH (n:Entity) WHERE n.uid IN $uids AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
     RETURN n, 1.0 AS score
     UNION
     MATCH (i:Identifier)<-[:HAS_ID]-(n:Entity) WHERE i.key IN $keys AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
     RETURN n, 1.0 AS score`,
    { uids, keys, labels },
    ctx.txMeta('search.exact'),
  );
  return rows.length > 0 ? rows : null;
}

async function fulltext(ctx: ApiContext, q: string, labels: string[] | null, limit: number): Promise<Row[]> {
  const query = luceneQuery(q);
  if (query === '') return [];
  const { rows } = await ctx.executor.read<Row>(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
     RETURN node AS n, score ORDER BY score DESC, n.uid LIMIT $limit`,
    { index: ctx.graphSchema.fulltext.name, query, labels, limit: int(limit) },
    ctx.txMeta('search.fulltext'),
  );
  return rows;
}

/** One character: names that start with it first (a surname), then names that contain it. */
async function oneChar(ctx: ApiContext, q: string, labels: string[] | null, limit: number): Promise<Row[]> {
  const named = Object.values(ctx.graphSchema.labels)
    .filter((l) => l.search.includes('name') && (labels === null || labels.includes(l.name)))
    .map((l) => l.name);
  if (named.length === 0) return [];
  const { rows } = await ctx.executor.read<Row>(
    `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $named) AND n.name CONTAINS $q
     WITH n LIMIT $scan
     RETURN n, CASE WHEN n.name STARTS WITH $q THEN 1.0 ELSE 0.5 END AS score`,
    { named, q, scan: int(limit * 5) },
    ctx.txMeta('search.oneChar'),
  );
  return rows.sort((a, b) => b.score - a.score || String(a.n.properties.name).length - String(b.n.properties.name).length).slice(0, limit);
}
