// preAwardCheck (投标前核查) on a real Neo4j with the real library and site policy: one lot of one unit, a
// bidder whose shareholder is an official's wife, one whose bid gives the official's phone, and near misses
// that must not link: a former wife's firm, the wife of an official who left before the bid, the son of
// an official of another unit. Then the site's kinship scope narrowed, the refusals and the audit record.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { REASON_HEADER } from '../../../server/graphql/context.js';
import { loadLibrary } from '../../../server/models/library.js';
import { freshGraph } from '../../support/db.js';
import { checkLot, planLotCheck } from '../../../server/preaward/lot-links.js';
import { lotScope, SCOPE_MODEL } from '../../../server/preaward/scope.js';
import { sessionHeaders, type Loose } from './harness.js';
import { codeOf, siteApp, type SiteApp } from './site-app.js';

const VAR = path.join(ROOT, 'var', 'test-pre-award');
const SITE = path.join(VAR, 'site');
let db: Executor;
let s: SiteApp;

const SEED = `
CREATE (u:Org:Entity {uid: 'Org:U1', code: 'U1', name: '县交通运输局'}),
       (v:Org:Entity {uid: 'Org:U2', code: 'U2', name: '县水利局'}),
       (x:Project:Entity {uid: 'Project:P1', code: 'P1', name: '环城路改造', date: date('2024-02-10')}),
       (u)-[:TENDERED]->(x),
       (a:Person:Entity {uid: 'Person:A', name: '王局长'}), (a)-[:HOLDS_POST {title: '局长', isLeader: true, from: date('2018-01-01')}]->(u),
       (w:Person:Entity {uid: 'Person:W', name: '李妻'}), (a)-[:KIN {relation: 'spouse'}]->(w), (w)-[:KIN {relation: 'spouse'}]->(a),
       (ex:Person:Entity {uid: 'Person:EX', name: '前妻'}), (a)-[:KIN {relation: 'spouse', to: date('2020-05-01')}]->(ex),
       (b:Person:Entity {uid: 'Person:B', name: '赵副局长'}), (b)-[:HOLDS_POST {title: '副局长', from: date('2015-01-01'), to: date('2022-12-31')}]->(u),
       (bw:Person:Entity {uid: 'Person:BW', name: '赵妻'}), (b)-[:KIN {relation: 'spouse'}]->(bw),
       (c:Person:Entity {uid: 'Person:C', name: '钱局长'}), (c)-[:HOLDS_POST {title: '局长', from: date('2019-01-01')}]->(v),
       (cs:Person:Entity {uid: 'Person:CS', name: '钱子'}), (c)-[:KIN {relation: 'child'}]->(cs),
       (ph:Phone:Entity {uid: 'Phone:13900000001', number: '13900000001'}), (a)-[:HAS_CONTACT {kind: 'phone'}]->(ph),
       (f1:Company:Entity {uid: 'Company:F1', uscc: 'F1', name: '甲建设'}), (w)-[:SHAREHOLDER_OF {ratio: 0.6, from: date('2019-03-01')}]->(f1),
       (f2:Company:Entity {uid: 'Company:F2', uscc: 'F2', name: '乙工程'}),
       (f3:Company:Entity {uid: 'Company:F3', uscc: 'F3', name: '丙路桥'}), (ex)-[:LEGAL_REP_OF {from: date('2021-01-01')}]->(f3),
       (f4:Company:Entity {uid: 'Company:F4', uscc: 'F4', name: '丁市政'}), (bw)-[:LEGAL_REP_OF {from: date('2016-01-01')}]->(f4),
       (f5:Company:Entity {uid: 'Company:F5', uscc: 'F5', name: '戊交通'}), (cs)-[:EXECUTIVE_OF {role: '经理', from: date('2017-01-01')}]->(f5)
WITH x, ph, [f1, f2, f3, f4, f5] AS firms
UNWIND range(0, 4) AS i
WITH x, ph, firms[i] AS f, i
CREATE (f)-[:SUBMITTED]->(bid:Bid:Entity {uid: 'Bid:P1-' + toString(i + 1), code: 'P1-' + toString(i + 1), submittedAt: datetime('2024-03-01T09:00:00+08:00')})-[:FOR]->(x)
WITH bid, ph, i WHERE i = 1
CREATE (bid)-[:CONTACT]->(ph)`;

// A second lot of the same unit, for the ties the first does not have: a relative named project manager, a
// relative's address, a deposit paid from the account the official's benefit goes to; and a deposit from the
// former wife's account (divorced before the bid: no tie).
const SEED_P2 = `
MATCH (u:Org {uid: 'Org:U1'}), (a:Person {uid: 'Person:A'}), (w:Person {uid: 'Person:W'}), (ex:Person {uid: 'Person:EX'})
CREATE (x:Project:Entity {uid: 'Project:P2', code: 'P2', name: '桥梁维修', date: date('2024-05-10')}), (u)-[:TENDERED]->(x),
       (ad:Address:Entity {uid: 'Address:桐庐县城南街道白云路8号', full: '桐庐县城南街道白云路8号'}), (w)-[:LOCATED_AT]->(ad),
       (acc:BankAccount:Entity {uid: 'BankAccount:6222000011112222', number: '6222000011112222'}),
       (old:BankAccount:Entity {uid: 'BankAccount:6222000033334444', number: '6222000033334444'}),
       (prog:Program:Entity {uid: 'Program:DB', code: 'DB', name: '最低生活保障'}),
       (a)-[:RECEIVED {account: '6222000011112222', amount: 500.0, date: date('2023-01-05')}]->(prog),
       (ex)-[:RECEIVED {account: '6222000033334444', amount: 500.0, date: date('2023-01-05')}]->(prog)
WITH x, w, ad, acc, old
UNWIND range(1, 4) AS i
CREATE (f:Company:Entity {uid: 'Company:G' + toString(i), uscc: 'G' + toString(i), name: '投标人' + toString(i)})
       -[:SUBMITTED]->(bid:Bid:Entity {uid: 'Bid:P2-' + toString(i), code: 'P2-' + toString(i), submittedAt: datetime('2024-06-01T09:00:00+08:00')})-[:FOR]->(x)
FOREACH (_ IN CASE i WHEN 1 THEN [1] ELSE [] END | CREATE (bid)-[:PROJECT_MANAGER]->(w))
FOREACH (_ IN CASE i WHEN 2 THEN [1] ELSE [] END | CREATE (f)-[:LOCATED_AT]->(ad))
FOREACH (_ IN CASE i WHEN 3 THEN [1] ELSE [] END | CREATE (bid)-[:DEPOSIT_FROM]->(acc))
FOREACH (_ IN CASE i WHEN 4 THEN [1] ELSE [] END | CREATE (bid)-[:DEPOSIT_FROM]->(old))`;

const Q = `query ($lot: ID!, $on: String) { preAwardCheck(lot: $lot, on: $on) {
  lot { id } unit { id } officials kinRelations leadersOnly
  bidders { company { id } bid { id } on links { official { id } kind relation via paths { route { id } types edges { id type source target } } } } } }`;
const REASON = '招标项目 P1 评标前核查';
const linksOf = (r: Loose) =>
  Object.fromEntries(
    (r.data?.preAwardCheck.bidders as Loose[]).map((b) => [b.company.id, b.links.map((l: Loose) => `${l.official.id} ${l.kind} ${l.via}`)]),
  );
const trailText = () =>
  readdirSync(path.join(VAR, 'audit'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => readFileSync(path.join(VAR, 'audit', f), 'utf8'))
    .join('');

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  await db.writeTx([
    { cypher: SEED, params: {} },
    { cypher: SEED_P2, params: {} },
  ]);
  rmSync(VAR, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  s = siteApp(db, loadLibrary(), SITE, VAR);
  // Plans are cached per statement and per bucket of list sizes; planning them on this busy test server
  // takes longer than the API's statement limit, so the shapes the tests use are planned once here.
  const scope = lotScope(loadLibrary().get(SCOPE_MODEL)?.parameters);
  for (const kinRelations of [scope!.kinRelations, ['child']])
    for (const on of [null, '2022-06-01']) await checkLot(db, 'Project:P1', { kinRelations, leadersOnly: false }, on);
  await checkLot(db, 'Project:P2', { kinRelations: scope!.kinRelations, leadersOnly: false }, null);
}, 600_000);
afterAll(async () => {
  await db?.close();
});

describe('preAwardCheck', () => {
  it("finds the firm an official's wife holds shares in and the bid that gives the official's phone, and nothing for the near misses", async () => {
    const r = await s.gql(Q, { lot: 'Project:P1' }, 'handler', { [REASON_HEADER]: encodeURIComponent(REASON) });
    expect(r.errors?.map((e) => e.message).join('; ')).toBeUndefined();
    const check = r.data?.preAwardCheck;
    expect([check.lot.id, check.unit.id, check.officials, check.leadersOnly]).toEqual(['Project:P1', 'Org:U1', 2, false]);
    expect(linksOf(r)).toEqual({
      'Company:F1': ['Person:A KIN_ROLE SHAREHOLDER_OF'],
      'Company:F2': ['Person:A CONTACT Phone'],
      // 前妻: divorced before the bid; 赵妻: her husband left the unit before the bid; 钱子: another unit's official.
      'Company:F3': [],
      'Company:F4': [],
      'Company:F5': [],
    });
    const f1 = check.bidders.find((b: Loose) => b.company.id === 'Company:F1');
    expect(f1.on).toBe('2024-03-01');
    expect(f1.links[0].relation).toBe('spouse');
    expect(f1.links[0].paths).toEqual([
      {
        route: [{ id: 'Person:A' }, { id: 'Person:W' }, { id: 'Company:F1' }],
        types: ['KIN', 'SHAREHOLDER_OF'],
        // The same steps as edges the canvas can draw, each in its stored direction.
        edges: [
          { id: 'Person:A|KIN|Person:W', type: 'KIN', source: 'Person:A', target: 'Person:W' },
          { id: 'Person:W|SHAREHOLDER_OF|Company:F1', type: 'SHAREHOLDER_OF', source: 'Person:W', target: 'Company:F1' },
        ],
      },
    ]);
    const f2 = check.bidders.find((b: Loose) => b.company.id === 'Company:F2');
    expect(f2.links[0].paths[0].route.map((e: Loose) => e.id)).toEqual(['Person:A', 'Phone:13900000001', 'Bid:P1-2']);
    // The bid points at the phone: the edge keeps that direction though the path walks it backwards.
    expect(f2.links[0].paths[0].edges.map((e: Loose) => e.id)).toEqual([
      'Person:A|HAS_CONTACT|Phone:13900000001',
      'Bid:P1-2|CONTACT|Phone:13900000001',
    ]);
  });

  it("finds a relative named the bid's project manager, a relative's address, and a deposit from the official's own benefit account", async () => {
    const r = await s.gql(Q, { lot: 'Project:P2' }, 'handler');
    expect(r.errors?.map((e) => e.message).join('; ')).toBeUndefined();
    expect(linksOf(r)).toEqual({
      'Company:G1': ['Person:A KIN_MANAGER PROJECT_MANAGER'],
      'Company:G2': ['Person:A KIN_CONTACT Address'],
      'Company:G3': ['Person:A ACCOUNT BankAccount'],
      // The former wife's account: divorced before the bid.
      'Company:G4': [],
    });
    const g3 = r.data?.preAwardCheck.bidders.find((b: Loose) => b.company.id === 'Company:G3');
    // Two paths: the official's benefit into the account's number, and the deposit from that account.
    expect(g3.links[0].paths.map((p: Loose) => p.route.map((e: Loose) => e.id))).toEqual([
      ['Person:A', 'Program:DB'],
      ['Company:G3', 'Bid:P2-3', 'BankAccount:6222000011112222'],
    ]);
    const g1 = r.data?.preAwardCheck.bidders.find((b: Loose) => b.company.id === 'Company:G1');
    expect(g1.links[0].paths[0].route.map((e: Loose) => e.id)).toEqual(['Person:A', 'Person:W', 'Bid:P2-1', 'Company:G1']);
  });

  it("reads posts on the day given: before the deputy left, his wife's firm is linked too", async () => {
    const r = await s.gql(Q, { lot: 'Project:P1', on: '2022-06-01' }, 'handler');
    expect(r.errors?.map((e) => e.message).join('; ')).toBeUndefined();
    expect(linksOf(r)['Company:F4']).toEqual(['Person:B KIN_ROLE LEGAL_REP_OF']);
  });

  it("uses M03's kinship scope from the site policy: with children only, the wife's firm is no longer linked", async () => {
    const set = await s.gql(
      `mutation { setModelPolicy(model: "procurement.kin-of-official-at-winning-bidder", params: {kinRelations: ["child"]}, reason: "试行：仅子女") { modelId } }`,
    );
    expect(set.errors).toBeUndefined();
    const r = await s.gql(Q, { lot: 'Project:P1' }, 'handler');
    expect(r.data?.preAwardCheck.kinRelations).toEqual(['child']);
    expect(linksOf(r)['Company:F1']).toEqual([]);
    expect(linksOf(r)['Company:F2']).toEqual(['Person:A CONTACT Phone']);
  });

  it('refuses a viewer, an unknown lot, a bad date, and a lot outside the jurisdiction without a reason', async () => {
    expect(codeOf(await s.gql(Q, { lot: 'Project:P1' }, 'viewer'))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(Q, { lot: 'Project:NOPE' }, 'handler'))).toBe('NOT_FOUND');
    expect(codeOf(await s.gql(Q, { lot: 'Company:F1' }, 'handler'))).toBe('BAD_INPUT');
    expect(codeOf(await s.gql(Q, { lot: 'Project:P1', on: '2024-13-45' }, 'handler'))).toBe('BAD_INPUT');
    const other = await sessionHeaders(s.access, 'water-handler', 'handler', ['Org:U2']);
    expect(codeOf(await s.gql(Q, { lot: 'Project:P1' }, 'handler', other))).toBe('REASON_REQUIRED');
    const r = await s.gql(Q, { lot: 'Project:P1' }, 'handler', { ...other, [REASON_HEADER]: encodeURIComponent(REASON) });
    expect(r.errors?.map((e) => e.message).join('; ')).toBeUndefined();
  });

  it('plans its statements ahead, as the server does after its first model runs, and the check answers the same after', async () => {
    const scope = { kinRelations: ['spouse', 'child'], leadersOnly: false };
    await planLotCheck(db, scope);
    const found = await checkLot(db, 'Project:P1', scope, null);
    const links = Object.fromEntries(found!.bidders.map((b) => [b.company.properties.uid, b.links.map((l) => `${l.kind} ${l.via}`)]));
    expect(links).toEqual({
      'Company:F1': ['KIN_ROLE SHAREHOLDER_OF'],
      'Company:F2': ['CONTACT Phone'],
      'Company:F3': [],
      'Company:F4': [],
      'Company:F5': [],
    });
  }, 300_000);

  it('puts each check in the audit trail with the reason given', async () => {
    const line = trailText()
      .split('\n')
      .filter((l) => l.includes('preAwardCheck Project:P1'))
      .map((l) => JSON.parse(l))
      .find((rec) => rec.reason === REASON);
    expect(line).toBeDefined();
    expect(line.detail ?? JSON.stringify(line)).toContain('5 bidders, 2 linked');
  });
});
