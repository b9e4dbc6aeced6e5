// Every operation the explorer sends, as named GraphQL documents, with one typed function each. The
// documents are marked /* GraphQL */ so `npm run codegen` finds them and types their results and variables
// (./generated.ts) from the server's SDL; test/unit/web/operations.test.ts validates each against the schema
// the server serves. Adding a field to the UI means adding it to a document here and running codegen.
import { runnerOf, type Fetch, type Runner } from './client.js';
import { ADMIN_OPERATIONS } from './admin-queries.js';
import { STATS_OPERATIONS } from './stats-queries.js';
import { BUNDLE_MIN } from '../graph/bundle.js';
import type {
  AlertAction,
  Disposal,
  ExplorerAlertQuery,
  ExplorerAlertsQuery,
  ExplorerAlertsQueryVariables,
  ExplorerAssigneesQuery,
  ExplorerEntityQuery,
  ExplorerGraphSchemaQuery,
  ExplorerMeQuery,
  ExplorerNeighboursQuery,
  ExplorerParallelEdgesQuery,
  ExplorerPathsQuery,
  Direction,
  ExplorerSearchQuery,
  Outcome,
} from './generated.js';
import type {
  AlertDetail,
  AlertPage,
  AlertState,
  AlertWorkflow,
  Assignee,
  Edge,
  Entity,
  Graph,
  InboxFilter,
  Me,
  Neighbourhood,
  SearchHit,
} from './types.js';

export const ENTITY_FIELDS = /* GraphQL */ `
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

export const EDGE_FIELDS = /* GraphQL */ `
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
  query ExplorerNeighbours($id: ID!, $limit: Int, $exclude: [ID!], $types: [String!], $direction: Direction, $bundleMin: Int) {
    neighbours(id: $id, limit: $limit, exclude: $exclude, types: $types, direction: $direction, bundleMin: $bundleMin) {
      total
      totalCapped
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
      bundles {
        id
        type
        source
        target
        count
        from
        to
        amount
      }
    }
  }
  ${ENTITY_FIELDS}
  ${EDGE_FIELDS}
`;

/** A server bundle's single edges, a page at a time (opening it on the canvas). */
export const PARALLEL_EDGES = /* GraphQL */ `
  query ExplorerParallelEdges($source: ID!, $target: ID!, $type: String!, $first: Int, $after: String) {
    parallelEdges(source: $source, target: $target, type: $type, first: $first, after: $after) {
      total
      next
      edges {
        ...EdgeFields
      }
    }
  }
  ${EDGE_FIELDS}
`;

export const PATHS = /* GraphQL */ `
  query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $excludeTypes: [String!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, excludeTypes: $excludeTypes) {
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

export const WORKFLOW_FIELDS = /* GraphQL */ `
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

/** Who is signed in, as the session establishes it: the header's name and role, and which pages to offer. */
export const ME = /* GraphQL */ `
  query ExplorerMe {
    me {
      name
      displayName
      role
      units
      via
      permissions
    }
  }
`;

/** Whom an alert can be assigned to: handlers (and admins) whose jurisdiction meets the caller's. */
export const ASSIGNEES = /* GraphQL */ `
  query ExplorerAssignees {
    assignees {
      name
      displayName
      role
    }
  }
`;

/** One named mutation per triage action, so the server's logs say what the handler did. */
export const TRIAGE = {
  ASSIGN: /* GraphQL */ `
    mutation ExplorerAssign($id: ID!, $expectedState: AlertState, $assignee: String) {
      assign(id: $id, expectedState: $expectedState, assignee: $assignee) {
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
  ExplorerParallelEdges: PARALLEL_EDGES,
  ExplorerPaths: PATHS,
  ExplorerAlerts: ALERTS,
  ExplorerAlert: ALERT,
  ExplorerMe: ME,
  ExplorerAssignees: ASSIGNEES,
  ...ADMIN_OPERATIONS,
  ...STATS_OPERATIONS,
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
  /** ASSIGN: the sign-in name of the handler; left out, the caller takes it. */
  assignee?: string | null;
}

/** One page of the inbox: a screenful and a bit, small enough to render at once. */
export const INBOX_PAGE = 50;

/** A server bundle's members per request when it is opened: the API's most (a bundle is rarely larger). */
export const MEMBERS_PAGE = 500;

/** How many neighbours one double-click brings in: enough to see the shape, few enough to stay readable. */
export const EXPAND_LIMIT = 30;

export interface Api {
  graphSchema(): Promise<ExplorerGraphSchemaQuery>;
  search(q: string, limit?: number): Promise<SearchHit[]>;
  entity(id: string): Promise<Entity | null>;
  /** `by` narrows to relationship types and a direction (the context menu's 按类型和方向展开). */
  neighbours(id: string, exclude: string[], limit?: number, by?: { types?: string[]; direction?: Direction }): Promise<Neighbourhood>;
  /** Every single edge of a server bundle (`source`→`target`, one type), read page by page. */
  parallelEdges(source: string, target: string, type: string): Promise<Edge[]>;
  /** Shortest paths, up to `maxHops`, not through `excludeTypes`. */
  paths(from: string, to: string, maxHops: number, excludeTypes?: string[]): Promise<Graph>;
  alerts(lang: string, first?: number, filter?: InboxFilter, after?: string | null): Promise<AlertPage>;
  alert(id: string, lang: string): Promise<AlertDetail | null>;
  triage(action: AlertAction, id: string, input?: TriageInput): Promise<AlertWorkflow>;
  me(): Promise<Me>;
  assignees(): Promise<Assignee[]>;
}

/**
 * The explorer's API over a transport: the signed-in Gate (session headers, the reason prompt, sign-in
 * again when the session ended: ./session.ts) in the page, a bare fetch in unit tests.
 */
export function createApi(transport: Fetch | { run: Runner }): Api {
  const run = runnerOf(transport);
  return {
    graphSchema: () => run<ExplorerGraphSchemaQuery>('ExplorerGraphSchema', GRAPH_SCHEMA),
    search: async (q, limit = 20) => (await run<ExplorerSearchQuery>('ExplorerSearch', SEARCH, { q, limit })).search,
    entity: async (id) => (await run<ExplorerEntityQuery>('ExplorerEntity', ENTITY, { id })).entity,
    neighbours: async (id, exclude, limit = EXPAND_LIMIT, by = {}) =>
      (
        await run<ExplorerNeighboursQuery>('ExplorerNeighbours', NEIGHBOURS, {
          id,
          limit,
          exclude,
          types: by.types,
          direction: by.direction,
          // Parallel edges come as the bundles the canvas would draw of them anyway (graph/bundle.ts).
          bundleMin: BUNDLE_MIN,
        })
      ).neighbours,
    parallelEdges: async (source, target, type) => {
      const edges: Edge[] = [];
      let after: string | null = null;
      do {
        const page: ExplorerParallelEdgesQuery['parallelEdges'] = (
          await run<ExplorerParallelEdgesQuery>('ExplorerParallelEdges', PARALLEL_EDGES, {
            source,
            target,
            type,
            first: MEMBERS_PAGE,
            after,
          })
        ).parallelEdges;
        edges.push(...page.edges);
        after = page.next ?? null;
      } while (after !== null);
      return edges;
    },
    paths: async (from, to, maxHops, excludeTypes = []) =>
      (
        await run<ExplorerPathsQuery>('ExplorerPaths', PATHS, {
          from,
          to,
          maxHops,
          excludeTypes: excludeTypes.length > 0 ? excludeTypes : undefined,
        })
      ).paths,
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
    me: async () => (await run<ExplorerMeQuery>('ExplorerMe', ME)).me,
    assignees: async () => (await run<ExplorerAssigneesQuery>('ExplorerAssignees', ASSIGNEES)).assignees,
  };
}
