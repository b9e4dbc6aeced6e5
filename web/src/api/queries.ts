// Every operation the explorer sends, as named GraphQL documents, with one typed function each. The
// documents are marked /* GraphQL */ so `npm run codegen` finds them and types their results and variables
// (./generated.ts) from the server's SDL; test/unit/web/operations.test.ts validates each against the schema
// the server serves. Adding a field to the UI means adding it to a document here and running codegen.
import { request, type Fetch } from './client.js';
import type {
  AlertAction,
  Disposal,
  ExplorerAlertQuery,
  ExplorerAlertsQuery,
  ExplorerAlertsQueryVariables,
  ExplorerEntityQuery,
  ExplorerGraphSchemaQuery,
  ExplorerNeighboursQuery,
  ExplorerSearchQuery,
  Outcome,
} from './generated.js';
import type { AlertDetail, AlertPage, AlertState, AlertWorkflow, Entity, InboxFilter, Neighbourhood, Role, SearchHit } from './types.js';
import { DEFAULT_ROLE, ROLES } from './types.js';

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity {
    id
    label
    labels
    caption
    properties
    degree
    provenance {
      source
      file
      row
      run
      sources
    }
  }
`;

const EDGE_FIELDS = /* GraphQL */ `
  fragment EdgeFields on Edge {
    id
    type
    source
    target
    properties
    provenance {
      source
      file
      row
      run
    }
  }
`;

/** The triage workflow as the server serves it: states and their names, moves, outcomes, roles. */
const WORKFLOW_INFO = /* GraphQL */ `
  fragment WorkflowInfo on Workflow {
    states {
      code
      zh
      en
      open
    }
    transitions {
      action
      from
      to
      outcome
      roles
      requires
    }
    outcomes {
      code
      finding
    }
    disposals
  }
`;

export const GRAPH_SCHEMA = /* GraphQL */ `
  query ExplorerGraphSchema {
    graphSchema {
      labels {
        name
        zh
        en
        color
        shape
        caption
      }
      relationshipTypes {
        name
        zh
        en
      }
    }
    models {
      id
      titleZh
      titleEn
    }
    workflow {
      ...WorkflowInfo
    }
  }
  ${WORKFLOW_INFO}
`;

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($q: String!, $limit: Int) {
    search(q: $q, limit: $limit) {
      score
      entity {
        ...EntityFields
      }
    }
  }
  ${ENTITY_FIELDS}
`;

export const ENTITY = /* GraphQL */ `
  query ExplorerEntity($id: ID!) {
    entity(id: $id) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const NEIGHBOURS = /* GraphQL */ `
  query ExplorerNeighbours($id: ID!, $limit: Int, $exclude: [ID!]) {
    neighbours(id: $id, limit: $limit, exclude: $exclude) {
      total
      truncated
      center {
        ...EntityFields
      }
      nodes {
        ...EntityFields
      }
      edges {
        ...EdgeFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${EDGE_FIELDS}
`;

export const ALERTS = /* GraphQL */ `
  query ExplorerAlerts($first: Int, $lang: String, $filter: AlertFilter, $after: String) {
    alerts(first: $first, filter: $filter, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          modelId
          modelTitle
          severity
          state
          assignee
          summary(lang: $lang)
          amount
          lastSeen
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const WORKFLOW_FIELDS = /* GraphQL */ `
  fragment WorkflowFields on Alert {
    id
    state
    assignee
    outcome
    disposal
    reason
    amountRecovered
    concludedAt
    actions
    history {
      id
      at
      actor
      role
      action
      fromState
      toState
      assignee
      outcome
      disposal
      reason
      comment
      amountRecovered
    }
  }
`;

export const ALERT = /* GraphQL */ `
  query ExplorerAlert($id: ID!, $lang: String) {
    alert(id: $id) {
      id
      modelId
      modelRevision
      modelTitle
      severity
      state
      summary(lang: $lang)
      amount
      firstSeen
      lastSeen
      subjects {
        role
        entity {
          ...EntityFields
        }
      }
      evidence {
        nodes {
          ...EntityFields
        }
        edges {
          ...EdgeFields
        }
      }
      ...WorkflowFields
    }
  }
  ${ENTITY_FIELDS}
  ${EDGE_FIELDS}
  ${WORKFLOW_FIELDS}
`;

/** One named mutation per triage action, so the server's logs say what the handler did. */
export const TRIAGE = {
  ASSIGN: /* GraphQL */ `
    mutation ExplorerAssign($id: ID!, $expectedState: AlertState) {
      assign(id: $id, expectedState: $expectedState) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
  START_VERIFICATION: /* GraphQL */ `
    mutation ExplorerStartVerification($id: ID!, $expectedState: AlertState) {
      startVerification(id: $id, expectedState: $expectedState) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
  CONCLUDE: /* GraphQL */ `
    mutation ExplorerConclude(
      $id: ID!
      $expectedState: AlertState
      $outcome: Outcome!
      $disposal: Disposal
      $reason: String
      $amountRecovered: Float
    ) {
      conclude(
        id: $id
        expectedState: $expectedState
        outcome: $outcome
        disposal: $disposal
        reason: $reason
        amountRecovered: $amountRecovered
      ) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
  RECTIFY: /* GraphQL */ `
    mutation ExplorerRectify($id: ID!, $expectedState: AlertState, $comment: String, $amountRecovered: Float) {
      rectify(id: $id, expectedState: $expectedState, comment: $comment, amountRecovered: $amountRecovered) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
  COMMENT: /* GraphQL */ `
    mutation ExplorerComment($id: ID!, $text: String!) {
      comment(id: $id, text: $text) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
  REOPEN: /* GraphQL */ `
    mutation ExplorerReopen($id: ID!, $expectedState: AlertState, $reason: String!) {
      reopen(id: $id, expectedState: $expectedState, reason: $reason) {
        ...WorkflowFields
      }
    }
    ${WORKFLOW_FIELDS}
  `,
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

/** Every document the explorer sends, by operation name, as sent (fragments included). */
export const OPERATIONS: Record<string, string> = {
  ExplorerGraphSchema: GRAPH_SCHEMA,
  ExplorerSearch: SEARCH,
  ExplorerEntity: ENTITY,
  ExplorerNeighbours: NEIGHBOURS,
  ExplorerAlerts: ALERTS,
  ExplorerAlert: ALERT,
  ...Object.fromEntries((Object.keys(TRIAGE) as AlertAction[]).map((a) => [TRIAGE_OPS[a], TRIAGE[a]])),
};

export interface TriageInput {
  expectedState?: AlertState;
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
  graphSchema(): Promise<ExplorerGraphSchemaQuery>;
  search(q: string, limit?: number): Promise<SearchHit[]>;
  entity(id: string): Promise<Entity | null>;
  neighbours(id: string, exclude: string[], limit?: number): Promise<Neighbourhood>;
  alerts(lang: string, first?: number, filter?: InboxFilter, after?: string | null): Promise<AlertPage>;
  alert(id: string, lang: string): Promise<AlertDetail | null>;
  triage(action: AlertAction, id: string, input?: TriageInput): Promise<AlertWorkflow>;
}

export function createApi(fetchImpl: Fetch = fetchAsUser): Api {
  const run = <T>(op: string, doc: string, vars: Record<string, unknown> = {}) => request<T>(op, doc, vars, fetchImpl);
  return {
    graphSchema: () => run<ExplorerGraphSchemaQuery>('ExplorerGraphSchema', GRAPH_SCHEMA),
    search: async (q, limit = 20) => (await run<ExplorerSearchQuery>('ExplorerSearch', SEARCH, { q, limit })).search,
    entity: async (id) => (await run<ExplorerEntityQuery>('ExplorerEntity', ENTITY, { id })).entity,
    neighbours: async (id, exclude, limit = EXPAND_LIMIT) =>
      (await run<ExplorerNeighboursQuery>('ExplorerNeighbours', NEIGHBOURS, { id, limit, exclude })).neighbours,
    alerts: async (lang, first = INBOX_PAGE, filter = {}, after = null) => {
      const vars: ExplorerAlertsQueryVariables = { first, lang, filter, after };
      const r = await run<ExplorerAlertsQuery>('ExplorerAlerts', ALERTS, vars);
      return {
        totalCount: r.alerts.totalCount,
        items: r.alerts.edges.map((e) => ({ ...e.node, cursor: e.cursor })),
        endCursor: r.alerts.pageInfo.endCursor ?? null,
        hasNextPage: r.alerts.pageInfo.hasNextPage,
      };
    },
    triage: async (action, id, input = {}) => {
      const r = await run<Record<string, AlertWorkflow>>(TRIAGE_OPS[action], TRIAGE[action], { id, ...input });
      return r[TRIAGE_FIELDS[action]]!;
    },
    alert: async (id, lang) => (await run<ExplorerAlertQuery>('ExplorerAlert', ALERT, { id, lang })).alert,
  };
}
