// Jurisdiction on a real Neo4j (docs/api.md "Jurisdiction"): a viewer of township A sees A's alerts only,
// in the inbox, alert(id), the model statistics and the risk ranking; a handler of A cannot triage B's
// alert; a county-wide user sees everything; reading an entity of B needs a stated reason (or is refused
// where the site says so) and is flagged for the audit trail.
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import type { Principal } from '../../../server/access/principal.js';
import { buildContext, REASON_HEADER, type ApiContext } from '../../../server/graphql/context.js';
import { buildSchema } from '../../../server/graphql/schema.js';
import { harnessOn, modelCatalog, startHarness, type Harness, type Loose } from './harness.js';
import { ALERT_ORDER } from './seed.js';
import { ALERTS_A, ALERTS_B, ALERTS_NOWHERE, J, seedJurisdiction } from './jurisdiction-seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedJurisdiction(h.executor);
});
afterAll(async () => {
  await h?.executor.close();
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const viewerA = () => h.as('j-viewer-a', 'viewer', [J.townA]);
const viewerB = () => h.as('j-viewer-b', 'viewer', [J.townB]);
const handlerA = () => h.as('j-handler-a', 'handler', [J.townA]);
const countyUser = () => h.as('j-county', 'viewer', [J.county]);
const countyUser2 = () => h.as('j-county-handler', 'handler', [J.county]);
const withReason = async (headers: Promise<Record<string, string>>) => ({
  ...(await headers),
  [REASON_HEADER]: encodeURIComponent('案件 2024-017 核查'),
});

const INBOX = '{ alerts(first: 100) { totalCount edges { node { id } } } }';
const ids = (r: Loose): string[] => r.data?.alerts.edges.map((e: Loose) => e.node.id);

describe('alerts in the jurisdiction', () => {
  it("shows a viewer of township A A's alerts only, in the list and its count", async () => {
    const a = await h.gql(INBOX, {}, await viewerA());
    expect(a.errors).toBeUndefined();
    expect(ids(a)).toEqual(ALERTS_A);
    expect(a.data?.alerts.totalCount).toBe(ALERTS_A.length);
    const b = await h.gql(INBOX, {}, await viewerB());
    expect(ids(b)).toEqual(['j-b-official', 'j-b-company']);
    expect(b.data?.alerts.totalCount).toBe(ALERTS_B.length);
  });

  it('answers alert(id) with null for an alert of another township, as for an unknown id', async () => {
    const q = 'query($id: ID!) { alert(id: $id) { id } }';
    for (const fp of [...ALERTS_B, ...ALERTS_NOWHERE, 'fp-main']) {
      const r = await h.gql(q, { id: fp }, await viewerA());
      expect(r.errors, fp).toBeUndefined();
      expect(r.data?.alert, fp).toBeNull();
    }
    expect((await h.gql(q, { id: 'j-a-cadre' }, await viewerA())).data?.alert).toEqual({ id: 'j-a-cadre' });
  });

  it('counts and ranks only what falls in the jurisdiction: alertCount, stats, riskRanking', async () => {
    const q = `{ model(id: "procurement.kin-wins-tender") { alertCount stats { alerts concluded confirmed hitRate } }
                 riskRanking(limit: 50) { entity { id } alertIds } }`;
    const a = await h.gql(q, {}, await viewerA());
    expect(a.errors).toBeUndefined();
    expect(a.data?.model).toEqual({ alertCount: 2, stats: { alerts: 2, concluded: 1, confirmed: 1, hitRate: 1 } });
    const ranked = a.data?.riskRanking as { entity: { id: string }; alertIds: string[] }[];
    expect(ranked.flatMap((r) => r.alertIds).every((fp) => ALERTS_A.includes(fp))).toBe(true);
    expect(ranked.map((r) => r.entity.id).sort()).toEqual([J.cadreA, J.villager, J.townA].sort());

    const all = await h.gql(q, {}, await countyUser());
    // The shared seed's five alerts of this model (one gone), the two of A, the two of B, the one anchored nowhere.
    expect(all.data?.model.alertCount).toBe(5 + 2 + 2 + 1);
  });

  it('shows a user of the county government (the top unit) everything, as `*` does', async () => {
    const county = await h.gql(INBOX, {}, await countyUser());
    const everywhere = await h.gql(INBOX, {}, await h.as('tester'));
    expect(county.data?.alerts.totalCount).toBe(ALERT_ORDER.length + ALERTS_A.length + ALERTS_B.length + ALERTS_NOWHERE.length);
    expect(ids(county)).toEqual(ids(everywhere));
  });

  it("refuses a handler of A any triage on B's alert with FORBIDDEN, and lets them take A's", async () => {
    const assign = 'mutation($id: ID!) { assign(id: $id) { id state assignee } }';
    const refused = await h.gql(assign, { id: 'j-b-official' }, await handlerA());
    expect(code(refused)).toBe('FORBIDDEN');
    const comment = await h.gql('mutation { comment(id: "j-none", text: "看看") { id } }', {}, await handlerA());
    expect(code(comment)).toBe('FORBIDDEN');
    const untouched = await h.gql('{ alert(id: "j-b-official") { state assignee history { action } } }', {}, await countyUser());
    expect(untouched.data?.alert).toEqual({ state: 'new', assignee: null, history: [] });

    const taken = await h.gql(assign, { id: 'j-a-cadre' }, await handlerA());
    expect(taken.errors).toBeUndefined();
    expect(taken.data?.assign).toEqual({ id: 'j-a-cadre', state: 'assigned', assignee: 'j-handler-a' });
  });

  it('offers as assignees the handlers whose jurisdiction meets the caller’s subtree, not another township’s', async () => {
    await h.as('j-h-village-a', 'handler', [J.villageA]);
    await h.as('j-h-town-b', 'handler', [J.townB]);
    await h.as('j-h-county', 'handler', [J.county]);
    await handlerA();
    const r = await h.gql('{ assignees { name } }', {}, await viewerA());
    const names = (r.data?.assignees as { name: string }[]).map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['j-handler-a', 'j-h-village-a', 'j-h-county', 'tester']));
    expect(names).not.toContain('j-h-town-b');
  });

  it("refuses to hand A's alert to a handler of B, who could not see it, and hands it to a county handler", async () => {
    await h.as('j-h-town-b', 'handler', [J.townB]);
    await h.as('j-h-county', 'handler', [J.county]);
    const assign = 'mutation($id: ID!, $to: String) { assign(id: $id, assignee: $to) { assignee } }';
    const refused = await h.gql(assign, { id: 'j-a-cadre', to: 'j-h-town-b' }, await countyUser2());
    expect(code(refused)).toBe('BAD_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/outside/);
    const given = await h.gql(assign, { id: 'j-a-cadre', to: 'j-h-county' }, await countyUser2());
    expect(given.data?.assign).toEqual({ assignee: 'j-h-county' });
  });
});

describe('entities outside the jurisdiction', () => {
  const ENTITY = 'query($id: ID!) { entity(id: $id) { id caption } }';

  it('asks for a reason (REASON_REQUIRED) before A reads an entity of B, and answers once one is given', async () => {
    for (const uid of [J.officialB, J.villageB, J.companyB, 'Alert:j-b-official']) {
      const r = await h.gql(ENTITY, { id: uid }, await viewerA());
      expect(code(r), uid).toBe('REASON_REQUIRED');
      expect(r.data?.entity ?? null, uid).toBeNull();
    }
    const given = await h.gql(ENTITY, { id: J.officialB }, await withReason(viewerA()));
    expect(given.errors).toBeUndefined();
    expect(given.data?.entity.caption).toBe('乙镇官');
  });

  it('lets A read its own without a reason: its units, their people, the subjects of its alerts', async () => {
    for (const uid of [J.townA, J.villageA, J.cadreA, J.villager, J.county, 'Alert:j-a-cadre']) {
      const r = await h.gql(ENTITY, { id: uid }, await viewerA());
      expect(r.errors, uid).toBeUndefined();
      expect(r.data?.entity, uid).not.toBeNull();
    }
    // The villager is A's only through A's alert: B has no claim on them.
    expect(code(await h.gql(ENTITY, { id: J.villager }, await viewerB()))).toBe('REASON_REQUIRED');
  });

  it('checks the centre of neighbours and both ends of paths, and leaves out alerts of other units', async () => {
    const nb = 'query($id: ID!) { neighbours(id: $id, types: ["FLAGS"]) { nodes { id } } }';
    expect(code(await h.gql(nb, { id: J.officialB }, await viewerA()))).toBe('REASON_REQUIRED');
    const mine = await h.gql(nb, { id: J.villager }, await viewerA());
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.neighbours.nodes.map((n: Loose) => n.id)).toEqual(['Alert:j-a-cadre']);
    const county = await h.gql(nb, { id: J.villager }, await countyUser());
    expect(county.data?.neighbours.nodes.map((n: Loose) => n.id).sort()).toEqual(['Alert:j-a-cadre', 'Alert:j-none']);

    const paths = 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, types: ["HOLDS_POST", "PART_OF"]) { nodes { id } } }';
    expect(code(await h.gql(paths, { a: J.cadreA, b: J.officialB }, await viewerA()))).toBe('REASON_REQUIRED');
    const reasoned = await h.gql(paths, { a: J.cadreA, b: J.officialB }, await withReason(viewerA()));
    expect(reasoned.errors).toBeUndefined();
    expect(reasoned.data?.paths.nodes.map((n: Loose) => n.id)).toContain(J.county);
  });

  it('finds entities of B in a search without a reason', async () => {
    const r = await h.gql('{ search(q: "乙镇官") { entity { id } } }', {}, await viewerA());
    expect(r.errors).toBeUndefined();
    expect(r.data?.search.map((x: Loose) => x.entity.id)).toContain(J.officialB);
  });

  it('refuses with FORBIDDEN, reason or not, on a site whose policy is refuse', async () => {
    const strict = harnessOn(h.executor, { access: h.access, outsideJurisdiction: 'refuse' });
    const r = await strict.gql(ENTITY, { id: J.officialB }, await withReason(viewerA()));
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.data?.entity ?? null).toBeNull();
    const paths = 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { nodes { id } } }';
    expect(code(await strict.gql(paths, { a: J.cadreA, b: J.officialB }, await withReason(viewerA())))).toBe('FORBIDDEN');
    expect((await strict.gql(ENTITY, { id: J.cadreA }, await viewerA())).data?.entity.id).toBe(J.cadreA);
  });
});

describe('what the audit trail is told', () => {
  const schema = buildSchema();
  const principal = (units: string[]): Principal => ({
    kind: 'user',
    id: 'j-audited',
    displayName: '审计对象',
    role: 'viewer',
    jurisdiction: { all: false, units },
    via: 'password',
  });
  /** Runs one operation through the real schema and resolvers and returns the request's context with its notes. */
  async function run(query: string, units: string[], reason: string | null): Promise<{ ctx: ApiContext; data: Loose; errors: unknown }> {
    const request = new Request('http://x/graphql', { headers: reason ? { [REASON_HEADER]: encodeURIComponent(reason) } : {} });
    const ctx = buildContext(
      { executor: h.executor, access: h.access, graphSchema: loadGraphSchema(), models: modelCatalog },
      { request } as unknown as YogaInitialContext,
      principal(units),
    );
    // The real schema and resolvers, served with this one context (no sign-in plugin: the principal is given).
    const yoga = createYoga({ schema, context: () => ctx, logging: false });
    const res = await yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: Loose; errors?: unknown };
    return { ctx, data: body.data, errors: body.errors };
  }

  it('flags an entity read outside the jurisdiction with a reason, and nothing read inside', async () => {
    const out = await run(`{ entity(id: "${J.officialB}") { id } }`, [J.townA], '案件 2024-017');
    expect(out.errors).toBeUndefined();
    expect([...out.ctx.audit.outside]).toEqual([J.officialB]);
    const inside = await run(`{ entity(id: "${J.cadreA}") { id } }`, [J.townA], null);
    expect(inside.errors).toBeUndefined();
    expect(inside.ctx.audit.outside.size).toBe(0);
    const county = await run(`{ entity(id: "${J.officialB}") { id } }`, [J.county], null);
    expect(county.errors).toBeUndefined();
    expect(county.ctx.audit.outside.size).toBe(0);
  });

  it('flags the search hits and neighbours outside the jurisdiction that a response returns', async () => {
    const found = await run('{ search(q: "乙镇官") { entity { id } } }', [J.townA], null);
    expect(found.errors).toBeUndefined();
    expect(found.ctx.audit.outside.has(J.officialB)).toBe(true);
    // The county government is one relationship above A (inside); its other township is not.
    const around = await run(`{ neighbours(id: "${J.county}") { nodes { id } } }`, [J.townA], null);
    expect(around.errors).toBeUndefined();
    expect(around.data.neighbours.nodes.map((n: Loose) => n.id).sort()).toEqual([J.townA, J.townB].sort());
    expect([...around.ctx.audit.outside]).toEqual([J.townB]);
  });
});
