// A signal to any process of a running huiyan stops everything it started (#14). `npm run dev` is run,
// not `npm start`: both are npm → sh -c → tsx → node (start only puts `npm run build:web &&` in the same
// sh), and the explorer's build would add minutes on a busy machine without changing what is tested.
// Before: SIGTERM to npm left node and Java serving; kill -9 of node left Java running, owned by init.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../platform/neo4j/embedded.js';
import { alive, commandLine, descendants, pidRecord, run, stillRunning, type Command } from './processes.js';

let tmp: string;
const started: Command[] = [];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-signals-'));
});
afterEach(() => {
  // A failed test must not leave a server behind: whatever the command started, and the command.
  for (const c of started.splice(0))
    for (const pid of [...descendants(c.child.pid!), c.child.pid!]) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** `npm run dev` on a Neo4j home and ports of its own, without the demo county, once it says it is ready. */
async function serving(name: string) {
  const home = path.join(tmp, name);
  const cmd = run('npm', ['run', 'dev'], {
    HUIYAN_NEO4J_HOME: home,
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: '512m',
    HUIYAN_NEO4J_PAGECACHE: '64m',
    HUIYAN_VAR: path.join(tmp, `${name}-var`),
    HUIYAN_DEMO: '0',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  });
  started.push(cmd);
  await cmd.waitFor(/Ready in/, 300_000);
  const { pid: java, owner: node } = pidRecord(home);
  const tree = descendants(cmd.child.pid!);
  expect(commandLine(java)).toContain('CommunityEntryPoint');
  expect(tree).toEqual(expect.arrayContaining([java, node]));
  return { cmd, java, node, tree };
}

describe('signals to a running huiyan', () => {
  it('SIGTERM to npm stops node, tsx, sh and Java', async () => {
    const { cmd, java, node, tree } = await serving('term-npm');
    cmd.child.kill('SIGTERM');
    expect(await stillRunning([...tree, cmd.child.pid!], 120_000), cmd.output()).toEqual([]);
    expect(alive(java) || alive(node)).toBe(false);
    // node noticed (nothing reached it) and stopped in order: HTTP, driver, then Neo4j.
    expect(cmd.output()).toMatch(/Stopping: the (tsx|shell|npm) that launched it/);
    expect(cmd.output()).toContain('Neo4j stopped.');
  }, 420_000);

  it('kill -9 of node leaves no Neo4j running', async () => {
    const { cmd, java, node, tree } = await serving('kill-node');
    process.kill(node, 'SIGKILL');
    // The watchdog stops Java; tsx, sh and npm end with their child.
    expect(await stillRunning([...tree, cmd.child.pid!], 120_000), cmd.output()).toEqual([]);
    expect(alive(java)).toBe(false);
  }, 420_000);
});
