// A model that would write, call a procedure off the allowlist, load files or run too long is refused
// with the reason, and the refusal is recorded like any run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { checkModel } from '../../../server/models/check.js';
import { loadLibrary, parseModel } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { freshGraph } from '../../support/db.js';

const modelWith = (body: string, params = '') =>
  parseModel(
    `// ---
// id: test.probe
// revision: 1
// title: { zh: 探针, en: Probe }
// description: probe
// severity: low
${params}// identity: [who]
// subjects: [{ column: who, role: person }]
// evidence: evidence
// summary: { zh: "{who}", en: "{who}" }
// ---
${body}`,
    'probe.cypher',
    'test',
  );

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
  await db.write("UNWIND range(1, 3) AS i CREATE (:Person:Entity {uid: 'Person:' + i, idNo: toString(i), name: 'p' + i})");
});
afterAll(async () => {
  await db.close();
});

describe('model safety checks', () => {
  it('refuses a model that writes, before anything runs', async () => {
    const m = modelWith("MATCH (n:Person) SET n.name = 'x' RETURN n.uid AS who, [] AS evidence");
    await expect(checkModel(db, m)).rejects.toThrow(/may only read/);
    const run = await runModel(db, m);
    expect(run.error).toMatch(/may only read/);
    const { rows } = await db.read<{ n: number }>("MATCH (n:Person {name: 'x'}) RETURN count(n) AS n");
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a procedure outside the allowlist', async () => {
    const m = modelWith('CALL db.info() YIELD id MATCH (n:Person) RETURN n.uid AS who, [] AS evidence');
    await expect(checkModel(db, m)).rejects.toThrow(/procedure db\.info is not on the allowlist/);
  });

  it.each([
    ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS YIELD transactionId AS who RETURN who, [] AS evidence', 'ShowTransactions'],
    ['SHOW SETTINGS', 'SHOW SETTINGS YIELD name AS who RETURN who, [] AS evidence', 'ShowSettings'],
    [
      'TERMINATE TRANSACTIONS',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1' YIELD transactionId AS who RETURN who, [] AS evidence",
      'TerminateTransactions',
    ],
    ['SHOW PROCEDURES', 'SHOW PROCEDURES YIELD name AS who RETURN who, [] AS evidence', 'ShowProcedures'],
  ])('refuses %s, a command the server calls a read', async (_what, body, op) => {
    // All of these EXPLAIN as query type "r": only the operator allowlist stops them.
    const m = modelWith(body);
    await expect(checkModel(db, m)).rejects.toThrow(new RegExp(`${op} is not an operator a model may use`));
    const run = await runModel(db, m);
    expect(run.error).toMatch(/not an operator a model may use/);
  });

  it('passes every shipped model: the allowlist covers what reading the graph plans', async () => {
    const { models } = loadLibrary();
    expect(models.length).toBeGreaterThan(20);
    for (const m of models) await expect(checkModel(db, m), m.id).resolves.toBeUndefined();
    // Planning all of them cold takes a while on a busy 2-core machine.
  }, 300_000);

  it('refuses LOAD CSV', async () => {
    const m = modelWith("LOAD CSV FROM 'file:///x.csv' AS line MATCH (n:Person) RETURN n.uid AS who, [] AS evidence");
    await expect(checkModel(db, m)).rejects.toThrow(/LOAD CSV is not allowed/);
  });

  it('refuses a header naming a column the query does not return', async () => {
    const m = modelWith('MATCH (n:Person) RETURN n.uid AS somebody, [] AS evidence');
    await expect(checkModel(db, m)).rejects.toThrow(/does not return: who/);
  });

  it('stops a model over its time limit and reports it', async () => {
    const m = modelWith(
      'UNWIND range(1, $n) AS a UNWIND range(1, $n) AS b WITH a, b WHERE a * b = -1 MATCH (n:Person) RETURN n.uid AS who, [] AS evidence',
      '// parameters:\n//   n: { type: integer, default: 100000000 }\n',
    );
    const run = await runModel(db, m, { timeoutMs: 500 });
    expect(run.error).toMatch(/time limit exceeded/);
    expect(run.alertsNew).toBe(0);
  });

  it('caps the rows it reads and then does not declare unseen alerts gone', async () => {
    const m = modelWith('MATCH (n:Person) RETURN n.uid AS who, [n] AS evidence ORDER BY who');
    const full = await runModel(db, m);
    expect(full.alertsNew).toBe(3);
    const capped = await runModel(db, m, { maxRows: 1 });
    expect(capped).toMatchObject({ rows: 1, truncated: true, alertsGone: 0 });
  });
});
