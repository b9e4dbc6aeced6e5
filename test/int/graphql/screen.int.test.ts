// screen (名单筛查) on a real Neo4j: a list of ID numbers, credit codes and names read against the seeded
// county, each entry found, ambiguous, not found or invalid; the alerts on each, cut to the caller's
// jurisdiction; the routes to a tendering unit's officials; the entry cap; the refusal for a viewer; the
// audit record; and ID numbers matched by their pseudonym on a site that keeps them so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { AuditTrail } from '../../../server/audit/trail.js';
import { REASON_HEADER } from '../../../server/graphql/context.js';
import { harnessOn, startHarness, type Harness, type Loose } from './harness.js';
import { J, seedJurisdiction } from './jurisdiction-seed.js';
import { P, UIDS, USCC } from './seed.js';

let h: Harness;
let root: string;
let trail: AuditTrail;
const token = pseudonymiser('screen-test-key-0123456789');
const HIDDEN_ID = '33010219880808006' + idCheckChar('33010219880808006');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'huiyan-screen-int-'));
  trail = new AuditTrail(path.join(root, 'audit'));
  h = await startHarness({ audit: trail });
  await seedJurisdiction(h.executor);
  await h.executor.writeTx([
    // Two people of one name: a name alone cannot tell them apart.
    {
      cypher: "CREATE (:Person:Entity {uid: 'Person:dup-1', name: '刘洋'}), (:Person:Entity {uid: 'Person:dup-2', name: '刘洋'})",
      params: {},
    },
    // A person as a pseudonymising site stores them: the uid carries the token, not the number.
    { cypher: "CREATE (:Person:Entity {uid: $uid, name: '匿名甲'})", params: { uid: `Person:${token(HIDDEN_ID)}` } },
  ]);
});
afterAll(async () => {
  await h?.executor.close();
  rmSync(root, { recursive: true, force: true });
});

const Q = `query Screen($entries: [String!]!, $unit: ID) { screen(entries: $entries, unit: $unit) {
  index kind status problem candidates { id } openAlerts { id } concludedAlerts { id }
  links { official { id } hops route { id } types } } }`;
const REASON = '招标项目 PRJ-2023-001 投标人核查';
const handler = async (units = ['*']) => ({
  ...(await h.as(`screen-handler-${units.join().replace(/[^A-Za-z0-9]/g, '_')}`, 'handler', units)),
  [REASON_HEADER]: encodeURIComponent(REASON),
});
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const badCheck = P.wife.slice(0, 17) + (P.wife[17] === '0' ? '1' : '0');
const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

describe('screen', () => {
  const entries = [
    P.official,
    P.son,
    USCC,
    '刘洋',
    '110101199003070000'.slice(0, 17) + idCheckChar('11010119900307000'),
    badCheck,
    '张伟',
    ` ${fullWidth(P.wife.slice(0, 9))} ${fullWidth(P.wife.slice(9))} `,
  ];

  it('reads each entry as found, ambiguous, not found or invalid, with its open and concluded alerts', async () => {
    const r = await h.gql(Q, { entries }, await handler());
    expect(r.errors).toBeUndefined();
    const res: Loose[] = r.data?.screen;
    expect(res.map((x) => [x.index, x.kind, x.status, x.problem])).toEqual([
      [0, 'idNo', 'FOUND', null],
      [1, 'idNo', 'FOUND', null],
      // The seeded credit code fails its check character, but the record has it.
      [2, 'invalid', 'FOUND', 'codeCheck'],
      [3, 'name', 'AMBIGUOUS', null],
      [4, 'idNo', 'NOT_FOUND', null],
      [5, 'invalid', 'INVALID', 'idCheck'],
      [6, 'name', 'FOUND', null],
      [7, 'idNo', 'FOUND', null],
    ]);
    expect(ids(res[0].candidates)).toEqual([UIDS.official]);
    expect(ids(res[0].openAlerts)).toEqual(['fp-main']);
    expect(ids(res[2].candidates)).toEqual([UIDS.company]);
    expect(ids(res[3].candidates).sort()).toEqual(['Person:dup-1', 'Person:dup-2']);
    expect(ids(res[3].openAlerts)).toEqual([]);
    // 张伟: three open alerts; the dismissed one concluded; the gone one not at all.
    expect(ids(res[6].openAlerts)).toEqual(['fp-h0', 'fp-h1', 'fp-h2']);
    expect(ids(res[6].concludedAlerts)).toEqual(['fp-m']);
    expect(ids(res[7].candidates)).toEqual([UIDS.wife]);
    expect(res.every((x) => x.links.length === 0)).toBe(true);
  });

  it("finds the routes to the tendering unit's officials, not through the unit itself", async () => {
    const r = await h.gql(Q, { entries: [P.official, P.son, USCC, P.other], unit: UIDS.org }, await handler());
    expect(r.errors).toBeUndefined();
    const [official, son, company, other] = r.data?.screen as Loose[];
    expect(official.links).toEqual([{ official: { id: UIDS.official }, hops: 0, route: [{ id: UIDS.official }], types: [] }]);
    expect(son.links).toEqual([
      { official: { id: UIDS.official }, hops: 1, route: [{ id: UIDS.son }, { id: UIDS.official }], types: ['KIN'] },
    ]);
    expect(company.links).toHaveLength(1);
    expect(company.links[0]).toMatchObject({ official: { id: UIDS.official }, hops: 2 });
    expect(ids(company.links[0].route)).toEqual([UIDS.company, UIDS.son, UIDS.official]);
    expect(other.links).toEqual([]);
  });

  it("shows only the alerts of the caller's jurisdiction", async () => {
    const villager = J.villager.slice('Person:'.length);
    const county = await h.gql(Q, { entries: [villager] }, await handler());
    expect(ids(county.data?.screen[0].openAlerts)).toEqual(['j-a-cadre', 'j-none']);
    const a = await h.gql(Q, { entries: [villager] }, await handler([J.townA]));
    expect(a.errors).toBeUndefined();
    expect(ids(a.data?.screen[0].openAlerts)).toEqual(['j-a-cadre']);
    const b = await h.gql(Q, { entries: [villager] }, await handler([J.townB]));
    expect(b.data?.screen[0].status).toBe('FOUND');
    expect(ids(b.data?.screen[0].openAlerts)).toEqual([]);
  });

  it('refuses more than 500 entries and an unknown unit', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `名字${i}`);
    const r = await h.gql(Q, { entries: many }, await handler());
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.data?.screen ?? null).toBeNull();
    const ok = await h.gql(Q, { entries: many.slice(0, 500) }, await handler());
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.screen).toHaveLength(500);
    expect(code(await h.gql(Q, { entries: ['张伟'], unit: 'Org:NO-SUCH-UNIT' }, await handler()))).toBe('NOT_FOUND');
  });

  it('refuses a viewer, whose role may not screen lists', async () => {
    const r = await h.gql(Q, { entries: [P.official] }, await h.as('screen-viewer', 'viewer'));
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.data?.screen ?? null).toBeNull();
  });

  it('records the screening in the audit trail with the entities it returned and the reason', async () => {
    const r = await h.gql(Q, { entries: [P.official, '查无此人'] }, await handler());
    expect(r.errors).toBeUndefined();
    const { records } = await trail.search({}, 1, null);
    const rec = records[0]!;
    expect(rec).toMatchObject({ kind: 'read', reason: REASON, operation: 'query Screen {screen}' });
    expect(rec.entities).toContain(UIDS.official);
    expect(rec.detail).toContain('screen 2 entries (FOUND 1, NOT_FOUND 1)');
  });

  it('matches an ID number by its pseudonym where the site pseudonymises', async () => {
    const hidden = harnessOn(h.executor, { personKey: token, access: h.access });
    const r = await hidden.gql(Q, { entries: [HIDDEN_ID] }, await handler());
    expect(r.errors).toBeUndefined();
    expect(r.data?.screen[0]).toMatchObject({ status: 'FOUND', candidates: [{ id: `Person:${token(HIDDEN_ID)}` }] });
    // Without the key the same number names nobody.
    const plain = await h.gql(Q, { entries: [HIDDEN_ID] }, await handler());
    expect(plain.data?.screen[0].status).toBe('NOT_FOUND');
  });
});
