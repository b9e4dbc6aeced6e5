// The driver's stack traces (patches/neo4j-driver-core+6.3.0.patch): the driver keeps where a query was
// run from and puts it into the error when the query fails. The patch keeps that Error unformatted until a
// query fails, instead of formatting a stack for every result; a failing query must still say where it came from.
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../support/db.js';

const conn = testConnection();
const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
afterAll(() => driver.close());

async function aCallerNamedInTheStack(cypher: string): Promise<unknown> {
  const session = driver.session({ database: conn.database });
  try {
    return await session.executeRead((tx) => tx.run(cypher));
  } finally {
    await session.close();
  }
}

describe("the driver's stack traces", () => {
  it('give a failed query the stack of the code that ran it, behind the server message', async () => {
    const err = (await aCallerNamedInTheStack('RETURN 1 +').catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('Neo.ClientError.Statement.SyntaxError');
    const [first, ...frames] = err.stack!.split('\n');
    expect(first).toMatch(/^Neo4jError: /);
    expect(frames.join('\n')).toMatch(/driver-stack\.int\.test\.ts/);
  });

  it('still answers a query that succeeds, with its records', async () => {
    const result = (await aCallerNamedInTheStack('RETURN 41 + 1 AS n')) as { records: { get(k: string): unknown }[] };
    expect(Number(result.records[0]!.get('n'))).toBe(42);
  });
});
