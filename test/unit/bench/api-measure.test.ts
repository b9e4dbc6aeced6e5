// The API benchmark's timing loop (bench/api/measure.ts): every client alternates the HTTP side and the
// driver's replay, whole rounds only, so both sides are timed as often and under the same load; a GraphQL
// error stops the run instead of being timed. The HTTP side is a plain server on loopback; the replay goes to
// an object standing in for the Executor (this tests the loop, not the database).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { measure, percentiles } from '../../../bench/api/measure.js';

let server: Server;
let url = '';
let requests = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const failing = body.includes('broken');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(failing ? { errors: [{ message: 'no', extensions: { code: 'BAD_INPUT' } }] } : { data: { ok: true } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the API benchmark loop', () => {
  it('times the HTTP side and the driver as many times each, in whole rounds per client', async () => {
    let reads = 0;
    const db = { read: async () => (reads++, []) } as unknown as Executor;
    const before = requests;
    const pair = await measure(
      db,
      { url, query: '{ ok }', variables: {} },
      [[{ method: 'read', args: ['RETURN 1', {}], op: null, startMs: 0, endMs: 0 }]],
      ['a', 'b'],
      3,
      0.3,
    );
    expect(pair.http.n).toBeGreaterThan(3);
    expect(pair.driver.n).toBe(pair.http.n);
    expect(requests - before).toBe(pair.http.n);
    expect(reads).toBe(pair.driver.n);
  });

  it('stops on a GraphQL error with its code instead of timing it', async () => {
    const db = { read: async () => [] } as unknown as Executor;
    await expect(measure(db, { url, query: '{ broken }', variables: {} }, [], ['a'], 1, 0.2)).rejects.toThrow('BAD_INPUT');
  });

  it('gives nearest-rank percentiles', () => {
    const p = percentiles(Array.from({ length: 100 }, (_, i) => i + 1));
    expect([p.n, p.p50, p.p95, p.p99, p.mean]).toEqual([100, 50, 95, 99, 50.5]);
  });
});
