// Model fixtures as data: `<model-file-basename>.fixtures.yaml` beside the `.cypher` holds cases (a small
// graph, parameters, the alerts expected, near misses). Loaded and validated with zod (file and path in
// every error); run by seeding each case into an EMPTY database, running the model as a preview (nothing
// stored) and comparing the alerts' subjects with what the case expects.
//
// The runner refuses a database that is not empty when it starts: between cases it deletes everything, and
// Neo4j Community has one database, so run against the live graph it would wipe the live graph. Fixture runs
// therefore happen in tests, in the CLI and in a scratch Neo4j (publish.ts), never on the live server.
import { existsSync, readFileSync } from 'node:fs';
import type { Executor } from '../../platform/db/executor.js';
import { int } from '../../platform/db/executor.js';
import { neoDate, neoDateTime } from '../../platform/db/values.js';
import { uidOf, type GraphSchema, type PropDef } from '../../platform/schema/graph-schema.js';
import { parseYamlWith } from '../../platform/validation/yaml.js';
import { seedGraph, type SeedNode, type SeedRel } from './fixture-seed.js';
import { FixturesYaml } from './fixtures-schema.js';
import type { Model } from './library.js';
import { runModel } from './runner.js';

export class InvalidFixtures extends Error {
  override name = 'InvalidFixtures';
  readonly code = 'BAD_INPUT';
}

/** One alert as "role → uid" (several uids in one role joined by a space, sorted). */
export type Found = Record<string, string>;

export interface FixtureCase {
  name: string;
  parameters: Record<string, unknown>;
  nodes: SeedNode[];
  relationships: SeedRel[];
  expect: Found[];
  nearMisses: Found[];
}
export interface Fixtures {
  file: string;
  model: string;
  cases: FixtureCase[];
}

export interface CaseResult {
  name: string;
  ok: boolean;
  /** Expected alerts the model did not raise. */
  missing: Found[];
  /** Alerts raised that the case does not expect. */
  unexpected: Found[];
  /** Near misses an alert matched. */
  nearMissesHit: Found[];
  error: string | null;
}

/** `cypher/models/integrity/drink-driving.cypher` → `…/drink-driving.fixtures.yaml`. */
export const fixturesFileOf = (modelFile: string) => modelFile.replace(/\.cypher$/, '.fixtures.yaml');

function typed(def: PropDef | undefined, value: unknown, where: string): unknown {
  if (value === null || !def) return value;
  const wrong = () => {
    throw new InvalidFixtures(`${where}: must be a ${def.type}, got ${JSON.stringify(value)}`);
  };
  switch (def.type) {
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) wrong();
      return neoDate(value as string);
    case 'datetime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) wrong();
      return neoDateTime(value as string);
    case 'integer':
      if (!Number.isInteger(value)) wrong();
      return int(value as number);
    default:
      return value;
  }
}

/** Properties by graph.yaml's types; one it does not declare is refused (a typo would silently match nothing), `_provenance` aside. */
function typedProps(defs: Record<string, PropDef>, props: Record<string, unknown>, where: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => {
      if (!k.startsWith('_') && !defs[k]) throw new InvalidFixtures(`${where}.${k}: not a property graph.yaml declares here`);
      return [k, typed(defs[k], v, `${where}.${k}`)];
    }),
  );
}

/** Parses and checks a fixtures text; every error names the file and the path in it. */
export function parseFixtures(text: string, file: string, schema: GraphSchema): Fixtures {
  const raw = parseYamlWith(text, FixturesYaml, (why) => {
    throw new InvalidFixtures(`${file}: ${why}`);
  });
  const cases = raw.cases.map((c, i) => {
    const at = `${file}: cases[${i}]`;
    const nodes = c.nodes.map((n, j) => {
      const def = schema.labels[n.label];
      if (!def) throw new InvalidFixtures(`${at}.nodes[${j}].label: ${n.label} is not a label in graph.yaml`);
      return { label: n.label, key: n.key, props: typedProps(def.properties, n.props, `${at}.nodes[${j}].props`) };
    });
    const uids = new Set(nodes.map((n) => uidOf(n.label, n.key)));
    const relationships = c.relationships.map((r, j) => {
      const def = schema.relationships[r.type];
      if (!def) throw new InvalidFixtures(`${at}.relationships[${j}].type: ${r.type} is not a relationship type in graph.yaml`);
      for (const end of ['from', 'to'] as const)
        if (!uids.has(r[end])) throw new InvalidFixtures(`${at}.relationships[${j}].${end}: no node ${r[end]} in this case`);
      return { from: r.from, type: r.type, to: r.to, props: typedProps(def.properties ?? {}, r.props, `${at}.relationships[${j}].props`) };
    });
    return { name: c.name, parameters: c.parameters, nodes, relationships, expect: c.expect, nearMisses: c.nearMisses };
  });
  return { file, model: raw.model, cases };
}

/** The model's fixtures, or undefined when it has no fixtures file. */
export function loadFixtures(model: Pick<Model, 'file' | 'id'>, absoluteModelFile: string, schema: GraphSchema): Fixtures | undefined {
  const file = fixturesFileOf(absoluteModelFile);
  if (!existsSync(file)) return undefined;
  const fixtures = parseFixtures(readFileSync(file, 'utf8'), fixturesFileOf(model.file), schema);
  if (fixtures.model !== model.id)
    throw new InvalidFixtures(`${fixtures.file}: model: is ${fixtures.model}, but the file beside it is ${model.id}`);
  return fixtures;
}

const key = (f: Found) => JSON.stringify(Object.entries(f).sort(([a], [b]) => a.localeCompare(b)));

function bySubject(subjects: { uid: string; role: string }[]): Found {
  const roles = new Map<string, string[]>();
  for (const s of subjects) roles.set(s.role, [...(roles.get(s.role) ?? []), s.uid]);
  return Object.fromEntries([...roles].map(([role, uids]) => [role, [...new Set(uids)].sort().join(' ')]));
}

/** Does a found alert name every role → uid of a near miss (a near miss may name fewer roles than the alert)? */
const covers = (alert: Found, miss: Found) => Object.entries(miss).every(([role, uid]) => alert[role]?.split(' ').includes(uid));

async function isEmpty(db: Executor): Promise<boolean> {
  const { rows } = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
  return rows[0]?.n === 0;
}

/** Seeds each case into `db` (which must be empty), runs the model as a preview, compares, and empties `db` again. */
export async function runFixtures(db: Executor, model: Model, fixtures: Fixtures, schema: GraphSchema): Promise<CaseResult[]> {
  if (!(await isEmpty(db)))
    throw new InvalidFixtures('fixtures run only on an empty database (they delete everything between cases); this one holds data');
  const out: CaseResult[] = [];
  for (const c of fixtures.cases) {
    const result: CaseResult = { name: c.name, ok: false, missing: [], unexpected: [], nearMissesHit: [], error: null };
    try {
      await seedGraph(db, schema, c.nodes, c.relationships);
      const run = await runModel(db, model, { params: c.parameters, preview: true });
      if (run.error) throw new Error(run.error);
      const found = (run.drafts ?? []).map((d) => bySubject(d.subjects));
      const foundKeys = new Set(found.map(key));
      const expectedKeys = new Set(c.expect.map(key));
      result.missing = c.expect.filter((e) => !foundKeys.has(key(e)));
      result.unexpected = found.filter((f) => !expectedKeys.has(key(f)));
      result.nearMissesHit = c.nearMisses.filter((m) => found.some((f) => covers(f, m)));
      result.ok = !result.missing.length && !result.unexpected.length && !result.nearMissesHit.length;
    } catch (e) {
      result.error = (e as Error).message;
    } finally {
      await db.write('MATCH (n) DETACH DELETE n');
    }
    out.push(result);
  }
  return out;
}

/** One line per failed case, for a refusal or a test message. */
export function describeFailures(results: CaseResult[]): string {
  return results
    .filter((r) => !r.ok)
    .map((r) =>
      r.error
        ? `${r.name}: ${r.error}`
        : `${r.name}: ${[
            r.missing.length ? `missing ${JSON.stringify(r.missing)}` : '',
            r.unexpected.length ? `unexpected ${JSON.stringify(r.unexpected)}` : '',
            r.nearMissesHit.length ? `near miss matched ${JSON.stringify(r.nearMissesHit)}` : '',
          ]
            .filter(Boolean)
            .join('; ')}`,
    )
    .join('\n');
}
