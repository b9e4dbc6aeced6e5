// The floor under the API: graphql-yoga and Node's HTTP server, as the product uses them, with nothing of
// the product's own on top: no token check, jurisdiction, cost limit, rate limits, audit trail, request
// ids or metrics. Its one field replays an operation's recorded statements through the same Executor and
// returns the last wave's rows as they came, so a request costs the statements, HTTP, GraphQL and JSON.
// Timed beside the API and the bare driver (measure.ts), it says how much of what GraphQL adds to the
// driver is the fixed stack's, and how much is huiyan's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLScalarType } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Executor } from '../../platform/db/executor.js';
import { replay, type Statement } from './recorder.js';

export const FLOOR_QUERY = 'query Floor($op: String!) { replay(op: $op) }';

/** Rows as the executor converted them, passed to the JSON response unchanged. */
const Rows = new GraphQLScalarType({ name: 'Rows', serialize: (v) => v });

async function replayRows(ex: Executor, waves: Statement[][]): Promise<unknown> {
  return (await replay(ex, waves)).map((r) => (r && typeof r === 'object' && 'rows' in r ? r.rows : r));
}

export interface Floor {
  url: string;
  close(): Promise<void>;
}

/** Serves the floor on loopback; `waves` is filled with each operation's statements as they are recorded. */
export async function startFloor(ex: Executor, waves: ReadonlyMap<string, Statement[][]>): Promise<Floor> {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'scalar Rows\ntype Query { replay(op: String!): Rows }',
      resolvers: {
        Rows,
        Query: {
          replay: (_: unknown, { op }: { op: string }) => {
            const w = waves.get(op);
            if (!w) throw new Error(`no statements recorded for ${op}`);
            return replayRows(ex, w);
          },
        },
      },
    }),
    logging: false,
    graphiql: false,
    landingPage: false,
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((r) => server.close(() => r()).closeAllConnections()),
  };
}
