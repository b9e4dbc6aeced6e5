// The workbench's operations (server/graphql/workbench/schema.graphql; each needs the authorModels
// permission, which the server checks): validate and try a model source, the console, drafts, publish,
// retire, and the names the editor completes. Typed by `npm run codegen` like queries.ts.
import { runnerOf, type Fetch, type Runner } from './client.js';
import type {
  WorkbenchConsoleMutation,
  WorkbenchDeleteDraftMutation,
  WorkbenchDraftsQuery,
  WorkbenchNamesQuery,
  WorkbenchPublishMutation,
  WorkbenchRetireMutation,
  WorkbenchSaveDraftMutation,
  WorkbenchSourceQuery,
  WorkbenchTryMutation,
  WorkbenchValidateQuery,
} from './generated.js';

const GRAPH_FIELDS = /* GraphQL */ `
  fragment WorkbenchGraph on SandboxGraph {
    nodes {
      id
      label
      caption
    }
    edges {
      id
      type
      source
      target
    }
  }
  fragment WorkbenchLimits on SandboxLimits {
    timeoutMs
    maxRows
  }
`;

export const WORKBENCH_OPERATIONS = {
  WorkbenchNames: /* GraphQL */ `
    query WorkbenchNames {
      graphSchema {
        labels {
          name
        }
        relationshipTypes {
          name
        }
      }
      models {
        id
        revision
        titleZh
        titleEn
      }
      sandboxLimits {
        timeoutMs
        maxRows
      }
    }
  `,
  WorkbenchValidate: /* GraphQL */ `
    query WorkbenchValidate($source: String!) {
      validateModel(source: $source) {
        ok
        id
        revision
        titleZh
        titleEn
        severity
        parameters {
          name
          type
          default
        }
        problems {
          message
          line
        }
      }
    }
  `,
  WorkbenchSource: /* GraphQL */ `
    query WorkbenchSource($id: String!) {
      modelSource(id: $id)
    }
  `,
  WorkbenchDrafts: /* GraphQL */ `
    query WorkbenchDrafts {
      modelDrafts {
        name
        source
        updatedAt
      }
    }
  `,
  WorkbenchTry: /* GraphQL */ `
    mutation WorkbenchTry($source: String!, $params: JSON) {
      tryModel(source: $source, params: $params) {
        modelId
        revision
        currentRevision
        durationMs
        rows
        truncated
        error
        limits {
          ...WorkbenchLimits
        }
        columns
        table
        graph {
          ...WorkbenchGraph
        }
        complete
        new {
          fingerprint
          summary
        }
        kept {
          fingerprint
          summary
        }
        gone {
          fingerprint
          summary
        }
      }
    }
    ${GRAPH_FIELDS}
  `,
  WorkbenchConsole: /* GraphQL */ `
    mutation WorkbenchConsole($cypher: String!, $params: JSON) {
      consoleQuery(cypher: $cypher, params: $params) {
        columns
        table
        truncated
        durationMs
        limits {
          ...WorkbenchLimits
        }
        graph {
          ...WorkbenchGraph
        }
      }
    }
    ${GRAPH_FIELDS}
  `,
  WorkbenchSaveDraft: /* GraphQL */ `
    mutation WorkbenchSaveDraft($name: String!, $source: String!) {
      saveModelDraft(name: $name, source: $source) {
        name
        updatedAt
      }
    }
  `,
  WorkbenchDeleteDraft: /* GraphQL */ `
    mutation WorkbenchDeleteDraft($name: String!) {
      deleteModelDraft(name: $name)
    }
  `,
  WorkbenchPublish: /* GraphQL */ `
    mutation WorkbenchPublish($source: String!, $fixtures: String, $reason: String!) {
      publishModel(source: $source, fixtures: $fixtures, reason: $reason) {
        id
        revision
        previousRevision
        file
        diff
        fixtureCases
      }
    }
  `,
  WorkbenchRetire: /* GraphQL */ `
    mutation WorkbenchRetire($id: String!, $reason: String!) {
      retireModel(id: $id, reason: $reason)
    }
  `,
} as const;

export type Validation = WorkbenchValidateQuery['validateModel'];
export type Trial = WorkbenchTryMutation['tryModel'];
export type ConsoleAnswer = WorkbenchConsoleMutation['consoleQuery'];
export type SandboxGraph = Trial['graph'];
export type Draft = WorkbenchDraftsQuery['modelDrafts'][number];
export type Published = WorkbenchPublishMutation['publishModel'];
export type Names = WorkbenchNamesQuery;

export function createWorkbenchApi(transport: Fetch | { run: Runner }) {
  const send = runnerOf(transport);
  const run = <T>(op: keyof typeof WORKBENCH_OPERATIONS, vars: Record<string, unknown> = {}) => send<T>(op, WORKBENCH_OPERATIONS[op], vars);
  return {
    names: () => run<WorkbenchNamesQuery>('WorkbenchNames'),
    validate: async (source: string) => (await run<WorkbenchValidateQuery>('WorkbenchValidate', { source })).validateModel,
    source: async (id: string) => (await run<WorkbenchSourceQuery>('WorkbenchSource', { id })).modelSource,
    drafts: async () => (await run<WorkbenchDraftsQuery>('WorkbenchDrafts')).modelDrafts,
    tryModel: async (source: string, params: Record<string, unknown>) =>
      (await run<WorkbenchTryMutation>('WorkbenchTry', { source, params })).tryModel,
    console: async (cypher: string) => (await run<WorkbenchConsoleMutation>('WorkbenchConsole', { cypher })).consoleQuery,
    saveDraft: async (name: string, source: string) =>
      (await run<WorkbenchSaveDraftMutation>('WorkbenchSaveDraft', { name, source })).saveModelDraft,
    deleteDraft: async (name: string) => (await run<WorkbenchDeleteDraftMutation>('WorkbenchDeleteDraft', { name })).deleteModelDraft,
    publish: async (source: string, reason: string, fixtures: string | null) =>
      (await run<WorkbenchPublishMutation>('WorkbenchPublish', { source, reason, fixtures })).publishModel,
    retire: async (id: string, reason: string) => (await run<WorkbenchRetireMutation>('WorkbenchRetire', { id, reason })).retireModel,
  };
}

export type WorkbenchApi = ReturnType<typeof createWorkbenchApi>;
