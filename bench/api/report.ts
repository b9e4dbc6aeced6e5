// The API benchmark's table: per operation and number of clients, p50/p95/p99 through GraphQL and through the
// driver timed with it, GraphQL / driver at p95; the floor (floor.ts: bare graphql-yoga over the same
// statements) and the driver timed with it in a phase of their own, floor / driver at p95; then what GraphQL
// adds per request at one client.
import path from 'node:path';
import type { Run } from './measure.js';

/** The GraphQL side's own costs at one client, per request, from the statements and the trail it wrote. */
export interface Overhead {
  requestMs: number;
  resolverStatementsMs: number;
  authStatementsMs: number;
  auditMs: number;
  costMs: number;
  statements: number;
}

export interface OpFigures {
  name: string;
  note: string;
  /** The first request after the server started: statements planned, pages read from disk. */
  firstCallMs: number;
  statements: number;
  waves: number;
  overhead: Overhead;
  runs: Record<number, Run & { loadAvg: number[] }>;
}

/** The bound: GraphQL within 1.3× of the driver at p95. */
export const RATIO_TARGET = 1.3;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

export function printApiTable(
  out: {
    persons: number;
    seed: number;
    seconds: number;
    operations: OpFigures[];
    machine: { loadAvgAtStart: number[]; loadAvgAtEnd: number[] };
    neo4j: { heap: string; pageCache: string };
  },
  clients: number[],
  file: string,
): void {
  console.log(`\n${out.persons} persons, seed ${out.seed}; ${out.seconds} s per operation and client count (ms)`);
  const rows: string[][] = [];
  for (const c of clients) {
    for (const f of out.operations) {
      const r = f.runs[c];
      if (!r) continue;
      const ratio = r.graphql.p95 / r.driver.p95;
      const floorRatio = r.floor.p95 / r.floorDriver.p95;
      const mark = (x: number) => `${x.toFixed(2)}${x <= RATIO_TARGET ? '' : ' ✗'}`;
      rows.push([
        f.name,
        String(c),
        ms(r.graphql.p50),
        ms(r.graphql.p95),
        ms(r.graphql.p99),
        ms(r.driver.p50),
        ms(r.driver.p95),
        ms(r.driver.p99),
        mark(ratio),
        ms(r.floor.p50),
        ms(r.floor.p95),
        ms(r.floorDriver.p95),
        mark(floorRatio),
        `${r.graphql.n}/${r.driver.n}/${r.floor.n}`,
        r.loadAvg[0]!.toFixed(1),
      ]);
    }
  }
  console.log(
    table(
      [
        'operation',
        'clients',
        'gql p50',
        'gql p95',
        'gql p99',
        'drv p50',
        'drv p95',
        'drv p99',
        'gql/drv p95',
        'floor p50',
        'floor p95',
        'its drv p95',
        'floor/drv p95',
        'n',
        'load',
      ],
      rows,
    ),
  );
  console.log(
    "(floor: the same statements behind graphql-yoga and HTTP alone, with nothing of huiyan on top, timed against the driver in a phase of its own: 'its drv')",
  );
  console.log(`\nWhat GraphQL adds per request, one client, mean of 20 (ms):`);
  console.log(
    table(
      ['operation', 'request', 'resolver Cypher', 'statements', 'token check', 'audit record', 'cost limit', 'rest'],
      out.operations.map((f) => {
        const o = f.overhead;
        return [
          f.name,
          ms(o.requestMs),
          ms(o.resolverStatementsMs),
          o.statements.toFixed(1),
          ms(o.authStatementsMs),
          ms(o.auditMs),
          o.costMs.toFixed(2),
          ms(o.requestMs - o.resolverStatementsMs - o.authStatementsMs - o.auditMs - o.costMs),
        ];
      }),
    ),
  );
  for (const f of out.operations) console.log(`  ${f.name}: ${f.note}; first call ${ms(f.firstCallMs)} ms`);
  console.log(
    `\nNeo4j heap ${out.neo4j.heap}, page cache ${out.neo4j.pageCache}; load average (1, 5, 15 min) at start ${out.machine.loadAvgAtStart.join(' ')}, at end ${out.machine.loadAvgAtEnd.join(' ')}`,
  );
  console.log(`saved ${path.relative(process.cwd(), file)}`);
}
