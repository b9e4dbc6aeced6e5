// Checks a parsed model against the live server before it may run: EXPLAIN (in a READ session) must say
// the query only reads, plans only operators on the read-only list, calls only allowed procedures, and
// returns the columns the header names. Nothing of the query runs.
//
// An allowlist, not a list of what to refuse: `SHOW TRANSACTIONS` (other sessions' queries and their
// parameters), `SHOW SETTINGS` (file paths) and `TERMINATE TRANSACTIONS` are all of query type "r" and
// passed the read-only test; a new Neo4j version's new command would too.
import type { Executor } from '../../platform/db/executor.js';
import { isUnavailable } from '../../platform/db/errors.js';
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

/**
 * Plan operators a read query may use (Neo4j 5 Cypher manual, "Operators"), named without the variant in
 * brackets (`Expand(All)` is `Expand`) and the `@neo4j` runtime suffix. Scans, seeks, expands, joins,
 * applies, projections, sorts and aggregations; no commands (Show*, Terminate*, administration), no
 * writes, no file loading. ProcedureCall is here and its procedure checked against the allowlist.
 */
export const READ_OPERATORS = new Set([
  ...['AllNodesScan', 'NodeByLabelScan', 'NodeByIdSeek', 'NodeByElementIdSeek', 'NodeIndexSeek', 'NodeUniqueIndexSeek'],
  ...['MultiNodeIndexSeek', 'AssertingMultiNodeIndexSeek', 'NodeIndexSeekByRange', 'NodeUniqueIndexSeekByRange'],
  ...['NodeIndexContainsScan', 'NodeIndexEndsWithScan', 'NodeIndexScan', 'IntersectionNodeByLabelsScan'],
  ...['UnionNodeByLabelsScan', 'SubtractionNodeByLabelsScan', 'NodeCountFromCountStore', 'RelationshipCountFromCountStore'],
  ...['Directed', 'Undirected'].flatMap((d) =>
    [
      'RelationshipTypeScan',
      'AllRelationshipsScan',
      'UnionRelationshipTypesScan',
      'RelationshipIndexSeek',
      'RelationshipIndexSeekByRange',
      'RelationshipIndexScan',
      'RelationshipIndexContainsScan',
      'RelationshipIndexEndsWithScan',
      'RelationshipByIdSeek',
      'RelationshipByElementIdSeek',
    ].map((o) => d + o),
  ),
  ...['Expand', 'OptionalExpand', 'VarLengthExpand', 'BFSPruningVarLengthExpand', 'ShortestPath', 'StatefulShortestPath'],
  ...['Repeat', 'Trail', 'NullifyMetadata', 'ProjectEndpoints', 'Optional', 'Argument', 'ArgumentTracker'],
  ...['Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply', 'SelectOrAntiSemiApply'],
  ...['LetSelectOrSemiApply', 'LetSelectOrAntiSemiApply', 'ConditionalApply', 'AntiConditionalApply', 'RollUpApply'],
  ...['CartesianProduct', 'NodeHashJoin', 'ValueHashJoin', 'NodeLeftOuterHashJoin', 'NodeRightOuterHashJoin'],
  ...['TriadicSelection', 'TriadicBuild', 'TriadicFilter', 'Filter', 'Projection', 'CacheProperties'],
  ...['Limit', 'ExhaustiveLimit', 'Skip', 'Sort', 'PartialSort', 'Top', 'Top1WithTies', 'PartialTop'],
  ...['Union', 'OrderedUnion', 'Unwind', 'Distinct', 'OrderedDistinct', 'Aggregation', 'OrderedAggregation'],
  ...['EagerAggregation', 'Eager', 'Anti', 'ProduceResults', 'EmptyResult', 'EmptyRow', 'AssertSameNode'],
  ...['AssertSameRelationship', 'ProcedureCall'],
]);

/** `Expand(All)@neo4j` → `Expand`. */
export const operatorName = (operatorType: string) => operatorType.replace(/@.*$/, '').replace(/\(.*\)$/, '');

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

/**
 * The sandbox's read-only test for any Cypher (a model, or the analyst's console): EXPLAIN in a READ session,
 * query type `r`, only READ_OPERATORS, only allowlisted procedures. Returns the result columns; throws
 * ModelRefused with every problem found, prefixed by `where`.
 */
export async function checkReadOnly(db: Executor, cypher: string, params: Record<string, unknown>, where: string): Promise<string[]> {
  const { keys, problems } = await readOnlyProblems(db, cypher, params, where);
  if (problems.length) throw new ModelRefused(`${where}: ${[...new Set(problems)].join('; ')}`);
  return keys;
}

async function readOnlyProblems(
  db: Executor,
  cypher: string,
  params: Record<string, unknown>,
  where: string,
): Promise<{ keys: string[]; problems: string[] }> {
  let explained;
  try {
    explained = await db.explain(cypher, params);
  } catch (e) {
    // A database that cannot be reached says nothing of the model: refusing it would empty the library of a
    // server whose Neo4j restarts (or that is stopping) while it checks.
    if (isUnavailable(e)) throw e;
    throw new ModelRefused(`${where}: the server cannot plan the query: ${(e as Error).message}`);
  }
  const { summary, keys } = explained;
  if (summary.queryType !== 'r') {
    throw new ModelRefused(
      `${where}: a model may only read, but the query is of type "${summary.queryType}" (it writes or changes the schema)`,
    );
  }
  const problems: string[] = [];
  walk(summary.plan as unknown as PlanNode, (n) => {
    let named = false;
    for (const [re, what] of FORBIDDEN_OPERATORS)
      if (re.test(n.operatorType)) {
        problems.push(`${what} is not allowed in a model`);
        named = true;
      }
    const op = operatorName(n.operatorType);
    if (!named && !READ_OPERATORS.has(op)) problems.push(`${op} is not an operator a model may use (only reading the graph is allowed)`);
    if (/^ProcedureCall/.test(n.operatorType)) {
      const name = procedureOf(String(n.arguments?.Details ?? ''));
      if (!name || !PROCEDURE_ALLOWLIST.includes(name))
        problems.push(`procedure ${name ?? '(unknown)'} is not on the allowlist (${PROCEDURE_ALLOWLIST.join(', ')})`);
    }
  });
  return { keys, problems };
}

export async function checkModel(db: Executor, model: Model, cypher = model.cypher): Promise<void> {
  const { keys, problems } = await readOnlyProblems(db, cypher, defaultParams(model), model.file);
  const needed = [...model.identity, ...model.subjects.map((s) => s.column), model.evidence, ...(model.amount ? [model.amount] : [])];
  const missing = [...new Set(needed)].filter((c) => !keys.includes(c));
  if (missing.length) problems.push(`the header names column(s) the query does not return: ${missing.join(', ')}`);
  if (problems.length) throw new ModelRefused(`${model.file}: ${[...new Set(problems)].join('; ')}`);
}
