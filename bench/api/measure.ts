// Latency of one operation at a number of concurrent clients: each client alternates one GraphQL request
// over HTTP with one replay of the same Cypher through the driver, for a fixed time, so both see the same
// server, the same cache and the same load from the other clients. The floor (floor.ts: the same Cypher
// behind a bare graphql-yoga) is timed the same way against the driver in a phase of its own: interleaved,
// the floor's requests and the API's shared one event loop and each waited behind the other (at eight
// clients on two cores, 2026-12-07, GraphQL / driver at p95 for three operations: 2.09–3.14 with the floor
// interleaved, 1.70–2.89 without it; docs/bench.md). The loop runs on the clients' own
// thread (client-thread.ts), with a driver of its own: on the API's thread, eight clients' requests,
// response parsing and replays competed with the API for one event loop.
import type { Executor } from '../../platform/db/executor.js';
import { replay, type Statement } from './recorder.js';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles of latencies in ms. */
export function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export interface GqlCall {
  url: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One GraphQL request; throws on an HTTP error or a GraphQL error, so a broken operation is not timed. */
export async function callGraphql(c: GqlCall, bearer: string): Promise<unknown> {
  const res = await fetch(c.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!res.ok || body.errors?.length) {
    const e = body.errors?.[0];
    throw new Error(`HTTP ${res.status}${e ? `: ${e.extensions?.code ?? ''} ${e.message}` : ''}`);
  }
  return body.data;
}

/** One HTTP side (the API or the floor) and the driver, timed interleaved. */
export interface Pair {
  http: Percentiles;
  driver: Percentiles;
}

export interface Run {
  graphql: Percentiles;
  driver: Percentiles;
  /** The same statements through graphql-yoga with nothing of huiyan's (floor.ts), in a phase of its own. */
  floor: Percentiles;
  /** The driver interleaved with the floor, the floor's phase. */
  floorDriver: Percentiles;
}

/**
 * `clients` loops for `seconds`, each with its own bearer token (one caller each: the per-caller
 * statement cap then binds no client), each alternating `call` and the driver's replay, the order
 * starting on one side or the other by client and round, so neither always runs right after the other.
 */
export async function measure(
  db: Executor,
  call: GqlCall,
  waves: Statement[][],
  bearers: string[],
  clients: number,
  seconds: number,
): Promise<Pair> {
  const http: number[] = [];
  const driver: number[] = [];
  const until = performance.now() + seconds * 1000;
  const timed = async (into: number[], f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    into.push(performance.now() - t);
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const bearer = bearers[i % bearers.length]!;
      for (let k = i; performance.now() < until; k++) {
        const sides = [() => timed(http, () => callGraphql(call, bearer)), () => timed(driver, () => replay(db, waves))];
        for (let j = 0; j < sides.length; j++) await sides[(k + j) % sides.length]!();
      }
    }),
  );
  return { http: percentiles(http), driver: percentiles(driver) };
}
