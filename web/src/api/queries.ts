// Every operation the explorer sends, as named GraphQL documents, with one typed function each. Adding a
// field to the UI means adding it here first, so this file is the explorer's side of the API contract.
import { request, type Fetch } from './client.js';
import type {
  AlertAction,
  AlertDetail,
  AlertListItem,
  AlertPage,
  AlertWorkflow,
  Disposal,
  Entity,
  InboxFilter,
  Outcome,
  GraphSchemaInfo,
  Role,
  ModelTitle,
  Neighbourhood,
  SearchHit,
} from './types.js';
import { DEFAULT_ROLE, ROLES } from './types.js';

const ENTITY_FIELDS = `
fragment EntityFields on Entity {
  id label labels caption properties degree
  provenance { source file row run sources }
}`;

const EDGE_FIELDS = `
fragment EdgeFields on Edge {
  id type source target properties
  provenance { source file row run }
}`;

export const GRAPH_SCHEMA = `query ExplorerGraphSchema {
  graphSchema {
    labels { name zh en color shape caption }
    relationshipTypes { name zh en }
  }
  models { id titleZh titleEn }
}`;

export const SEARCH = `query ExplorerSearch($q: String!, $limit: Int) {
  search(q: $q, limit: $limit) { score entity { ...EntityFields } }
}
${ENTITY_FIELDS}`;

export const ENTITY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) { ...EntityFields }
}
${ENTITY_FIELDS}`;

export const NEIGHBOURS = `query ExplorerNeighbours($id: ID!, $limit: Int, $exclude: [ID!]) {
  neighbours(id: $id, limit: $limit, exclude: $exclude) {
    total truncated
    center { ...EntityFields }
    nodes { ...EntityFields }
    edges { ...EdgeFields }
  }
}
${ENTITY_FIELDS}
${EDGE_FIELDS}`;

export const ALERTS = `query ExplorerAlerts($first: Int, $lang: String, $filter: AlertFilter, $after: String) {
  alerts(first: $first, filter: $filter, after: $after) {
    totalCount
    edges { cursor node { id modelId modelTitle severity state assignee summary(lang: $lang) amount lastSeen } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const WORKFLOW_FIELDS = `
fragment WorkflowFields on Alert {
  id state assignee outcome disposal reason amountRecovered concludedAt actions
  history { id at actor role action fromState toState assignee outcome disposal reason comment amountRecovered }
}`;

export const ALERT = `query ExplorerAlert($id: ID!, $lang: String) {
  alert(id: $id) {
    id modelId modelRevision modelTitle severity state summary(lang: $lang) amount firstSeen lastSeen
    subjects { role entity { ...EntityFields } }
    evidence { nodes { ...EntityFields } edges { ...EdgeFields } }
    ...WorkflowFields
  }
}
${ENTITY_FIELDS}
${EDGE_FIELDS}
${WORKFLOW_FIELDS}`;

/** One named mutation per triage action, so the server's logs say what the handler did. */
export const TRIAGE = {
  ASSIGN: `mutation ExplorerAssign($id: ID!, $expectedState: String) {
  assign(id: $id, expectedState: $expectedState) { ...WorkflowFields } }`,
  START_VERIFICATION: `mutation ExplorerStartVerification($id: ID!, $expectedState: String) {
  startVerification(id: $id, expectedState: $expectedState) { ...WorkflowFields } }`,
  CONCLUDE: `mutation ExplorerConclude($id: ID!, $expectedState: String, $outcome: Outcome!, $disposal: Disposal, $reason: String, $amountRecovered: Float) {
  conclude(id: $id, expectedState: $expectedState, outcome: $outcome, disposal: $disposal, reason: $reason, amountRecovered: $amountRecovered) { ...WorkflowFields } }`,
  RECTIFY: `mutation ExplorerRectify($id: ID!, $expectedState: String, $comment: String, $amountRecovered: Float) {
  rectify(id: $id, expectedState: $expectedState, comment: $comment, amountRecovered: $amountRecovered) { ...WorkflowFields } }`,
  COMMENT: `mutation ExplorerComment($id: ID!, $text: String!) {
  comment(id: $id, text: $text) { ...WorkflowFields } }`,
  REOPEN: `mutation ExplorerReopen($id: ID!, $expectedState: String, $reason: String!) {
  reopen(id: $id, expectedState: $expectedState, reason: $reason) { ...WorkflowFields } }`,
} satisfies Record<AlertAction, string>;

const TRIAGE_OPS: Record<AlertAction, string> = {
  ASSIGN: 'ExplorerAssign',
  START_VERIFICATION: 'ExplorerStartVerification',
  CONCLUDE: 'ExplorerConclude',
  RECTIFY: 'ExplorerRectify',
  COMMENT: 'ExplorerComment',
  REOPEN: 'ExplorerReopen',
};
const TRIAGE_FIELDS: Record<AlertAction, string> = {
  ASSIGN: 'assign',
  START_VERIFICATION: 'startVerification',
  CONCLUDE: 'conclude',
  RECTIFY: 'rectify',
  COMMENT: 'comment',
  REOPEN: 'reopen',
};

export interface TriageInput {
  expectedState?: string;
  outcome?: Outcome;
  disposal?: Disposal | null;
  reason?: string | null;
  comment?: string | null;
  text?: string;
  amountRecovered?: number | null;
}

/** Who the explorer acts as: `huiyan.user` in localStorage, sent as x-huiyan-user. Not authentication. */
export const USER_KEY = 'huiyan.user';
export function currentUser(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(USER_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/**
 * The role the explorer claims: `huiyan.role` in localStorage, sent as x-huiyan-role. Like the user, a
 * header the API trusts until authentication exists (docs/api.md); it decides which actions the API lists
 * (an admin may reopen) and whether ID numbers are shown. A value that is not a role is ignored.
 */
export const ROLE_KEY = 'huiyan.role';
let roleThisPage: Role | null = null;
export function currentRole(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Role {
  if (roleThisPage) return roleThisPage;
  try {
    const v = storage?.getItem(ROLE_KEY);
    return isRole(v) ? v : DEFAULT_ROLE;
  } catch {
    return DEFAULT_ROLE;
  }
}
export function setRole(role: Role, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  roleThisPage = role;
  try {
    storage?.setItem(ROLE_KEY, role);
  } catch {
    // Not remembered in a locked-down profile; the role still holds for this page.
  }
}
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** The headers that say who is acting. A Chinese name is percent-encoded: header values are Latin-1. Pure. */
export function actorHeaders(user: string, role: Role): Record<string, string> {
  const h: Record<string, string> = {};
  if (user) h['x-huiyan-user'] = encodeURIComponent(user);
  // Without the header the API assumes the default role; sending it anyway would change nothing.
  if (role !== DEFAULT_ROLE) h['x-huiyan-role'] = role;
  return h;
}

/** fetch with the user and role headers. */
export const fetchAsUser: Fetch = (input, init) => {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(actorHeaders(currentUser(), currentRole()))) headers.set(k, v);
  return fetch(input, { ...init, headers });
};

/** One page of the inbox: a screenful and a bit, small enough to render at once. */
export const INBOX_PAGE = 50;

/** How many neighbours one double-click brings in: enough to see the shape, few enough to stay readable. */
export const EXPAND_LIMIT = 30;

export interface Api {
  graphSchema(): Promise<{ graphSchema: GraphSchemaInfo; models: ModelTitle[] }>;
  search(q: string, limit?: number): Promise<SearchHit[]>;
  entity(id: string): Promise<Entity | null>;
  neighbours(id: string, exclude: string[], limit?: number): Promise<Neighbourhood>;
  alerts(lang: string, first?: number, filter?: InboxFilter, after?: string | null): Promise<AlertPage>;
  alert(id: string, lang: string): Promise<AlertDetail | null>;
  triage(action: AlertAction, id: string, input?: TriageInput): Promise<AlertWorkflow>;
}

export function createApi(fetchImpl: Fetch = fetchAsUser): Api {
  const run = <T>(op: string, doc: string, vars: Record<string, unknown> = {}) =>
    request<T>(op, doc, vars, fetchImpl);
  return {
    graphSchema: () => run('ExplorerGraphSchema', GRAPH_SCHEMA),
    search: async (q, limit = 20) =>
      (await run<{ search: SearchHit[] }>('ExplorerSearch', SEARCH, { q, limit })).search,
    entity: async (id) => (await run<{ entity: Entity | null }>('ExplorerEntity', ENTITY, { id })).entity,
    neighbours: async (id, exclude, limit = EXPAND_LIMIT) =>
      (await run<{ neighbours: Neighbourhood }>('ExplorerNeighbours', NEIGHBOURS, { id, limit, exclude })).neighbours,
    alerts: async (lang, first = INBOX_PAGE, filter = {}, after = null) => {
      const r = await run<{
        alerts: { totalCount: number; edges: { cursor: string; node: AlertListItem }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>('ExplorerAlerts', ALERTS, { first, lang, filter, after });
      return {
        totalCount: r.alerts.totalCount,
        items: r.alerts.edges.map((e) => ({ ...e.node, cursor: e.cursor })),
        endCursor: r.alerts.pageInfo.endCursor,
        hasNextPage: r.alerts.pageInfo.hasNextPage,
      };
    },
    triage: async (action, id, input = {}) => {
      const doc = `${TRIAGE[action]}\n${WORKFLOW_FIELDS}`;
      const r = await run<Record<string, AlertWorkflow>>(TRIAGE_OPS[action], doc, { id, ...input });
      return r[TRIAGE_FIELDS[action]]!;
    },
    alert: async (id, lang) => (await run<{ alert: AlertDetail | null }>('ExplorerAlert', ALERT, { id, lang })).alert,
  };
}

