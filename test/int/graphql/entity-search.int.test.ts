import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from './harness.js';
import { ORG_CODE, P, USCC, UIDS } from './seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.executor.close();
});

const ENTITY = 'id label labels caption properties degree provenance { source file row run sources }';

describe('entity', () => {
  it('returns an entity by uid with caption, degree and provenance apart from properties', async () => {
    const r = await h.gql(`query($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id: UIDS.official });
    expect(r.errors).toBeUndefined();
    const e = r.data?.entity;
    expect(e).toMatchObject({ id: UIDS.official, label: 'Person', labels: ['Person'], caption: '王志强' });
    expect(e.provenance).toEqual({ source: 'hr.roster', file: 'roster.csv', row: 2, run: 'load-1', sources: ['hr.roster'] });
    expect(e.properties._source).toBeUndefined();
    expect(e.properties.uid).toBeUndefined();
    // HOLDS_POST, three KIN (one of them back from the son), FLAGS from the main alert
    expect(e.degree).toBe(5);
  });

  it('returns null, not an error, for an unknown uid', async () => {
    const r = await h.gql('{ entity(id: "Person:nobody") { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.entity).toBeNull();
  });

  it('masks the ID number for a handler and shows it to an admin', async () => {
    const q = `query($id: ID!) { entity(id: $id) { properties } }`;
    const handler = await h.gql(q, { id: UIDS.official });
    expect(handler.data?.entity.properties.idNo).toBeUndefined();
    expect(handler.data?.entity.properties.idNoMasked).toBe(`${P.official.slice(0, 6)}********${P.official.slice(14)}`);
    const viewer = await h.gql(q, { id: UIDS.official }, await h.as('viewer', 'viewer'));
    expect(viewer.data?.entity.properties.idNo).toBeUndefined();
    const admin = await h.gql(q, { id: UIDS.official }, await h.as('admin', 'admin'));
    expect(admin.data?.entity.properties.idNo).toBe(P.official);
  });

  it('grants nothing for a role or user the caller merely names in a header', async () => {
    const r = await h.gql(
      `query($id: ID!) { entity(id: $id) { id } }`,
      { id: UIDS.official },
      { 'x-huiyan-role': 'admin', 'x-huiyan-user': 'boss' },
    );
    expect(r.data ?? null).toBeNull();
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('search', () => {
  const SEARCH = `query($q: String!, $labels: [String!], $limit: Int) {
    search(q: $q, labels: $labels, limit: $limit) { score entity { id caption label properties } } }`;

  it('finds a Chinese name by part of it (志强 finds 王志强)', async () => {
    const r = await h.gql(SEARCH, { q: '志强' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.search.map((x: Loose) => x.entity.caption)).toContain('王志强');
  });

  it('ranks the full name first', async () => {
    const r = await h.gql(SEARCH, { q: '王志强' });
    expect(r.data?.search[0].entity.id).toBe(UIDS.official);
  });

  it('finds by a single character through the fallback, surname matches first', async () => {
    const r = await h.gql(SEARCH, { q: '王', labels: ['Person'] });
    const names = r.data?.search.map((x: Loose) => x.entity.caption);
    expect(names).toEqual(expect.arrayContaining(['王志强', '王小明']));
    expect(names).not.toContain('李娜');
  });

  it('finds a person exactly by an 18-digit ID number, even typed in full-width digits', async () => {
    const r = await h.gql(SEARCH, { q: P.official });
    expect(r.data?.search).toHaveLength(1);
    expect(r.data?.search[0]).toMatchObject({ score: 1, entity: { id: UIDS.official } });
    // The hit itself is still masked for a handler.
    expect(r.data?.search[0].entity.properties.idNo).toBeUndefined();
    const fullWidth = P.official.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r2 = await h.gql(SEARCH, { q: fullWidth });
    expect(r2.data?.search[0]?.entity.id).toBe(UIDS.official);
  });

  it('finds a company by credit code and an org by its code', async () => {
    expect((await h.gql(SEARCH, { q: USCC })).data?.search[0].entity.id).toBe(UIDS.company);
    expect((await h.gql(SEARCH, { q: ORG_CODE })).data?.search[0].entity.id).toBe(UIDS.org);
  });

  it('narrows by label', async () => {
    const r = await h.gql(SEARCH, { q: '志远', labels: ['Person'] });
    expect(r.data?.search).toEqual([]);
    const c = await h.gql(SEARCH, { q: '志远', labels: ['Company'] });
    expect(c.data?.search[0].entity.id).toBe(UIDS.company);
  });

  it('treats Lucene syntax in the query as text', async () => {
    for (const q of ['王志强 AND', '志强~', '"(志强', 'name:志强', '*', '\\', '&&||!']) {
      const r = await h.gql(SEARCH, { q });
      expect(r.errors, q).toBeUndefined();
    }
  });

  it('refuses an unknown label with BAD_INPUT', async () => {
    const r = await h.gql(SEARCH, { q: '志强', labels: ['Person) DETACH DELETE (n'] });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('returns nothing for a blank query', async () => {
    expect((await h.gql(SEARCH, { q: '   ' })).data?.search).toEqual([]);
  });
});
