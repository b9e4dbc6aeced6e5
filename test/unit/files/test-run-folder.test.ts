// A test run keeps its temporary files in one folder (test/setup/temp-global.ts). A run stopped from outside
// must not leave it behind: Vitest exits on SIGTERM without running the teardowns, and Ctrl-C stops the
// processes of the run with it, some of which go on writing into the folder for a while.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SETUP = path.join(ROOT, 'test/setup/temp-global.ts');
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface NestedRun {
  root: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** The run's temporary folder, once its one test has said where it is. */
  folder: () => Promise<string>;
}

/**
 * A run of its own: this setup, and one test that says where its temporary files go (`seen`, which the test's
 * `before` code may use too), does `before`, then waits. `group`: a process group of its own, as a terminal
 * gives a command, so that one signal reaches every process of it.
 */
function nestedRun(before: (seen: string, root: string) => string, group = false): NestedRun {
  const root = mkdtempSync(path.join(tmpdir(), 'huiyan-nested-'));
  dirs.push(root);
  const seen = path.join(root, 'tmpdir.txt');
  writeFileSync(
    path.join(root, 'vitest.config.mjs'),
    `export default { test: { globals: true, globalSetup: [${JSON.stringify(SETUP)}], include: ['*.test.mjs'] } };\n`,
  );
  writeFileSync(
    path.join(root, 'waits.test.mjs'),
    `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
it('waits', async () => {
  ${before(seen, root)}
  writeFileSync(${JSON.stringify(seen)}, process.env.TMPDIR);
  await new Promise((r) => setTimeout(r, 20000));
}, 30000);
`,
  );
  const child = spawn(process.execPath, [VITEST, 'run', '--root', root, '--config', path.join(root, 'vitest.config.mjs')], {
    cwd: root,
    stdio: 'ignore',
    detached: group,
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // Waits for the nested test to have written the whole path (the file may be caught empty once).
  const folder = async () => {
    const written = await vi.waitFor(
      () => {
        const text = readFileSync(seen, 'utf8');
        if (!text) throw new Error('not written yet');
        return text;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(path.basename(written)).toMatch(/^huiyan-tests-/);
    expect(existsSync(written)).toBe(true);
    return written;
  };
  return { root, child, exited, folder };
}

/** A run that never got as far as its test is not left behind either. */
function stillRunning(run: NestedRun): boolean {
  return run.child.exitCode === null && run.child.signalCode === null;
}

// Like a Neo4j server given the same signal: it goes on writing into the run's folder for 3 s, making its folder
// again as tsx's cache does, then writes `done` and ends (and in any case after 40 s).
const WRITER = `const fs = require('node:fs'), path = require('node:path');
const [dir, done] = process.argv.slice(1);
let stopped = 0;
const stop = () => { stopped ||= Date.now(); };
process.on('SIGINT', stop); process.on('SIGTERM', stop);
const started = Date.now();
const t = setInterval(() => {
  fs.mkdirSync(path.join(dir, 'late'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'late', 'store'), String(Date.now()));
  if ((stopped && Date.now() - stopped > 3000) || Date.now() - started > 40000) {
    clearInterval(t); fs.writeFileSync(done, 'done'); process.exit(0);
  }
}, 100);`;

describe("a test run's temporary folder", () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'is removed when the run is stopped by %s part-way',
    async (signal) => {
      const run = nestedRun(() => '');
      try {
        const folder = await run.folder();
        run.child.kill(signal);
        await run.exited;
        expect(existsSync(folder)).toBe(false);
      } finally {
        if (stillRunning(run)) run.child.kill('SIGKILL');
      }
    },
    60_000,
  );

  it('is removed when Ctrl-C stops the whole run while one of its processes still writes there', async () => {
    const done = (root: string) => path.join(root, 'writer-done.txt');
    const run = nestedRun(
      (_seen, root) =>
        `spawn(process.execPath, ['-e', ${JSON.stringify(WRITER)}, process.env.TMPDIR, ${JSON.stringify(done(root))}], { stdio: 'ignore' });`,
      true,
    );
    try {
      const folder = await run.folder();
      await vi.waitFor(() => expect(existsSync(path.join(folder, 'late', 'store'))).toBe(true), { timeout: 10_000 });
      process.kill(-run.child.pid!, 'SIGINT');
      await run.exited;
      // The writer wrote on after the run had gone; once it is done, the folder must go.
      await vi.waitFor(() => expect(existsSync(done(run.root))).toBe(true), { timeout: 20_000, interval: 100 });
      await vi.waitFor(() => expect(existsSync(folder)).toBe(false), { timeout: 15_000, interval: 200 });
    } finally {
      if (stillRunning(run)) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 90_000);
});
