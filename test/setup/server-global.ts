// The browser suite runs against the whole product as `npm start` builds it: a real Neo4j of its own,
// the demo county generated and loaded through the loaders, the models run, and the real server serving
// the built explorer (dist/web; `npm test` builds it first) on a free port.
import { siteLibrary } from '../../server/models/live-library.js';
import { siteModelsDir, type Library } from '../../server/models/library.js';
import { scratchFixtureDb } from '../../server/models/scratch-fixtures.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../server/app.js';
import { AuditTrail } from '../../server/audit/trail.js';
import { accessOn } from '../../server/access/access.js';
import { oidcLogin, type OidcLogin } from '../../server/access/oidc.js';
import { defaultHosts } from '../../server/http/guard.js';
import { bootstrap } from '../../server/bootstrap.js';
import type { Config } from '../../platform/config.js';
import { demoSeeder, graphIsEmpty } from '../../synth/demo.js';
import { DEMO_FEEDS_FILE } from '../../synth/demo-feeds.js';
import { readFeedRegistry } from '../../platform/feeds/registry.js';
import { listMappings } from '../../loaders/index.js';
import { catalogOf } from '../../server/graphql/model/catalog.js';
import type { Neo4jHandle } from '../../platform/neo4j/runtime.js';
import { openTestNeo4j } from '../support/neo4j.js';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.js';
import { resolvePseudonymKey } from '../../platform/identifiers/key-file.js';
import { pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { DemoFacts } from '../support/context.js';
import { createSuiteUsers } from './suite-users.js';

export default async function setup(project: TestProject) {
  const log = (m: string) => console.log(`[${project.name}] ${m}`);
  const { cfg, handle, close } = await openTestNeo4j(project.name, log);
  try {
    const stopServer = await serve(project, cfg, handle, log);
    return async () => {
      await stopServer();
      await close();
    };
  } catch (e) {
    // A setup that fails after Neo4j started must not leave the server behind.
    await close();
    throw e;
  }
}

async function serve(
  project: TestProject,
  configured: Config,
  handle: Neo4jHandle,
  log: (m: string) => void,
): Promise<() => Promise<void>> {
  // As `npm start` does: a key from HUIYAN_PSEUDONYM_KEY or the key file (made on first use), so Person ids are opaque.
  const key = resolvePseudonymKey(configured);
  const cfg: Config = { ...configured, pseudonymKey: key.key };
  // The demo loads on an empty graph only: start from one, so this run exercises the full first start.
  if (!(await graphIsEmpty(handle.executor))) {
    await handle.executor.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    rmSync(cfg.varDir, { recursive: true, force: true });
  }
  const site = { siteDir: cfg.siteDir, varDir: cfg.varDir };
  // One site-wide value that changes no result (no extra working days), so the 模型口径 page has one to show.
  mkdirSync(cfg.siteDir, { recursive: true });
  writeFileSync(
    path.join(cfg.siteDir, 'policy.yaml'),
    "# The browser suite's site policy, written at each start.\ndefaults:\n  workdays: []\n",
  );
  const boot = await bootstrap(handle.executor, log, { seed: cfg.demo ? demoSeeder(cfg) : undefined, site });
  // The Host check as `npm start` has it; the names are known once the free port is.
  const allowedHosts: string[] = [];
  // Listening first: the identity provider must know the callback address, and so the port, beforehand.
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  allowedHosts.push(...defaultHosts('127.0.0.1', port));
  const baseUrl = `http://127.0.0.1:${port}`;
  const sso = await signInThroughProvider(baseUrl);
  const access = accessOn(handle.executor, {}, sso.login);
  // As bin/server.ts: one live library, which a publish from the workbench reloads, read by the catalog too.
  const workbench = workbenchOf(handle, boot.library, siteModelsDir(site.siteDir), log);
  // As bin/server.ts: the policy's site-wide values go to the live library's models.
  boot.policy.follow(workbench.library);
  const app = createApp({
    executor: handle.executor,
    access,
    graphSchema: boot.graphSchema,
    models: catalogOf(workbench.library),
    production: true,
    logger: quietLogger,
    allowedHosts,
    audit: AuditTrail.in(cfg.varDir),
    personKey: pseudonymiser(key.key),
    // The 模型口径 page (policy, exemptions, packages) works on the suite's own site folder.
    site: { siteDir: site.siteDir, library: workbench.library, policy: boot.policy },
    // The workbench publishes into the suite's own site folder (cfg.siteDir is under its var folder).
    workbench,
    // The demo's feed registry, as `npm start` serves it with the demo on (the checks that raise its alerts
    // are not run here: the triage files count the alerts the models raised).
    feeds: {
      feeds: readFeedRegistry(
        DEMO_FEEDS_FILE,
        listMappings().map((m) => m.id),
      ),
      rejectsDir: path.join(cfg.varDir, 'rejects'),
    },
  });
  server.on('request', app);
  log(`serving the explorer at ${baseUrl}`);

  const { rows } = await handle.executor.read<{ name: string; uid: string; alerts: number }>(
    `MATCH (a:Alert {modelId: 'procurement.kin-of-official-at-winning-bidder'})-[:FLAGS {role: 'official'}]->(p:Person)
     WITH p ORDER BY p.name LIMIT 1
     MATCH (al:Alert) RETURN p.name AS name, p.uid AS uid, count(al) AS alerts`,
  );
  if (!rows[0]) throw new Error('the demo county raised no M03 alert: the browser suite has nothing to open');
  const demo: DemoFacts = { officialName: rows[0].name, officialUid: rows[0].uid, alertCount: rows[0].alerts };
  project.provide('baseUrl', baseUrl);
  project.provide('demo', demo);
  // Signed in through the page (and the API helpers) as these; the database is new, so they are too.
  project.provide('users', await createSuiteUsers(access));
  project.provide('varDir', cfg.varDir);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await sso.provider.close();
  };
}

/** A real OpenID Connect provider (test/support/oidc-provider.ts) and huiyan's client of it, as a site's SSO. */
async function signInThroughProvider(baseUrl: string): Promise<{ provider: TestProvider; login: OidcLogin }> {
  const provider = await startOidcProvider([`${baseUrl}/auth/oidc/callback`]);
  const login = await oidcLogin({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: `${baseUrl}/auth/oidc/callback`,
    label: '统一身份认证',
    nameClaim: 'preferred_username',
    allowHttp: true,
  });
  return { provider, login };
}

const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (...a: unknown[]) => console.warn(...a),
  error: (...a: unknown[]) => console.error(...a),
};

function workbenchOf(handle: Neo4jHandle, initial: Library, siteModelsDir: string, log: (m: string) => void) {
  const library = siteLibrary(handle.executor, initial, siteModelsDir);
  return { library, siteModelsDir, fixtureDb: scratchFixtureDb(log) };
}
