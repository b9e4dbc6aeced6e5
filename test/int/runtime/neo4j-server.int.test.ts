import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { applySchema, schemaStatements } from '../../../platform/schema/apply.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { freshGraph } from '../../support/db.js';

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  await db.close();
});

describe('the Neo4j the suite runs on', () => {
  it('is a genuine Neo4j 5.26 or newer', async () => {
    const info = await db.serverInfo();
    expect(info.agent).toMatch(/^Neo4j\//);
    const [major, minor] = info.version.split('.').map(Number);
    expect(major! > 5 || (major === 5 && minor! >= 26)).toBe(true);
  });

  it('refuses a write inside a READ transaction', async () => {
    await expect(db.read('CREATE (:Probe) RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    const { rows } = await db.read<{ n: number }>('MATCH (p:Probe) RETURN count(p) AS n');
    expect(rows[0]?.n).toBe(0);
  });

  it('listens for Bolt on loopback only, with HTTP off', async () => {
    const { rows } = await db.read<{ name: string; value: string }>(
      `SHOW SETTINGS YIELD name, value WHERE name IN ['server.bolt.listen_address', 'server.http.enabled', 'server.default_listen_address'] RETURN name, value`,
    );
    const s = Object.fromEntries(rows.map((r) => [r.name, r.value]));
    if (process.env.HUIYAN_TEST_NEO4J_URI) return; // an external server is configured by its owner
    expect(s['server.bolt.listen_address']).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(s['server.default_listen_address']).toBe('127.0.0.1');
    expect(s['server.http.enabled']).toBe('false');
  });
});

describe('the schema step', () => {
  const schema = loadGraphSchema();

  it('creates a uniqueness constraint for every label key and for uid', async () => {
    const { rows } = await db.read<{ labels: string[]; props: string[] }>(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes AS labels, properties AS props",
    );
    const have = new Set(rows.map((r) => `${r.labels[0]}.${r.props[0]}`));
    expect(have.has('Entity.uid')).toBe(true);
    for (const l of Object.values(schema.labels)) expect(have.has(`${l.name}.${l.key}`), `${l.name}.${l.key}`).toBe(true);
  });

  it('changes nothing when applied a second time', async () => {
    const before = await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    const again = await applySchema(db, schema);
    const after = await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(again).toEqual({ created: 0, recreatedFulltext: false });
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.map((r) => r.name)).toEqual(expect.arrayContaining(schemaStatements(schema).map((s) => s.name)));
  });

  it('finds a Chinese name by part through the CJK full-text index', async () => {
    await db.write(`UNWIND $people AS p CREATE (n:Person:Entity {uid: 'Person:' + p.id, idNo: p.id, name: p.name})`, {
      people: [
        { id: 'A1', name: '王志强' },
        { id: 'A2', name: '李志明' },
        { id: 'A3', name: '张伟' },
      ],
    });
    await db.write('CALL db.awaitIndexes(60)');
    const find = async (q: string) =>
      (
        await db.read<{ name: string }>(`CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.name AS name ORDER BY name`, {
          index: schema.fulltext.name,
          q,
        })
      ).rows.map((r) => r.name);
    // Index updates become searchable shortly after commit (Lucene refresh), hence the retry.
    await expect.poll(() => find('志强'), { timeout: 10_000 }).toEqual(['王志强']);
    expect(await find('张伟')).toEqual(['张伟']);
  });
});
