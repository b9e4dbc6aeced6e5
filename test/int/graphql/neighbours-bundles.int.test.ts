// neighbours(bundleMin:) and parallelEdges on a real Neo4j: a programme paying one recipient five times
// and another twice, and inspecting the first three times. Asked with bundleMin, the five payments and
// the three inspections come as two bundles (count, date span, amount) and the two payments as single
// edges; without it every relationship is an edge, as before. parallelEdges pages through a bundle's
// members with the ids neighbours gives them, is recorded in the audit trail, and refuses (or asks for a
// reason) outside the caller's jurisdiction, like the ends of a path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import { REASON_HEADER } from '../../../server/graphql/context.js';
import { harnessOn, startHarness, type Harness, type Loose } from './harness.js';
import { J, seedJurisdiction } from './jurisdiction-seed.js';

const PROG = 'Program:TEST-BUNDLE';
const MANY = 'Person:bundle-many';
const FEW = 'Person:bundle-few';

const NEIGHBOURS = `query Around($id: ID!, $bundleMin: Int) {
  neighbours(id: $id, bundleMin: $bundleMin) {
    nodes { id } edges { id type source target properties }
    bundles { id type source target count from to amount } } }`;
const MEMBERS = `query Members($source: ID!, $target: ID!, $type: String!, $first: Int, $after: String) {
  parallelEdges(source: $source, target: $target, type: $type, first: $first, after: $after) {
    edges { id type source target properties } total next } }`;

let h: Harness;
let trail: AuditTrail;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'huiyan-bundles-int-'));
  trail = new AuditTrail(path.join(root, 'audit'));
  h = await startHarness({ audit: trail });
  await seedJurisdiction(h.executor);
  await h.executor.write(
    `CREATE (p:Entity:Program {uid: $prog, code: 'TEST-BUNDLE', name: '测试补贴'})
     CREATE (a:Entity:Person {uid: $many, name: '多次领取人'})
     CREATE (b:Entity:Person {uid: $few, name: '两次领取人'})
     FOREACH (i IN range(1, 5) |
       CREATE (a)-[:RECEIVED {periodFrom: date('2024-0' + toString(i) + '-01'), payDate: date('2024-0' + toString(i) + '-15'), amount: 100.5}]->(p))
     FOREACH (i IN range(1, 2) | CREATE (b)-[:RECEIVED {periodFrom: date('2023-1' + toString(i) + '-01')}]->(p))
     FOREACH (i IN range(1, 3) | CREATE (p)-[:INSPECTED {date: date('2022-0' + toString(i) + '-20')}]->(a))`,
    { prog: PROG, many: MANY, few: FEW },
  );
  // Four more regulations of B's company by B's township (the seed has one, undated): a bundle of five
  // inside B, outside A.
  await h.executor.write(
    `MATCH (t:Org {uid: $town}), (c:Company {uid: $company})
     FOREACH (i IN range(1, 4) | CREATE (t)-[:REGULATES {ref: 'J-REG-B' + toString(i), from: date('2021-0' + toString(i) + '-01')}]->(c))`,
    { town: J.townB, company: J.companyB },
  );
}, 120_000);
afterAll(async () => {
  await h?.executor.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

describe('neighbours with bundleMin', () => {
  it('sends parallel relationships of one type and direction as one bundle, with count, date span and amount', async () => {
    const r = await h.gql(NEIGHBOURS, { id: PROG, bundleMin: 3 });
    expect(r.errors).toBeUndefined();
    const n = r.data?.neighbours;
    expect(n.nodes.map((x: Loose) => x.id).sort()).toEqual([FEW, MANY]);
    const bundles = [...n.bundles].sort((a: Loose, b: Loose) => a.type.localeCompare(b.type));
    expect(bundles).toEqual([
      {
        id: `bundle:${PROG}|${MANY}|INSPECTED`,
        type: 'INSPECTED',
        source: PROG,
        target: MANY,
        count: 3,
        from: '2022-01-20',
        to: '2022-03-20',
        amount: null,
      },
      {
        id: `bundle:${MANY}|${PROG}|RECEIVED`,
        type: 'RECEIVED',
        source: MANY,
        target: PROG,
        count: 5,
        from: '2024-01-01',
        to: '2024-05-15',
        amount: 502.5,
      },
    ]);
    // Below the threshold the relationships come one by one, with their properties.
    expect(n.edges).toHaveLength(2);
    expect(n.edges.every((e: Loose) => e.source === FEW && e.target === PROG && e.type === 'RECEIVED')).toBe(true);
    expect(n.edges.map((e: Loose) => e.properties.periodFrom).sort()).toEqual(['2023-11-01', '2023-12-01']);
  });

  it('bundles from the threshold up: at bundleMin 2 the two payments are a bundle too', async () => {
    const n = (await h.gql(NEIGHBOURS, { id: PROG, bundleMin: 2 })).data?.neighbours;
    expect(n.edges).toEqual([]);
    expect(n.bundles.map((b: Loose) => [b.source, b.count]).sort()).toEqual([
      [FEW, 2],
      [MANY, 5],
      [PROG, 3],
    ]);
  });

  it('sends every relationship as an edge and no bundle without bundleMin', async () => {
    const n = (await h.gql(NEIGHBOURS, { id: PROG })).data?.neighbours;
    expect(n.bundles).toEqual([]);
    expect(n.edges).toHaveLength(5 + 2 + 3);
  });

  it('answers a centre without neighbours of the asked types with no edges and no bundles', async () => {
    const r = await h.gql(
      'query($id: ID!) { neighbours(id: $id, types: ["INSPECTED"], bundleMin: 3) { nodes { id } edges { id } bundles { id } total } }',
      { id: FEW },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.neighbours).toEqual({ nodes: [], edges: [], bundles: [], total: 0 });
  });

  it('refuses a bundleMin below 2 as bad input', async () => {
    const r = await h.gql(NEIGHBOURS, { id: PROG, bundleMin: 1 });
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/bundleMin/);
  });
});

describe('parallelEdges', () => {
  it("pages through a bundle's members in a fixed order, with the ids neighbours gives them", async () => {
    const all = (await h.gql(NEIGHBOURS, { id: PROG })).data?.neighbours.edges.filter(
      (e: Loose) => e.source === MANY && e.type === 'RECEIVED',
    );
    const seen: Loose[] = [];
    let after: string | null = null;
    for (let call = 0; call < 5; call++) {
      const r = await h.gql(MEMBERS, { source: MANY, target: PROG, type: 'RECEIVED', first: 2, after });
      expect(r.errors).toBeUndefined();
      const p = r.data?.parallelEdges;
      expect(p.total).toBe(5);
      seen.push(...p.edges);
      after = p.next;
      if (after === null) break;
    }
    expect(after).toBeNull();
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    expect(seen.map((e) => e.properties.payDate).sort()).toEqual(['2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15', '2024-05-15']);
    // The same five ids as the edges neighbours sends unbundled: one of them "<source>|<TYPE>|<target>".
    expect(seen.filter((e) => e.id === `${MANY}|RECEIVED|${PROG}`)).toHaveLength(1);
    expect(all).toHaveLength(5);
  });

  it('reads one direction only: the inspections from the programme, none the other way', async () => {
    const from = (await h.gql(MEMBERS, { source: PROG, target: MANY, type: 'INSPECTED' })).data?.parallelEdges;
    expect(from).toMatchObject({ total: 3, next: null });
    expect(from.edges.map((e: Loose) => e.properties.date).sort()).toEqual(['2022-01-20', '2022-02-20', '2022-03-20']);
    const back = (await h.gql(MEMBERS, { source: MANY, target: PROG, type: 'INSPECTED' })).data?.parallelEdges;
    expect(back).toEqual({ edges: [], total: 0, next: null });
  });

  it('answers NOT_FOUND for an unknown end and BAD_INPUT for an unknown type', async () => {
    expect(code(await h.gql(MEMBERS, { source: 'Person:nobody', target: PROG, type: 'RECEIVED' }))).toBe('NOT_FOUND');
    expect(code(await h.gql(MEMBERS, { source: MANY, target: PROG, type: 'PAID_TWICE' }))).toBe('BAD_INPUT');
  });

  it('records who read the members of whose bundle in the audit trail', async () => {
    const r = await h.gql(MEMBERS, { source: MANY, target: PROG, type: 'RECEIVED' }, await h.as('handler1'));
    expect(r.errors).toBeUndefined();
    const [rec] = (await trail.search({}, 1, null)).records;
    expect(rec).toMatchObject({ actor: 'handler1', kind: 'read', operation: 'query Members {parallelEdges}' });
    expect(rec?.entities).toEqual(expect.arrayContaining([MANY, PROG]));
  });
});

describe('bundles and jurisdiction', () => {
  const viewerA = () => h.as('b-viewer-a', 'viewer', [J.townA]);
  const viewerB = () => h.as('b-viewer-b', 'viewer', [J.townB]);
  const regs = { source: J.townB, target: J.companyB, type: 'REGULATES' };

  it("lets a viewer of B open B's bundle, and bundles it in B's neighbourhood", async () => {
    const n = (await h.gql(NEIGHBOURS, { id: J.townB, bundleMin: 3 }, await viewerB())).data?.neighbours;
    expect(n.bundles).toMatchObject([
      { source: J.townB, target: J.companyB, type: 'REGULATES', count: 5, from: '2021-01-01', to: '2021-04-01' },
    ]);
    const r = await h.gql(MEMBERS, regs, await viewerB());
    expect(r.errors).toBeUndefined();
    expect(r.data?.parallelEdges.total).toBe(5);
  });

  it("asks a viewer of A for a reason to read B's bundle, and answers with one", async () => {
    const denied = await h.gql(MEMBERS, regs, await viewerA());
    expect(code(denied)).toBe('REASON_REQUIRED');
    expect(denied.data?.parallelEdges ?? null).toBeNull();
    const reasoned = await h.gql(MEMBERS, regs, { ...(await viewerA()), [REASON_HEADER]: encodeURIComponent('案件 2024-017 核查') });
    expect(reasoned.errors).toBeUndefined();
    expect(reasoned.data?.parallelEdges.total).toBe(5);
  });

  it('refuses it outright, reason or not, on a site whose policy is refuse', async () => {
    const strict = harnessOn(h.executor, { access: h.access, outsideJurisdiction: 'refuse' });
    const r = await strict.gql(MEMBERS, regs, { ...(await viewerA()), [REASON_HEADER]: encodeURIComponent('案件 2024-017 核查') });
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.data?.parallelEdges ?? null).toBeNull();
  });
});
