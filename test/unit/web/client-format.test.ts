import { describe, expect, it } from 'vitest';
import { ApiError, request, unwrap } from '../../../web/src/api/client.js';
import { displayId, formatAmount, formatValue, maskedId } from '../../../web/src/format.js';
import { ALERT, ALERTS, GRAPH_SCHEMA, NEIGHBOURS, SEARCH } from '../../../web/src/api/queries.js';

describe('unwrap', () => {
  it('returns data', () => {
    expect(unwrap({ data: { x: 1 } })).toEqual({ x: 1 });
  });

  it('turns the first GraphQL error into an ApiError with its code, even next to data', () => {
    const body = { data: { x: 1 }, errors: [{ message: 'no such entity', extensions: { code: 'NOT_FOUND' } }] };
    expect(() => unwrap(body)).toThrow(ApiError);
    try {
      unwrap(body);
    } catch (e) {
      expect((e as ApiError).code).toBe('NOT_FOUND');
      expect((e as ApiError).message).toBe('no such entity');
    }
  });

  it('calls an error without a code an internal error', () => {
    expect(() => unwrap({ errors: [{ message: 'Unexpected error.' }] })).toThrow(/Unexpected/);
  });
});

describe('request', () => {
  it('POSTs a named operation with its variables to /graphql', async () => {
    let seen: { url: string; body: unknown } | undefined;
    const data = await request<{ ok: boolean }>('ExplorerSearch', SEARCH, { q: '王' }, async (url, init) => {
      seen = { url, body: JSON.parse(String(init.body)) };
      return new Response(JSON.stringify({ data: { ok: true } }), { headers: { 'content-type': 'application/json' } });
    });
    expect(data).toEqual({ ok: true });
    expect(seen?.url).toBe('/graphql');
    expect(seen?.body).toMatchObject({ operationName: 'ExplorerSearch', variables: { q: '王' } });
  });

  it('reports a network failure with the NETWORK code', async () => {
    await expect(
      request('ExplorerSearch', SEARCH, {}, async () => {
        throw new TypeError('fetch failed');
      }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('reports a non-JSON answer with its HTTP status', async () => {
    await expect(
      request('ExplorerSearch', SEARCH, {}, async () => new Response('<html>bad gateway</html>', { status: 502 })),
    ).rejects.toMatchObject({ code: 'HTTP_502' });
  });
});

describe('queries', () => {
  it('names every operation so the audit log can say what the UI did', () => {
    for (const [doc, name] of [
      [GRAPH_SCHEMA, 'ExplorerGraphSchema'],
      [SEARCH, 'ExplorerSearch'],
      [NEIGHBOURS, 'ExplorerNeighbours'],
      [ALERTS, 'ExplorerAlerts'],
      [ALERT, 'ExplorerAlert'],
    ] as const) {
      expect(doc).toContain(`query ${name}`);
    }
  });
});

describe('identifiers and values', () => {
  it('masks an ID number in a uid to region and last four', () => {
    expect(maskedId('Person:330122198001011234')).toBe('330122********1234');
    expect(maskedId('Person:33012219800101123X')).toBe('330122********123X');
    expect(maskedId('Company:91330122MA2B3C4D5E')).toBe('91330122MA2B3C4D5E');
  });

  it('prefers the masked ID the server computed', () => {
    expect(displayId({ id: 'Person:330122198001011234', properties: { idNoMasked: '3301**********1234' } })).toBe('3301**********1234');
  });

  it('writes amounts the way each language reads them', () => {
    expect(formatAmount(1_250_000, 'zh')).toBe('125 万元');
    expect(formatAmount(800, 'zh')).toBe('800 元');
    expect(formatAmount(1_250_000, 'en')).toBe('CNY 1,250,000');
    expect(formatAmount(null, 'en')).toBe('');
  });

  it('formats booleans in words and lists joined', () => {
    expect(formatValue(true, '是', '否')).toBe('是');
    expect(formatValue(['a', 'b'], '是', '否')).toBe('a、b');
  });
});
