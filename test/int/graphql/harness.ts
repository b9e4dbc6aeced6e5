// Shared by the GraphQL integration tests: an Executor on the worker's Neo4j (test/support/db.ts),
// a wiped and seeded graph, an app built over it, and a small helper to POST GraphQL.
import { Executor, type Connection } from '../../../platform/db/executor.js';
import { freshGraph, testConnection } from '../../support/db.js';
import { createApp, type App, type AppOptions } from '../../../server/app.js';
import type { ModelCatalog, ModelInfo } from '../../../server/graphql/context.js';
import type { Limits } from '../../../server/graphql/limits.js';
import type { RateLimits } from '../../../server/http/rate-limit.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { seed } from './seed.js';
import { accessOn, type Access } from '../../../server/access/access.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../server/access/sessions.js';
import type { Role } from '../../../server/access/roles.js';
import type { AuditTrail } from '../../../server/audit/trail.js';

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
  access: Access;
  /** POSTs GraphQL; without `headers`, signed in as a handler of the whole county (`as('tester')`). */
  gql: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResult>;
  /**
   * Headers of a real signed-in session (a user created with this role and these units, a session opened
   * through the session store, its cookie and CSRF token), as the explorer sends them.
   */
  as: (user: string, role?: Role, units?: string[]) => Promise<Record<string, string>>;
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
  /** Users and sessions from another harness (an app over a broken database still needs to know its callers). */
  access?: Access;
  production?: boolean;
  limits?: Partial<Limits>;
  rateLimits?: Partial<RateLimits>;
  webDir?: string;
  outsideJurisdiction?: 'reason' | 'refuse';
  /** Record every request in this trail, as the server does (docs/audit.md). */
  audit?: AuditTrail;
  /** The loaders' pseudonymiser, when the graph was loaded with a key (an exact ID search hashes alike). */
  personKey?: (idNo: string) => string;
  /** The feed registry and rejects folder (docs/feeds.md). */
  feeds?: AppOptions['feeds'];
}

/** An empty graph with the schema applied (the same step the server runs), seeded, and an app over it. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const executor = await freshGraph();
  await seed(executor);
  await applyAccessSchema(executor);
  return harnessOn(executor, opts);
}

/** Signs `user` in through the stores (creating the user on first use) and returns the request headers. */
export async function sessionHeaders(
  access: Access,
  user: string,
  role: Role = 'handler',
  units: string[] = ['*'],
): Promise<Record<string, string>> {
  const existing = await access.users.get(user);
  if (!existing) await access.users.create(user, { role, units });
  else if (existing.role !== role || existing.units.join() !== units.join()) await access.users.update(user, { role, units });
  const { secret, csrf } = await access.sessions.open(user, 'password');
  return { cookie: `${SESSION_COOKIE}=${secret}`, [CSRF_HEADER]: csrf };
}

/** Another app over an executor whose graph is already seeded. */
export function harnessOn(executor: Executor, opts: HarnessOptions = {}): Harness {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const access = opts.access ?? accessOn(executor);
  const app = createApp({
    executor,
    graphSchema: loadGraphSchema(),
    models: modelCatalog,
    logger: quiet,
    webDir: '/nonexistent',
    ...opts,
    access,
  });
  const sessions = new Map<string, Promise<Record<string, string>>>();
  const as = (user: string, role: Role = 'handler', units: string[] = ['*']) => {
    const k = JSON.stringify([user, role, units]);
    let h = sessions.get(k);
    if (!h) sessions.set(k, (h = sessionHeaders(access, user, role, units)));
    return h;
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}, given?: Record<string, string>) => {
    const headers = given ?? (await as('tester'));
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
  return { executor, app, access, gql, as };
}
