// `npm run migrate -- pseudonymise` on a real Neo4j: a graph loaded with raw ID numbers, with alerts and a
// triage history, is re-keyed; the ids become opaque, the alerts stay the same nodes with their history and
// subjects, and the next model run keeps them instead of raising them anew. A second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { neoDate } from '../../../platform/db/values.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { act } from '../../../server/alerts/workflow/service.js';
import { readHistory } from '../../../server/alerts/workflow/store.js';
import { loadLibrary, type Library, type Model } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { pseudonymise } from '../../../server/migrate/pseudonymise.js';
import { rawKeyCounts } from '../../../server/migrate/raw-keys.js';
import { freshGraph } from '../../support/db.js';
import { seed, uid } from '../../support/seed.js';

const KEY = 'the-migration-test-key-0123456789';
const token = pseudonymiser(KEY);
const id = (body17: string) => body17 + idCheckChar(body17);
const ID = { p1: id('33010219700312001'), k1: id('33010219720518002'), p2: id('33010219650101003'), k2: id('33010219680202004') };
const handler = { user: '张三', role: 'handler' as const };

let db: Executor;
let library: Library;
let model: Model;
const lines: string[] = [];
const migrate = () => pseudonymise(db, { schema: loadGraphSchema(), library, key: KEY, log: (m) => lines.push(m) });

/** Every node and relationship with its properties, for "nothing changed". */
async function snapshot(): Promise<string> {
  const { rows } = await db.read<{ labels: string[]; props: Record<string, unknown>; rels: unknown[] }>(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     WITH n, collect([type(r), m.uid, properties(r)]) AS rels
     RETURN labels(n) AS labels, properties(n) AS props, rels`,
  );
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return JSON.stringify(
    rows
      .map((r) => [r.labels, r.props, sorted(r.rels)])
      .map((x) => JSON.stringify(x))
      .sort(),
  );
}

const alertFlagging = async (personUid: string) => {
  const { rows } = await db.read<{ fp: string; eid: string }>(
    "MATCH (a:Alert)-[:FLAGS {role: 'official'}]->(:Person {uid: $p}) RETURN a.fingerprint AS fp, elementId(a) AS eid",
    { p: personUid },
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

let before: { a1: { fp: string; eid: string }; a2: { fp: string; eid: string } };

beforeAll(async () => {
  db = await freshGraph();
  library = loadLibrary();
  model = library.get('procurement.kin-of-official-at-winning-bidder')!;
  const d = neoDate;
  const P = (k: string) => uid('Person', k);
  // Two M03 cases, as a department load before pseudonymisation stored them: raw ID numbers as keys.
  // One person was stored without idNoMasked (an old load): the migration fills it in.
  await seed(
    db,
    [
      { label: 'Org', key: 'ZJJ', props: { name: '县住建局' } },
      { label: 'Person', key: ID.p1, props: { name: '王志强', birthDate: d('1970-03-12'), idNoMasked: '330102********0011' } },
      { label: 'Person', key: ID.k1, props: { name: '李秀英' } },
      { label: 'Company', key: 'C1', props: { name: '宏达建筑有限公司' } },
      { label: 'Project', key: 'X1', props: { name: '城南道路改造' } },
      { label: 'Person', key: ID.p2, props: { name: '陈建国' } },
      { label: 'Person', key: ID.k2, props: { name: '陈建军' } },
      { label: 'Company', key: 'C2', props: { name: '建军土石方有限公司' } },
      { label: 'Project', key: 'X2', props: { name: '河道清淤' } },
    ],
    [
      { from: P(ID.p1), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '副局长', isLeader: true, from: d('2018-01-01') } },
      { from: P(ID.p1), type: 'KIN', to: P(ID.k1), props: { relation: 'spouse', category: '夫妻', source: '婚姻登记' } },
      { from: P(ID.k1), type: 'LEGAL_REP_OF', to: uid('Company', 'C1') },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X1') },
      { from: uid('Company', 'C1'), type: 'WON', to: uid('Project', 'X1'), props: { amount: 3_860_000, date: d('2022-05-10') } },
      { from: P(ID.p2), type: 'HOLDS_POST', to: uid('Org', 'ZJJ'), props: { title: '科长', from: d('2015-03-01') } },
      { from: P(ID.p2), type: 'KIN', to: P(ID.k2), props: { relation: 'sibling', category: '旁系血亲', source: '户籍' } },
      { from: P(ID.k2), type: 'SHAREHOLDER_OF', to: uid('Company', 'C2'), props: { ratio: 0.6 } },
      { from: uid('Org', 'ZJJ'), type: 'TENDERED', to: uid('Project', 'X2') },
      { from: uid('Company', 'C2'), type: 'WON', to: uid('Project', 'X2'), props: { amount: 420_000, date: d('2023-08-01') } },
    ],
  );
  const run = await runModel(db, model);
  expect(run.alertsNew).toBe(2);
  // A scoped check records its subject's uid.
  expect((await runModel(db, model, { subject: P(ID.p1) })).error).toBeNull();
  const a1 = await alertFlagging(P(ID.p1));
  const a2 = await alertFlagging(P(ID.p2));
  await act(db, a1.fp, 'assign', { assignee: '张三' }, handler);
  await act(db, a1.fp, 'comment', { comment: '核实中' }, handler);
  await act(db, a2.fp, 'assign', { assignee: '张三' }, handler);
  // Alerts raised before the identity was kept on them: the migration has to find it.
  await db.write('MATCH (a:Alert) REMOVE a.identity');
  // And one the model no longer finds (the shareholding was corrected): found from its own evidence.
  await db.write('MATCH (:Person {uid: $k})-[r:SHAREHOLDER_OF]->() DELETE r', { k: P(ID.k2) });
  expect((await runModel(db, model)).alertsGone).toBe(1);
  before = { a1, a2 };
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('npm run migrate -- pseudonymise', () => {
  it('re-keys every person: opaque uid and idNo, the masked number kept or filled in', async () => {
    expect(await rawKeyCounts(db, loadGraphSchema())).toEqual({ Person: 4 });
    const report = await migrate();
    expect(report).toMatchObject({
      rekeyed: { Person: 4 },
      alertsUpdated: 2,
      alertsUnknownIdentity: 0,
      alertsConflicting: [],
      modelRunsUpdated: 1,
    });
    expect(lines.join('\n')).toMatch(/Person: 4 of 4 re-keyed/);
    expect(await rawKeyCounts(db, loadGraphSchema())).toEqual({});

    const { rows } = await db.read<{ uid: string; idNo: string; masked: string; name: string }>(
      'MATCH (p:Person) RETURN p.uid AS uid, p.idNo AS idNo, p.idNoMasked AS masked, p.name AS name ORDER BY name',
    );
    for (const r of rows) {
      expect(r.uid).toBe(`Person:${r.idNo}`);
      expect(r.idNo).toMatch(/^[0-9a-f]{32}$/);
    }
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['王志强']).toMatchObject({ idNo: token(ID.p1), masked: '330102********0011' });
    expect(byName['李秀英']).toMatchObject({ idNo: token(ID.k1), masked: `${ID.k1.slice(0, 6)}********${ID.k1.slice(14)}` });
    // No raw number anywhere in the graph: nodes, relationships, alerts' evidence and identity, model runs.
    const all = await snapshot();
    for (const raw of Object.values(ID)) expect(all).not.toContain(raw);
  });

  it('keeps each alert the same node, with its subjects and triage history, under a fingerprint of the new keys', async () => {
    const a1 = await alertFlagging(`Person:${token(ID.p1)}`);
    expect(a1.eid).toBe(before.a1.eid);
    expect(a1.fp).not.toBe(before.a1.fp);
    const history = (await readHistory(db, [`Alert:${a1.fp}`])).get(`Alert:${a1.fp}`)!;
    expect(history.map((e) => [e.action, e.actor])).toEqual([
      ['assign', '张三'],
      ['comment', '张三'],
    ]);
    const { rows } = await db.read<{ state: string; assignee: string; subjects: string[] }>(
      'MATCH (a:Alert {uid: $u})-[:FLAGS]->(s) RETURN a.state AS state, a.assignee AS assignee, collect(s.uid) AS subjects',
      { u: `Alert:${a1.fp}` },
    );
    expect(rows[0]).toMatchObject({ state: 'assigned', assignee: '张三' });
    expect(rows[0]!.subjects).toContain(`Person:${token(ID.k1)}`);
    const a2 = await alertFlagging(`Person:${token(ID.p2)}`);
    expect(a2.eid).toBe(before.a2.eid);
    expect(a2.fp).not.toBe(before.a2.fp);
  });

  it('lets the next model run keep the alerts, also the one found again after it had gone', async () => {
    await db.write('MATCH (k:Person {uid: $k}), (c:Company {uid: $c}) CREATE (k)-[:SHAREHOLDER_OF {ratio: 0.6}]->(c)', {
      k: `Person:${token(ID.k2)}`,
      c: uid('Company', 'C2'),
    });
    const run = await runModel(db, model);
    expect(run).toMatchObject({ error: null, alertsNew: 0, alertsKept: 2, alertsGone: 0 });
    const { rows } = await db.read<{ n: number; events: number }>(
      'MATCH (a:Alert) OPTIONAL MATCH (a)-[:HAS_EVENT]->(e) RETURN count(DISTINCT a) AS n, count(e) AS events',
    );
    expect(rows[0]).toEqual({ n: 2, events: 3 });
  });

  it('changes nothing when run again', async () => {
    const was = await snapshot();
    lines.length = 0;
    const again = await migrate();
    expect(again).toMatchObject({ rekeyed: {}, alertsUpdated: 0 });
    expect(lines.join('\n')).toMatch(/Nothing to migrate/);
    expect(await snapshot()).toBe(was);
  });
});
