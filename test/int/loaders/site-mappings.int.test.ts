// A site's own exports and mappings, not the generator's: English column names, other file names, UTF-8,
// loaded with `extraMappingsDirs` (the CLI's --mappings) beside the shipped mappings, one of which the site
// replaces. Then a model runs on the result as on any county: the mapping is the only thing a site writes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { InvalidMapping, loadFiles, type LoadReport } from '../../../loaders/index.js';
import { loadLibrary } from '../../../server/models/library.js';
import { runModel } from '../../../server/models/runner.js';
import { freshGraph } from '../../support/db.js';
import { badId, id } from './fixtures.js';

const DEAD = id('33010219400101001');
const DEAD_EARLY_PERIODS = id('33010219420202002');
const ALIVE = id('33010219500303003');

const RESIDENTS = `id: site-residents
title: { zh: 某县人口库, en: County residents }
order: 10
match: { files: ['residents*.csv'], headers: [idNo, fullName] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  fullName: { headers: [full_name], required: true }
  dob: { headers: [date_of_birth], normalise: date }
nodes:
  person: { label: Person, key: idNo, props: { name: fullName, birthDate: dob } }
relationships: []
`;
// Replaces the shipped death mapping (same id): this site's civil-affairs export says deceased_on.
const DEATH = `id: death
title: { zh: 死亡登记（本地）, en: Deaths (site export) }
order: 15
match: { files: ['deaths*.csv'], headers: [idNo, deathDate] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  deathDate: { headers: [deceased_on], normalise: date, required: true }
nodes:
  person: { label: Person, key: idNo, mode: set, props: { deathDate: deathDate, deathSource: { value: 民政死亡登记 } } }
relationships: []
`;
const PAYMENTS = `id: site-payments
title: { zh: 补贴发放（本地）, en: Benefit payments (site export) }
order: 37
match: { files: ['payments*.csv'], headers: [scheme, idNo, month] }
format: { type: csv, encoding: utf-8 }
columns:
  scheme: { headers: [scheme_code], normalise: code, required: true }
  schemeName: { headers: [scheme_name] }
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  month: { headers: [benefit_month], normalise: periodStart, required: true }
  monthEnd: { headers: [benefit_month], normalise: periodEnd, required: true }
  paidOn: { headers: [paid_on], normalise: date, required: true }
  amount: { headers: [amount_yuan], normalise: amount, required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: {} }
  program: { label: Program, key: scheme, props: { name: schemeName } }
relationships:
  - type: RECEIVED
    from: person
    to: program
    identity: [periodFrom, payDate]
    props: { periodFrom: month, periodTo: monthEnd, payDate: paidOn, amount: amount }
`;

let db: Executor;
let report: LoadReport;
let work: string;

function write(dir: string, name: string, text: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

beforeAll(async () => {
  db = await freshGraph();
  work = mkdtempSync(path.join(tmpdir(), 'huiyan-site-'));
  const maps = path.join(work, 'mappings');
  write(maps, 'site-residents.yaml', RESIDENTS);
  write(maps, 'death.yaml', DEATH);
  write(maps, 'site-payments.yaml', PAYMENTS);
  const data = path.join(work, 'data');
  write(
    data,
    'residents_2024.csv',
    [
      'citizen_id,full_name,date_of_birth',
      `${DEAD},Zhang Lao,1940-01-01`,
      `${DEAD_EARLY_PERIODS},Li Lao,1942-02-02`,
      `${ALIVE},Wang Lao,1950-03-03`,
    ].join('\n'),
  );
  write(data, 'deaths_2024.csv', ['citizen_id,deceased_on', `${DEAD},2023-01-15`, `${DEAD_EARLY_PERIODS},2023-06-20`].join('\n'));
  const pay = ['scheme_code,scheme_name,citizen_id,benefit_month,paid_on,amount_yuan'];
  // Zhang: paid for 2023-01 … 2023-10; months from May (more than three months after the death) alert.
  for (let m = 1; m <= 10; m++)
    pay.push(`GLBT,高龄补贴,${DEAD},2023-${String(m).padStart(2, '0')},2023-${String(m).padStart(2, '0')}-25,200`);
  // Li: arrears for months before the death, paid after it: the period counts, not the pay date.
  pay.push(`GLBT,高龄补贴,${DEAD_EARLY_PERIODS},2023-05,2023-09-25,200`, `GLBT,高龄补贴,${DEAD_EARLY_PERIODS},2023-06,2023-09-25,200`);
  for (let m = 1; m <= 10; m++)
    pay.push(`GLBT,高龄补贴,${ALIVE},2023-${String(m).padStart(2, '0')},2023-${String(m).padStart(2, '0')}-25,200`);
  pay.push(`GLBT,高龄补贴,${badId('33010219600404004')},2023-01,2023-01-25,200`);
  write(data, 'payments_2024.csv', pay.join('\n'));
  report = await loadFiles(db, [data], { rejectsDir: path.join(work, 'rejects'), extraMappingsDirs: [maps] });
});
afterAll(async () => {
  await db.close();
});

describe("a site's own mappings", () => {
  it('load files with other names and column names, and reconcile', () => {
    expect(report.skipped).toEqual([]);
    expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['site-residents', 3, 3, 0],
      ['death', 2, 2, 0],
      ['site-payments', 23, 22, 1],
    ]);
    expect(report.files.every((f) => f.reconciles)).toBe(true);
    const rejects = readFileSync(report.files[2]!.rejectsFile!, 'utf8');
    // The 23rd data row (rows count from the first line under the header, docs/loaders.md).
    expect(rejects).toMatch(/payments_2024\.csv,23,citizen_id,330102196004040041,.*GB 11643/);
  });

  it('replace the shipped mapping of the same id', async () => {
    const { rows } = await db.read<{ src: string }>('MATCH (p:Person {idNo: $id}) RETURN p.deathSource AS src', { id: DEAD });
    expect(rows).toEqual([{ src: '民政死亡登记' }]);
  });

  it('feed the models like any county: M11 flags the months paid after the death, not arrears', async () => {
    const model = loadLibrary().get('welfare.paid-after-death')!;
    const run = await runModel(db, model);
    expect(run.error).toBeNull();
    const { rows } = await db.read<{ who: string; amount: number }>(
      "MATCH (a:Alert {modelId: 'welfare.paid-after-death'})-[:FLAGS {role: 'person'}]->(p:Person) RETURN p.idNo AS who, a.amount AS amount",
    );
    // Periods May … October 2023: six months of 200 yuan.
    expect(rows).toEqual([{ who: DEAD, amount: 1200 }]);
  });

  it('are refused, naming the file, when one names a property graph.yaml does not have', async () => {
    const bad = path.join(work, 'bad-mappings');
    write(bad, 'site-residents.yaml', RESIDENTS.replace('birthDate: dob', 'birthday: dob'));
    const err = await loadFiles(db, [path.join(work, 'data')], { rejectsDir: path.join(work, 'rejects2'), extraMappingsDirs: [bad] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidMapping);
    expect(String((err as Error).message)).toMatch(/birthday/);
  });

  it('are refused when the folder does not exist', async () => {
    const err = await loadFiles(db, [path.join(work, 'data')], {
      rejectsDir: path.join(work, 'rejects3'),
      extraMappingsDirs: [path.join(work, 'nope')],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidMapping);
    expect(String((err as Error).message)).toMatch(/does not exist/);
  });
});
