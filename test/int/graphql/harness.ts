// Shared by the GraphQL integration tests: an Executor on the worker's Neo4j (test/support/db.ts),
// a wiped and seeded graph, an app built over it, and a small helper to POST GraphQL.
import { Executor, type Connection } from '../../../platform/db/executor.js';
import { freshGraph, testConnection } from '../../support/db.js';
import { createApp, type App } from '../../../server/app.js';
import type { ModelCatalog, ModelInfo } from '../../../server/graphql/context.js';
import type { Limits } from '../../../server/graphql/limits.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { seed } from './seed.js';

export const connection = (): Connection => testConnection();

export const MODELS: ModelInfo[] = [
  {
    id: 'procurement.kin-wins-tender',
    revision: 2,
    titleZh: '亲属企业中标本单位项目',
    titleEn: "A relative's company wins the unit's tender",
    description: '领导干部亲属控制的企业中标其任职单位招标的项目。',
    severity: 'high',
    domain: 'procurement',
    tags: ['kin', 'tender'],
    parameters: [{ name: 'minAmount', type: 'float', default: 100000, description: 'smallest award' }],
  },
  {
    id: 'welfare.dead-recipient',
    revision: 1,
    titleZh: '死亡人员领取补贴',
    titleEn: 'Subsidy paid after death',
    description: '',
    severity: 'medium',
    domain: 'welfare',
    tags: [],
    parameters: [],
  },
];

export const modelCatalog: ModelCatalog = {
  list: () => MODELS,
  get: (id) => MODELS.find((m) => m.id === id),
};

export interface Harness {
  executor: Executor;
  app: App;
  gql: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResult>;
}

/**
 * Responses are walked freely in assertions, and `expect` checks the shapes; one loose alias keeps that
 * readable instead of a cast at every step.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface GqlResult {
  status: number;
  data: Record<string, Loose> | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
}

export interface HarnessOptions {
  production?: boolean;
  limits?: Partial<Limits>;
  webDir?: string;
}

/** An empty graph with the schema applied (the same step the server runs), seeded, and an app over it. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const executor = await freshGraph();
  await seed(executor);
  return harnessOn(executor, opts);
}

/** Another app over an executor whose graph is already seeded. */
export function harnessOn(executor: Executor, opts: HarnessOptions = {}): Harness {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const app = createApp({ executor, graphSchema: loadGraphSchema(), models: modelCatalog, logger: quiet, webDir: '/nonexistent', ...opts });
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await app.fetch(
      new Request('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await res.json()) as { data?: Record<string, Loose> | null; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  };
  return { executor, app, gql };
}
