// What a request costs before it runs, so one request cannot hold the connection pool: the issue's
// reproduction (15 aliases of `alerts(first: 100)`, each alert with evidence, history and degrees) stayed
// within the depth, alias and token limits and still ran thousands of statements for over 30 s.
//
// graphql-query-complexity walks the operation (fragments, @skip/@include, variables) and asks the
// estimator below for each field. A field costs its own work plus its children's, and a list multiplies
// its children by how many items it can return: the `first`/`limit` argument clamped as the resolver
// clamps it, or a typical size for lists without one. A field that sends its own statement to Neo4j
// costs STATEMENT; one answered from a per-request batch (degree, subjects, history) costs BATCHED.
//
// Checked at execution start (onExecute), not as a validation rule: the cost depends on the variables,
// and yoga caches validation per document.
import type { GraphQLOutputType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { DEFAULT_API_LIMITS } from '../../platform/config.js';
import { ALERT_PAGE } from './alert/resolvers.js';
import { NEIGHBOUR_LIMIT, PATH_LIMIT } from './graph/resolvers.js';
import { PARALLEL_LIMIT } from './graph/parallel-edges.js';
import { SEARCH_LIMIT } from './search/resolvers.js';
import { LOAD_RUN_LIMIT } from './source/resolvers.js';

/** A statement of its own (a resolver that calls the executor). */
export const STATEMENT = 10;
/** A key in a per-request batch: one statement for all of them. */
export const BATCHED = 1;

export interface Clamp {
  dflt: number;
  min: number;
  max: number;
}

/** How one field is costed beyond the defaults. */
export interface FieldCost {
  /** Its own work. Default: 1 for an object or list, 0 for a scalar. */
  cost?: number;
  /** The argument that sizes the list, clamped as the resolver clamps it. */
  sizeArg?: { name: string; clamp: Clamp };
  /** Items a list without a size argument is taken to hold (1 for a list whose parent is already sized). */
  size?: number;
}

/** Typical sizes of lists no argument bounds: what an alert's evidence, history and subjects hold. */
export const TYPICAL = { evidence: 30, history: 10, subjects: 4, small: 10 } as const;

/** A list of unknown size with no size argument: counted as this many (a new field stays bounded). */
const UNKNOWN_LIST = 20;
/** A `first`/`limit` argument on a field this table does not know: clamped to this. */
const UNKNOWN_MAX = 500;

const RISK_LIMIT: Clamp = { dflt: 20, min: 1, max: 200 };
const UNIT_LIMIT: Clamp = { dflt: 20, min: 1, max: 200 };
const AUDIT_PAGE: Clamp = { dflt: 50, min: 1, max: 500 };

export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  'Query.alerts': { cost: STATEMENT * 2, sizeArg: { name: 'first', clamp: ALERT_PAGE } },
  'Query.alert': { cost: STATEMENT },
  'Query.entity': { cost: STATEMENT },
  'Query.neighbours': { cost: STATEMENT, sizeArg: { name: 'limit', clamp: NEIGHBOUR_LIMIT } },
  'Query.paths': { cost: STATEMENT * 2, sizeArg: { name: 'limit', clamp: PATH_LIMIT } },
  // A bundle's single edges (graph/parallel-edges.ts): one statement, a page of `first`.
  'Query.parallelEdges': { cost: STATEMENT, sizeArg: { name: 'first', clamp: PARALLEL_LIMIT } },
  'Query.search': { cost: STATEMENT, sizeArg: { name: 'limit', clamp: SEARCH_LIMIT } },
  'Query.riskRanking': { cost: STATEMENT * 2, sizeArg: { name: 'limit', clamp: RISK_LIMIT } },
  'Query.loadRuns': { cost: STATEMENT, sizeArg: { name: 'limit', clamp: LOAD_RUN_LIMIT } },
  'Query.units': { cost: STATEMENT, sizeArg: { name: 'limit', clamp: UNIT_LIMIT } },
  'Query.users': { cost: STATEMENT, size: 50 },
  'Query.tokens': { cost: STATEMENT, size: 50 },
  'Query.assignees': { cost: STATEMENT, size: 50 },
  'Query.models': { size: 30 },
  // The audit trail is read from files, not Neo4j; verify walks every record.
  'Query.auditTrail': { cost: STATEMENT, sizeArg: { name: 'first', clamp: AUDIT_PAGE } },
  'AuditConnection.records': { size: 1 },
  'Query.auditVerify': { cost: STATEMENT * 10 },
  // The page was sized by `first` on alerts; its edges are those items, not another multiple.
  'AlertConnection.edges': { size: 1 },
  'Alert.evidence': { cost: STATEMENT },
  'Alert.subjects': { cost: BATCHED, size: TYPICAL.subjects },
  'Alert.history': { cost: BATCHED, size: TYPICAL.history },
  'Alert.comments': { cost: BATCHED, size: TYPICAL.history },
  'Graph.nodes': { size: TYPICAL.evidence },
  'Graph.edges': { size: TYPICAL.evidence },
  // Sized by the limit on neighbours.
  'Neighbourhood.nodes': { size: 1 },
  'Neighbourhood.edges': { size: 1 },
  'Neighbourhood.bundles': { size: 1 },
  'EdgePage.edges': { size: 1 },
  'Entity.degree': { cost: BATCHED },
  'Model.alertCount': { cost: BATCHED },
  'Model.lastRun': { cost: BATCHED },
  'Model.stats': { cost: STATEMENT },
  // One statement answers the whole check; the lists are a lot's bidders and the few links of each.
  'Query.preAwardCheck': { cost: STATEMENT },
  'PreAwardCheck.bidders': { size: TYPICAL.small },
  'PreAwardBidder.links': { size: 3 },
  'PreAwardLink.paths': { size: 2 },
  'PreAwardPath.route': { size: 4 },
  'PreAwardPath.types': { size: 1 },
  'PreAwardPath.edges': { size: 3 },
  'Mutation.runModel': { cost: STATEMENT * 50 },
  'Mutation.previewModel': { cost: STATEMENT * 50, size: UNKNOWN_LIST },
};

/** A mutation's own cost when the table has none: a write transaction and the read of what it returns. */
const MUTATION = STATEMENT * 2;

// Types are read by shape, not with graphql's isListType & co.: those check instanceof, and under Vitest
// the schema's graphql (Node's CommonJS copy, through @graphql-tools) is not the copy this file imports.
const isList = (t: GraphQLOutputType): boolean => /^\[/.test(String(t));
function isComposite(t: GraphQLOutputType): boolean {
  let named: unknown = t;
  while (named && typeof named === 'object' && 'ofType' in named) named = (named as { ofType: unknown }).ofType;
  return typeof named === 'object' && named !== null && ('getFields' in named || 'getTypes' in named);
}

function clamp(v: unknown, c: Clamp): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return c.dflt;
  return Math.min(c.max, Math.max(c.min, Math.trunc(v)));
}

/** The estimator: own cost plus children times the list size (see the file comment). */
export const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const known = FIELD_COSTS[key];
  // Introspection (__schema, __type and the __Type, __Field … types below them) is answered from memory:
  // GraphiQL's own query, lists of lists, must not count as a multiple of anything.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return childComplexity;
  const composite = isComposite(field.type);
  const own = known?.cost ?? (type.name === 'Mutation' ? MUTATION : composite ? 1 : 0);
  let size = 1;
  if (known?.sizeArg) size = clamp(args[known.sizeArg.name], known.sizeArg.clamp);
  else if (known?.size !== undefined) size = known.size;
  else if (isList(field.type)) {
    const arg = ['first', 'limit'].find((n) => typeof args[n] === 'number');
    size = arg ? clamp(args[arg], { dflt: UNKNOWN_LIST, min: 1, max: UNKNOWN_MAX }) : UNKNOWN_LIST;
  }
  // A size of 0 (alerts(first: 0), totalCount only) still reads the count.
  return own + Math.max(size, 1) * childComplexity;
};

/** The default limit (HUIYAN_MAX_QUERY_COST): the explorer's heaviest screen costs a small fraction of it. */
export const DEFAULT_MAX_COST = DEFAULT_API_LIMITS.maxCost;

/**
 * The cost of one operation of a document with these variables: undefined when the variables do not fit
 * (execute reports that, with code BAD_INPUT), infinite when the document has more fields than the
 * library will walk (10,000, fragments spread counted each time).
 */
export function costOf(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number | undefined {
  try {
    return getComplexity({ schema, query, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [fieldCost] });
  } catch (e) {
    return e instanceof Error && /maximum allowed number of nodes/.test(e.message) ? Number.POSITIVE_INFINITY : undefined;
  }
}

/**
 * Refuses an operation over `maxCost` before any resolver runs, with code BAD_INPUT and HTTP 400: the
 * same request would be refused again, so it is the caller's to change (smaller pages, fewer aliases),
 * not a rate limit to wait out. The message names the cost and the limit.
 */
export function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args.schema, args.document, args.variableValues ?? undefined, args.operationName);
      if (cost === undefined || cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Query cost ${Number.isFinite(cost) ? cost : 'past counting'} exceeds the limit of ${maxCost}: ask for smaller pages (first/limit) or fewer aliases 查询开销超过上限`,
            { extensions: { code: 'BAD_INPUT', cost: Number.isFinite(cost) ? cost : null, maxCost, http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
