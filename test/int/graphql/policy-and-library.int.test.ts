// The site policy and the live library kept in step: a model published while the server runs gets the
// policy's site-wide values at once; a publish or a retirement that would leave the policy unloadable at the
// next start (a model it names gone, a site-wide value a new model would refuse) is refused with the reason,
// and nothing is written. Real Neo4j, the real library, checker and publisher.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { loadLibrary, MODELS_DIR, siteModelsDir } from '../../../server/models/library.js';
import { checkedLibrary, LiveLibrary } from '../../../server/models/live-library.js';
import { retiredFile } from '../../../server/models/retired.js';
import { SitePolicy } from '../../../server/models/policy.js';
import { freshGraph } from '../../support/db.js';
import { M03 } from '../models/policy-seed.js';
import { codeOf, siteApp, type SiteApp } from './site-app.js';

const VAR = path.join(ROOT, 'var', 'test-policy-and-library');
const SITE = path.join(VAR, 'site');
const HOLIDAYS = ['2024-10-01', '2024-10-02'];
const POLICY = `defaults:\n  holidays: [${HOLIDAYS.join(', ')}]\nmodels:\n  ${M03}:\n    minAmount: 1000000\n`;

/** A site model declaring `holidays` with the given type and default, and using it as that type. */
const model = (id: string, holidaysType: string, holidaysDefault: string, where: string) => `// ---
// id: ${id}
// revision: 1
// title: { zh: 节假日任职, en: Posts begun on a holiday }
// description: A model written for the policy test.
// severity: low
// parameters:
//   holidays:
//     type: ${holidaysType}
//     default: ${holidaysDefault}
// identity: [person]
// subjects:
//   - { column: person, role: person }
// evidence: evidence
// summary: { zh: "{name}节假日任职", en: "{name} took a post on a holiday" }
// ---
MATCH path = (p:Person)-[r:HOLDS_POST]->(:Org)
WHERE ${where}
RETURN p AS person, p.name AS name, [path] AS evidence
`;

let db: Executor;
let site: SiteApp;
let library: LiveLibrary;

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  rmSync(VAR, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  writeFileSync(path.join(SITE, 'policy.yaml'), POLICY);
  const load = () => checkedLibrary(db, loadLibrary(MODELS_DIR, siteModelsDir(SITE)));
  library = new LiveLibrary(await load(), load);
  site = siteApp(db, library, SITE, VAR);
});
afterAll(async () => {
  await db?.close();
  rmSync(VAR, { recursive: true, force: true });
});

const PUBLISH = `mutation ($s: String!) { publishModel(source: $s, reason: "节假日测试") { id revision } }`;
const RETIRE = `mutation ($id: String!) { retireModel(id: $id, reason: "不再使用") }`;

const M39 = 'integrity.approval-delays';
const SHOW = `{ sitePolicy { models { modelId params siteParams parameters { name value tuned fromSite } } } }`;
const shown = async (id: string) =>
  ((await site.gql(SHOW)).data?.sitePolicy?.models as Record<string, unknown>[]).find((m) => m.modelId === id) as {
    params: Record<string, unknown>;
    siteParams: Record<string, unknown>;
    parameters: { name: string; value: unknown; tuned: boolean; fromSite: boolean }[];
  };
const holidaysOf = async (id: string) => (await shown(id)).parameters.find((p) => p.name === 'holidays');

describe("the site-wide values beside a model's own", () => {
  it("shows them apart from the model's entry, the entry over them, and a reset of the model keeping them", async () => {
    expect(await shown(M39)).toMatchObject({ params: {}, siteParams: { holidays: HOLIDAYS } });
    expect(await holidaysOf(M39)).toEqual({ name: 'holidays', value: HOLIDAYS, tuned: true, fromSite: true });
    const own = ['2024-05-01'];
    const set = `mutation ($p: JSON!) { setModelPolicy(model: "${M39}", params: $p, reason: "本模型假日") { modelId } }`;
    expect((await site.gql(set, { p: { holidays: own } })).errors).toBeUndefined();
    expect(await shown(M39)).toMatchObject({ params: { holidays: own }, siteParams: {} });
    expect(await holidaysOf(M39)).toEqual({ name: 'holidays', value: own, tuned: true, fromSite: false });
    expect(site.policy.paramsFor(M39)).toEqual({ holidays: own });
    // The audit trail records the model's entry before and after, not the site-wide values beside it.
    const details = readdirSync(path.join(VAR, 'audit'))
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) =>
        readFileSync(path.join(VAR, 'audit', f), 'utf8')
          .trim()
          .split('\n'),
      )
      .map((l) => (JSON.parse(l) as { detail: string | null }).detail ?? '');
    expect(details).toContainEqual(expect.stringContaining(`policy ${M39}: before {} after {"holidays":["2024-05-01"]}`));
    expect((await site.gql(set, { p: {} })).errors).toBeUndefined();
    expect(await holidaysOf(M39)).toEqual({ name: 'holidays', value: HOLIDAYS, tuned: true, fromSite: true });
    expect(site.policy.paramsFor(M39)).toEqual({ holidays: HOLIDAYS });
  });
});

describe('the site policy and the library it names', () => {
  it('gives a model published while the server runs the site-wide values at once', async () => {
    const id = 'site.posts-on-holidays';
    const r = await site.gql(PUBLISH, { s: model(id, 'date[]', '[]', 'toString(r.from) IN $holidays') });
    expect(r.errors).toBeUndefined();
    expect(library.get(id)).toBeDefined();
    expect(site.policy.paramsFor(id)).toEqual({ holidays: HOLIDAYS });
    const shown = await site.gql(`{ sitePolicy { models { modelId parameters { name value tuned } } } }`);
    const entry = (shown.data?.sitePolicy?.models as { modelId: string; parameters: unknown[] }[]).find((m) => m.modelId === id);
    expect(entry?.parameters).toEqual([{ name: 'holidays', value: HOLIDAYS, tuned: true }]);
  });

  it('refuses to publish a model that would refuse a site-wide value, naming it, and writes nothing', async () => {
    const id = 'site.posts-on-holiday-text';
    const r = await site.gql(PUBLISH, { s: model(id, 'string', "''", '$holidays CONTAINS toString(r.from)') });
    expect(codeOf(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(
      /site policy unable to load.*defaults\.holidays: must be a string \(as site\.posts-on-holiday-text/,
    );
    expect(library.get(id)).toBeUndefined();
    expect(existsSync(path.join(siteModelsDir(SITE), 'site', 'posts-on-holiday-text.cypher'))).toBe(false);
  });

  it('refuses to retire a model the policy tunes, saying so, and keeps it', async () => {
    const r = await site.gql(RETIRE, { id: M03 });
    expect(codeOf(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(
      new RegExp(`retiring ${M03} would leave the site policy unable to load.*models\\.${M03}: no model`),
    );
    expect(library.get(M03)).toBeDefined();
    expect(existsSync(retiredFile(siteModelsDir(SITE)))).toBe(false);
  });

  it('retires it once its entry is taken out of the policy, and the policy still loads as the next start would', async () => {
    expect(
      (await site.gql(`mutation { setModelPolicy(model: "${M03}", params: {}, reason: "退役前") { modelId } }`)).errors,
    ).toBeUndefined();
    const r = await site.gql(RETIRE, { id: M03 });
    expect(r.errors).toBeUndefined();
    expect(library.get(M03)).toBeUndefined();
    expect(() => SitePolicy.load(SITE, loadLibrary(MODELS_DIR, siteModelsDir(SITE)))).not.toThrow();
  });
});
