// runModel / previewModel through the API, on a hand-made M03 case, with the real library and runner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOn, type Access } from '../../../server/access/access.js';
import { sessionHeaders } from './harness.js';
import type { Role } from '../../../server/access/roles.js';
import { createApp, type App } from '../../../server/app.js';
import type { Executor } from '../../../platform/db/executor.js';
import { neoDate } from '../../../platform/db/values.js';
import { catalogOf } from '../../../server/graphql/model/catalog.js';
import { loadLibrary } from '../../../server/models/library.js';
import { libraryRunner } from '../../../server/graphql/model/library-runner.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { freshGraph } from '../../support/db.js';
import { seed, uid } from '../../support/seed.js';

const M03 = 'procurement.kin-of-official-at-winning-bidder';
let db: Executor;
let access: Access;
let app: App;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
let gql: (
  query: string,
  role?: string,
) => Promise<{ data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  db = await freshGraph();
  await seed(
    db,
    [
      { label: 'Org', key: 'U', props: { name: '县交通局' } },
      { label: 'Person', key: 'P', props: { name: '刘洋' } },
      { label: 'Person', key: 'K', props: { name: '刘海' } },
      { label: 'Company', key: 'C', props: { name: '海通路桥有限公司' } },
      { label: 'Project', key: 'X', props: { name: '乡道改造' } },
    ],
    [
      {
        from: uid('Person', 'P'),
        type: 'HOLDS_POST',
        to: uid('Org', 'U'),
        props: { title: '局长', isLeader: true, from: neoDate('2019-01-01') },
      },
      { from: uid('Person', 'P'), type: 'KIN', to: uid('Person', 'K'), props: { relation: 'sibling' } },
      { from: uid('Person', 'K'), type: 'LEGAL_REP_OF', to: uid('Company', 'C') },
      { from: uid('Org', 'U'), type: 'TENDERED', to: uid('Project', 'X') },
      { from: uid('Company', 'C'), type: 'WON', to: uid('Project', 'X'), props: { amount: 2_000_000, date: neoDate('2023-03-01') } },
    ],
  );
  const library = loadLibrary();
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  access = accessOn(db);
  app = createApp({
    executor: db,
    access,
    graphSchema: loadGraphSchema(),
    models: catalogOf(library),
    runner: libraryRunner(db, library),
    logger: quiet,
    webDir: '/nonexistent',
  });
  gql = async (query, role = 'analyst') => {
    const auth = await sessionHeaders(access, role, role as Role);
    const res = await app.fetch(
      new Request('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query }),
      }),
    );
    return (await res.json()) as Awaited<ReturnType<typeof gql>>;
  };
});
afterAll(async () => {
  await db.close();
});

describe('running models through the API', () => {
  it('previews the alerts of a model without storing them', async () => {
    const r = await gql(`mutation { previewModel(id: "${M03}") { fingerprint summary amount subjects { role id } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.previewModel).toHaveLength(1);
    expect(r.data?.previewModel[0].summary).toContain('刘洋');
    const stored = await db.read<{ n: number }>('MATCH (a:Alert) RETURN count(a) AS n');
    expect(stored.rows[0]?.n).toBe(0);
  });

  it('lets a case handler check one lot before award, and stores what it finds', async () => {
    const r = await gql(`mutation { runModel(id: "${M03}", subject: "Project:X") { modelId alertsNew error } }`, 'handler');
    expect(r.errors).toBeUndefined();
    expect(r.data?.runModel).toEqual({ modelId: M03, alertsNew: 1, error: null });
  });

  it("answers the tender platform's pre-award check through a bearer token with the system role, and refuses it a full run", async () => {
    const { secret } = await access.tokens.issue({ name: '公共资源交易平台', role: 'system', units: ['*'], days: 30 }, 'admin');
    const call = async (query: string) => {
      const res = await app.fetch(
        new Request('http://x/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query }),
        }),
      );
      return (await res.json()) as { data?: Record<string, Loose>; errors?: { extensions?: { code?: string } }[] };
    };
    const check = await call(`mutation { previewModel(id: "${M03}", subject: "Project:X") { summary subjects { role } } }`);
    expect(check.errors).toBeUndefined();
    expect(check.data?.previewModel[0].subjects.map((s: Loose) => s.role)).toContain('project');
    expect((await call(`mutation { runModel(id: "${M03}") { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a full run to a case handler and any run to a viewer', async () => {
    expect((await gql(`mutation { runModel(id: "${M03}") { id } }`, 'handler')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await gql(`mutation { previewModel(id: "${M03}", subject: "Project:X") { fingerprint } }`, 'viewer')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('answers an unknown model with NOT_FOUND and a wrong parameter with BAD_INPUT', async () => {
    expect((await gql('mutation { runModel(id: "no.such") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql(`mutation { runModel(id: "${M03}", params: {minAmount: "lots"}) { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/minAmount/);
  });

  it('narrows with a parameter override', async () => {
    const r = await gql(`mutation { previewModel(id: "${M03}", params: {minAmount: 5000000}) { fingerprint } }`);
    expect(r.data?.previewModel).toEqual([]);
  });
});
