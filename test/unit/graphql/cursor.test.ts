import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../server/graphql/alert/cursor.js';
import { parseEvidenceEdge } from '../../../server/alerts/queries.js';

describe('alert cursor', () => {
  it('round-trips the sort key through an opaque url-safe string', () => {
    const c = { rank: 4, lastSeen: '2024-05-01T00:00:00Z', fingerprint: 'fp/+=中' };
    const s = encodeCursor(c);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(s)).toEqual(c);
  });

  it.each([
    '',
    'not base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[1.5,"x","y"]').toString('base64url'),
    Buffer.from('[1,2,"y"]').toString('base64url'),
  ])('refuses %j with BAD_INPUT', (s) => {
    expect(() => decodeCursor(s)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_INPUT' }) }));
  });
});

describe('evidence edge keys', () => {
  it('splits "<start>|<TYPE>|<end>"', () => {
    expect(parseEvidenceEdge('Person:1|KIN|Person:2')).toEqual({ s: 'Person:1', t: 'KIN', e: 'Person:2' });
  });
  it('skips malformed keys', () => {
    for (const k of ['Person:1|KIN', 'a|kin|b', '|KIN|b', 'a|B|c|d', 'a|K) DELETE (x|b']) expect(parseEvidenceEdge(k), k).toBeNull();
  });
});
