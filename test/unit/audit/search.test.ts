// Searching the trail: filters, newest first, the cursor, and months skipped by `from`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import type { AuditEvent } from '../../../server/audit/record.js';

let root: string;
let trail: AuditTrail;
const ev = (at: string, actor: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  at,
  actor,
  role: 'handler',
  via: 'password',
  ip: null,
  operation: 'query Panel {entity}',
  kind: 'read',
  reason: '案号 1',
  entities: ['Person:a'],
  ...over,
});

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'huiyan-audit-search-'));
  trail = new AuditTrail(path.join(root, 'audit'));
  const events = [
    ev('2024-01-10T08:00:00.000Z', 'zhang'),
    ev('2024-01-20T08:00:00.000Z', 'li', { entities: ['Person:b'] }),
    ev('2024-02-03T08:00:00.000Z', 'zhang', { entities: ['Person:b', 'Person:c'], outside: ['Person:c'] }),
    ev('2024-02-04T08:00:00.000Z', 'wang', {
      kind: 'write',
      operation: 'mutation {assign}',
      entities: [],
      writes: [{ action: 'alert.assign', target: 'fp' }],
    }),
    ev('2024-03-01T08:00:00.000Z', 'zhang', { operation: 'query Find {search}' }),
    ev('2024-03-02T08:00:00.000Z', 'li', { kind: 'refused', entities: [], detail: 'FORBIDDEN' }),
  ];
  for (const e of events) await trail.append(e);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const seqs = async (...a: Parameters<AuditTrail['search']>) => (await trail.search(...a)).records.map((r) => r.seq);

describe('searching the audit trail', () => {
  it('lists newest first across the month files', async () => {
    expect(await seqs({}, 10, null)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('finds who looked at an entity, among the entities returned or outside the jurisdiction', async () => {
    expect(await seqs({ entity: 'Person:b' }, 10, null)).toEqual([3, 2]);
    expect(await seqs({ entity: 'Person:c' }, 10, null)).toEqual([3]);
    expect(await seqs({ outsideOnly: true }, 10, null)).toEqual([3]);
  });

  it('filters by actor, kind, operation (any case) and time', async () => {
    expect(await seqs({ actor: 'zhang' }, 10, null)).toEqual([5, 3, 1]);
    expect(await seqs({ kind: 'write' }, 10, null)).toEqual([4]);
    expect(await seqs({ operation: 'SEARCH' }, 10, null)).toEqual([5]);
    expect(await seqs({ from: '2024-02-01', to: '2024-03-01T08:00:00.000Z' }, 10, null)).toEqual([4, 3]);
    expect(await seqs({ from: '2024-03-01' }, 10, null)).toEqual([6, 5]);
    expect(await seqs({ actor: 'zhang', to: '2024-02-01' }, 10, null)).toEqual([1]);
  });

  it('pages with the seq of the last record as the cursor', async () => {
    const p1 = await trail.search({}, 4, null);
    expect(p1.records.map((r) => r.seq)).toEqual([6, 5, 4, 3]);
    expect(p1.hasMore).toBe(true);
    const p2 = await trail.search({}, 4, 3);
    expect(p2.records.map((r) => r.seq)).toEqual([2, 1]);
    expect(p2.hasMore).toBe(false);
  });

  it('finds nothing in an empty or missing folder', async () => {
    expect((await new AuditTrail(path.join(root, 'none')).search({}, 5, null)).records).toEqual([]);
  });
});
