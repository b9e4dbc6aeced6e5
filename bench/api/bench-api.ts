// npm run bench -- api --persons N: the API's latency at scale. A generated county is bulk-loaded into an
// embedded Neo4j of the benchmark's own (var/bench/api-<persons>-<seed>, kept for --reuse), the models run
// so alerts exist, and the real app (server/app.ts: bearer tokens, jurisdiction, cost limit, audit trail)
// serves over HTTP on loopback. Every operation is timed through GraphQL and, interleaved, as the same
// Cypher through the driver, at each number of clients; the table gives p50/p95/p99 and the ratio at p95.
// The clients run on a thread of their own with a driver of their own (client-thread.ts); the one-client
// overhead figures (20 requests one after another) are still taken from this thread.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { generateCounty } from '../../synth/generate.js';
import { ROOT, type Config, type EmbeddedNeo4j } from '../../platform/config.js';
import type { Neo4jHandle } from '../../platform/neo4j/runtime.js';
import { createApp } from '../../server/app.js';
import { accessOn } from '../../server/access/access.js';
import { firstRuns, prepare } from '../../server/bootstrap.js';
import { catalogOf } from '../../server/graphql/model/catalog.js';
import { costOf } from '../../server/graphql/cost.js';
import { buildSchema } from '../../server/graphql/schema.js';
import { AuditTrail } from '../../server/audit/trail.js';
import type { AuditEvent } from '../../server/audit/record.js';
import { benchConfig, corePin, homeConfig, javaPeakMiB, startBenchServer, type CorePin } from '../load/bench-server.js';
import { runBulk } from '../load/bulk-child.js';
import { callGraphql } from './measure.js';
import { ClientThread } from './client-thread.js';
import { FLOOR_QUERY, startFloor, type Floor } from './floor.js';
import { operations, pickArguments, type Operation, type Picks } from './operations.js';
import { busyMs, Recorder, wavesOf, type Statement } from './recorder.js';
import { printApiTable, type OpFigures, type Overhead } from './report.js';
import { profiled, summariseProfile, type ProfileLine } from './profile.js';

export interface ApiBenchOptions {
  persons: number;
  seed: number;
  clients: number[];
  seconds: number;
  /** Open the home an earlier run kept instead of generating and loading again. */
  reuse: boolean;
  /** Only these operations (by name). */
  only?: string[];
  /** Also profile this thread over PROFILE_CALLS requests of each operation, one after another (profile.ts). */
  profile?: boolean;
  /**
   * The server on these cores (taskset's list), the API, its clients and their driver on the others: what the
   * API adds where it does not share the database's cores, as in the deployment of docs/deployment.md.
   */
  serverCores?: string;
}

const log = (m: string) => console.log(`[bench] ${m}`);
const secs = (ms: number) => Math.round(ms / 10) / 100;
const loadAvg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const round = (x: number) => Math.round(x * 100) / 100;
/** Requests the overhead is averaged over, one at a time. */
const OVERHEAD_CALLS = 20;
/**
 * Requests sent first, untimed: right after the first call the server's and the driver's code is still being
 * compiled and the operation's pages read, and the table taken there (entity 32.0 ms a request, its Cypher 16.9)
 * described no request of the timed runs (p50 14.8 ms).
 */
const OVERHEAD_WARM_CALLS = 50;
/** Requests profiled per operation with --profile, apart from the timed ones (the profiler slows what it watches). */
const PROFILE_CALLS = 100;

/** Times every record written, from append to on disk: the audit plugin waits for it before answering. */
class TimedTrail extends AuditTrail {
  ms = 0;
  override append(event: AuditEvent) {
    const t = performance.now();
    const p = super.append(event);
    void p.then(
      () => (this.ms += performance.now() - t),
      () => undefined,
    );
    return p;
  }
}

async function openCounty(
  o: ApiBenchOptions,
  work: string,
  pin?: CorePin,
): Promise<{ handle: Neo4jHandle; cfg: Config; load: Record<string, unknown> }> {
  const county = path.join(work, 'county');
  const home = path.join(work, 'home');
  if (o.reuse && existsSync(path.join(home, 'data', 'databases', 'neo4j'))) {
    const cfg = homeConfig(home);
    const t = Date.now();
    const handle = await startBenchServer(cfg, pin);
    log(`reusing ${path.relative(ROOT, home)} (server started in ${secs(Date.now() - t)} s)`);
    return { handle, cfg, load: { path: 'reused', home: path.relative(ROOT, home) } };
  }
  if (o.reuse) log(`nothing to reuse at ${path.relative(ROOT, work)}: generating and loading`);
  rmSync(work, { recursive: true, force: true });
  const t = Date.now();
  await generateCounty({ persons: o.persons, seed: o.seed, outDir: county });
  const generateSeconds = secs(Date.now() - t);
  log(`generated ${o.persons} persons (seed ${o.seed}) in ${generateSeconds} s; bulk loading…`);
  const cfg = benchConfig(home);
  const bulk = await runBulk({
    home,
    county,
    rejectsDir: path.join(work, 'rejects'),
    workDir: path.join(work, 'bulk'),
    result: path.join(work, 'bulk.json'),
  });
  // The county's files and the importer's CSV are not needed again; the home is what --reuse opens.
  rmSync(path.join(work, 'bulk'), { recursive: true, force: true });
  log(
    `loaded ${bulk.nodes} nodes, ${bulk.relationships} relationships in ${bulk.seconds} s, in a process of its own (peak ${bulk.nodeRssPeakMiB} MiB)`,
  );
  // The load stopped its server when its process ended.
  const handle = await startBenchServer(cfg, pin);
  return {
    handle,
    cfg,
    load: {
      path: 'bulk',
      generateSeconds,
      loadSeconds: bulk.seconds,
      nodes: bulk.nodes,
      relationships: bulk.relationships,
      loadingProcess: { pid: bulk.pid, nodeRssPeakMiB: bulk.nodeRssPeakMiB },
    },
  };
}

/** What this thread did per operation, by owner (package or project folder) and by function, self time. */
interface Profiled {
  file: string;
  /** Wall time a request under the profiler, and the thread's busy (not idle) part of it. */
  perRequestMs: number;
  busyPerRequestMs: number;
  byPlace: ProfileLine[];
  byFunction: ProfileLine[];
}

function printProfiles(profiles: Record<string, Profiled>) {
  for (const [name, p] of Object.entries(profiles)) {
    console.log(
      `\n${name}: ${p.perRequestMs} ms a request under the profiler, this thread busy ${p.busyPerRequestMs} ms of it (${PROFILE_CALLS} one after another; ${p.file})`,
    );
    const ms = (x: number) => (x / PROFILE_CALLS).toFixed(2);
    console.log(`  by owner, self / total ms a request: ${p.byPlace.map((l) => `${l.where} ${ms(l.selfMs)}/${ms(l.totalMs)}`).join('; ')}`);
    for (const l of p.byFunction.slice(0, 10)) console.log(`  ${ms(l.selfMs).padStart(6)} ${ms(l.totalMs).padStart(6)}  ${l.where}`);
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

export async function benchApi(o: ApiBenchOptions): Promise<Record<string, unknown>> {
  const started = new Date();
  const base = path.join(ROOT, 'var', 'bench');
  const work = path.join(base, `api-${o.persons}-${o.seed}`);
  const loadAvgAtStart = loadAvg();
  log(`load average ${loadAvgAtStart.join(' ')} on ${os.cpus().length} cores`);
  const pin = o.serverCores === undefined ? undefined : corePin(o.serverCores);
  // Starting the server (startBenchServer) leaves this process, and the clients' thread it starts later, on the
  // other cores; a bulk load before it runs on every core.
  if (pin) log(`the server on core(s) ${pin.server}; the API, its clients and their driver on ${pin.others}`);
  const { handle, cfg, load } = await openCounty(o, work, pin);
  const neo = cfg.neo4j as EmbeddedNeo4j;
  const recorder = new Recorder();
  let server: Server | undefined;
  let clientThread: ClientThread | undefined;
  let floor: Floor | undefined;
  let figures: OpFigures[] = [];
  const profiles: Record<string, Profiled> = {};
  let picks: Picks;
  let javaPeak: number | undefined;
  try {
    const db = handle.executor;
    const prepared = await prepare(db, log);
    const { rows } = await db.read<{ n: number }>('MATCH (a:Alert) RETURN count(a) AS n');
    if (!rows[0]?.n) {
      const t = Date.now();
      const { runs } = await firstRuns(db, prepared, () => undefined);
      log(`ran ${runs.length} models in ${secs(Date.now() - t)} s`);
    }
    picks = await pickArguments(db);
    log(`hub: ${picks.hub.label} ${picks.hub.uid}, ${picks.hub.degree} relationships, ${picks.hub.neighbours} neighbours`);

    const recorded = recorder.wrap(db);
    const access = accessOn(recorded);
    const most = Math.max(...o.clients);
    // One token per client (each its own caller, as separate systems would be), system role.
    const issue = async (units: string[], name: string) =>
      Promise.all(
        Array.from(
          { length: most },
          async (_, i) => (await access.tokens.issue({ name: `${name} ${i}`, role: 'system', units, days: 1 }, 'bench')).secret,
        ),
      );
    const bearers = { county: await issue(['*'], 'bench county'), unit: await issue([picks.unit.uid], 'bench unit') };
    const trail = new TimedTrail(path.join(work, 'audit'));
    const app = createApp({
      executor: recorded,
      access,
      graphSchema: prepared.graphSchema,
      models: catalogOf(prepared.library),
      logger: { debug: () => undefined, info: () => undefined, warn: console.warn, error: console.error },
      audit: trail,
      // The per-caller limits would stop a client that loops as fast as it can: this measures speed.
      rateLimits: { requestsPerMinute: 1e9, dbSecondsPerMinute: 1e9 },
    });
    server = createServer(app);
    const url = await listen(server);
    const schema = buildSchema();
    mkdirSync(base, { recursive: true });
    // The floor replays the statements recorded below, on this thread and through the same executor.
    const floorWaves = new Map<string, Statement[][]>();
    floor = await startFloor(db, floorWaves);

    const ops = operations(picks).filter((op) => !o.only || o.only.includes(op.name));
    const captured = new Map<
      string,
      { op: Operation; waves: ReturnType<typeof wavesOf>; overhead: Overhead; statements: number; first: { ms: number; found?: string } }
    >();
    for (const op of ops) {
      const call = { url, query: op.query, variables: op.variables };
      const bearer = bearers[op.caller][0]!;
      // The first call, timed on its own: it plans the statements (cached afterwards) and reads cold pages.
      const t0 = performance.now();
      const first = await callGraphql(call, bearer);
      const firstMs = round(performance.now() - t0);
      const found = op.found?.(first);
      log(`${op.name}: first call ${firstMs} ms${found ? ` (${found})` : ''}`);
      for (let i = 0; i < OVERHEAD_WARM_CALLS; i++) await callGraphql(call, bearer);
      recorder.on = true;
      trail.ms = 0;
      const t = performance.now();
      for (let i = 0; i < OVERHEAD_CALLS; i++) await callGraphql(call, bearer);
      const requestMs = (performance.now() - t) / OVERHEAD_CALLS;
      // Read now: the request replayed below and the profiled ones append records too.
      const auditMs = trail.ms / OVERHEAD_CALLS;
      recorder.on = false;
      const all = recorder.take();
      // Wall time with statements of the kind running: a resolver's parallel statements count once.
      const sum = (pick: (s: Statement) => boolean) => busyMs(all.filter(pick)) / OVERHEAD_CALLS;
      const doc = parse(op.query);
      const tc = performance.now();
      for (let i = 0; i < 200; i++) costOf(schema, doc, op.variables);
      const costMs = (performance.now() - tc) / 200;
      const statements = all.filter((s) => s.op !== null).length / OVERHEAD_CALLS;
      // One more request, alone: its statements are what the driver side replays.
      recorder.on = true;
      await callGraphql(call, bearer);
      recorder.on = false;
      const waves = wavesOf(recorder.take());
      floorWaves.set(op.name, waves);
      if (o.profile) {
        const file = path.join(base, `api-${o.persons}-${o.seed}-${op.name.replace(/\W+/g, '-')}.cpuprofile`);
        const { profile } = await profiled(file, async () => {
          for (let i = 0; i < PROFILE_CALLS; i++) await callGraphql(call, bearer);
        });
        const sum = summariseProfile(profile);
        profiles[op.name] = {
          file: path.relative(ROOT, file),
          perRequestMs: round(sum.sampledMs / PROFILE_CALLS),
          busyPerRequestMs: round(sum.busyMs / PROFILE_CALLS),
          ...sum,
        };
      }
      captured.set(op.name, {
        op,
        waves,
        statements,
        first: { ms: firstMs, found },
        overhead: {
          requestMs: round(requestMs),
          resolverStatementsMs: round(sum((s) => s.op !== null)),
          authStatementsMs: round(sum((s) => s.op === null)),
          auditMs: round(auditMs),
          costMs: round(costMs),
          statements,
        },
      });
    }

    figures = [...captured.values()].map((c) => ({
      name: c.op.name,
      note: c.first.found ? `${c.op.note}; ${c.first.found}` : c.op.note,
      firstCallMs: c.first.ms,
      statements: c.statements,
      waves: c.waves.length,
      overhead: c.overhead,
      runs: {},
    }));
    clientThread = new ClientThread(handle.connection);
    for (const clients of o.clients) {
      for (const f of figures) {
        const c = captured.get(f.name)!;
        const call = { url, query: c.op.query, variables: c.op.variables };
        const floorCall = { url: floor.url, query: FLOOR_QUERY, variables: { op: f.name } };
        const b = bearers[c.op.caller];
        // The API against the driver, then the floor against the driver in a phase of its own (measure.ts
        // says why); each after a second of warm-up at this concurrency, not counted.
        await clientThread.measure(call, c.waves, b, clients, 1);
        const api = await clientThread.measure(call, c.waves, b, clients, o.seconds);
        await clientThread.measure(floorCall, c.waves, b, clients, 1);
        const bare = await clientThread.measure(floorCall, c.waves, b, clients, o.seconds);
        const run = { graphql: api.http, driver: api.driver, floor: bare.http, floorDriver: bare.driver };
        f.runs[clients] = { ...run, loadAvg: loadAvg() };
        log(
          `${clients} client(s) ${f.name}: GraphQL p95 ${run.graphql.p95} ms against the driver's ${run.driver.p95} ms (n ${run.graphql.n}/${run.driver.n}); floor p95 ${run.floor.p95} ms against ${run.floorDriver.p95} ms (n ${run.floor.n}/${run.floorDriver.n})`,
        );
      }
    }
  } finally {
    javaPeak = javaPeakMiB(neo.homeDir);
    await clientThread?.close();
    await floor?.close();
    if (server) await new Promise<void>((r) => server!.close(() => r()).closeAllConnections());
    await handle.close();
  }

  const out = {
    bench: 'api',
    startedAt: started.toISOString(),
    persons: o.persons,
    seed: o.seed,
    seconds: o.seconds,
    machine: {
      cpus: os.cpus().length,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAvgAtStart,
      loadAvgAtEnd: loadAvg(),
    },
    neo4j: {
      heap: neo.heap,
      pageCache: neo.pageCache,
      javaPeakMiB: javaPeak ?? null,
      ...(pin ? { cores: pin.server, apiCores: pin.others } : {}),
    },
    load,
    picks,
    operations: figures,
    ...(o.profile ? { profiles } : {}),
  };
  const file = path.join(base, `api-${o.persons}-${o.seed}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  printApiTable(out, o.clients, file);
  if (o.profile) printProfiles(profiles);
  return out;
}
