// Runs a genuine Neo4j Community server from the Maven jars: org.neo4j.server.CommunityEntryPoint on the
// machine's JDK, bound to 127.0.0.1, Bolt on, HTTP off, heap and page cache set explicitly, data under a
// home folder that survives restarts. No Java source is involved (see docs/neo4j-runtime.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { EmbeddedNeo4j } from '../config.js';
import { RuntimeError, USE_EXTERNAL } from './errors.js';
import { ensureJars } from './fetch.js';
import { findJava, type Java } from './java.js';
import { waitUntilReady } from './ready.js';

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  pid: number;
  /** True when this start created the database (first start): the caller loads the demo then. */
  firstStart: boolean;
  startMs: number;
  /** Settles when this server's Java exits, for whatever reason (never for an attached server). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const PASSWORD_FILE = 'huiyan-password';
const PID_FILE = path.join('run', 'huiyan-neo4j.pid');

// From the distribution's neo4j.conf (server.jvm.additional) for 5.26, checked on JDK 17: these keep
// Netty and the page cache off the slow reflective paths and give readable stack traces. Not its G1 choice:
// see GC below.
const JVM_FLAGS = [
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
];

/**
 * The parallel collector, not G1. On 2 cores G1's concurrent refinement and heavier write barriers took a
 * quarter of the load time: the 100,000-person online load ran in 142 s instead of 178 s (docs/bench.md).
 * Its pauses are longer, which a 1 GiB heap keeps short. A GC option in HUIYAN_NEO4J_JVM_OPTS replaces it.
 */
const GC = '-XX:+UseParallelGC';

/** The JVM options huiyan starts Neo4j's Java processes with: the defaults, then the operator's own. */
export function jvmOptions(cfg: Pick<EmbeddedNeo4j, 'jvmOpts'>): string[] {
  const ownGc = cfg.jvmOpts.some((o) => /^-XX:\+Use\w*GC$/.test(o));
  return [...(ownGc ? [] : [GC]), ...JVM_FLAGS, ...cfg.jvmOpts];
}

export interface StartOptions {
  /**
   * When a live huiyan (`npm start`) already runs a server on this home, use that server instead of
   * refusing: for commands such as `npm run load` that work beside the running service. The attached
   * server is left running on stop().
   */
  attach?: boolean;
}

/** What the pid file records: the Java server, the huiyan process that owns it, and its Bolt port. */
interface PidRecord {
  pid: number;
  owner: number;
  port: number;
}

export async function startEmbedded(cfg: EmbeddedNeo4j, log: (msg: string) => void, opts: StartOptions = {}): Promise<RunningNeo4j> {
  const t0 = Date.now();
  const java = findJava(cfg.javaHome);
  const libDir = await ensureJars(cfg.runtimeDir, log);
  const home = cfg.homeDir;
  for (const d of ['', 'run', 'logs', 'conf', 'plugins', 'import']) mkdirSync(path.join(home, d), { recursive: true });

  const live = await stopLeftover(home, log, opts.attach === true);
  if (live) {
    log(`Using the Neo4j that huiyan (pid ${live.owner}) runs on ${home}.`);
    return {
      uri: `bolt://127.0.0.1:${live.port}`,
      user: 'neo4j',
      password: readPassword(home),
      database: cfg.database,
      pid: live.pid,
      firstStart: false,
      startMs: Date.now() - t0,
      // Not ours to watch or stop: its own huiyan does both.
      exited: new Promise(() => {}),
      stop: async () => {},
    };
  }
  const port = cfg.boltPort === 0 ? await freePort() : cfg.boltPort;
  await refuseIfPortTaken(port);

  const firstStart = !existsSync(path.join(home, 'data', 'databases', 'neo4j'));
  const password = firstStart ? await initialPassword(java, libDir, home, cfg.childEnv) : readPassword(home);

  const args = [
    `-Xms${cfg.heap}`,
    `-Xmx${cfg.heap}`,
    ...jvmOptions(cfg),
    '-cp',
    `${path.join(libDir, '*')}${path.delimiter}${path.join(home, 'plugins', '*')}`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${path.join(home, 'conf')}`,
    '--console-mode',
    ...settings(cfg, port, home).flatMap((s) => ['-c', s]),
  ];
  const logFile = path.join(home, 'logs', 'console.log');
  const out = openSync(logFile, 'a');
  // Own process group: Ctrl-C in a terminal reaches the whole foreground group, and Neo4j would start its
  // shutdown before huiyan has closed its driver. huiyan stops it itself, in order (see stop()).
  const child = spawn(java.bin, args, { stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  if (!child.pid) throw new RuntimeError('START_FAILED', `Could not start ${java.bin}.`);
  const watchdog = watchdogFor(child.pid);
  const record: PidRecord = { pid: child.pid, owner: process.pid, port };
  writeFileSync(path.join(home, PID_FILE), JSON.stringify(record));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      watchdog.kill('SIGKILL');
      resolve({ code, signal });
    });
  });
  const stop = stopper(child, exited, home, log);

  const uri = `bolt://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, { uri, user: 'neo4j', password }, cfg.startTimeoutMs, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { uri, user: 'neo4j', password, database: cfg.database, pid: child.pid, firstStart, startMs: Date.now() - t0, exited, stop };
}

/**
 * Stops Java when this Node process dies, however it dies. A handler cannot run on kill -9 (or on a crash
 * of Node itself), and Java, detached into its own process group, would run on owned by init, holding the
 * store and the port (#14). The watchdog is a tiny sh whose stdin is a pipe from this process, the only
 * writer: when Node dies by any means the kernel closes it, `read` returns at end of file, and the
 * watchdog stops Java as stop() would (SIGTERM: checkpoint, release the store lock), with SIGKILL if it is
 * still there after 90 s. Portable to any POSIX sh, no native code (PR_SET_PDEATHSIG is Linux only, and
 * applies to the thread that spawned the child). Killed as soon as Java exits, so it never outlives Java
 * long enough to signal a recycled pid.
 */
function watchdogFor(javaPid: number): ChildProcess {
  const script =
    'while read -r _; do :; done; kill -TERM "$1" 2>/dev/null || exit 0; i=0; ' +
    'while kill -0 "$1" 2>/dev/null && [ "$i" -lt 90 ]; do sleep 1; i=$((i+1)); done; kill -KILL "$1" 2>/dev/null';
  // Detached like Java: a Ctrl-C to the terminal's group must not take the watchdog away before huiyan's
  // own orderly stop.
  const watchdog = spawn('/bin/sh', ['-c', script, 'huiyan-neo4j-watchdog', String(javaPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the watchdog nor its pipe keeps Node's event loop alive.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref(): void }).unref();
  return watchdog;
}

function settings(cfg: EmbeddedNeo4j, port: number, home: string): string[] {
  return [
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.pagecache.size=${cfg.pageCache}`,
    // Per transaction, so one runaway read is cut off with MemoryPoolOutOfMemoryError, not the whole heap.
    `db.memory.transaction.max=${cfg.txMemory}`,
    'dbms.usage_report.enabled=false',
    // LOAD CSV only from this home's import folder (benchmarks write there), never from arbitrary paths.
    `server.directories.import=${path.join(home, 'import')}`,
    'dbms.security.auth_enabled=true',
    // Netty's graceful shutdown waits a 5 s quiet period per event-loop group, which made every stop take
    // 10 s after the databases had already checkpointed and closed. Nothing is served by then.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    'internal.dbms.bolt.netty_server_shutdown_timeout=5',
  ];
}

/**
 * A home that never ran a server gets its random password before the first start: also for homes the
 * offline importer fills (loaders/bulk), so the server that starts on them afterwards is the usual one.
 */
export async function setInitialPassword(cfg: EmbeddedNeo4j, log: (msg: string) => void): Promise<string> {
  const java = findJava(cfg.javaHome);
  const libDir = await ensureJars(cfg.runtimeDir, log);
  return initialPassword(java, libDir, cfg.homeDir, cfg.childEnv);
}

/**
 * 192 random bits as hex, not base64url: one base64url password in 64 began with '-', which the admin tool
 * took for an option ("Missing required parameter: '<password>'"), failing that first start.
 */
export function newPassword(): string {
  return randomBytes(24).toString('hex');
}

/** Sets a random password before the very first start, with Neo4j's own admin tool from the same jars. */
async function initialPassword(java: Java, libDir: string, home: string, env: Record<string, string | undefined>): Promise<string> {
  const password = newPassword();
  // Not spawnSync: the bulk path reads the county while this JVM runs, and a synchronous spawn stopped that.
  const r = await new Promise<{ status: number | null; out: string }>((resolve, reject) => {
    const child = spawn(java.bin, ['-cp', path.join(libDir, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password], {
      env: { ...env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, out: err || out }));
  });
  if (r.status !== 0) throw new RuntimeError('START_FAILED', `Setting the initial Neo4j password failed: ${r.out.trim()}`);
  const file = path.join(home, PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

function readPassword(home: string): string {
  const file = path.join(home, PASSWORD_FILE);
  if (!existsSync(file)) {
    throw new RuntimeError(
      'NO_PASSWORD',
      `${home} holds a database but not its password file ${PASSWORD_FILE}. Delete ${home} to start afresh (the demo reloads), ${USE_EXTERNAL}.`,
    );
  }
  return readFileSync(file, 'utf8').trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a server still running on this home (by its pid file), for tools that need the store to themselves. */
export function runningServerPid(home: string): number | undefined {
  const pidFile = path.join(home, PID_FILE);
  if (!existsSync(pidFile)) return undefined;
  const rec = readPidRecord(pidFile);
  return rec && alive(rec.pid) ? rec.pid : undefined;
}

function readPidRecord(pidFile: string): PidRecord | undefined {
  const text = readFileSync(pidFile, 'utf8').trim();
  try {
    const r = JSON.parse(text) as PidRecord;
    if (Number.isInteger(r.pid) && Number.isInteger(r.owner) && Number.isInteger(r.port)) return r;
  } catch {
    /* an older plain-pid file, or garbage */
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? { pid, owner: 0, port: 0 } : undefined;
}

/**
 * A pid file whose Java still runs this home is one of two things. Its owner huiyan still lives: another
 * huiyan is using the server, so refuse (or attach, when asked). Its owner is gone: a huiyan was killed
 * before it could stop its server, so stop that server cleanly and go on. A live process that is not our
 * server is refused with its pid.
 */
async function stopLeftover(home: string, log: (msg: string) => void, attach: boolean): Promise<PidRecord | undefined> {
  const pidFile = path.join(home, PID_FILE);
  if (!existsSync(pidFile)) return undefined;
  const rec = readPidRecord(pidFile);
  if (rec && alive(rec.pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${rec.pid}/cmdline`, 'utf8');
    } catch {
      /* not on Linux */
    }
    const ours = cmdline.includes('org.neo4j.server.CommunityEntryPoint') && cmdline.includes(`--home-dir=${home}`);
    if (!ours) {
      throw new RuntimeError(
        'ALREADY_RUNNING',
        `Process ${rec.pid} holds ${pidFile} and may be using ${home}. Stop it (kill ${rec.pid}) and start again.`,
      );
    }
    if (rec.owner > 0 && rec.owner !== process.pid && alive(rec.owner)) {
      if (attach && rec.port > 0) return rec;
      throw new RuntimeError(
        'ALREADY_RUNNING',
        `huiyan (pid ${rec.owner}) is already running with its Neo4j on ${home} (bolt://127.0.0.1:${rec.port}). Stop it first, or give this one another home (HUIYAN_NEO4J_HOME) and port.`,
      );
    }
    log(`Stopping the Neo4j (pid ${rec.pid}) that an earlier huiyan left running on ${home}…`);
    process.kill(rec.pid, 'SIGTERM');
    const deadline = Date.now() + 90_000;
    // A timer that keeps Node alive: nothing else does while the left-over server stops, and an unref'd one
    // let the process exit 0 mid-wait (the start after a crash did nothing; #14).
    while (alive(rec.pid) && Date.now() < deadline) await new Promise<void>((r) => setTimeout(r, 200));
    if (alive(rec.pid))
      throw new RuntimeError(
        'ALREADY_RUNNING',
        `The Neo4j left running (pid ${rec.pid}) did not stop within 90 s. Stop it (kill ${rec.pid}) and start again.`,
      );
  }
  // Stale: the process is gone. Neo4j's own store lock is an OS file lock, released with the process.
  rmSync(pidFile, { force: true });
  return undefined;
}

async function refuseIfPortTaken(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  if (!free) {
    throw new RuntimeError(
      'PORT_IN_USE',
      `Port 127.0.0.1:${port} for Neo4j Bolt is in use (another Neo4j?). Set HUIYAN_NEO4J_BOLT_PORT to a free port (0 picks one), ${USE_EXTERNAL}.`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stopper(child: ChildProcess, exited: Promise<unknown>, home: string, log: (msg: string) => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  void exited.then(() => rmSync(path.join(home, PID_FILE), { force: true }));
  return () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM makes Neo4j shut down cleanly (checkpoint, release the store lock).
        child.kill('SIGTERM');
        const killed = await Promise.race([exited.then(() => false), sleep(90_000).then(() => true)]);
        if (killed) {
          log('Neo4j did not stop within 90 s; killing it.');
          child.kill('SIGKILL');
          await exited;
        }
      }
    })();
    return stopping;
  };
}

/** A timer that does not keep the process alive by itself: for a deadline raced against other work. */
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
