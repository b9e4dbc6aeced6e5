// The integrity record (廉政档案) and saved views on a real Neo4j with the small county of seed.ts: what the
// record holds for the official, masking of ID numbers by role, the jurisdiction gate and its 查询事由, the
// refusal for viewers, the audit record; and a saved view saved, opened again, and gated like its entities.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import { REASON_HEADER } from '../../../server/graphql/context.js';
import { startHarness, type Harness, type Loose } from './harness.js';
import { P, UIDS } from './seed.js';

let h: Harness;
let root: string;
let trail: AuditTrail;
/** A unit nobody in seed.ts works for: a user of it has the official outside their jurisdiction. */
const ELSEWHERE = 'Org:EV-ELSEWHERE';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'huiyan-record-int-'));
  trail = new AuditTrail(path.join(root, 'audit'));
  h = await startHarness({ audit: trail });
  await h.executor.write("CREATE (:Org:Entity {uid: $uid, code: 'EV-ELSEWHERE', name: '某镇人民政府'})", { uid: ELSEWHERE });
});
afterAll(async () => {
  await h?.executor.close();
  rmSync(root, { recursive: true, force: true });
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const REASON = '廉政意见回复 2026-03';
const withReason = (headers: Record<string, string>) => ({ ...headers, [REASON_HEADER]: encodeURIComponent(REASON) });

const RECORD = `query Record($id: ID!) { integrityRecord(id: $id) {
  person { id caption properties } compiledAt truncated
  posts { edge { type properties } other { id caption } }
  kin { edge { properties } other { id caption properties } }
  companies { edge { type } other { id caption } via { id caption } }
  payments { edge { type } } cases { edge { type } } sanctions { edge { type } }
  alerts { id state summary } } }`;

describe('integrity record', () => {
  it("holds the official's post, kin, the son's company and the alert that flags them", async () => {
    const r = await h.gql(RECORD, { id: UIDS.official });
    expect(r.errors).toBeUndefined();
    const rec = r.data?.integrityRecord;
    expect(rec.person).toMatchObject({ id: UIDS.official, caption: '王志强' });
    expect(rec.posts.map((f: Loose) => [f.other.id, f.edge.properties.title, f.edge.properties.from])).toEqual([
      [UIDS.org, '局长', '2018-01-01'],
    ]);
    expect(rec.kin.map((f: Loose) => [f.other.caption, f.edge.properties.relation]).sort()).toEqual([
      ['李娜', '配偶'],
      ['王小明', '子'],
    ]);
    // The son's ties to the company, each marked as his (via), not the official's own.
    expect(rec.companies.map((f: Loose) => [f.edge.type, f.other.id, f.via?.id]).sort()).toEqual([
      ['EXECUTIVE_OF', UIDS.company, UIDS.son],
      ['LEGAL_REP_OF', UIDS.company, UIDS.son],
    ]);
    expect([rec.payments, rec.cases, rec.sanctions]).toEqual([[], [], []]);
    expect(rec.alerts.map((a: Loose) => a.id)).toEqual(['fp-main']);
    expect(rec.truncated).toBe(false);
    expect(Number.isNaN(Date.parse(rec.compiledAt))).toBe(false);
  });

  it('masks ID numbers for a handler and shows them to an admin', async () => {
    const handler = await h.gql(RECORD, { id: UIDS.official }, await h.as('rec-handler', 'handler'));
    const text = JSON.stringify(handler.data);
    expect(text).not.toContain(`"${P.wife}"`);
    expect(handler.data?.integrityRecord.person.properties.idNo).toBeUndefined();
    const admin = await h.gql(RECORD, { id: UIDS.official }, await h.as('rec-admin', 'admin'));
    expect(admin.data?.integrityRecord.person.properties.idNo).toBe(P.official);
  });

  it('refuses the record to a viewer, who may browse but not compile a dossier', async () => {
    const r = await h.gql(RECORD, { id: UIDS.official }, await h.as('rec-viewer', 'viewer'));
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.data?.integrityRecord ?? null).toBeNull();
  });

  it('asks for a 查询事由 outside the jurisdiction, then records the read with the reason', async () => {
    const outsider = await h.as('rec-outsider', 'handler', [ELSEWHERE]);
    expect(code(await h.gql(RECORD, { id: UIDS.official }, outsider))).toBe('REASON_REQUIRED');
    const r = await h.gql(RECORD, { id: UIDS.official }, withReason(outsider));
    expect(r.errors).toBeUndefined();
    const [rec] = (await trail.search({ actor: 'rec-outsider' }, 1, null)).records;
    expect(rec).toMatchObject({ kind: 'read', reason: REASON });
    expect(rec!.entities).toEqual(expect.arrayContaining([UIDS.official, UIDS.son, UIDS.company]));
    expect(rec!.outside).toContain(UIDS.official);
    // The alert lies outside this user's jurisdiction too: the record leaves it out, as the inbox does.
    expect(r.data?.integrityRecord.alerts).toEqual([]);
  });

  it('answers null for an unknown person and BAD_INPUT for an entity that is not a person', async () => {
    expect((await h.gql(RECORD, { id: 'Person:nobody' })).data?.integrityRecord).toBeNull();
    expect(code(await h.gql(RECORD, { id: UIDS.company }))).toBe('BAD_INPUT');
  });
});

describe('saved views', () => {
  const SAVE = 'mutation Save($state: String!, $name: String) { saveView(state: $state, name: $name) { id name state owner } }';
  const OPEN = 'query Open($id: ID!) { view(id: $id) { id name state owner } }';
  const state = () =>
    new URLSearchParams([
      ['e', UIDS.official],
      ['e', UIDS.company],
      ['alert', 'fp-main'],
      ['asOf', '2023-06-01'],
    ]).toString();

  it('saves a view under a short id and opens it again with the same state', async () => {
    const me = await h.as('view-saver', 'handler');
    const saved = await h.gql(SAVE, { state: `?${state()}`, name: '  王志强 案  ' }, me);
    expect(saved.errors).toBeUndefined();
    const v = saved.data?.saveView;
    expect(v).toMatchObject({ name: '王志强 案', state: state(), owner: 'view-saver' });
    expect(v.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const opened = await h.gql(OPEN, { id: v.id }, await h.as('view-reader', 'viewer'));
    expect(opened.data?.view).toEqual(v);
    const [write] = (await trail.search({ actor: 'view-saver' }, 1, null)).records;
    expect(write).toMatchObject({ kind: 'write', writes: [{ action: 'view.save', target: v.id }] });
  });

  it('gates opening a view on each entity it names, as entity(id) is gated', async () => {
    const saved = await h.gql(SAVE, { state: state() }, await h.as('view-saver', 'handler'));
    const id = saved.data?.saveView.id;
    const outsider = await h.as('view-outsider', 'viewer', [ELSEWHERE]);
    expect(code(await h.gql(OPEN, { id }, outsider))).toBe('REASON_REQUIRED');
    expect((await h.gql(OPEN, { id }, withReason(outsider))).data?.view.id).toBe(id);
  });

  it('opens a linked canvas: the entities and the relationships among them, gated like entity(id)', async () => {
    const q = 'query Canvas($ids: [ID!]!) { viewGraph(ids: $ids) { nodes { id properties } edges { id type properties } } }';
    const ids = [UIDS.official, UIDS.son, UIDS.company, 'Person:nobody'];
    const r = await h.gql(q, { ids });
    expect(r.errors).toBeUndefined();
    expect(r.data?.viewGraph.nodes.map((n: Loose) => n.id).sort()).toEqual([UIDS.company, UIDS.official, UIDS.son].sort());
    expect(r.data?.viewGraph.edges.map((e: Loose) => e.id).sort()).toEqual(
      [
        `${UIDS.official}|KIN|${UIDS.son}`,
        `${UIDS.son}|KIN|${UIDS.official}`,
        `${UIDS.son}|EXECUTIVE_OF|${UIDS.company}`,
        `${UIDS.son}|LEGAL_REP_OF|${UIDS.company}`,
      ].sort(),
    );
    expect(JSON.stringify(r.data)).not.toContain(`"${P.son}"`);
    expect(code(await h.gql(q, { ids }, await h.as('view-outsider', 'viewer', [ELSEWHERE])))).toBe('REASON_REQUIRED');
    expect(code(await h.gql(q, { ids: Array.from({ length: 301 }, (_, i) => `Person:${i}`) }))).toBe('BAD_INPUT');
  });

  it('answers null for an unknown id and BAD_INPUT for a malformed one or an oversized state', async () => {
    expect((await h.gql(OPEN, { id: 'AAAAAAAAAAAA' })).data?.view).toBeNull();
    expect(code(await h.gql(OPEN, { id: 'x' }))).toBe('BAD_INPUT');
    expect(code(await h.gql(SAVE, { state: 'e=' + 'x'.repeat(20_000) }))).toBe('BAD_INPUT');
  });
});
