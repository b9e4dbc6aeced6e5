// `npm run load` killed with kill -9 mid-file (#14): its embedded Neo4j must not outlive it, and running the
// same load again must give exactly the graph of a clean load. The killed and the repeated load are real
// commands (bin/load.ts under tsx, as npm runs it) on a Neo4j home of their own; the clean load runs
// in-process on this worker's server.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.js';
import { startEmbedded } from '../../../platform/neo4j/embedded.js';
import { Executor } from '../../../platform/db/executor.js';
import { exitCodeOf, loadFiles } from '../../../loaders/index.js';
import { generateCounty } from '../../../synth/generate.js';
import { freshGraph } from '../../support/db.js';
import { alive, commandLine, descendants, pidRecord, stillRunning, tsxBin } from './processes.js';

const KEY = 'a'.repeat(64);
const BATCH = 100;
let tmp: string;
let county: string;
let rowsOf: Record<string, number>;
let clean: Executor;
let cleanExit: number;
const env = () => ({
  HUIYAN_NEO4J_HOME: path.join(tmp, 'home'),
  HUIYAN_NEO4J_BOLT_PORT: '0',
  HUIYAN_NEO4J_HEAP: '512m',
  HUIYAN_NEO4J_PAGECACHE: '64m',
  HUIYAN_VAR: path.join(tmp, 'var'),
  HUIYAN_PSEUDONYM_KEY: KEY,
  // No demo feed registry: its checks after a load raise feed alerts, which the clean load (loadFiles) has not.
  HUIYAN_DEMO: '0',
});

/** Nodes per label, relationships per type, and one hash over every entity and relationship with its properties. */
async function fingerprint(db: Executor) {
  const { rows: labels } = await db.read<{ l: string; n: number }>(
    'MATCH (n:Entity) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l',
  );
  const { rows: types } = await db.read<{ t: string; n: number }>(
    'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(*) AS n ORDER BY t',
  );
  const { rows: nodes } = await db.read<{ l: string[]; p: Record<string, unknown> }>(
    'MATCH (n:Entity) RETURN labels(n) AS l, properties(n) AS p',
  );
  const { rows: rels } = await db.read<{ x: unknown[] }>(
    'MATCH (a:Entity)-[r]->(b:Entity) RETURN [a.uid, type(r), b.uid, properties(r)] AS x',
  );
  // Neither label order nor key order is part of the graph.
  const sortedKeys = (_k: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v;
  const items = [
    ...nodes.map((n) => JSON.stringify([[...n.l].sort(), n.p], sortedKeys)),
    ...rels.map((r) => JSON.stringify(r.x, sortedKeys)),
  ].sort();
  const hash = createHash('sha256');
  for (const line of items) hash.update(`${line}\n`);
  return { labels, types, items: items.length, hash: hash.digest('hex') };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-killed-load-'));
  county = path.join(tmp, 'county');
  rowsOf = (await generateCounty({ persons: 400, seed: 7, outDir: county })).truth.files;
  clean = await freshGraph();
  cleanExit = exitCodeOf(
    await loadFiles(clean, [county], { rejectsDir: path.join(tmp, 'rejects-clean'), pseudonymKey: KEY, batchSize: BATCH }),
  );
}, 900_000);

afterAll(async () => {
  await clean?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a load killed with kill -9 mid-file', () => {
  it('takes its Neo4j with it, and a re-run gives the graph of a clean load', async () => {
    const killed = tsxBin('load.ts', [county, '--batch', String(BATCH)], env());
    // A progress line for a file of many batches: its first batch is written, the rest are not yet.
    const big = Object.keys(rowsOf).filter((f) => rowsOf[f]! > 2 * BATCH);
    const line = await killed.waitFor(new RegExp(`(${big.map((f) => f.replace('.', '\\.')).join('|')}): \\d+ rows`), 240_000);
    const java = pidRecord(env().HUIYAN_NEO4J_HOME).pid;
    expect(commandLine(java)).toContain('CommunityEntryPoint');
    const started = descendants(killed.child.pid!);
    expect(started).toContain(java);

    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(killed.output()).not.toContain('Reconciliation');
    // Nothing the load started runs on: not its Java (stopped by the watchdog), not the watchdog.
    expect(await stillRunning(started, 60_000), `still running after the load's kill (${line})`).toEqual([]);

    const again = tsxBin('load.ts', [county, '--batch', String(BATCH)], env());
    const { code } = await again.exited;
    expect(again.output()).toContain('Reconciliation');
    // The county's planted bad rows are rejected: the CLI says so (3) as the clean load's report does.
    expect(code, again.output()).toBe(cleanExit);

    const cfg = loadConfig({ ...process.env, NEO4J_URI: '', ...env() });
    if (cfg.neo4j.kind !== 'embedded') throw new Error('expected the embedded Neo4j');
    const server = await startEmbedded(cfg.neo4j, () => {});
    const reloaded = new Executor(server);
    try {
      const want = await fingerprint(clean);
      const got = await fingerprint(reloaded);
      expect(want.items).toBeGreaterThan(1000);
      expect(got).toEqual(want);
    } finally {
      await reloaded.close();
      await server.stop();
    }
    expect(alive(server.pid)).toBe(false);
  }, 600_000);
});
