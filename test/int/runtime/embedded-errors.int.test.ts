// The embedded runtime's refusals: each fails fast with one message that says what to do, before Java
// starts a server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, ROOT, type EmbeddedNeo4j } from '../../../platform/config.js';
import { startEmbedded } from '../../../platform/neo4j/embedded.js';

function embedded(over: Record<string, string>): EmbeddedNeo4j {
  const cfg = loadConfig({ PATH: process.env.PATH, HOME: process.env.HOME, ...over });
  if (cfg.neo4j.kind !== 'embedded') throw new Error('expected embedded config');
  return cfg.neo4j;
}
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

describe('starting the embedded Neo4j', () => {
  it('refuses a Bolt port that is already taken, naming the port and the way out', async () => {
    const srv = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => srv.once('listening', r));
    cleanup.push(() => srv.close());
    const port = (srv.address() as net.AddressInfo).port;
    const home = mkdtempSync(path.join(os.tmpdir(), 'huiyan-port-'));
    const err = await startEmbedded(embedded({ HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: String(port) }), () => {}).catch((e) => e);
    expect(err).toMatchObject({ code: 'PORT_IN_USE' });
    expect(err.message).toContain(String(port));
    expect(err.message).toContain('NEO4J_URI');
  });

  it('refuses to start a second server on a home whose server still runs', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'huiyan-busy-'));
    mkdirSync(path.join(home, 'run'), { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', home], { stdio: 'ignore' });
    cleanup.push(() => other.kill());
    writeFileSync(path.join(home, 'run', 'huiyan-neo4j.pid'), String(other.pid));
    const err = await startEmbedded(embedded({ HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: '0' }), () => {}).catch((e) => e);
    expect(err).toMatchObject({ code: 'ALREADY_RUNNING' });
    expect(err.message).toContain(String(other.pid));
  });

  it('says to install a JDK when JAVA_HOME holds no Java', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'huiyan-nojava-'));
    const err = await startEmbedded(embedded({ HUIYAN_NEO4J_HOME: home, JAVA_HOME: path.join(home, 'no-jdk') }), () => {}).catch((e) => e);
    expect(err).toMatchObject({ code: 'NO_JAVA' });
    expect(err.message).toMatch(/JDK 17/);
  });
});

describe('a Neo4j already running on the home', () => {
  it('is used by an attaching command while its huiyan lives, and stopped and replaced once that huiyan is gone', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'huiyan-leftover-'));
    const cfg = embedded({
      HUIYAN_NEO4J_HOME: home,
      HUIYAN_NEO4J_BOLT_PORT: '0',
      HUIYAN_NEO4J_HEAP: '512m',
      HUIYAN_NEO4J_PAGECACHE: '64m',
    });
    const first = await startEmbedded(cfg, () => {});

    // While the huiyan that owns it lives, a second start refuses, or attaches when asked (npm run load).
    const pidFile = path.join(home, 'run', 'huiyan-neo4j.pid');
    const own = JSON.parse(readFileSync(pidFile, 'utf8'));
    const otherHuiyan = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    cleanup.push(() => otherHuiyan.kill());
    writeFileSync(pidFile, JSON.stringify({ ...own, owner: otherHuiyan.pid }));
    const refused = await startEmbedded(cfg, () => {}).catch((e) => e);
    expect(refused).toMatchObject({ code: 'ALREADY_RUNNING' });
    expect(refused.message).toContain(`huiyan (pid ${otherHuiyan.pid}) is already running`);
    const attached = await startEmbedded(cfg, () => {}, { attach: true });
    expect(attached.uri).toBe(first.uri);
    await attached.stop();
    expect(() => process.kill(first.pid, 0)).not.toThrow();
    writeFileSync(pidFile, JSON.stringify(own));

    // Simulate a huiyan killed with SIGKILL: its server keeps running, its stop() is never called.
    const messages: string[] = [];
    const second = await startEmbedded(cfg, (m) => messages.push(m));
    cleanup.push(() => void second.stop());
    expect(messages.join('\n')).toContain(`pid ${first.pid}`);
    expect(() => process.kill(first.pid, 0)).toThrow();
    expect(second.password).toBe(first.password);
    expect(second.firstStart).toBe(false);
    await second.stop();
  }, 180_000);

  it('is stopped and replaced by a command that starts while nothing else keeps Node alive (the start after a crash)', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'huiyan-crash-'));
    const env = { HUIYAN_NEO4J_HOME: home, HUIYAN_NEO4J_BOLT_PORT: '0', HUIYAN_NEO4J_HEAP: '512m', HUIYAN_NEO4J_PAGECACHE: '64m' };
    const first = await startEmbedded(embedded(env), () => {});
    // The huiyan that started it was killed: its pid is gone, its server runs on.
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => dead.once('exit', r));
    const pidFile = path.join(home, 'run', 'huiyan-neo4j.pid');
    writeFileSync(pidFile, JSON.stringify({ ...JSON.parse(readFileSync(pidFile, 'utf8')), owner: dead.pid }));
    cleanup.push(() => {
      try {
        process.kill(first.pid, 'SIGKILL');
      } catch {
        /* already stopped, as it should be */
      }
    });

    // A real command in a process of its own, where only the wait itself can keep the event loop going.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'users.ts'), 'create-admin', 'after-crash'], {
      cwd: ROOT,
      env: { ...process.env, ...env, NEO4J_URI: '', HUIYAN_VAR: path.join(home, 'var') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(out).toContain(`Stopping the Neo4j (pid ${first.pid})`);
    expect(out).toContain('Created admin after-crash');
    expect(code).toBe(0);
    expect(() => process.kill(first.pid, 0)).toThrow();
  }, 240_000);
});
