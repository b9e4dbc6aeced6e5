// neighbours of a hub: a welfare programme with more relationships than the cap, two per recipient (as
// monthly payments are). Past the cap the neighbours are not counted: `total` is the relationship count
// and says so, the page is bounded, the degree still counts every relationship, and `exclude` pages
// through every neighbour without repeats. At the cap, every neighbour is read and counted exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';
import { NEIGHBOUR_COUNT_CAP } from '../../../server/graphql/graph/resolvers.js';

const HUB = 'Program:TEST-HUB';
const RECIPIENTS = NEIGHBOUR_COUNT_CAP + 5;
const SMALL = 'Program:TEST-SMALL';
// Exactly NEIGHBOUR_COUNT_CAP relationships (two per recipient): still read whole.
const AT_CAP = 'Program:TEST-AT-CAP';
const AT_CAP_RECIPIENTS = NEIGHBOUR_COUNT_CAP / 2;

const NEIGHBOURS = `query($id: ID!, $limit: Int, $exclude: [ID!]) {
  neighbours(id: $id, limit: $limit, exclude: $exclude) {
    center { id degree } nodes { id degree } edges { type source target properties } total totalCapped truncated } }`;

const NEIGHBOURS_DIR = `query($id: ID!, $direction: Direction) {
  neighbours(id: $id, direction: $direction) { nodes { id degree } edges { type source target } total } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.executor.write(
    `CREATE (hub:Entity:Program {uid: $hub, code: 'TEST-HUB', name: '测试补贴'})
     CREATE (small:Entity:Program {uid: $small, code: 'TEST-SMALL', name: '小项目'})
     WITH hub, small
     UNWIND range(1, $n) AS i
     CREATE (p:Entity:Person {uid: 'Person:hub-' + right('0000' + toString(i), 5), name: '领取人' + toString(i)})
     CREATE (p)-[:RECEIVED {periodFrom: date('2024-01-01')}]->(hub)
     CREATE (p)-[:RECEIVED {periodFrom: date('2024-02-01'), amount: 300}]->(hub)
     FOREACH (_ IN CASE WHEN i <= 3 THEN [1] ELSE [] END | CREATE (p)-[:RECEIVED]->(small) CREATE (p)-[:RECEIVED]->(small))`,
    { hub: HUB, small: SMALL, n: RECIPIENTS },
  );
  // Created in reverse uid order, so a page in store order would not be the first by uid.
  await h.executor.write(
    `CREATE (p:Entity:Program {uid: $prog, code: 'TEST-AT-CAP', name: '满额项目'})
     WITH p UNWIND range($n, 1, -1) AS i
     CREATE (x:Entity:Person {uid: 'Person:cap-' + right('0000' + toString(i), 5), name: '满额领取人' + toString(i)})
     CREATE (x)-[:RECEIVED {periodFrom: date('2024-01-01')}]->(p)
     CREATE (x)-[:RECEIVED {periodFrom: date('2024-02-01')}]->(p)`,
    { prog: AT_CAP, n: AT_CAP_RECIPIENTS },
  );
}, 120_000);
afterAll(async () => {
  await h?.executor.close();
});

describe('neighbours of a hub', () => {
  it('past the cap gives the relationship count as total and says so; the degree counts every relationship', async () => {
    const r = await h.gql(NEIGHBOURS, { id: HUB, limit: 50 });
    expect(r.errors).toBeUndefined();
    const n = r.data?.neighbours;
    expect(n.total).toBe(2 * RECIPIENTS);
    expect(n.totalCapped).toBe(true);
    expect(n.truncated).toBe(true);
    expect(n.center.degree).toBe(2 * RECIPIENTS);
    expect(n.nodes).toHaveLength(50);
    // In uid order, each with both of its payments as edges.
    const ids = n.nodes.map((x: Loose) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(n.edges).toHaveLength(100);
    expect(n.edges.every((e: Loose) => e.type === 'RECEIVED' && e.target === HUB)).toBe(true);
    // Each payment with its own properties, and no key the relationship does not have.
    const months = (x: string) => n.edges.filter((e: Loose) => e.source === x).map((e: Loose) => e.properties);
    expect(months(ids[0]).sort((a: Loose, b: Loose) => a.periodFrom.localeCompare(b.periodFrom))).toEqual([
      { periodFrom: '2024-01-01' },
      { periodFrom: '2024-02-01', amount: 300 },
    ]);
    // Each neighbour's own degree: two payments, four for the three also paid by the small programme.
    const paidTwice = new Set(['Person:hub-00001', 'Person:hub-00002', 'Person:hub-00003']);
    for (const x of n.nodes) expect(x.degree).toBe(paidTwice.has(x.id) ? 4 : 2);
  });

  it('gives the page its relationships in the direction asked for', async () => {
    const into = (await h.gql(NEIGHBOURS_DIR, { id: HUB, direction: 'IN' })).data?.neighbours;
    expect(into.nodes).toHaveLength(50);
    expect(into.edges).toHaveLength(100);
    expect(into.total).toBe(2 * RECIPIENTS);
    const out = (await h.gql(NEIGHBOURS_DIR, { id: HUB, direction: 'OUT' })).data?.neighbours;
    expect(out).toMatchObject({ total: 0, nodes: [], edges: [] });
    const fromRecipient = (await h.gql(NEIGHBOURS_DIR, { id: 'Person:hub-00001', direction: 'OUT' })).data?.neighbours;
    expect(fromRecipient.nodes.map((x: Loose) => x.id).sort()).toEqual([HUB, SMALL]);
    expect(fromRecipient.edges).toHaveLength(4);
    expect(fromRecipient.edges.every((e: Loose) => e.source === 'Person:hub-00001')).toBe(true);
  });

  it('gives the same page on every call, and exclude pages on without repeats', async () => {
    const first = (await h.gql(NEIGHBOURS, { id: HUB, limit: 100 })).data?.neighbours.nodes.map((x: Loose) => x.id);
    const again = (await h.gql(NEIGHBOURS, { id: HUB, limit: 100 })).data?.neighbours.nodes.map((x: Loose) => x.id);
    expect(again).toEqual(first);
    const next = (await h.gql(NEIGHBOURS, { id: HUB, limit: 100, exclude: first })).data?.neighbours.nodes.map((x: Loose) => x.id);
    expect(next).toHaveLength(100);
    expect(next.filter((u: string) => first.includes(u))).toEqual([]);
  });

  it('counts exactly below the cap: two payments to one recipient are one neighbour', async () => {
    const r = await h.gql(NEIGHBOURS, { id: SMALL });
    const n = r.data?.neighbours;
    expect(n).toMatchObject({ total: 3, totalCapped: false, truncated: false, center: { degree: 6 } });
    expect(n.nodes.map((x: Loose) => x.id)).toEqual(['Person:hub-00001', 'Person:hub-00002', 'Person:hub-00003']);
    expect(n.nodes.map((x: Loose) => x.degree)).toEqual([4, 4, 4]);
    expect(n.edges).toHaveLength(6);
  });

  it('pages through every neighbour of a hub with exclude, each once, and says when none is left', async () => {
    const seen: string[] = [];
    for (let call = 0; call < 4; call++) {
      const n = (await h.gql(NEIGHBOURS, { id: HUB, limit: 500, exclude: seen })).data?.neighbours;
      seen.push(...n.nodes.map((x: Loose) => x.id));
      // The relationship count stays as it is: excluded neighbours do not lower it.
      expect(n).toMatchObject({ total: 2 * RECIPIENTS, totalCapped: true });
      if (!n.truncated) break;
    }
    expect(seen).toHaveLength(RECIPIENTS);
    expect(new Set(seen).size).toBe(RECIPIENTS);
    expect(seen.every((u) => u.startsWith('Person:hub-'))).toBe(true);
  });

  it('reads a centre with exactly the cap of relationships whole: exact total, first page by uid', async () => {
    const n = (await h.gql(NEIGHBOURS, { id: AT_CAP, limit: 50 })).data?.neighbours;
    expect(n).toMatchObject({ total: AT_CAP_RECIPIENTS, totalCapped: false, truncated: true, center: { degree: NEIGHBOUR_COUNT_CAP } });
    const first = Array.from({ length: 50 }, (_, i) => `Person:cap-${String(i + 1).padStart(5, '0')}`);
    expect(n.nodes.map((x: Loose) => x.id)).toEqual(first);
    expect(n.edges).toHaveLength(100);
    const rest = (await h.gql(NEIGHBOURS, { id: AT_CAP, limit: 50, exclude: first })).data?.neighbours;
    expect(rest).toMatchObject({ total: AT_CAP_RECIPIENTS - 50, totalCapped: false });
  });

  it('counts only the asked types for the cap: through another type the hub is an ordinary node', async () => {
    await h.executor.write(
      `MATCH (hub:Entity {uid: $hub}) CREATE (o:Entity:Org {uid: 'Org:hub-runner', name: '民政局'})-[:REGULATES]->(hub)`,
      { hub: HUB },
    );
    const n = (
      await h.gql(
        `query($id: ID!, $types: [String!]) {
      neighbours(id: $id, types: $types) { nodes { id } total totalCapped truncated } }`,
        { id: HUB, types: ['REGULATES'] },
      )
    ).data?.neighbours;
    expect(n).toEqual({ nodes: [{ id: 'Org:hub-runner' }], total: 1, totalCapped: false, truncated: false });
  });
});
