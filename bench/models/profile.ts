// PROFILE of one model through the driver (cypher-shell is not part of the embedded runtime): the operator
// tree with rows and db hits per operator, the way to see where a slow model spends its time.
import type { Executor } from '../../platform/db/executor.js';
import type { Model } from '../../server/models/library.js';
import { defaultParams } from '../../server/models/params.js';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  dbHits: number;
  rows: number;
  time?: number;
  children: PlanNode[];
}

function lines(p: PlanNode, depth: number, out: string[]): number {
  const details = String(p.arguments.Details ?? '').replace(/\s+/g, ' ');
  const est = Number(p.arguments.EstimatedRows ?? NaN);
  out.push(
    `${'  '.repeat(depth)}${p.operatorType.replace(/@.*$/, '')}  rows ${p.rows}${Number.isFinite(est) ? ` (est ${Math.round(est)})` : ''}  hits ${p.dbHits}${p.time ? `  ${Math.round(p.time / 1e6)} ms` : ''}${details ? `  ${details.slice(0, 160)}` : ''}`,
  );
  return p.dbHits + p.children.reduce((a, c) => a + lines(c, depth + 1, out), 0);
}

/** Runs the model under PROFILE (a READ transaction, default parameters) and prints the plan. */
export async function printProfile(db: Executor, model: Model): Promise<{ ms: number; dbHits: number; rows: number }> {
  const t = Date.now();
  const { rows, summary } = await db.read(`PROFILE ${model.cypher}`, defaultParams(model));
  const ms = Date.now() - t;
  const plan = summary.profile as unknown as PlanNode | false;
  const out: string[] = [];
  const dbHits = plan ? lines(plan, 1, out) : 0;
  console.log(
    `\nPROFILE ${model.catalog ?? ''} ${model.id}: ${rows.length} rows, ${dbHits} db hits, ${ms} ms (runtime ${String(plan ? (plan.arguments.runtime ?? '') : '')})`,
  );
  console.log(out.join('\n'));
  return { ms, dbHits, rows: rows.length };
}

/** Planning time alone: the query caches cleared, then EXPLAIN (plans the query, runs nothing). */
export async function planMs(db: Executor, model: Model): Promise<number> {
  await db.write('CALL db.clearQueryCaches()');
  const t = Date.now();
  await db.explain(model.cypher, defaultParams(model));
  return Date.now() - t;
}
