// neighbours of a hub: a welfare programme with more recipients than the count goes to, each paid twice
// (two relationships per neighbour, as monthly payments are). The count stops at the cap and says so, the
// degree still counts every relationship, and `exclude` pages through without repeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';
import { NEIGHBOUR_COUNT_CAP } from '../../../server/graphql/graph/resolvers.js';

const HUB = 'Program:TEST-HUB';
const RECIPIENTS = NEIGHBOUR_COUNT_CAP + 5;
const SMALL = 'Program:TEST-SMALL';

const NEIGHBOURS = `query($id: ID!, $limit: Int, $exclude: [ID!]) {
  neighbours(id: $id, limit: $limit, exclude: $exclude) {
    center { id degree } nodes { id degree } edges { type source target } total totalCapped truncated } }`;

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
     CREATE (p)-[:RECEIVED {periodFrom: date('2024-02-01')}]->(hub)
     FOREACH (_ IN CASE WHEN i <= 3 THEN [1] ELSE [] END | CREATE (p)-[:RECEIVED]->(small) CREATE (p)-[:RECEIVED]->(small))`,
    { hub: HUB, small: SMALL, n: RECIPIENTS },
  );
}, 120_000);
afterAll(async () => {
  await h?.executor.close();
});

describe('neighbours of a hub', () => {
  it('counts up to the cap and says there are more; the degree counts every relationship', async () => {
    const r = await h.gql(NEIGHBOURS, { id: HUB, limit: 50 });
    expect(r.errors).toBeUndefined();
    const n = r.data?.neighbours;
    expect(n.total).toBe(NEIGHBOUR_COUNT_CAP);
    expect(n.totalCapped).toBe(true);
    expect(n.truncated).toBe(true);
    expect(n.center.degree).toBe(2 * RECIPIENTS);
    expect(n.nodes).toHaveLength(50);
    // In uid order, each with both of its payments as edges.
    const ids = n.nodes.map((x: Loose) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(n.edges).toHaveLength(100);
    expect(n.edges.every((e: Loose) => e.type === 'RECEIVED' && e.target === HUB)).toBe(true);
    // Each neighbour's own degree: two payments, four for the three also paid by the small programme.
    const paidTwice = new Set(['Person:hub-00001', 'Person:hub-00002', 'Person:hub-00003']);
    for (const x of n.nodes) expect(x.degree).toBe(paidTwice.has(x.id) ? 4 : 2);
  });

  it('gives the page its relationships in the direction asked for', async () => {
    const into = (await h.gql(NEIGHBOURS_DIR, { id: HUB, direction: 'IN' })).data?.neighbours;
    expect(into.nodes).toHaveLength(50);
    expect(into.edges).toHaveLength(100);
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
});
