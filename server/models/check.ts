// Checks a parsed model against the live server before it may run: EXPLAIN (in a READ session) must say
// the query only reads, call only allowed procedures, load no files, open no inner transactions, and
// return the columns the header names. Nothing of the query runs.
import type { Executor } from '../../platform/db/executor.js';
import { defaultParams } from './params.js';
import type { Model } from './library.js';

/** Read-only procedures a model may call. Anything else (apoc.*, dbms.*, writes) is refused. */
export const PROCEDURE_ALLOWLIST = [
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.labels',
  'db.relationshipTypes',
];

const FORBIDDEN_OPERATORS: [RegExp, string][] = [
  [/^LoadCSV/, 'LOAD CSV'],
  [/^Transaction(Apply|Foreach)/, 'CALL { … } IN TRANSACTIONS'],
];

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export class ModelRefused extends Error {
  override name = 'ModelRefused';
  readonly code = 'MODEL_REFUSED';
}

function walk(plan: PlanNode | false | undefined, visit: (n: PlanNode) => void): void {
  if (!plan) return;
  visit(plan);
  for (const c of plan.children ?? []) walk(c, visit);
}

export function procedureOf(details: string): string | undefined {
  return /^([A-Za-z_][\w.]*)\s*\(/.exec(details.trim())?.[1];
}

export async function checkModel(db: Executor, model: Model, cypher = model.cypher): Promise<void> {
  let explained;
  try {
    explained = await db.explain(cypher, defaultParams(model));
  } catch (e) {
    throw new ModelRefused(`${model.file}: the server cannot plan the query: ${(e as Error).message}`);
  }
  const { summary, keys } = explained;
  if (summary.queryType !== 'r') {
    throw new ModelRefused(
      `${model.file}: a model may only read, but the query is of type "${summary.queryType}" (it writes or changes the schema)`,
    );
  }
  const problems: string[] = [];
  walk(summary.plan as unknown as PlanNode, (n) => {
    for (const [re, what] of FORBIDDEN_OPERATORS) if (re.test(n.operatorType)) problems.push(`${what} is not allowed in a model`);
    if (/^ProcedureCall/.test(n.operatorType)) {
      const name = procedureOf(String(n.arguments?.Details ?? ''));
      if (!name || !PROCEDURE_ALLOWLIST.includes(name))
        problems.push(`procedure ${name ?? '(unknown)'} is not on the allowlist (${PROCEDURE_ALLOWLIST.join(', ')})`);
    }
  });
  const needed = [...model.identity, ...model.subjects.map((s) => s.column), model.evidence, ...(model.amount ? [model.amount] : [])];
  const missing = [...new Set(needed)].filter((c) => !keys.includes(c));
  if (missing.length) problems.push(`the header names column(s) the query does not return: ${missing.join(', ')}`);
  if (problems.length) throw new ModelRefused(`${model.file}: ${[...new Set(problems)].join('; ')}`);
}
