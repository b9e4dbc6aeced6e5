// The online writer prepares a batch while the one before it runs and commits, and writes it once that one
// has committed (writer/batch.ts; until 2026-12-07 it started it while the one before still committed). In
// these files every batch touches a few of the same nodes and relationships as the batch before it: the
// result must be the serial one, row by row.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { freshGraph } from '../../support/db.js';
import { id, P } from './fixtures.js';

// Each batch starts with a row about one of a few "hot" people and fills up with people seen once, so a
// batch reaches the hot node first and then has the rest of its rows to run while the one before commits.
const BATCH = 600;
const BATCHES = 10;
const ROWS = BATCH * BATCHES;
const people = [P.head, P.wife, P.son];
const payees = [P.dil, P.official];
/** Paid in every batch but named by no register: the welfare file creates them. */
const newcomer = id('33012219990101999');
/** Someone seen once: a valid ID number of its own for every (batch, position). */
const filler = (b: number, i: number) =>
  id(
    `330122${1950 + b}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${100 + Math.floor(i / 336)}`,
  );

const hukou = Array.from({ length: ROWS }, (_, n) => {
  const b = Math.floor(n / BATCH);
  const i = n % BATCH;
  if (i > 0) return { idNo: filler(b, i), name: `某${n}`, address: `某村${n}号`, relToHead: '20' };
  return {
    idNo: people[b % people.length]!,
    name: `名${b}`,
    // Every other visit leaves the address empty: an empty value must not erase the one before it.
    address: b % 2 ? '' : `某村${b}号`,
    relToHead: b % 4 < 2 ? '20' : '30',
  };
});
const welfare = Array.from({ length: ROWS }, (_, n) => {
  const b = Math.floor(n / BATCH);
  const i = n % BATCH;
  return {
    idNo: i > 1 ? filler(b, i) : i === 1 ? newcomer : payees[b % payees.length]!,
    name: `领取人${n}`,
    // The newcomer gets one payment per batch: a relationship of its own each time.
    period: i === 1 ? `2024-${String(b + 1).padStart(2, '0')}` : '2024-01',
    programName: `项目${n}`,
    amount: String(100 + n),
    account: i === 0 && b % 3 === 2 ? '' : `62170000${String(n).padStart(5, '0')}`,
  };
});

/** The value a serial load leaves: `set` keeps the last non-empty value, `fill` the first. */
const lastOf = <T>(rows: T[], pick: (r: T) => string) =>
  rows
    .map(pick)
    .filter((v) => v !== '')
    .at(-1);
const firstOf = <T>(rows: T[], pick: (r: T) => string) => rows.map(pick).find((v) => v !== '');

let db: Executor;
let report: LoadReport;

beforeAll(async () => {
  db = await freshGraph();
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-order-'));
  const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
  writeFileSync(
    path.join(dir, '户籍人口.csv'),
    iconv.encode(
      csv([['公民身份号码', '姓名', '户号', '与户主关系', '住址'], ...hukou.map((r) => [r.idNo, r.name, 'H1', r.relToHead, r.address])]),
      'gbk',
    ),
  );
  writeFileSync(
    path.join(dir, '民生资金发放.csv'),
    iconv.encode(
      csv([
        ['项目代码', '项目名称', '身份证号', '姓名', '发放所属期', '发放日期', '发放金额', '收款账号'],
        ...welfare.map((r) => ['MZ-DB', r.programName, r.idNo, r.name, r.period, '2024-01-10', r.amount, r.account]),
      ]),
      'gb18030',
    ),
  );
  report = await loadFiles(db, [dir], { rejectsDir: path.join(dir, 'rejects'), batchSize: BATCH });
});
afterAll(async () => {
  await db.close();
});

describe('batches prepared while the one before is written', () => {
  it('load every row', () => {
    expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['hukou', ROWS, ROWS, 0],
      ['welfare', ROWS, ROWS, 0],
    ]);
  });

  it('leave each node as a serial load would: last non-empty value for set, first for fill, the row that last wrote it as provenance', async () => {
    const { rows } = await db.read<{ k: string; name: string; address: string | null; row: number }>(
      'MATCH (p:Person) WHERE p.idNo IN $keys RETURN p.idNo AS k, p.name AS name, p.address AS address, p._row AS row',
      { keys: [...people, ...payees] },
    );
    const got = Object.fromEntries(rows.map((r) => [r.k, r]));
    for (const k of people) {
      const mine = hukou.filter((r) => r.idNo === k);
      expect(got[k]).toMatchObject({ name: lastOf(mine, (r) => r.name), address: lastOf(mine, (r) => r.address) });
    }
    for (const k of payees) {
      const mine = welfare.filter((r) => r.idNo === k);
      // Fill: the first payment row named them and later rows do not rename. Those come two batches apart
      // and bring nothing new, so they are not written again (writer/repeats.ts): provenance stays the first row.
      expect(got[k]).toMatchObject({ name: firstOf(mine, (r) => r.name), address: null, row: welfare.indexOf(mine[0]!) + 1 });
    }
    const { rows: hh } = await db.read<{ address: string }>("MATCH (h:Household {hhNo: 'H1'}) RETURN h.address AS address");
    expect(hh).toEqual([{ address: lastOf(hukou, (r) => r.address) }]);
    const { rows: prog } = await db.read<{ name: string }>("MATCH (g:Program {code: 'MZ-DB'}) RETURN g.name AS name");
    expect(prog).toEqual([{ name: lastOf(welfare, (r) => r.programName) }]);
  });

  it('leave each relationship as a serial load would: one per identity, last non-empty values', async () => {
    const { rows: members } = await db.read<{ k: string; rel: string; n: number }>(
      'MATCH (p:Person)-[m:MEMBER_OF]->(:Household) WHERE p.idNo IN $people RETURN p.idNo AS k, collect(m.relToHead)[0] AS rel, count(m) AS n',
      { people },
    );
    expect(Object.fromEntries(members.map((m) => [m.k, [m.rel, m.n]]))).toEqual(
      Object.fromEntries(
        people.map((k) => [
          k,
          [
            lastOf(
              hukou.filter((r) => r.idNo === k),
              (r) => r.relToHead,
            ),
            1,
          ],
        ]),
      ),
    );
    const { rows: paid } = await db.read<{ k: string; amount: number; account: string; n: number }>(
      'MATCH (p:Person)-[r:RECEIVED]->(:Program) WHERE p.idNo IN $payees RETURN p.idNo AS k, collect(r.amount)[0] AS amount, collect(r.account)[0] AS account, count(r) AS n',
      { payees },
    );
    expect(Object.fromEntries(paid.map((p) => [p.k, [p.amount, p.account, p.n]]))).toEqual(
      Object.fromEntries(
        payees.map((k) => {
          const mine = welfare.filter((r) => r.idNo === k);
          return [k, [Number(lastOf(mine, (r) => r.amount)), lastOf(mine, (r) => r.account), 1]];
        }),
      ),
    );
  });

  it('link a node created by the file itself in every later batch, also where its row was left out as a repeat', async () => {
    const { rows } = await db.read<{ n: number; row: number }>(
      'MATCH (p:Person {idNo: $k})-[r:RECEIVED]->(:Program) RETURN count(r) AS n, min(p._row) AS row',
      { k: newcomer },
    );
    // Written by its rows in the first two batches (the second runs before the first is sure to have
    // committed), left out from the third on.
    expect(rows).toEqual([{ n: BATCHES, row: BATCH + 2 }]);
  });
});
