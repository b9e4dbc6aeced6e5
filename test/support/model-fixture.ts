// One model on one small hand-made graph (the per-model fixture tests under test/int/models/): the graph is
// seeded once per file, and the alerts are read back as "role → entity uid", so a test states exactly which
// entities each alert names, and a near miss that matched would show up as an extra or a wrong row.
import { afterAll, beforeAll } from 'vitest';
import type { Executor } from '../../platform/db/executor.js';
import { deriveHouseholdKin, KIN_SOURCE_HUKOU } from '../../loaders/core/kinship.js';
import { int } from '../../platform/db/executor.js';
import { neoDate } from '../../platform/db/values.js';
import { loadLibrary, type Model } from '../../server/models/library.js';
import { runModel, type RunResult } from '../../server/models/runner.js';
import { freshGraph } from './db.js';
import { seed, type SeedNode, type SeedRel } from './seed.js';

export interface ModelFixture {
  readonly db: Executor;
  readonly model: Model;
}

/** Registers beforeAll/afterAll: an empty graph, the model from the library, the nodes and relationships seeded. */
export function modelFixture(id: string, nodes: SeedNode[], rels: SeedRel[]): ModelFixture {
  const f = {} as { db: Executor; model: Model };
  beforeAll(async () => {
    f.db = await freshGraph();
    const model = loadLibrary().get(id);
    if (!model) throw new Error(`model ${id} is not in the library`);
    f.model = model;
    await seed(f.db, nodes, rels);
  });
  afterAll(async () => {
    await f.db?.close();
  });
  return f;
}

/** One alert as its subjects: role → uid (several entities in one role, e.g. two programmes, are joined by a space in uid order). */
export type Found = Record<string, string>;

function bySubject(subjects: { uid: string; role: string }[]): Found {
  const roles = new Map<string, string[]>();
  for (const s of subjects) roles.set(s.role, [...(roles.get(s.role) ?? []), s.uid]);
  return Object.fromEntries(
    [...roles].sort(([a], [b]) => a.localeCompare(b)).map(([role, uids]) => [role, [...new Set(uids)].sort().join(' ')]),
  );
}

/** A list of alerts in one canonical order, so expected and found compare with toEqual. */
export function canon(found: Found[]): Found[] {
  const key = (f: Found) => JSON.stringify(Object.entries(f).sort(([a], [b]) => a.localeCompare(b)));
  return [...found].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The model's live (not gone) alerts. */
export async function alerts(f: ModelFixture): Promise<Found[]> {
  const { rows } = await f.db.read<{ subjects: { uid: string; role: string }[] }>(
    `MATCH (a:Alert {modelId: $id}) WHERE coalesce(a.gone, false) = false
     MATCH (a)-[r:FLAGS]->(e:Entity)
     RETURN a.fingerprint AS fp, collect({uid: e.uid, role: r.role}) AS subjects`,
    { id: f.model.id },
  );
  return canon(rows.map((r) => bySubject(r.subjects)));
}

/** Runs the model and stores its alerts; fails the test on a model error. */
export async function run(f: ModelFixture): Promise<RunResult> {
  const r = await runModel(f.db, f.model);
  if (r.error) throw new Error(`${f.model.id}: ${r.error}`);
  return r;
}

/** What a preview with these parameter overrides would raise (nothing stored). */
export async function preview(f: ModelFixture, params: Record<string, unknown>): Promise<Found[]> {
  const r = await runModel(f.db, f.model, { params, preview: true });
  if (r.error) throw new Error(`${f.model.id}: ${r.error}`);
  return canon((r.drafts ?? []).map((d) => bySubject(d.subjects)));
}

/** The stored alert that flags `uid` in `role`: its summaries and amount. */
export async function alertOn(f: ModelFixture, role: string, uid: string): Promise<{ zh: string; en: string; amount: number | null }> {
  const { rows } = await f.db.read<{ zh: string; en: string; amount: number | null }>(
    'MATCH (a:Alert {modelId: $id})-[:FLAGS {role: $role}]->(:Entity {uid: $uid}) RETURN a.summaryZh AS zh, a.summaryEn AS en, a.amount AS amount',
    { id: f.model.id, role, uid },
  );
  if (rows.length !== 1) throw new Error(`${rows.length} alerts of ${f.model.id} flag ${uid} as ${role}`);
  return rows[0]!;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Consecutive pay periods from `first` (YYYY-MM), `months` long each, as the welfare and payroll loaders write
 * them: periodFrom the first day, periodTo the last day of the period.
 */
export function periods(first: string, count: number, months = 1): { from: string; to: string }[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(y, m - 1 + i * months, 1));
    const end = new Date(Date.UTC(y, m - 1 + (i + 1) * months, 0));
    return { from: ymd(start), to: ymd(end) };
  });
}

/**
 * RECEIVED rows for `count` consecutive periods of one programme (welfare.yaml's shape: period, pay date in
 * the period's last month, amount per payment).
 */
export function payments(person: string, program: string, first: string, count: number, amount: number, months = 1): SeedRel[] {
  return periods(first, count, months).map((p) => ({
    from: person,
    type: 'RECEIVED',
    to: program,
    props: { periodFrom: neoDate(p.from), periodTo: neoDate(p.to), payDate: neoDate(`${p.to.slice(0, 8)}20`), amount, payType: '正常' },
  }));
}

/**
 * One ON_PAYROLL spell of `count` months from `first` (YYYY-MM), as payroll.yaml coalesces the monthly rows;
 * `count` null: a spell still running, as a spell export without 终止年月 gives it.
 */
export function payroll(person: string, org: string, first: string, count: number | null, amount = 6800): SeedRel[] {
  const [from, to] = [periods(first, 1)[0]!.from, count === null ? null : periods(first, count).at(-1)!.to];
  const props = { from: neoDate(from), ...(to ? { to: neoDate(to), months: int(count!) } : {}), amount };
  return [{ from: person, type: 'ON_PAYROLL', to: org, props }];
}

// What `other` is to `head`, as a 与户主关系 code (GB/T 4761) the household register would give.
const REL_TO_HEAD = { spouse: '10', child: '20', child_spouse: '38', grandchild: '41', parent: '51', sibling: '71' } as const;

/**
 * KIN both ways as the household register derives it (loaders/core/kinship.ts, the same code): `relation` is
 * what `other` is to `head`; the reverse relation, category and generation come from the derivation.
 */
export function householdKin(head: string, other: string, relation: keyof typeof REL_TO_HEAD): SeedRel[] {
  return deriveHouseholdKin([
    { id: head, code: '02' },
    { id: other, code: REL_TO_HEAD[relation] },
  ]).map((k) => ({
    from: k.from,
    type: 'KIN',
    to: k.to,
    props: { relation: k.relation, category: k.category, generation: k.generation, source: KIN_SOURCE_HUKOU },
  }));
}

/** KIN spouse both ways as a marriage registration writes it (marriage.yaml); a divorce sets `to`. */
export function marriage(a: string, b: string, from: string, to?: string): SeedRel[] {
  const props = { relation: 'spouse', category: '夫妻', source: '婚姻登记', from: neoDate(from), ...(to ? { to: neoDate(to) } : {}) };
  return [
    { from: a, type: 'KIN', to: b, props },
    { from: b, type: 'KIN', to: a, props },
  ];
}

/** HOLDS_POST as cadre.yaml writes it: a title and the post's first (and, once it ended, last) day. */
export function post(person: string, org: string, title: string, from: string, to?: string): SeedRel {
  return { from: person, type: 'HOLDS_POST', to: org, props: { title, from: neoDate(from), ...(to ? { to: neoDate(to) } : {}) } };
}
