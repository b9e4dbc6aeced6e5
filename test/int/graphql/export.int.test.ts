// recordExport on a real Neo4j with the small county of seed.ts: an export or a print taken off the explorer
// is a write in the audit trail naming who, what kind, the entities it held (those outside the jurisdiction
// flagged) and the alert or person it was about; an integrity record's print needs readRecord like the
// record itself; bad input is refused and nothing is recorded for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import { startHarness, type Harness } from './harness.js';
import { UIDS } from './seed.js';

let h: Harness;
let root: string;
let trail: AuditTrail;
/** A unit nobody in seed.ts works for: a user of it has the official outside their jurisdiction. */
const ELSEWHERE = 'Org:EX-ELSEWHERE';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'huiyan-export-int-'));
  trail = new AuditTrail(path.join(root, 'audit'));
  h = await startHarness({ audit: trail });
  await h.executor.write("CREATE (:Org:Entity {uid: $uid, code: 'EX-ELSEWHERE', name: '某乡人民政府'})", { uid: ELSEWHERE });
});
afterAll(async () => {
  await h?.executor.close();
  rmSync(root, { recursive: true, force: true });
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const RECORD_EXPORT = `mutation Rec($kind: ExportKind!, $entityIds: [ID!], $alertId: ID, $viewId: ID, $count: Int!) {
  recordExport(kind: $kind, entityIds: $entityIds, alertId: $alertId, viewId: $viewId, count: $count) { kind count at } }`;
const latest = async (actor: string) => (await trail.search({ actor }, 1, null)).records[0];

describe('recordExport', () => {
  it('records a CSV export of the canvas as a write with the entities it held, findable by entity', async () => {
    const me = await h.as('exporter', 'viewer');
    const r = await h.gql(RECORD_EXPORT, { kind: 'CSV', entityIds: [UIDS.official, UIDS.company], viewId: 'AbCdEf123456', count: 5 }, me);
    expect(r.errors).toBeUndefined();
    expect(r.data?.recordExport).toMatchObject({ kind: 'CSV', count: 5 });
    const rec = await latest('exporter');
    expect(rec).toMatchObject({ kind: 'write', role: 'viewer', writes: [{ action: 'export.csv', target: 'AbCdEf123456' }] });
    expect(rec!.entities.sort()).toEqual([UIDS.company, UIDS.official].sort());
    expect(rec!.detail).toContain('5 items');
    // "Who looked at this person" now also answers who took them away in a file.
    const byEntity = (await trail.search({ entity: UIDS.company, operation: 'recordExport' }, 10, null)).records;
    expect(byEntity.map((x) => x.actor)).toContain('exporter');
  });

  it('records a printed alert report against its alert, and flags entities outside the jurisdiction', async () => {
    const outsider = await h.as('export-outsider', 'handler', [ELSEWHERE]);
    const r = await h.gql(RECORD_EXPORT, { kind: 'ALERT_REPORT', alertId: 'fp-main', entityIds: [UIDS.official], count: 3 }, outsider);
    expect(r.errors).toBeUndefined();
    const rec = await latest('export-outsider');
    expect(rec).toMatchObject({ kind: 'write', writes: [{ action: 'export.alert_report', target: 'fp-main' }] });
    expect(rec!.outside).toEqual([UIDS.official]);
  });

  it("refuses a viewer's integrity record print as reading one is refused, and records a handler's against the person", async () => {
    const viewer = await h.as('export-viewer', 'viewer');
    const refused = await h.gql(RECORD_EXPORT, { kind: 'INTEGRITY_RECORD', entityIds: [UIDS.official], count: 4 }, viewer);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(await latest('export-viewer')).toMatchObject({ kind: 'refused' });
    const handler = await h.as('export-handler', 'handler');
    const ok = await h.gql(RECORD_EXPORT, { kind: 'INTEGRITY_RECORD', entityIds: [UIDS.official, UIDS.son], count: 4 }, handler);
    expect(ok.errors).toBeUndefined();
    expect(await latest('export-handler')).toMatchObject({
      kind: 'write',
      writes: [{ action: 'export.integrity_record', target: UIDS.official }],
    });
  });

  it('refuses a report without its subject, a negative count and too many entities, recording nothing', async () => {
    const me = await h.as('export-bad', 'handler');
    expect(code(await h.gql(RECORD_EXPORT, { kind: 'ALERT_REPORT', count: 1 }, me))).toBe('BAD_INPUT');
    expect(code(await h.gql(RECORD_EXPORT, { kind: 'PNG', count: -1 }, me))).toBe('BAD_INPUT');
    const many = Array.from({ length: 5001 }, (_, i) => `Person:x${i}`);
    expect(code(await h.gql(RECORD_EXPORT, { kind: 'JSON', entityIds: many, count: 1 }, me))).toBe('BAD_INPUT');
    expect(await latest('export-bad')).toBeUndefined();
  });
});
