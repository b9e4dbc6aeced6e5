// Masking that hides, end to end: the synthetic county loaded through the loaders with a key, every model
// run, and a handler's responses (search, entity, neighbours, alerts with evidence and history, errors)
// hold no ID number anywhere, and no birth date beyond its year; an exact ID search still finds the person.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { loadFiles } from '../../../loaders/index.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { loadLibrary } from '../../../server/models/library.js';
import { runAll } from '../../../server/models/runner.js';
import { generateCounty } from '../../../synth/generate.js';
import { freshGraph } from '../../support/db.js';
import { harnessOn, type Harness, type Loose } from './harness.js';

const KEY = 'a-county-key-for-the-masking-test';
const token = pseudonymiser(KEY);
/** 18 characters shaped like an ID number, standing on their own (not digits inside a hex token or a longer number). */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** Credit codes of public bodies (12…) are 18 digits too, and no personal data: the graph's own are allowed. */
let creditCodes: Set<string>;
const idNumbersIn = (json: string) => [...json.matchAll(ID_NUMBER)].map((m) => m[0]).filter((m) => !creditCodes.has(m));

let db: Executor;
let dir: string;
let h: Harness;
/** A raw ID number of a person an alert flags, as the department files hold it. */
let rawId: string;
const responses: unknown[] = [];

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const r = await h.gql(query, variables);
  responses.push(r);
  return r;
}

const ENTITY = 'id label caption properties provenance { source file row }';
const GRAPH = `nodes { ${ENTITY} } edges { id type source target properties }`;

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(join(tmpdir(), 'huiyan-int-masking-'));
  const out = await generateCounty({ persons: 400, seed: 7, outDir: dir });
  const report = await loadFiles(db, out.files, { rejectsDir: join(dir, 'rejects'), pseudonymKey: KEY });
  expect(report.files.every((f) => f.reconciles)).toBe(true);
  const runs = await runAll(db, loadLibrary());
  expect(runs.filter((r) => r.error)).toEqual([]);
  await applyAccessSchema(db);
  h = harnessOn(db, { personKey: token });
  const { rows } = await db.read<{ c: string }>(
    'MATCH (n) WHERE n:Org OR n:Company UNWIND [n.code, n.uscc] AS c WITH c WHERE c IS NOT NULL RETURN c',
  );
  creditCodes = new Set(rows.map((r) => r.c));
  // The truth file names planted cases by the raw uids a load without a key would give.
  const flagged = out.truth.cases.flatMap((c) => c.key).find((k): k is string => typeof k === 'string' && k.startsWith('Person:'));
  rawId = flagged!.slice('Person:'.length);
}, 300_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a handler of a county loaded with a key', () => {
  it('finds a person by the exact ID number, under an opaque id', async () => {
    expect(rawId).toMatch(/^\d{17}[\dX]$/);
    const r = await ask(`query ($q: String!) { search(q: $q) { score entity { ${ENTITY} } } }`, { q: rawId });
    expect(r.errors).toBeUndefined();
    expect(r.data!.search).toHaveLength(1);
    expect(r.data!.search[0].entity.id).toBe(`Person:${token(rawId)}`);
  });

  it('reads entities, neighbours, search hits and alerts with evidence and history, and none holds an ID number', async () => {
    const person = `Person:${token(rawId)}`;
    const e = await ask(`query ($id: ID!) { entity(id: $id) { ${ENTITY} degree } }`, { id: person });
    expect(e.data!.entity.label).toBe('Person');
    const n = await ask(`query ($id: ID!) { neighbours(id: $id, limit: 200) { center { ${ENTITY} } ${GRAPH} } }`, { id: person });
    expect(n.data!.neighbours.nodes.length).toBeGreaterThan(0);
    const name = e.data!.entity.properties.name as string;
    const s = await ask(`query ($q: String!) { search(q: $q, limit: 100) { entity { ${ENTITY} } } }`, { q: name.slice(0, 2) });
    expect(s.data!.search.length).toBeGreaterThan(0);
    const alertFields = `id summary summaryEn: summary(lang: "en") subjects { role entity { ${ENTITY} } }
      evidence { ${GRAPH} } history { actor action comment }`;
    const a = await ask(`{ alerts(first: 100, filter: { includeGone: true }) { totalCount edges { node { ${alertFields} } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data!.alerts.edges.length).toBeGreaterThan(5);
    const mine = await ask(`query ($s: ID!) { alerts(filter: { subject: $s }) { edges { node { ${alertFields} } } } }`, { s: person });
    expect(mine.data!.alerts.edges.length).toBeGreaterThan(0);

    const json = JSON.stringify(responses);
    expect(idNumbersIn(json)).toEqual([]);
    expect(json).not.toContain(rawId);
    // Birth dates only as years: with idNoMasked they would rebuild the number.
    const births = [...json.matchAll(/"birthDate":"([^"]*)"/g)].map((m) => m[1]);
    expect(births.length).toBeGreaterThan(0);
    for (const b of births) expect(b).toMatch(/^\d{4}$/);
  });

  it('echoes no ID number in an error, even the one the caller sent', async () => {
    const raw = `Person:${rawId}`;
    const r = await ask(`query ($a: ID!, $b: ID!) { paths(from: $a, to: $b) { nodes { id } } }`, { a: raw, b: `Person:${token(rawId)}` });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const v = await ask(`query ($n: Int) { alerts(first: $n) { totalCount } }`, { n: rawId } as Record<string, Loose>);
    expect(v.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(idNumbersIn(JSON.stringify([r, v]))).toEqual([]);
  });
});
