// The analyst's workbench through the real API on a real Neo4j: validateModel refuses a write clause with
// the reason and its line and accepts the fixed source; tryModel sorts alerts into new, kept and gone against
// those on record; drafts belong to their owner; the console refuses writes, caps rows and records each query;
// publish moves the revision, writes the site folder, reloads the library, is audited, and is refused when the
// fixtures fail (run in a scratch Neo4j) or for a case handler; retire takes the model out.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { accessOn, type Access } from '../../../server/access/access.js';
import type { Role } from '../../../server/access/roles.js';
import { createApp, type App } from '../../../server/app.js';
import { AuditTrail } from '../../../server/audit/trail.js';
import { catalogOf } from '../../../server/graphql/model/catalog.js';
import { loadLibrary, MODELS_DIR } from '../../../server/models/library.js';
import { LiveLibrary } from '../../../server/models/live-library.js';
import { runModel } from '../../../server/models/runner.js';
import { parseSource } from '../../../server/models/workbench.js';
import { scratchFixtureDb } from '../../../server/models/scratch-fixtures.js';
import { freshGraph } from '../../support/db.js';
import { seed, uid } from '../../support/seed.js';
import { sessionHeaders, type Loose } from './harness.js';

const ID = 'site.officials-named';
const model = (where: string, revision = 1) => `// ---
// id: ${ID}
// revision: ${revision}
// title: { zh: 指定姓氏的公职人员, en: Officials of a given surname }
// description: A model written in the workbench test.
// severity: low
// parameters:
//   surname: { type: string, default: 王 }
// identity: [person]
// subjects:
//   - { column: person, role: person }
// evidence: evidence
// summary: { zh: "{name}任职", en: "{name} holds a post" }
// ---
MATCH path = (p:Person)-[:HOLDS_POST]->(:Org)
WHERE ${where}
RETURN p AS person, p.name AS name, [path] AS evidence
`;
const FIRST = model('p.name STARTS WITH $surname');
const WRITES = FIRST.replace('RETURN p AS', 'SET p.flagged = true\nRETURN p AS');
const CHANGED = model("(p.name STARTS WITH $surname AND p.name <> '王二') OR p.name = '李三'");
const fixtures = (expected: string) => `model: ${ID}
cases:
  - name: one official named 王
    nodes:
      - { label: Org, key: U }
      - { label: Person, key: W, props: { name: 王五 } }
      - { label: Person, key: Z, props: { name: 赵六 } }
    relationships:
      - { from: "Person:W", type: HOLDS_POST, to: "Org:U", props: { from: 2020-01-01 } }
      - { from: "Person:Z", type: HOLDS_POST, to: "Org:U" }
    expect:
      - { person: "${expected}" }
    nearMisses:
      - { person: "Person:Z" }
`;

let db: Executor;
let access: Access;
let app: App;
let site: string;
let trail: AuditTrail;
let library: LiveLibrary;
let closeScratch: () => Promise<void> = async () => {};
type Result = { data?: Record<string, Loose> | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function gql(query: string, variables: Record<string, unknown> = {}, user = 'ana', role: Role = 'analyst'): Promise<Result> {
  const auth = await sessionHeaders(access, user, role);
  const res = await app.fetch(
    new Request('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await res.json()) as Result;
}
const code = (r: Result) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  db = await freshGraph();
  await seed(
    db,
    [
      { label: 'Org', key: 'U', props: { name: '县交通局' } },
      { label: 'Person', key: 'W1', props: { name: '王一' } },
      { label: 'Person', key: 'W2', props: { name: '王二' } },
      { label: 'Person', key: 'L3', props: { name: '李三' } },
    ],
    ['W1', 'W2', 'L3'].map((k) => ({ from: uid('Person', k), type: 'HOLDS_POST', to: uid('Org', 'U') })),
  );
  // The alerts of the current revision on record: 王一 and 王二.
  const stored = await runModel(db, parseSource(FIRST));
  expect(stored.error).toBeNull();
  site = mkdtempSync(path.join(tmpdir(), 'huiyan-site-'));
  const siteModels = path.join(site, 'models');
  trail = new AuditTrail(path.join(site, 'audit'));
  library = new LiveLibrary(loadLibrary(MODELS_DIR, siteModels), async () => loadLibrary(MODELS_DIR, siteModels));
  // One scratch Neo4j for every fixture run of this file (each run leaves it empty again).
  const open = scratchFixtureDb(() => {});
  const scratch = await open();
  closeScratch = scratch.close;
  access = accessOn(db);
  app = createApp({
    executor: db,
    access,
    graphSchema: loadGraphSchema(),
    models: catalogOf(library),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    webDir: '/nonexistent',
    audit: trail,
    workbench: { library, siteModelsDir: siteModels, fixtureDb: async () => ({ db: scratch.db, close: async () => {} }) },
  });
}, 240_000);
afterAll(async () => {
  await closeScratch();
  await db?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

const VALIDATE = 'query V($s: String!) { validateModel(source: $s) { ok id revision parameters { name } problems { message line } } }';

describe('validateModel', () => {
  it('refuses a write clause with the reason and the line it is on', async () => {
    const r = await gql(VALIDATE, { s: WRITES });
    expect(r.errors).toBeUndefined();
    const v = r.data!.validateModel;
    expect(v.ok).toBe(false);
    expect(v.problems[0].message).toMatch(/may only read.*"(w|rw)"/);
    expect(v.problems[0].line).toBe(WRITES.split('\n').findIndex((l) => l.startsWith('SET ')) + 1);
  });

  it('accepts the source once the write is taken out, with its header parsed', async () => {
    const v = (await gql(VALIDATE, { s: FIRST })).data!.validateModel;
    expect(v).toMatchObject({ ok: true, id: ID, revision: 1, parameters: [{ name: 'surname' }], problems: [] });
  });

  it('names a parameter the header does not declare', async () => {
    const v = (await gql(VALIDATE, { s: FIRST.replace('$surname', '$family') })).data!.validateModel;
    expect(v.ok).toBe(false);
    expect(v.problems[0].message).toMatch(/\$family/);
  });

  it('is refused to a case handler', async () => {
    expect(code(await gql(VALIDATE, { s: FIRST }, 'handy', 'handler'))).toBe('FORBIDDEN');
  });
});

describe('tryModel', () => {
  const TRY = `mutation T($s: String!, $p: JSON) { tryModel(source: $s, params: $p) {
    modelId rows truncated error complete columns table limits { timeoutMs maxRows } graph { nodes { id } edges { type } }
    new { fingerprint subjects { id } } kept { subjects { id } } gone { fingerprint summary } } }`;

  it('sorts the alerts into new, kept and gone against those on record', async () => {
    const r = await gql(TRY, { s: CHANGED });
    expect(r.errors).toBeUndefined();
    const t = r.data!.tryModel;
    expect(t).toMatchObject({
      modelId: ID,
      rows: 2,
      truncated: false,
      error: null,
      complete: true,
      limits: { timeoutMs: 30000, maxRows: 2000 },
    });
    expect(t.new.map((a: Loose) => a.subjects[0].id)).toEqual([uid('Person', 'L3')]);
    expect(t.kept.map((a: Loose) => a.subjects[0].id)).toEqual([uid('Person', 'W1')]);
    expect(t.gone.map((a: Loose) => a.summary)).toEqual(['王二任职']);
    expect(t.columns).toEqual(['person', 'name', 'evidence']);
    expect(t.graph.nodes.map((n: Loose) => n.id).sort()).toEqual([uid('Org', 'U'), uid('Person', 'L3'), uid('Person', 'W1')].sort());
    expect(t.graph.edges.every((e: Loose) => e.type === 'HOLDS_POST')).toBe(true);
  });

  it('stores nothing', async () => {
    const { rows } = await db.read<{ n: number }>(
      'MATCH (a:Alert {modelId: $id}) WHERE coalesce(a.gone, false) = false RETURN count(a) AS n',
      { id: ID },
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('refuses a source that writes, with the reason', async () => {
    const r = await gql(TRY, { s: WRITES });
    expect(r.data?.tryModel?.error ?? r.errors?.[0]?.message).toMatch(/may only read/);
  });
});

describe('drafts', () => {
  it('keeps a draft for its owner only, and deletes it', async () => {
    const saved = await gql('mutation { saveModelDraft(name: "mine", source: "// draft") { name source updatedAt } }');
    expect(saved.data!.saveModelDraft).toMatchObject({ name: 'mine', source: '// draft' });
    await gql('mutation { saveModelDraft(name: "mine", source: "// draft 2") { name } }');
    expect((await gql('{ modelDrafts { name source } }')).data!.modelDrafts).toEqual([{ name: 'mine', source: '// draft 2' }]);
    expect((await gql('{ modelDrafts { name } }', {}, 'other')).data!.modelDrafts).toEqual([]);
    expect(code(await gql('mutation { deleteModelDraft(name: "mine") }', {}, 'other'))).toBe('NOT_FOUND');
    expect((await gql('mutation { deleteModelDraft(name: "mine") }')).data!.deleteModelDraft).toBe(true);
    expect((await gql('{ modelDrafts { name } }')).data!.modelDrafts).toEqual([]);
  });
});

describe('the console', () => {
  const RUN =
    'mutation C($c: String!, $p: JSON) { consoleQuery(cypher: $c, params: $p) { columns table truncated limits { maxRows } graph { nodes { id caption } } } }';

  it('refuses a write, with the reason, and changes nothing', async () => {
    const r = await gql(RUN, { c: "MATCH (p:Person {name: '王一'}) SET p.name = 'x' RETURN p" });
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors![0]!.message).toMatch(/may only read/);
    const { rows } = await db.read<{ n: number }>("MATCH (p:Person {name: '王一'}) RETURN count(p) AS n");
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses a procedure outside the allowlist', async () => {
    const r = await gql(RUN, { c: 'SHOW TRANSACTIONS' });
    expect(code(r)).toBe('BAD_INPUT');
  });

  it('stops at the row cap', async () => {
    const r = await gql(RUN, { c: 'UNWIND range(1, $n) AS x RETURN x', p: { n: 5000 } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.consoleQuery.table).toHaveLength(1000);
    expect(r.data!.consoleQuery).toMatchObject({ truncated: true, columns: ['x'], limits: { maxRows: 1000 } });
  });

  it('returns nodes for the graph and records the query text in the audit trail', async () => {
    const text = "MATCH (p:Person) WHERE p.name = '李三' RETURN p";
    const r = await gql(RUN, { c: text });
    expect(r.data!.consoleQuery.graph.nodes).toEqual([{ id: uid('Person', 'L3'), caption: '李三' }]);
    const { records } = await trail.search({}, 1, null);
    expect(records[0]!.actor).toBe('ana');
    expect(records[0]!.entities).toContain(uid('Person', 'L3'));
    expect(JSON.stringify(records[0])).toContain(text.replace(/'/g, "'"));
  });
});

describe('publish and retire', () => {
  const PUBLISH = `mutation P($s: String!, $f: String, $r: String!) { publishModel(source: $s, fixtures: $f, reason: $r) {
    id revision previousRevision file diff fixtureCases } }`;

  it('is refused to a case handler', async () => {
    const r = await gql(PUBLISH, { s: FIRST, f: fixtures('Person:W'), r: '试用' }, 'handy', 'handler');
    expect(code(r)).toBe('FORBIDDEN');
    expect(library.get(ID)).toBeUndefined();
  });

  it('is refused when the fixtures fail, with the reason, and writes nothing', async () => {
    const r = await gql(PUBLISH, { s: FIRST, f: fixtures('Person:Z'), r: '新模型' });
    expect(code(r)).toBe('BAD_INPUT');
    expect(r.errors![0]!.message).toMatch(/fixtures fail[\s\S]*one official named 王: missing[\s\S]*unexpected/);
    expect(existsSync(path.join(site, 'models', 'site'))).toBe(false);
    expect(library.get(ID)).toBeUndefined();
  }, 120_000);

  it('publishes revision 1 into the site folder, reloads the library and records who and why', async () => {
    const r = await gql(PUBLISH, { s: FIRST, f: fixtures('Person:W'), r: '新增模型：王姓公职人员' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.publishModel).toMatchObject({ id: ID, revision: 1, previousRevision: null, diff: '', fixtureCases: 1 });
    const file = path.join(site, 'models', 'site', 'officials-named.cypher');
    expect(readFileSync(file, 'utf8')).toBe(FIRST);
    expect(existsSync(path.join(site, 'models', 'site', 'officials-named.fixtures.yaml'))).toBe(true);
    expect((await gql('{ model(id: "site.officials-named") { revision } }')).data!.model).toEqual({ revision: 1 });
    const { records } = await trail.search({}, 1, null);
    expect(records[0]).toMatchObject({ actor: 'ana', kind: 'write', writes: [{ action: 'model.publish', target: `${ID} r1` }] });
    expect(JSON.stringify(records[0])).toContain('新增模型：王姓公职人员');
  }, 120_000);

  it('publishes a change as the next revision, whatever the header said, with the diff', async () => {
    const r = await gql(PUBLISH, { s: CHANGED, r: '排除王二' });
    expect(r.errors).toBeUndefined();
    const p = r.data!.publishModel;
    expect(p).toMatchObject({ revision: 2, previousRevision: 1, fixtureCases: 1 });
    expect(p.diff).toContain(
      "-WHERE p.name STARTS WITH $surname\n+WHERE (p.name STARTS WITH $surname AND p.name <> '王二') OR p.name = '李三'",
    );
    expect(p.diff).toContain('-// revision: 1\n+// revision: 2');
    expect(library.get(ID)?.revision).toBe(2);
    const diff = await gql('{ modelRevisionDiff(id: "site.officials-named", from: 1, to: 2) }');
    expect(diff.data!.modelRevisionDiff).toBe(p.diff);
  }, 120_000);

  it('retires the model with a reason: the library no longer has it', async () => {
    const r = await gql('mutation { retireModel(id: "site.officials-named", reason: "误报多") }');
    expect(r.errors).toBeUndefined();
    expect((await gql('{ model(id: "site.officials-named") { revision } }')).data!.model).toBeNull();
    const { records } = await trail.search({}, 1, null);
    expect(records[0]!.writes).toEqual([{ action: 'model.retire', target: `${ID} r2` }]);
  });
});
