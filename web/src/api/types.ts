// The names the explorer gives to the generated result types (./generated.ts, `npm run codegen`, from the
// server's SDL and the documents in queries.ts). Nothing here is a hand-kept shape: a field selected in
// queries.ts appears here after codegen, and one the SDL drops is a compile error.
import type * as G from './generated.js';

export type { AlertAction, AlertState, Disposal, Outcome, Severity } from './generated.js';
export type Role = G.UserRole;

export type Entity = G.EntityFieldsFragment;
export type Edge = G.EdgeFieldsFragment;
/** A node's provenance, or a relationship's (which the explorer asks without `sources`). */
export type Provenance = NonNullable<Entity['provenance']> | NonNullable<Edge['provenance']>;
export interface Graph {
  nodes: Entity[];
  edges: Edge[];
}
export type Neighbourhood = G.ExplorerNeighboursQuery['neighbours'];
/** Parallel edges the server sent as one (neighbours with bundleMin): count, date span, amount. */
export type ServerBundle = Neighbourhood['bundles'][number];
export type GraphSchemaInfo = G.ExplorerGraphSchemaQuery['graphSchema'];
export type LabelInfo = GraphSchemaInfo['labels'][number];
export type RelTypeInfo = GraphSchemaInfo['relationshipTypes'][number];
export type ModelTitle = G.ExplorerGraphSchemaQuery['models'][number];
/** The triage workflow as the server serves it (states and names, moves, outcomes). */
export type WorkflowInfo = G.WorkflowInfoFragment;
export type SearchHit = G.ExplorerSearchQuery['search'][number];

export type AlertListItem = G.ExplorerAlertsQuery['alerts']['edges'][number]['node'] & {
  /** Where the next page starts when this is the last item shown ("load more"). */
  cursor?: string;
};
/** The workflow part of an alert, as every triage mutation returns it. */
export type AlertWorkflow = G.WorkflowFieldsFragment;
export type AlertEvent = AlertWorkflow['history'][number];
export type AlertDetail = NonNullable<G.ExplorerAlertQuery['alert']> & { cursor?: string };
export type InboxFilter = G.AlertFilter;
/** The signed-in caller (Query.me): the header's name and role; permissions decide which pages are offered. */
export type Me = G.ExplorerMeQuery['me'];
export type Assignee = G.ExplorerAssigneesQuery['assignees'][number];

export interface AlertPage {
  totalCount: number;
  items: AlertListItem[];
  endCursor: string | null;
  hasNextPage: boolean;
}

// A Record over the generated union: a severity added to the SDL does not compile until it is
// placed here.
const SEVERITY_RANK: Record<G.Severity, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
/** Most severe first: the order of the inbox and its severity filter. */
export const SEVERITIES = (Object.keys(SEVERITY_RANK) as G.Severity[]).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);
