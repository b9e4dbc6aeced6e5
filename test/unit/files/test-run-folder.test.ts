// A test run keeps its temporary files in one folder (test/setup/temp-global.ts). A run stopped from outside
// must not leave it behind: Vitest exits on SIGTERM without running the teardowns, and Ctrl-C stops the
// processes of the run with it, some of which go on writing into the folder for a while.
import { spawn } from 'node:child_process';
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

describe("a test run's temporary folder", () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'is removed when the run is stopped by %s part-way',
    async (signal) => {
      const root = mkdtempSync(path.join(tmpdir(), 'huiyan-nested-'));
      dirs.push(root);
      const seen = path.join(root, 'tmpdir.txt');
      // A run of its own: this setup, and one test that says where its temporary files go, then waits.
      writeFileSync(
        path.join(root, 'vitest.config.mjs'),
        `export default { test: { globals: true, globalSetup: [${JSON.stringify(SETUP)}], include: ['*.test.mjs'] } };\n`,
      );
      writeFileSync(
        path.join(root, 'waits.test.mjs'),
        `import { writeFileSync } from 'node:fs';
it('waits', async () => {
  writeFileSync(${JSON.stringify(seen)}, process.env.TMPDIR);
  await new Promise((r) => setTimeout(r, 20000));
}, 30000);
`,
      );
      const child = spawn(process.execPath, [VITEST, 'run', '--root', root, '--config', path.join(root, 'vitest.config.mjs')], {
        cwd: root,
        stdio: 'ignore',
      });
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        // Waits for the nested test to have written the whole path (the file may be caught empty once).
        const folder = await vi.waitFor(
          () => {
            const written = readFileSync(seen, 'utf8');
            if (!written) throw new Error('not written yet');
            return written;
          },
          { timeout: 30_000, interval: 100 },
        );
        expect(path.basename(folder)).toMatch(/^huiyan-tests-/);
        expect(existsSync(folder)).toBe(true);
        child.kill(signal);
        await exited;
        expect(existsSync(folder)).toBe(false);
      } finally {
        // A run that never got as far as its test is not left behind either.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
    60_000,
  );

  it('is removed when Ctrl-C stops the whole run while one of its processes still writes there', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'huiyan-nested-'));
    dirs.push(root);
    const seen = path.join(root, 'tmpdir.txt');
    const done = path.join(root, 'writer-done.txt');
    // Like a Neo4j server given the same signal: it goes on writing into the run's folder for 3 s, making
    // its folder again as tsx's cache does, then ends (and in any case after 40 s).
    const writer = `const fs = require('node:fs'), path = require('node:path');
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
    writeFileSync(
      path.join(root, 'vitest.config.mjs'),
      `export default { test: { globals: true, globalSetup: [${JSON.stringify(SETUP)}], include: ['*.test.mjs'] } };\n`,
    );
    writeFileSync(
      path.join(root, 'writes.test.mjs'),
      `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
it('writes', async () => {
  spawn(process.execPath, ['-e', ${JSON.stringify(writer)}, process.env.TMPDIR, ${JSON.stringify(done)}], { stdio: 'ignore' });
  writeFileSync(${JSON.stringify(seen)}, process.env.TMPDIR);
  await new Promise((r) => setTimeout(r, 20000));
}, 30000);
`,
    );
    // A process group of its own, as a terminal gives a command, so that one signal reaches every process.
    const child = spawn(process.execPath, [VITEST, 'run', '--root', root, '--config', path.join(root, 'vitest.config.mjs')], {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      const folder = await vi.waitFor(
        () => {
          const written = readFileSync(seen, 'utf8');
          if (!written) throw new Error('not written yet');
          return written;
        },
        { timeout: 30_000, interval: 100 },
      );
      await vi.waitFor(() => expect(existsSync(path.join(folder, 'late', 'store'))).toBe(true), { timeout: 10_000 });
      process.kill(-child.pid!, 'SIGINT');
      await exited;
      // The writer wrote on after the run had gone; once it is done, the folder must go and stay gone.
      await vi.waitFor(() => expect(existsSync(done)).toBe(true), { timeout: 20_000, interval: 100 });
      await vi.waitFor(() => expect(existsSync(folder)).toBe(false), { timeout: 15_000, interval: 200 });
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 90_000);
});
