import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';
import { STAFF, UIDS } from './seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.executor.close();
});

const NEIGHBOURS = `query($id: ID!, $types: [String!], $direction: Direction, $limit: Int, $exclude: [ID!]) {
  neighbours(id: $id, types: $types, direction: $direction, limit: $limit, exclude: $exclude) {
    center { id degree } nodes { id label caption } edges { id type source target properties } total truncated } }`;

describe('neighbours', () => {
  it('caps the expansion at limit and says how many exist', async () => {
    const r = await h.gql(NEIGHBOURS, { id: UIDS.org, limit: 3 });
    expect(r.errors).toBeUndefined();
    const n = r.data?.neighbours;
    // STAFF clerks + the official (HOLDS_POST) + the project (TENDERED)
    expect(n.total).toBe(STAFF + 2);
    expect(n.nodes).toHaveLength(3);
    expect(n.truncated).toBe(true);
    expect(n.center).toEqual({ id: UIDS.org, degree: STAFF + 2 });
    const ids = new Set(n.nodes.map((x: Loose) => x.id));
    for (const e of n.edges) expect(ids.has(e.source) || ids.has(e.target)).toBe(true);
  });

  it('is not truncated when everything fits, and filters by type and direction', async () => {
    const r = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['KIN'], direction: 'OUT' });
    const n = r.data?.neighbours;
    expect(n.total).toBe(2);
    expect(n.truncated).toBe(false);
    expect(n.nodes.map((x: Loose) => x.caption).sort()).toEqual(['李娜', '王小明'].sort());
    expect(n.edges.every((e: Loose) => e.type === 'KIN' && e.source === UIDS.official)).toBe(true);
    const incoming = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['KIN'], direction: 'IN' });
    expect(incoming.data?.neighbours.nodes.map((x: Loose) => x.id)).toEqual([UIDS.son]);
    // Both directions: the son once as a node, with both KIN relationships as edges.
    const both = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['KIN'] });
    expect(both.data?.neighbours.total).toBe(2);
    expect(both.data?.neighbours.edges).toHaveLength(3);
  });

  it('leaves out what is already on the canvas', async () => {
    const r = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['KIN'], exclude: [UIDS.wife] });
    expect(r.data?.neighbours.nodes.map((x: Loose) => x.id)).toEqual([UIDS.son]);
    expect(r.data?.neighbours.total).toBe(1);
  });

  it('clamps limit into 1..500', async () => {
    const r = await h.gql(NEIGHBOURS, { id: UIDS.org, limit: 0 });
    expect(r.data?.neighbours.nodes).toHaveLength(1);
    const big = await h.gql(NEIGHBOURS, { id: UIDS.org, limit: 100000 });
    expect(big.data?.neighbours.nodes).toHaveLength(STAFF + 2);
  });

  it('refuses an unknown relationship type with BAD_INPUT', async () => {
    const r = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['KIN', 'KNOWS]-() DETACH DELETE (x'] });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(r.data?.neighbours ?? null).toBeNull();
  });

  it('keeps alerts off an ordinary expansion, so they take no places in the cap, and brings them when FLAGS is asked for', async () => {
    const all = await h.gql(NEIGHBOURS, { id: UIDS.official, limit: 500 });
    expect(all.errors).toBeUndefined();
    const ids = all.data?.neighbours.nodes.map((x: Loose) => x.id) as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith('Alert:'))).toEqual([]);
    expect(all.data?.neighbours.total).toBe(ids.length);
    const flags = await h.gql(NEIGHBOURS, { id: UIDS.official, types: ['FLAGS'] });
    expect(flags.data?.neighbours.nodes.map((x: Loose) => x.id)).toEqual(['Alert:fp-main']);
  });

  it('says NOT_FOUND for an unknown centre', async () => {
    const r = await h.gql(NEIGHBOURS, { id: 'Person:nobody' });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('paths', () => {
  const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int) { paths(from: $from, to: $to, maxHops: $maxHops) {
    nodes { id } edges { id type source target } } }`;

  it('finds the chain from the official to the company that won', async () => {
    const r = await h.gql(PATHS, { from: UIDS.official, to: UIDS.company });
    expect(r.errors).toBeUndefined();
    const g = r.data?.paths;
    expect(g.nodes.map((n: Loose) => n.id).sort()).toEqual([UIDS.official, UIDS.son, UIDS.company].sort());
    // One route, with every relationship along it: KIN both ways, legal rep and officer.
    expect(g.edges.map((e: Loose) => e.type).sort()).toEqual(['EXECUTIVE_OF', 'KIN', 'KIN', 'LEGAL_REP_OF']);
    // Not through the alert that flags both.
    expect(g.nodes.some((n: Loose) => n.id.startsWith('Alert:'))).toBe(false);
  });

  it('counts limit in distinct routes, not in parallel relationships', async () => {
    const r = await h.gql(`{ paths(from: "${UIDS.official}", to: "${UIDS.company}", limit: 1) { nodes { id } edges { type } } }`);
    expect(r.data?.paths.nodes).toHaveLength(3);
    expect(r.data?.paths.edges).toHaveLength(4);
  });

  it('walks around the relationship types excludeTypes takes out', async () => {
    const r = await h.gql(
      `query($from: ID!, $to: ID!, $x: [String!]) { paths(from: $from, to: $to, excludeTypes: $x) { nodes { id } edges { type } } }`,
      { from: UIDS.official, to: UIDS.company, x: ['KIN'] },
    );
    expect(r.errors).toBeUndefined();
    // Not through the son: through the unit, the project it tendered and the company's win.
    expect(r.data?.paths.nodes.map((n: Loose) => n.id).sort()).toEqual([UIDS.official, UIDS.org, UIDS.project, UIDS.company].sort());
    expect(r.data?.paths.edges.map((e: Loose) => e.type).sort()).toEqual(['HOLDS_POST', 'TENDERED', 'WON']);
  });

  it('refuses excludeTypes that leave nothing to walk, or name an unknown type, with BAD_INPUT', async () => {
    const q = `query($x: [String!]) { paths(from: "${UIDS.official}", to: "${UIDS.company}", types: ["KIN"], excludeTypes: $x) { nodes { id } } }`;
    expect((await h.gql(q, { x: ['KIN'] })).errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect((await h.gql(q, { x: ['NOPE'] })).errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('returns an empty graph when the path is longer than maxHops', async () => {
    const r = await h.gql(PATHS, { from: UIDS.wife, to: UIDS.project, maxHops: 2 });
    expect(r.errors).toBeUndefined();
    expect(r.data?.paths).toEqual({ nodes: [], edges: [] });
  });

  it('refuses maxHops outside 1..6 with BAD_INPUT', async () => {
    for (const maxHops of [0, 7, -1]) {
      const r = await h.gql(PATHS, { from: UIDS.official, to: UIDS.company, maxHops });
      expect(r.errors?.[0]?.extensions?.code, String(maxHops)).toBe('BAD_INPUT');
    }
  });

  it('refuses a path from an entity to itself, and says NOT_FOUND for unknown ends', async () => {
    expect((await h.gql(PATHS, { from: UIDS.official, to: UIDS.official })).errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect((await h.gql(PATHS, { from: UIDS.official, to: 'Company:none' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('graphSchema', () => {
  it('describes labels and relationship types from graph.yaml', async () => {
    const r = await h.gql('{ graphSchema { labels { name zh color shape caption } relationshipTypes { name zh } } }');
    expect(r.data?.graphSchema.labels).toContainEqual({ name: 'Person', zh: '人员', color: '#3b82f6', shape: 'ellipse', caption: 'name' });
    expect(r.data?.graphSchema.relationshipTypes).toContainEqual({ name: 'KIN', zh: '亲属' });
  });
});
