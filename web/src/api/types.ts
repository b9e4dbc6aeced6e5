// Shapes of the GraphQL results the explorer asks for (server/graphql/*/schema.graphql). Kept by hand:
// the explorer selects a small, fixed set of fields, all named in queries.ts.

export interface Provenance {
  source: string | null;
  file: string | null;
  row: number | null;
  run: string | null;
  sources: string[] | null;
}

export interface Entity {
  id: string;
  label: string;
  labels: string[];
  caption: string;
  properties: Record<string, unknown>;
  provenance: Provenance | null;
  degree: number;
}

export interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  provenance: Provenance | null;
}

export interface Graph {
  nodes: Entity[];
  edges: Edge[];
}

export interface Neighbourhood extends Graph {
  center: Entity;
  total: number;
  truncated: boolean;
}

export interface LabelInfo {
  name: string;
  zh: string;
  en: string;
  color: string;
  shape: string;
  caption: string;
}

export interface RelTypeInfo {
  name: string;
  zh: string;
  en: string;
}

export interface GraphSchemaInfo {
  labels: LabelInfo[];
  relationshipTypes: RelTypeInfo[];
}

export interface SearchHit {
  entity: Entity;
  score: number;
}

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** The roles of server/access/roles.ts, sent as x-huiyan-role. */
export const ROLES = ['viewer', 'handler', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** What the API assumes without the header. */
export const DEFAULT_ROLE: Role = 'handler';

export interface AlertListItem {
  id: string;
  modelId: string;
  modelTitle: string;
  severity: Severity;
  state: string;
  summary: string;
  amount: number | null;
  lastSeen: string;
  /** Where the next page starts when this is the last item shown ("load more"). */
  cursor?: string;
  assignee?: string | null;
}

export interface AlertSubject {
  role: string;
  entity: Entity;
}

export interface AlertDetail extends AlertListItem, Partial<Omit<AlertWorkflow, 'id' | 'state'>> {
  modelRevision: number;
  firstSeen: string;
  subjects: AlertSubject[];
  evidence: Graph;
}

export interface ModelTitle {
  id: string;
  titleZh: string;
  titleEn: string;
}

// Triage (server/graphql/alert/schema.graphql: Mutation, AlertEvent, Outcome, Disposal, AlertAction).

export type Outcome = 'CONFIRMED' | 'PARTLY_CONFIRMED' | 'NOT_CONFIRMED' | 'UNVERIFIABLE';
export type Disposal = 'CORRECTION' | 'TALK' | 'CASE' | 'TRANSFER';
export type AlertAction = 'ASSIGN' | 'START_VERIFICATION' | 'CONCLUDE' | 'RECTIFY' | 'COMMENT' | 'REOPEN';

export interface AlertEvent {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: AlertAction;
  fromState: string;
  toState: string;
  assignee: string | null;
  outcome: Outcome | null;
  disposal: Disposal | null;
  reason: string | null;
  comment: string | null;
  amountRecovered: number | null;
}

/** The workflow part of an alert, as every triage mutation returns it. */
export interface AlertWorkflow {
  id: string;
  state: string;
  assignee: string | null;
  outcome: Outcome | null;
  disposal: Disposal | null;
  reason: string | null;
  amountRecovered: number | null;
  concludedAt: string | null;
  history: AlertEvent[];
  actions: AlertAction[];
}

export interface InboxFilter {
  state?: string | null;
  states?: string[] | null;
  severity?: Severity | null;
  modelId?: string | null;
  assignedToMe?: boolean | null;
  /** uid of an entity the alert flags. */
  subject?: string | null;
  firstSeenFrom?: string | null;
  firstSeenTo?: string | null;
}

export interface AlertPage {
  totalCount: number;
  items: AlertListItem[];
  endCursor: string | null;
  hasNextPage: boolean;
}
