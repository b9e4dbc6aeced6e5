// Every operation the explorer sends, as named GraphQL documents, with one typed function each. Adding a
// field to the UI means adding it here first, so this file is the explorer's side of the API contract.
import { request, type Fetch } from './client.js';
import type {
  AlertDetail,
  AlertListItem,
  Entity,
  GraphSchemaInfo,
  ModelTitle,
  Neighbourhood,
  SearchHit,
} from './types.js';

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

export const ALERTS = `query ExplorerAlerts($first: Int, $lang: String) {
  alerts(first: $first) {
    totalCount
    edges { node { id modelId modelTitle severity state summary(lang: $lang) amount lastSeen } }
  }
}`;

export const ALERT = `query ExplorerAlert($id: ID!, $lang: String) {
  alert(id: $id) {
    id modelId modelRevision modelTitle severity state summary(lang: $lang) amount firstSeen lastSeen
    subjects { role entity { ...EntityFields } }
    evidence { nodes { ...EntityFields } edges { ...EdgeFields } }
  }
}
${ENTITY_FIELDS}
${EDGE_FIELDS}`;

/** How many neighbours one double-click brings in: enough to see the shape, few enough to stay readable. */
export const EXPAND_LIMIT = 30;

export interface Api {
  graphSchema(): Promise<{ graphSchema: GraphSchemaInfo; models: ModelTitle[] }>;
  search(q: string, limit?: number): Promise<SearchHit[]>;
  entity(id: string): Promise<Entity | null>;
  neighbours(id: string, exclude: string[], limit?: number): Promise<Neighbourhood>;
  alerts(lang: string, first?: number): Promise<{ totalCount: number; items: AlertListItem[] }>;
  alert(id: string, lang: string): Promise<AlertDetail | null>;
}

export function createApi(fetchImpl?: Fetch): Api {
  const run = <T>(op: string, doc: string, vars: Record<string, unknown> = {}) =>
    request<T>(op, doc, vars, fetchImpl);
  return {
    graphSchema: () => run('ExplorerGraphSchema', GRAPH_SCHEMA),
    search: async (q, limit = 20) =>
      (await run<{ search: SearchHit[] }>('ExplorerSearch', SEARCH, { q, limit })).search,
    entity: async (id) => (await run<{ entity: Entity | null }>('ExplorerEntity', ENTITY, { id })).entity,
    neighbours: async (id, exclude, limit = EXPAND_LIMIT) =>
      (await run<{ neighbours: Neighbourhood }>('ExplorerNeighbours', NEIGHBOURS, { id, limit, exclude })).neighbours,
    alerts: async (lang, first = 50) => {
      const r = await run<{ alerts: { totalCount: number; edges: { node: AlertListItem }[] } }>(
        'ExplorerAlerts',
        ALERTS,
        { first, lang },
      );
      return { totalCount: r.alerts.totalCount, items: r.alerts.edges.map((e) => e.node) };
    },
    alert: async (id, lang) => (await run<{ alert: AlertDetail | null }>('ExplorerAlert', ALERT, { id, lang })).alert,
  };
}

