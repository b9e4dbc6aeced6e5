// An app over the real library and runner with a site folder (policy, exemptions, packages), for the
// policy integration tests: the same wiring bin/server.ts does. Given a live library, the app has the
// workbench too (publish and package import reload it; fixtures run in a scratch Neo4j).
import path from 'node:path';
import { createApp, type App } from '../../../server/app.js';
import { accessOn, type Access } from '../../../server/access/access.js';
import type { Role } from '../../../server/access/roles.js';
import { AuditTrail } from '../../../server/audit/trail.js';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { catalogOf } from '../../../server/graphql/model/catalog.js';
import { libraryRunner } from '../../../server/graphql/model/library-runner.js';
import { libraryOf, siteModelsDir, type Library } from '../../../server/models/library.js';
import { LiveLibrary } from '../../../server/models/live-library.js';
import { scratchFixtureDb } from '../../../server/models/scratch-fixtures.js';
import { SitePolicy } from '../../../server/models/policy.js';
import { sessionHeaders, type GqlResult, type Loose } from './harness.js';

export interface SiteApp {
  app: App;
  access: Access;
  policy: SitePolicy;
  trail: AuditTrail;
  gql: (query: string, variables?: Record<string, unknown>, role?: Role, extra?: Record<string, string>) => Promise<GqlResult>;
}

export function siteApp(db: Executor, library: Library, siteDir: string, varDir: string, access: Access = accessOn(db)): SiteApp {
  // As bin/server.ts: the policy is loaded against the library as it is at start, then follows the live one.
  const policy = SitePolicy.load(siteDir, libraryOf([...library.models], [...library.refused]), path.join(varDir, 'policy.sha256'));
  policy.follow(library);
  const trail = AuditTrail.in(varDir);
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const app = createApp({
    executor: db,
    access,
    graphSchema: loadGraphSchema(),
    models: catalogOf(library),
    runner: libraryRunner(db, library, policy),
    site: { siteDir, library, policy },
    ...(library instanceof LiveLibrary
      ? { workbench: { library, siteModelsDir: siteModelsDir(siteDir), fixtureDb: scratchFixtureDb(() => {}) } }
      : {}),
    audit: trail,
    logger: quiet,
    webDir: '/nonexistent',
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}, role: Role = 'admin', extra: Record<string, string> = {}) => {
    const headers = await sessionHeaders(access, `${role}-user`, role);
    const res = await app.fetch(
      new Request('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...extra },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await res.json()) as { data?: Record<string, Loose> | null; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  };
  return { app, access, policy, trail, gql };
}

export const codeOf = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.code;
