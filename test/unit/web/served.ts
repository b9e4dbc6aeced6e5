// What the server serves the explorer, without a database: the explorer's own ExplorerGraphSchema operation
// executed against the real schema (server/graphql/schema.ts). The workflow part is what the explorer's
// filters, forms and history lines are drawn from, so unit tests use exactly the served data.
import { createRequire } from 'node:module';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { buildSchema } from '../../../server/graphql/schema.js';
import type { ApiContext } from '../../../server/graphql/context.js';
import { GRAPH_SCHEMA } from '../../../web/src/api/queries.js';
import type { ExplorerGraphSchemaQuery } from '../../../web/src/api/generated.js';
import type { WorkflowInfo } from '../../../web/src/api/types.js';

// The schema is built by @graphql-tools (loaded by Node, so it holds Node's copy of graphql); a test file
// importing 'graphql' would get Vite's other copy, and graphql refuses to mix the two.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export async function servedGraphSchema(): Promise<ExplorerGraphSchemaQuery> {
  const contextValue = {
    graphSchema: loadGraphSchema(),
    models: { list: () => [], get: () => undefined },
    role: 'handler',
  } as unknown as ApiContext;
  const r = await execute({ schema: buildSchema(), document: parse(GRAPH_SCHEMA), contextValue });
  if (r.errors?.length) throw r.errors[0];
  return r.data as unknown as ExplorerGraphSchemaQuery;
}

export const servedWorkflow = async (): Promise<WorkflowInfo> => (await servedGraphSchema()).workflow;
