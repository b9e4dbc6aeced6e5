// `npm start`: the side effects live here and nowhere else. Config → Neo4j (embedded or external) →
// prepare (schema, model library) → HTTP for the API and the explorer → the demo load and the first model
// runs in the background. Ctrl-C, SIGTERM and SIGHUP (to this process, or to the npm or tsx that launched it)
// stop the HTTP server, close the driver and stop the embedded Neo4j cleanly before exiting; a kill -9 leaves
// Neo4j to its watchdog (platform/neo4j/embedded.ts).
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.js';
import { AuditTrail } from '../server/audit/trail.js';
import { accessOn } from '../server/access/access.js';
import { ensureDemoAdmin, hasUsers } from '../server/access/first-admin.js';
import { oidcLogin } from '../server/access/oidc.js';
import { databasePending } from '../server/access/oidc-pending.js';
import { defaultHosts } from '../server/http/guard.js';
import { firstRuns, prepare } from '../server/bootstrap.js';
import { StartupProgress } from '../server/startup-progress.js';
import { demoSeeder } from '../synth/demo.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { catalogOf } from '../server/graphql/model/catalog.js';
import { scheduleModels, type Scheduler } from '../server/models/scheduler.js';
import { libraryRunner } from '../server/graphql/model/library-runner.js';
import { siteLibrary } from '../server/models/live-library.js';
import { siteModelsDir } from '../server/models/library.js';
import { scratchFixtureDb } from '../server/models/scratch-fixtures.js';
import { pseudonymiser } from '../platform/identifiers/pseudonym.js';
import { KeyFileError, resolvePseudonymKey } from '../platform/identifiers/key-file.js';
import { loadGraphSchema } from '../platform/schema/graph-schema.js';
import { rawKeyCounts, rawKeyWarning } from '../server/migrate/raw-keys.js';
import { createLogger, type Logger } from '../platform/log.js';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { insecureSettings, pseudonymKeyNotice } from '../server/startup-warnings.js';
import { openNeo4j, type Neo4jHandle } from '../platform/neo4j/runtime.js';
import { RuntimeError } from '../platform/neo4j/errors.js';
import { Lease } from '../platform/db/lease.js';
import { followBookmarks, instanceName, publishBookmarks, routesToCluster, type Follower } from '../platform/db/bookmark-relay.js';
import { watchLaunchers } from '../platform/process/launcher-watch.js';
import { InvalidFeedRegistry, readFeedRegistry } from '../platform/feeds/registry.js';
import { listMappings } from '../loaders/index.js';
import { feedsFileOf } from '../synth/demo-feeds.js';
import { runFeedChecks, scheduleFeedChecks } from '../server/feeds/schedule.js';
import { proposeAfterLoad } from '../server/resolution/after-load.js';
import { planLotCheck } from '../server/preaward/lot-links.js';
import { lotScope, SCOPE_MODEL } from '../server/preaward/scope.js';
import { InvalidPolicy } from '../server/models/policy.js';

// JSON lines (or readable ones on a terminal) from the start; the configured level once the config is read.
let logger: Logger = createLogger('info', { readable: process.stdout.isTTY });
const log = (m: string) => logger.info(m);
let neo4j: Neo4jHandle | undefined;
let scheduler: Scheduler | undefined;
let lease: Lease | undefined;
let follower: Follower | undefined;
let feedChecks: { stop(): void } | undefined;
let shuttingDown: Promise<void> | undefined;

async function shutdown(code: number, server?: ReturnType<typeof createServer>): Promise<void> {
  shuttingDown ??= (async () => {
    log('Stopping…');
    // No scheduled run may start against a driver that is closing.
    scheduler?.stop();
    follower?.stop();
    // Handed back at once, so another server takes over the models without waiting for it to expire.
    await lease?.stop();
    feedChecks?.stop();
    if (server) await new Promise<void>((r) => server.close(() => r()).closeAllConnections());
    if (neo4j) {
      await neo4j.close();
      if (neo4j.kind === 'embedded') log('Neo4j stopped.');
    }
    process.exit(code);
  })();
  return shuttingDown;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const configured = loadConfig();
  logger = createLogger(configured.logLevel, {
    readable: configured.logFormat === 'readable' || (configured.logFormat === 'auto' && process.stdout.isTTY),
  });
  ownerOnly(dataFolders(configured));
  // ID numbers become keyed tokens by default: the configured key, the kept one, or one made now.
  const key = resolvePseudonymKey(configured);
  const cfg = { ...configured, pseudonymKey: key.key };
  for (const w of insecureSettings(cfg)) log(`WARNING ${w}`);
  log(pseudonymKeyNotice(key));
  // Installed before Neo4j starts, so a Ctrl-C during start-up still stops it; the HTTP server joins later.
  const http: { server?: ReturnType<typeof createServer> } = {};
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(0, http.server));
  // A signal to npm or tsx above us never reaches this process (platform/process/launcher-watch.ts).
  watchLaunchers((why) => {
    log(`Stopping: ${why}.`);
    void shutdown(0, http.server);
  });

  log(cfg.neo4j.kind === 'embedded' ? `Starting the embedded Neo4j (home ${cfg.neo4j.homeDir})…` : `Connecting to ${cfg.neo4j.uri}…`);
  // Supervised: an embedded Neo4j that dies is restarted (a bounded number of times; docs/neo4j-runtime.md).
  neo4j = await openNeo4j(cfg, log, { supervise: true });
  log(`Neo4j ${neo4j.version} ${neo4j.edition} ready at ${neo4j.uri} (${(neo4j.startMs / 1000).toFixed(1)} s).`);
  const raw = rawKeyWarning(await rawKeyCounts(neo4j.executor, loadGraphSchema()));
  if (raw) log(`WARNING ${raw}`);

  const boot = await prepare(neo4j.executor, log, { siteDir: cfg.siteDir, varDir: cfg.varDir });
  const siteModels = siteModelsDir(cfg.siteDir);
  // Publishing from the workbench reloads this library; the catalog, the runner and the workbench read it live.
  const library = siteLibrary(neo4j.executor, boot.library, siteModels);
  // The policy's site-wide values go to the models this library holds, a model published later included.
  boot.policy.follow(library);
  // Several API servers may share this database: one of them (the lease holder) runs the models, and on a
  // cluster every server's reads wait for what the loaders and that server wrote (docs/deployment.md).
  const me = instanceName('server');
  const cluster = routesToCluster(neo4j.uri);
  lease = new Lease(neo4j.executor, 'models', me, cfg.cluster.modelsLeaseMs, log);
  await lease.start();
  if (cluster) follower = followBookmarks(neo4j.executor, cfg.cluster.bookmarkPollMs, log);
  const publish = () =>
    cluster
      ? publishBookmarks(neo4j!.executor, me).catch((e: unknown) => log(`could not publish bookmarks: ${(e as Error).message}`))
      : undefined;
  // The feed registry (数据备案): a bad one stops the start, as a bad model library would not (it is config).
  const feedsFile = feedsFileOf(cfg);
  const feeds = feedsFile
    ? readFeedRegistry(
        feedsFile,
        listMappings().map((m) => m.id),
      )
    : [];
  if (feedsFile) log(`Feed registry: ${feeds.length} feeds from ${feedsFile}.`);
  const startup = new StartupProgress();
  const access = accessOn(neo4j.executor, cfg.access, cfg.oidc ? await oidcLogin(cfg.oidc, databasePending(neo4j.executor)) : undefined);
  const signIn = cfg.demo
    ? await ensureDemoAdmin(access.users)
    : (await hasUsers(access.users))
      ? { kind: 'exists' as const }
      : { kind: 'none' as const };
  const app = createApp({
    executor: neo4j.executor,
    access,
    graphSchema: boot.graphSchema,
    models: catalogOf(library),
    production: cfg.production,
    logger,
    metrics: cfg.metrics,
    // The graph holds keyed tokens, not ID numbers: an exact ID search must hash alike.
    personKey: pseudonymiser(key.key),
    runner: libraryRunner(neo4j.executor, library, boot.policy),
    site: { siteDir: cfg.siteDir, library, policy: boot.policy },
    workbench: { library, siteModelsDir: siteModels, fixtureDb: scratchFixtureDb(log) },
    allowedHosts: cfg.allowedHosts ?? defaultHosts(cfg.host, cfg.port, machineNames()),
    corsOrigins: cfg.corsOrigins,
    outsideJurisdiction: cfg.outsideJurisdiction,
    audit: AuditTrail.in(cfg.varDir),
    limits: { maxCost: cfg.apiLimits.maxCost },
    rateLimits: cfg.apiLimits,
    startup,
    feeds: { feeds, rejectsDir: path.join(cfg.varDir, 'rejects') },
  });
  const server = createServer(app);
  http.server = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, resolve);
  });
  const url = `http://${cfg.host}:${cfg.port}/`;
  log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  log(`Explorer 探索界面: ${url}`);
  log(`GraphQL API: ${url}graphql`);
  if (signIn.kind === 'created' || signIn.kind === 'renewed') {
    log(`Sign in 登录: user 用户名 ${signIn.name}, password 密码 ${signIn.password}`);
    log('  (shown until this account first signs in; afterwards: npm run users -- reset-password admin)');
  } else if (signIn.kind === 'none') {
    log('No users yet 尚无用户: create the first admin with  npm run users -- create-admin <name>');
  }
  if (cfg.oidc) log(`Single sign-on through ${cfg.oidc.issuer}: users must exist in huiyan (npm run users -- create <name> --role …).`);

  // The demo load (empty database only), the check of the model library and the first run of every model
  // happen behind the API, which answers meanwhile; /healthz shows how far they are. Scheduled runs begin
  // once they are done.
  log(`Running the ${boot.library.models.length} models in the background (progress: ${url}healthz)…`);
  const done = firstRuns(neo4j.executor, boot, log, {
    seed: cfg.demo ? demoSeeder(cfg) : undefined,
    progress: startup,
    lease,
    // The live library is the one checked, so the catalog and the workbench drop a refused model too.
    check: () => library.reload(),
  });
  done.then(
    ({ runs }) => {
      const alerts = runs.reduce((n, r) => n + r.alertsNew + r.alertsKept, 0);
      log(
        `Models done in ${((Date.now() - t0) / 1000).toFixed(1)} s since start: ${alerts} alerts${runs.some((r) => r.error) ? ', some runs failed (above)' : ''}.`,
      );
      void publish();
      // The pre-award check's statements take seconds to plan: planned now, over the loaded data (plans made
      // over an empty store would be replanned), the first handler to ask does not wait for them.
      const lotCheckScope = lotScope(library.get(SCOPE_MODEL)?.parameters, boot.policy.paramsFor(SCOPE_MODEL));
      if (!shuttingDown && lotCheckScope)
        void planLotCheck(neo4j!.executor, lotCheckScope).then(
          () => log('Pre-award check planned.'),
          (e: unknown) => log(`Could not plan the pre-award check: ${(e as Error).message}`),
        );
      if (!shuttingDown) scheduler = scheduleModels(neo4j!.executor, library, log, () => void publish(), lease, boot.policy);
      // After the first load: overdue feeds and bad deliveries raise their alerts, then every 15 minutes; like
      // the models, on the server that holds the models lease only.
      if (!shuttingDown && feeds.length)
        void (lease?.held ? runFeedChecks(neo4j!.executor, feeds, log) : Promise.resolve()).then(() => {
          if (!shuttingDown) feedChecks = scheduleFeedChecks(neo4j!.executor, feeds, log, undefined, lease);
        });
      // Records of one person or company across sources wait for a handler on the 同一实体 page; like the
      // models, proposed on the lease holder only.
      if (!shuttingDown && lease?.held) void proposeAfterLoad(neo4j!.executor, log);
    },
    (e: unknown) => {
      // The API keeps serving what the database holds; the failure is in the log and in /healthz.
      if (!shuttingDown) log(`The first model runs failed: ${(e as Error).message}`);
    },
  );
}

/** What a browser on the network may call this machine when huiyan listens on every interface. */
function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((ifs) => (ifs ?? []).map((i) => i.address));
  return [os.hostname(), ...addresses];
}

main().catch(async (e: unknown) => {
  if (
    e instanceof RuntimeError ||
    e instanceof ConfigError ||
    e instanceof KeyFileError ||
    e instanceof InvalidFeedRegistry ||
    e instanceof InvalidPolicy
  )
    logger.error(e.message);
  else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
    logger.error(`Port ${(e as { port?: number }).port ?? ''} is in use: set PORT to a free one.`);
  else logger.error('Start-up failed:', e);
  await shutdown(1);
});
