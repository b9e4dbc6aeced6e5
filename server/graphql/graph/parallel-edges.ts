// parallelEdges: the single relationships a bundle (bundles.ts) stands for, a page at a time: every
// relationship of one type from `source` to `target`. Both ends are admitted like the ends of a path
// (docs/api.md "Jurisdiction"): a bundle is opened from a neighbourhood whose centre was admitted, but the
// query can be sent on its own.
import { int } from '../../../platform/db/executor.js';
import type { ApiContext } from '../context.js';
import { presentRel, REL_ROW, type EdgeView, type RelRow } from '../entity/present.js';
import { badInput, notFound } from '../errors.js';
import { clampLimit, relTypes, uidArg } from '../inputs.js';
import { admit } from '../jurisdiction.js';
import { viewOpts } from '../view.js';

export const PARALLEL_LIMIT = { dflt: 100, min: 1, max: 500 };

interface ParallelArgs {
  source: string;
  target: string;
  type: string;
  first?: number | null;
  after?: string | null;
}

export interface EdgePageView {
  edges: EdgeView[];
  total: number;
  next: string | null;
}

export async function parallelEdges(_: unknown, args: ParallelArgs, ctx: ApiContext): Promise<EdgePageView> {
  const source = uidArg(args.source, 'source');
  const target = uidArg(args.target, 'target');
  const [type] = relTypes(ctx.graphSchema, [args.type]) ?? [];
  if (!type) throw badInput('type must name one relationship type');
  const first = clampLimit(args.first, PARALLEL_LIMIT.dflt, PARALLEL_LIMIT.min, PARALLEL_LIMIT.max, 'first');
  const after = args.after ?? null;
  if (after !== null && (after.length === 0 || after.length > 200)) throw badInput('after must be the `next` of an earlier page');
  // `type` is one of graph.yaml's names (checked above): the only text built into the statement.
  const { rows } = await ctx.executor.read<{ total: number; rels: RelRow[] }>(
    `MATCH (a:Entity {uid: $source}), (b:Entity {uid: $target})
     CALL (a, b) {
       MATCH (a)-[r:${type}]->(b) WHERE $after IS NULL OR elementId(r) > $after
       WITH r ORDER BY elementId(r) LIMIT $take
       RETURN collect(${REL_ROW('r')}) AS rels
     }
     RETURN COUNT { (a)-[:${type}]->(b) } AS total, rels`,
    { source, target, after, take: int(first + 1) },
    ctx.txMeta('parallelEdges'),
  );
  const row = rows[0];
  if (!row) throw notFound(`No entity ${JSON.stringify(source)} or ${JSON.stringify(target)}`);
  await admit(ctx, [source, target]);
  // Whose relationships were read, for the audit trail: the edges name their ends, not as entities.
  for (const u of [source, target]) ctx.audit.saw(u);
  const opts = viewOpts(ctx);
  const page = row.rels.slice(0, first);
  // Ids as neighbours gives them (present.ts presentRels): "<source>|<TYPE>|<target>" for the first of
  // the pair, the elementId appended for the others, so an edge already on the canvas is not added twice.
  const edges = page.map((r, i) => {
    const e = presentRel(r, opts);
    if (after !== null || i > 0) e.id = `${e.id}#${r.eid}`;
    return e;
  });
  return { edges, total: row.total, next: row.rels.length > first ? (page.at(-1)?.eid ?? null) : null };
}
