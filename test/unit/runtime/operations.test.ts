// The pure parts of operations (#14): log lines, bounded metric labels, request ids, route groups, the
// metrics settings and the dump file name.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../platform/config.js';
import { createLogger, requestContext, shape, type RequestLogContext } from '../../../platform/log.js';
import { boundedNames } from '../../../platform/metrics.js';
import { dumpName } from '../../../platform/neo4j/backup.js';
import { routeOf } from '../../../server/http/metrics.js';
import { requestIdFrom } from '../../../server/http/request-id.js';

function capture(): { out: Writable; text: () => string } {
  let buf = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      buf += chunk.toString();
      done();
    },
  });
  return { out, text: () => buf };
}

describe('the logger', () => {
  it('writes one JSON object a line, with level names, the message, the error and the data', () => {
    const { out, text } = capture();
    const log = createLogger('info', { destination: out });
    log.debug('not at info');
    log.warn('Neo4j not reachable', new Error('connection refused'), { port: 7687 });
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', app: 'huiyan', msg: 'Neo4j not reachable', data: { port: 7687 } });
    expect(line.err).toMatchObject({ type: 'Error', message: 'connection refused' });
    expect(String(line.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('puts the request id on lines written inside a request, and on no others', () => {
    const { out, text } = capture();
    const log = createLogger('info', { destination: out });
    // Outside any request of an earlier test file in this worker: a yoga request there enters its context
    // with enterWith, which can carry on into whatever that test's continuation runs next. exit() did not
    // shield this: it only disables the storage, the run() inside enables it again, and once run() returns
    // the store left by enterWith was back for 'outside'. A run() with no store replaces it for the callback.
    requestContext.run(undefined as unknown as RequestLogContext, () => {
      requestContext.run({ requestId: 'req-1' }, () => log.info('inside'));
      log.info('outside');
    });
    const [inside, outside] = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'req-1' });
    expect(outside).not.toHaveProperty('requestId');
  });

  it('writes lines for a person when asked', () => {
    const { out, text } = capture();
    requestContext.run({ requestId: 'r-9' }, () => createLogger('info', { destination: out, readable: true }).error('boom', { a: 1 }));
    expect(text()).toMatch(/^\d\d:\d\d:\d\d ERROR \[r-9\] boom \{"data":\{"a":1\}\}\n$/);
  });

  it('turns console-style arguments into a message and fields', () => {
    expect(shape(['a', 2, true])).toEqual({ msg: 'a 2 true', fields: {} });
    const e = new Error('only an error');
    expect(shape([e])).toEqual({ msg: 'only an error', fields: { err: e } });
    expect(shape(['x', { a: 1 }, [2]])).toEqual({ msg: 'x', fields: { data: [{ a: 1 }, [2]] } });
  });
});

describe('bounded label values', () => {
  it('keeps the first names up to the cap, and sends the rest and odd ones to other', () => {
    const name = boundedNames(2);
    expect(name(undefined)).toBe('anonymous');
    expect(name('Inbox')).toBe('Inbox');
    expect(name('Entity')).toBe('Entity');
    expect(name('Third')).toBe('other');
    expect(name('Inbox')).toBe('Inbox');
    expect(boundedNames(5)('has space')).toBe('other');
    expect(boundedNames(5)(`N${'x'.repeat(64)}`)).toBe('other');
  });

  it('groups routes so random paths add no series', () => {
    expect(routeOf('/graphql')).toBe('graphql');
    expect(routeOf('/readyz')).toBe('readyz');
    expect(routeOf('/auth/login')).toBe('auth');
    expect(routeOf('/wp-admin/x.php')).toBe('static');
  });
});

describe('request ids', () => {
  it("keeps a caller's sane id and replaces anything else by a UUID", () => {
    expect(requestIdFrom('abc-123._:X')).toBe('abc-123._:X');
    for (const bad of [null, '', 'has space', 'x'.repeat(129), 'line\nbreak', '{"json":1}'])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('the metrics settings', () => {
  it('are off by default, take a token of 16+ characters or loopback, and refuse anything else', () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined, loopback: false });
    expect(loadConfig({ HUIYAN_METRICS_TOKEN: 'a'.repeat(16) }).metrics).toEqual({ token: 'a'.repeat(16), loopback: false });
    expect(loadConfig({ HUIYAN_METRICS: 'LOOPBACK' }).metrics).toEqual({ token: undefined, loopback: true });
    expect(() => loadConfig({ HUIYAN_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ HUIYAN_METRICS: 'public' })).toThrow(/loopback/);
    expect(() => loadConfig({ HUIYAN_LOG_FORMAT: 'xml' })).toThrow(/json, readable or auto/);
  });
});

describe('dump file names', () => {
  it('sort by their UTC time', () => {
    expect(dumpName(new Date('2026-12-02T09:05:07.123Z'))).toBe('neo4j-20261202T090507Z.dump');
  });
});
