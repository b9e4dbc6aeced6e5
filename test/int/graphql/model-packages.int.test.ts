// Sharing models between jurisdictions: export at one site, review and import at a second, empty one,
// the imported model listed and run there at once (published through the workbench's path, which reloads
// the live library); a tampered package, a writing query, a model whose fixtures fail (the whole package)
// and a non-admin refused. Real Neo4j, the real library, checker, runner and a scratch Neo4j for fixtures;
// the second site's library is loaded from its folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { loadLibrary, type Library } from '../../../server/models/library.js';
import { checkedLibrary, LiveLibrary } from '../../../server/models/live-library.js';
import { runModel } from '../../../server/models/runner.js';
import { sealPackage, type ModelPackage } from '../../../server/models/packages/format.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { freshGraph } from '../../support/db.js';
import { M03, seedTwoAwards } from '../models/policy-seed.js';

/** The shipped M03's revision, which the package carries and the second site ends up with. */
const REV = loadLibrary().get(M03)!.revision;
import { codeOf, siteApp, type SiteApp } from './site-app.js';

const VAR = path.join(ROOT, 'var', 'test-model-packages');
const SITE_A = path.join(VAR, 'a', 'site');
const SITE_B = path.join(VAR, 'b', 'site');
const EMPTY: Library = { models: [], refused: [], get: () => undefined };
let db: Executor;
let a: SiteApp;
let b: SiteApp;
let exported: string;

const REVIEW = `query ($p: String!) { reviewModelPackage(package: $p) { ok hash problems models { id revision status siteRevision problems stats history } } }`;
const IMPORT = `mutation ($p: String!) { importModelPackage(package: $p) { ok written models { id status } } }`;

beforeAll(async () => {
  db = await freshGraph();
  await applyAccessSchema(db);
  await seedTwoAwards(db);
  rmSync(VAR, { recursive: true, force: true });
  mkdirSync(SITE_A, { recursive: true });
  mkdirSync(SITE_B, { recursive: true });
  const library = loadLibrary();
  a = siteApp(db, library, SITE_A, path.join(VAR, 'a'));
  // Site B has no model of its own but what it imports: its live library is read from its folder only.
  const bModels = path.join(SITE_B, 'models');
  b = siteApp(db, new LiveLibrary(EMPTY, () => checkedLibrary(db, loadLibrary(bModels))), SITE_B, path.join(VAR, 'b'), a.access);
  // Alerts at site A, so the package carries statistics.
  await runModel(db, library.get(M03)!);
});
afterAll(async () => {
  await db?.close();
});

describe('model packages', () => {
  it('exports models with their file, history and statistics, sealed by a hash', async () => {
    const r = await a.gql(`{ exportModels(ids: ["${M03}"]) }`, {}, 'analyst');
    expect(r.errors).toBeUndefined();
    exported = r.data?.exportModels as string;
    const pkg = JSON.parse(exported) as ModelPackage;
    expect(pkg.manifest).toMatchObject({ format: 'huiyan-models/1', models: [{ id: M03, revision: REV }] });
    expect(pkg.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pkg.models[0]!.cypher).toBe(
      readFileSync(path.join(ROOT, 'cypher/models/procurement/kin-of-official-at-winning-bidder.cypher'), 'utf8'),
    );
    expect(pkg.models[0]!.stats).toMatchObject({ alerts: 2 });
    expect(pkg.models[0]!.history.length).toBeGreaterThan(0);
    expect(codeOf(await a.gql(`{ exportModels(ids: ["no.such"]) }`, {}, 'analyst'))).toBe('BAD_INPUT');
    expect(codeOf(await a.gql(`{ exportModels(ids: ["${M03}"]) }`, {}, 'handler'))).toBe('FORBIDDEN');
  });

  it('refuses a package whole when one of its models fails its fixtures, writing none of them', async () => {
    const pkg = JSON.parse(exported) as ModelPackage;
    const m = pkg.models[0]!;
    const copy = 'procurement.kin-copy';
    // The fixture expects an alert on a lot with no winner at all: the model (rightly) raises none.
    const failing = {
      ...m,
      id: copy,
      file: 'kin-copy.cypher',
      cypher: m.cypher.replace(`id: ${M03}`, `id: ${copy}`),
      fixtures: `model: ${copy}\ncases:\n  - name: a lot nobody won\n    nodes:\n      - { label: Project, key: X }\n    expect:\n      - { project: "Project:X" }\n`,
    };
    const sealed = JSON.stringify(sealPackage([m, failing], 'elsewhere', new Date()));
    expect((await b.gql(REVIEW, { p: sealed })).data?.reviewModelPackage.ok).toBe(true);
    const r = await b.gql(IMPORT, { p: sealed });
    expect(codeOf(r)).toBe('BAD_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/procurement\.kin-copy: the model's fixtures fail[\s\S]*a lot nobody won: missing/);
    expect(existsSync(path.join(SITE_B, 'models', 'procurement'))).toBe(false);
    expect((await b.gql(`{ model(id: "${M03}") { revision } }`)).data?.model).toBeNull();
  }, 180_000);

  it('shows a second site what is new, refuses the import to an analyst, and publishes it for an admin', async () => {
    const review = await b.gql(REVIEW, { p: exported });
    expect(review.errors).toBeUndefined();
    expect(review.data?.reviewModelPackage).toMatchObject({
      ok: true,
      problems: [],
      models: [{ id: M03, status: 'NEW', siteRevision: null, problems: [] }],
    });
    expect(codeOf(await b.gql(IMPORT, { p: exported }, 'analyst'))).toBe('FORBIDDEN');
    expect(existsSync(path.join(SITE_B, 'models'))).toBe(false);

    const done = await b.gql(IMPORT, { p: exported });
    expect(done.errors).toBeUndefined();
    const file = path.join(SITE_B, 'models', 'procurement', 'kin-of-official-at-winning-bidder.cypher');
    expect(done.data?.importModelPackage).toEqual({ ok: true, written: [file], models: [{ id: M03, status: 'NEW' }] });
    const trail = readdirSync(path.join(VAR, 'b', 'audit'))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => readFileSync(path.join(VAR, 'b', 'audit', f), 'utf8'))
      .join('');
    expect(trail).toContain(`"action":"model.import","target":"${M03} r${REV}"`);

    // The second site lists and runs what it imported at once, without a restart.
    expect((await b.gql(`{ model(id: "${M03}") { revision } }`)).data?.model).toEqual({ revision: REV });
    const ran = await b.gql(`mutation { previewModel(id: "${M03}") { fingerprint } }`);
    expect(ran.errors).toBeUndefined();
    expect(ran.data?.previewModel).toHaveLength(2);
    expect((await b.gql(REVIEW, { p: exported })).data?.reviewModelPackage.models[0].status).toBe('SAME');
  });

  it('refuses a package altered after export, naming the hash mismatch', async () => {
    const pkg = JSON.parse(exported) as ModelPackage;
    pkg.models[0]!.cypher = pkg.models[0]!.cypher.replace('default: 0', 'default: 1');
    const tampered = JSON.stringify(pkg);
    const review = await b.gql(REVIEW, { p: tampered });
    expect(review.data?.reviewModelPackage.ok).toBe(false);
    expect(review.data?.reviewModelPackage.problems[0]).toMatch(/^hash does not match/);
    const refused = await b.gql(IMPORT, { p: tampered });
    expect(codeOf(refused)).toBe('BAD_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/hash does not match/);
  });

  it('refuses a correctly sealed package whose model would write, after checking it against the database', async () => {
    const pkg = JSON.parse(exported) as ModelPackage;
    const m = pkg.models[0]!;
    const writing = {
      ...m,
      id: 'procurement.writes',
      file: 'writes.cypher',
      cypher: m.cypher.replace(`id: ${M03}`, 'id: procurement.writes').replace(/\nRETURN /, '\nSET p.flagged = true\nRETURN '),
    };
    const sealed = JSON.stringify(sealPackage([writing], 'elsewhere', new Date()));
    const review = await b.gql(REVIEW, { p: sealed });
    expect(review.data?.reviewModelPackage.ok).toBe(false);
    expect(review.data?.reviewModelPackage.models[0].problems.join()).toMatch(/writes\.cypher/);
    expect(codeOf(await b.gql(IMPORT, { p: sealed }))).toBe('BAD_INPUT');
    expect(existsSync(path.join(SITE_B, 'models', 'procurement', 'writes.cypher'))).toBe(false);
  });
});
