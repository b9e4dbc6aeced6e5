// Backup and restore (#14): a small graph in an embedded home of its own, dumped with Neo4j's own tool and
// loaded into an empty home, where a server started on it finds the same graph. Also the refusals: a server
// running on the home, a database that would be replaced, an external Neo4j.
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { dumpDatabase, restoreDatabase } from '../../../platform/neo4j/backup.js';
import { openNeo4j } from '../../../platform/neo4j/runtime.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = (name: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), `huiyan-${name}-`));
  made.push(d);
  return d;
};

/** An embedded Neo4j on its own home and free port, small enough to run beside the worker's. */
const homeConfig = (home: string): Config =>
  loadConfig({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
    HUIYAN_NEO4J_HOME: home,
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: '512m',
    HUIYAN_NEO4J_PAGECACHE: '64m',
  });

/** What "the same graph" means here: counts by label and type, and sums of a property on each. */
async function fingerprint(db: Executor) {
  const { rows } = await db.read<Record<string, unknown>>(
    `MATCH (n) WITH count(n) AS nodes, sum(n.v) AS nodeSum, collect(DISTINCT labels(n)[0]) AS labels
     OPTIONAL MATCH ()-[r]->() WITH nodes, nodeSum, labels, count(r) AS rels, sum(r.w) AS relSum, collect(DISTINCT type(r)) AS types
     RETURN nodes, nodeSum, rels, relSum, labels, types`,
  );
  const r = rows[0]!;
  return { ...r, labels: [...(r.labels as string[])].sort(), types: [...(r.types as string[])].sort() };
}

describe('npm run backup', () => {
  it('dumps a graph and restores it into an empty home, where it is the same graph', async () => {
    const logs: string[] = [];
    const log = (m: string) => logs.push(m);
    const source = homeConfig(tmp('backup-src'));
    const first = await openNeo4j(source, log);
    let before;
    try {
      await first.executor.write(
        `UNWIND range(1, 300) AS i
         CREATE (p:Person {uid: 'P' + i, v: i})
         CREATE (c:Company {uid: 'C' + i, v: i * 1000})
         CREATE (p)-[:LEGAL_REP_OF {w: i % 7}]->(c)`,
      );
      await first.executor.write(`MATCH (a:Person), (b:Person) WHERE b.v = a.v + 1 CREATE (a)-[:KIN {w: 2}]->(b)`);
      before = await fingerprint(first.executor);
    } finally {
      await first.close();
    }
    expect(before).toMatchObject({ nodes: 600, rels: 599, labels: ['Company', 'Person'], types: ['KIN', 'LEGAL_REP_OF'] });

    const dir = tmp('backup-dumps');
    const dump = await dumpDatabase(source.neo4j, dir, log);
    expect(path.dirname(dump.file)).toBe(dir);
    expect(path.basename(dump.file)).toMatch(/^neo4j-\d{8}T\d{6}Z\.dump$/);
    expect(dump.bytes).toBeGreaterThan(0);

    const target = homeConfig(tmp('backup-dst'));
    const restored = await restoreDatabase(target.neo4j, dump.file, { force: false, log });
    expect(restored.replaced).toBe(false);
    const second = await openNeo4j(target, log);
    try {
      expect(second.firstStart).toBe(false);
      expect(await fingerprint(second.executor)).toEqual(before);
    } finally {
      await second.close();
    }

    // The source home still has its database: a restore there must be asked for.
    const refused = await restoreDatabase(source.neo4j, dump.file, { force: false, log }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'WOULD_OVERWRITE' });
    expect((refused as Error).message).toContain('--force');
  }, 900_000);

  it('refuses while a server runs on the home, and for a Neo4j huiyan does not run', async () => {
    const home = tmp('backup-busy');
    mkdirSync(path.join(home, 'run'), { recursive: true });
    mkdirSync(path.join(home, 'data', 'databases', 'neo4j'), { recursive: true });
    // This test's own process stands for the running server: alive, and named in the home's pid file.
    writeFileSync(path.join(home, 'run', 'huiyan-neo4j.pid'), JSON.stringify({ pid: process.pid, owner: process.pid, port: 7687 }));
    const cfg = homeConfig(home);
    const busy = await dumpDatabase(cfg.neo4j, tmp('backup-none'), () => {}).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'SERVER_RUNNING' });
    expect((busy as Error).message).toContain(String(process.pid));
    const dump = path.join(home, 'some.dump');
    writeFileSync(dump, 'x');
    expect(await restoreDatabase(cfg.neo4j, dump, { force: true, log: () => {} }).catch((e: unknown) => e)).toMatchObject({
      code: 'SERVER_RUNNING',
    });
    expect(
      await restoreDatabase(cfg.neo4j, path.join(home, 'missing.dump'), { force: true, log: () => {} }).catch((e: unknown) => e),
    ).toMatchObject({
      code: 'NO_DUMP',
    });

    const external = loadConfig({ NEO4J_URI: 'bolt://db.example.org:7687', NEO4J_PASSWORD: 'x' });
    const ext = await dumpDatabase(external.neo4j, tmp('backup-ext'), () => {}).catch((e: unknown) => e);
    expect(ext).toMatchObject({ code: 'EXTERNAL_NEO4J' });
    expect((ext as Error).message).toContain('neo4j-admin database dump');
    expect(existsSync(path.join(home, 'run', 'huiyan-neo4j.pid'))).toBe(true);
  });
});
