// Alert pages are ordered most severe first, then most recently seen, then by fingerprint so the order is
// total. A cursor is that sort key of the last alert on a page, as opaque base64url JSON; the next page
// starts strictly after it (keyset pagination: stable while alerts are added or resolved). The sort key and
// the query that pages by it are server/alerts/queries.ts's.
import type { AlertKey } from '../../alerts/queries.js';
import { badInput } from '../errors.js';

export type AlertCursor = AlertKey;

export function encodeCursor(c: AlertCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.lastSeen, c.fingerprint]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): AlertCursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after is not a cursor from this API');
  }
  if (!Array.isArray(v) || v.length !== 3 || !Number.isInteger(v[0]) || typeof v[1] !== 'string' || typeof v[2] !== 'string') {
    throw badInput('after is not a cursor from this API');
  }
  return { rank: v[0] as number, lastSeen: v[1], fingerprint: v[2] };
}
