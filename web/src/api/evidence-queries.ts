// The evidence feature's operations: the integrity record (廉政档案), saved views (short links) and the
// canvas of a link (server/graphql/record/schema.graphql). Typed by `npm run codegen` like queries.ts;
// test/unit/graphql/contract.test.ts validates them through EVIDENCE_OPERATIONS.
import { runnerOf, type Fetch, type Runner } from './client.js';
import { EDGE_FIELDS, ENTITY_FIELDS } from './queries.js';
import type {
  ExplorerIntegrityRecordQuery,
  ExplorerRecordExportMutation,
  ExplorerRecordExportMutationVariables,
  ExplorerSaveViewMutation,
  ExplorerViewGraphQuery,
  ExplorerViewQuery,
} from './generated.js';

const FACT_FIELDS = /* GraphQL */ `
  fragment RecordFactFields on RecordFact {
    edge {
      ...EdgeFields
    }
    other {
      ...EntityFields
    }
    via {
      id
      caption
    }
  }
`;

export const INTEGRITY_RECORD = /* GraphQL */ `
  query ExplorerIntegrityRecord($id: ID!, $lang: String) {
    integrityRecord(id: $id) {
      person {
        ...EntityFields
      }
      compiledAt
      truncated
      posts {
        ...RecordFactFields
      }
      kin {
        ...RecordFactFields
      }
      companies {
        ...RecordFactFields
      }
      payments {
        ...RecordFactFields
      }
      cases {
        ...RecordFactFields
      }
      sanctions {
        ...RecordFactFields
      }
      alerts {
        id
        modelTitle(lang: $lang)
        severity
        state
        summary(lang: $lang)
        amount
        firstSeen
        outcome
        disposal
        reason
        concludedAt
      }
    }
  }
  ${FACT_FIELDS}
  ${ENTITY_FIELDS}
  ${EDGE_FIELDS}
`;

export const SAVE_VIEW = /* GraphQL */ `
  mutation ExplorerSaveView($state: String!, $name: String) {
    saveView(state: $state, name: $name) {
      id
    }
  }
`;

export const VIEW = /* GraphQL */ `
  query ExplorerView($id: ID!) {
    view(id: $id) {
      id
      name
      state
      owner
      createdAt
    }
  }
`;

export const VIEW_GRAPH = /* GraphQL */ `
  query ExplorerViewGraph($ids: [ID!]!) {
    viewGraph(ids: $ids) {
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

export const RECORD_EXPORT = /* GraphQL */ `
  mutation ExplorerRecordExport($kind: ExportKind!, $entityIds: [ID!], $alertId: ID, $viewId: ID, $count: Int!) {
    recordExport(kind: $kind, entityIds: $entityIds, alertId: $alertId, viewId: $viewId, count: $count) {
      kind
      count
      at
    }
  }
`;

export const EVIDENCE_OPERATIONS = {
  ExplorerRecordExport: RECORD_EXPORT,
  ExplorerIntegrityRecord: INTEGRITY_RECORD,
  ExplorerSaveView: SAVE_VIEW,
  ExplorerView: VIEW,
  ExplorerViewGraph: VIEW_GRAPH,
};

export type IntegrityRecord = NonNullable<ExplorerIntegrityRecordQuery['integrityRecord']>;
export type RecordFact = IntegrityRecord['posts'][number];
export type RecordAlert = IntegrityRecord['alerts'][number];
export type SavedView = NonNullable<ExplorerViewQuery['view']>;

export function createEvidenceApi(transport: Fetch | { run: Runner }) {
  const send = runnerOf(transport);
  const run = <T>(op: keyof typeof EVIDENCE_OPERATIONS, vars: Record<string, unknown>) => send<T>(op, EVIDENCE_OPERATIONS[op], vars);
  return {
    integrityRecord: async (id: string, lang: string) =>
      (await run<ExplorerIntegrityRecordQuery>('ExplorerIntegrityRecord', { id, lang })).integrityRecord,
    saveView: async (state: string, name: string | null = null) =>
      (await run<ExplorerSaveViewMutation>('ExplorerSaveView', { state, name })).saveView,
    view: async (id: string) => (await run<ExplorerViewQuery>('ExplorerView', { id })).view,
    viewGraph: async (ids: string[]) => (await run<ExplorerViewGraphQuery>('ExplorerViewGraph', { ids })).viewGraph,
    /** The audit trail's note of an export or a print (server/graphql/export). */
    recordExport: async (vars: ExplorerRecordExportMutationVariables) =>
      (await run<ExplorerRecordExportMutation>('ExplorerRecordExport', { ...vars })).recordExport,
  };
}
export type EvidenceApi = ReturnType<typeof createEvidenceApi>;
