// Every fixtures file beside a shipped model (`<model>.fixtures.yaml`), run by the fixtures runner on an
// empty database: each case's alerts must be exactly the expected ones, and no near miss may match.
// Also: the runner refuses a database holding data, and a fixtures file with a typo is refused with its path.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { ROOT } from '../../../platform/config.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { describeFailures, loadFixtures, parseFixtures, runFixtures } from '../../../server/models/fixtures.js';
import { loadLibrary } from '../../../server/models/library.js';
import { freshGraph } from '../../support/db.js';

const schema = loadGraphSchema();
const library = loadLibrary();
const withFixtures = library.models.flatMap((m) => {
  const fixtures = loadFixtures(m, path.join(ROOT, m.file), schema);
  return fixtures ? [{ model: m, fixtures }] : [];
});

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  await db?.close();
});

describe('model fixtures as data', () => {
  it('finds fixtures files for at least three shipped models', () => {
    expect(withFixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const { model, fixtures } of withFixtures) {
    it(`${model.id}: every case gives exactly the expected alerts and no near miss`, async () => {
      const results = await runFixtures(db, model, fixtures, schema);
      expect(describeFailures(results)).toBe('');
      expect(results.map((r) => r.name)).toEqual(fixtures.cases.map((c) => c.name));
      // A model's first run on a fresh server is planned cold; on a loaded machine that alone can pass a minute.
    }, 240_000);
  }

  it('reports a case whose expectation the model does not meet, naming what is missing and what was extra', async () => {
    const { model, fixtures } = withFixtures.find((w) => w.model.id === 'integrity.drink-driving')!;
    const wrong = { ...fixtures, cases: [{ ...fixtures.cases[0]!, expect: [{ person: 'Person:N1', case: 'PoliceCase:JT2023-0722' }] }] };
    const [r] = await runFixtures(db, model, wrong, schema);
    expect(r!.ok).toBe(false);
    expect(r!.missing).toEqual([{ person: 'Person:N1', case: 'PoliceCase:JT2023-0722' }]);
    // A1, A2 and A3 are found and none was expected.
    expect(r!.unexpected).toHaveLength(3);
  });

  it('refuses to run on a database that holds data (it would be wiped)', async () => {
    const { model, fixtures } = withFixtures[0]!;
    await db.write("CREATE (:Person:Entity {uid: 'Person:live', idNo: 'live'})");
    await expect(runFixtures(db, model, fixtures, schema)).rejects.toThrow(/only on an empty database/);
    const { rows } = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    expect(rows[0]!.n).toBe(1);
    await db.write('MATCH (n) DETACH DELETE n');
  });

  it('refuses a fixtures file with an unknown key or property, naming the file and the path', () => {
    const text = 'model: x\ncases:\n  - name: a\n    nodes: [{ label: Person, key: A, props: { nmae: 周明 } }]\n    expect: []\n';
    expect(() => parseFixtures(text, 'm.fixtures.yaml', schema)).toThrow('m.fixtures.yaml: cases[0].nodes[0].props.nmae: not a property');
    const typo = 'model: x\ncases:\n  - name: a\n    nodes: [{ label: Person, key: A }]\n    expects: []\n';
    expect(() => parseFixtures(typo, 'm.fixtures.yaml', schema)).toThrow(/^m\.fixtures\.yaml: .*cases\[0\]: unknown key "expects"/);
  });
});
