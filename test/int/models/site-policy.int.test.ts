// The site policy at start, across a restart and from the command line, on a real Neo4j with the real
// library: a tuned threshold is what every run uses, so a restart keeps the tuned alerts open.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { firstRuns, prepare } from '../../../server/bootstrap.js';
import { freshGraph, testConnection } from '../../support/db.js';
import { M03, POLICY_MIN_AMOUNT, seedTwoAwards } from './policy-seed.js';

const run = promisify(execFile);
const VAR = path.join(ROOT, 'var', 'test-site-policy');
const site = { siteDir: path.join(VAR, 'site'), varDir: VAR };
let db: Executor;

beforeAll(async () => {
  db = await freshGraph();
  await seedTwoAwards(db);
  rmSync(VAR, { recursive: true, force: true });
  mkdirSync(site.siteDir, { recursive: true });
});
afterAll(async () => {
  await db?.close();
});

/** A server start: prepare (policy loaded) and the first run of every model. */
async function start(log: string[] = []) {
  const prepared = await prepare(db, (m) => log.push(m), site);
  const { runs } = await firstRuns(db, prepared, (m) => log.push(m));
  return runs.find((r) => r.modelId === M03)!;
}

const openAlerts = async () =>
  (await db.read<{ n: number }>('MATCH (a:Alert {modelId: $m}) WHERE NOT coalesce(a.gone, false) RETURN count(a) AS n', { m: M03 }))
    .rows[0]!.n;

async function models(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = testConnection();
  const env = {
    ...process.env,
    NEO4J_URI: c.uri,
    NEO4J_USER: c.user,
    NEO4J_PASSWORD: c.password,
    NEO4J_DATABASE: c.database,
    HUIYAN_VAR: VAR,
    HUIYAN_SITE_DIR: site.siteDir,
  };
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'models.ts'), ...args], { env, cwd: ROOT });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('site policy', () => {
  it('is used by the first runs at start, and a restart keeps the tuned alerts open with none marked gone', async () => {
    writeFileSync(path.join(site.siteDir, 'policy.yaml'), POLICY_MIN_AMOUNT);
    const first = await start();
    expect(first).toMatchObject({ error: null, rows: 1, alertsNew: 1, alertsGone: 0 });
    const again = await start();
    expect(again).toMatchObject({ error: null, rows: 1, alertsNew: 0, alertsKept: 1, alertsGone: 0 });
    expect(await openAlerts()).toBe(1);
  }, 180_000);

  it('is used by `npm run models -- run`, and --param still overrides it for one run', async () => {
    const tuned = await models('run', '--model', M03, '--preview');
    expect(tuned.code).toBe(0);
    expect(tuned.out).toMatch(/1 rows → 1 alerts \(preview/);
    const wide = await models('run', '--model', M03, '--preview', '--param', 'minAmount=0');
    expect(wide.out).toMatch(/2 rows → 2 alerts \(preview/);
    const stored = await models('run', '--model', M03);
    expect(stored.out).toMatch(/0 new, 1 kept, 0 gone/);
    expect(await openAlerts()).toBe(1);
  }, 120_000);

  it('notices a hand edit at the next start, logs it and records it in the audit trail', async () => {
    writeFileSync(path.join(site.siteDir, 'policy.yaml'), `# widened by hand\nmodels:\n  ${M03}:\n    minAmount: 100000\n`);
    const log: string[] = [];
    const r = await start(log);
    expect(log.some((l) => l.startsWith('Site policy changed since the last start'))).toBe(true);
    expect(r).toMatchObject({ rows: 2, alertsNew: 1, alertsKept: 1 });
    const trail = readFileSync(path.join(VAR, 'audit', readdirOne(path.join(VAR, 'audit'))), 'utf8');
    expect(trail).toContain('policy.file-changed');
    const quiet: string[] = [];
    await prepare(db, (m) => quiet.push(m), site);
    expect(quiet.some((l) => l.startsWith('Site policy changed'))).toBe(false);
  }, 180_000);

  it('stops the start on a bad policy, naming file, path and reason', async () => {
    writeFileSync(path.join(site.siteDir, 'policy.yaml'), `models:\n  ${M03}:\n    minAmount: lots\n`);
    await expect(prepare(db, () => {}, site)).rejects.toThrow(
      `${path.join(site.siteDir, 'policy.yaml')}: models.${M03}.minAmount: must be a float, got "lots"`,
    );
    const cli = await models('run', '--model', M03, '--preview');
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(`models.${M03}.minAmount: must be a float`);
  }, 120_000);
});

function readdirOne(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  return files.sort().at(-1)!;
}
