// Insurance from either kind of export (docs/loaders.md "Spells"): a 参保 register of spells and the same
// history as a monthly 缴费 export give the same INSURED_BY spells, so M07, which overlaps them with
// 公益性岗位 payments, sees the same thing. A later register closing an open spell, and months loaded over
// the register, change nothing they should not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/index.js';
import { freshGraph } from '../../support/db.js';
import { id, uscc } from './fixtures.js';

const A = id('33012219900101011');
const B = id('33012219910202022');
const CO = uscc('91330122MA2E00001');
const UNIT = '12330122000000011X';

/** [person, employer, type, first month, last month ('' = still insured)]; A leaves the company and comes back. */
const SPELLS: [string, string, string, string, string][] = [
  [A, CO, '企业', '2021-01', '2022-06'],
  [A, CO, '企业', '2023-01', '2023-12'],
  [A, UNIT, '机关事业单位', '2022-07', '2022-12'],
  [B, CO, '企业', '2022-03', ''],
];
const LAST_MONTH = '2024-06';

const months = (first: string, last: string): string[] => {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let ym = first; ym <= last; m === 12 ? (y++, (m = 1)) : m++, ym = `${y}-${String(m).padStart(2, '0')}`) out.push(ym);
  return out;
};

let dir: string;
let db: Executor;
const write = (name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  writeFileSync(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
  return file;
};
let register: string;
let contributions: string;

beforeAll(async () => {
  db = await freshGraph();
  dir = mkdtempSync(path.join(tmpdir(), 'huiyan-insurance-'));
  register = write('社保参保.csv', [
    ['身份证号', '姓名', '参保单位名称', '参保单位信用代码', '单位类型', '险种', '参保起始年月', '参保终止年月'],
    ...SPELLS.map(([p, e, t, a, b]) => [p, '', e === CO ? '某建设公司' : '某事业单位', e, t, '养老', a, b]),
  ]);
  contributions = write('社保缴费明细.csv', [
    ['身份证号', '姓名', '缴费单位名称', '单位统一社会信用代码', '单位类型', '险种', '缴费年月', '缴费金额'],
    ...SPELLS.flatMap(([p, e, t, a, b]) =>
      months(a, b || LAST_MONTH).map((m) => [p, '', e === CO ? '某建设公司' : '某事业单位', e, t, '养老', m.replace('-', ''), '880']),
    ),
  ]);
});
afterAll(async () => {
  await db?.close();
});

async function loadOnly(files: string[]): Promise<void> {
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  for (const f of files) {
    const report = await loadFiles(db, [f], { rejectsDir: path.join(dir, 'rejects') });
    expect(report.skipped).toEqual([]);
    for (const r of report.files) expect(r.rowsRejected, r.path).toBe(0);
  }
}

async function spells(): Promise<string[]> {
  const { rows } = await db.read<{ s: string }>(
    `MATCH (p:Person)-[i:INSURED_BY]->(e)
     RETURN p.idNo + ' ' + e.uid + ' ' + toString(i.from) + '..' + coalesce(toString(i.to), '') AS s ORDER BY s`,
  );
  return rows.map((r) => r.s);
}

describe('insurance exported as spells and as months', () => {
  it('stores the register as one INSURED_BY per spell, with its months', async () => {
    await loadOnly([register]);
    expect(await spells()).toEqual([
      `${A} Company:${CO} 2021-01-01..2022-06-30`,
      `${A} Company:${CO} 2023-01-01..2023-12-31`,
      `${A} Org:${UNIT} 2022-07-01..2022-12-31`,
      `${B} Company:${CO} 2022-03-01..`,
    ]);
    const { rows } = await db.read<{ m: number | null }>(
      `MATCH (:Person {idNo: $a})-[i:INSURED_BY {from: date('2021-01-01')}]->() RETURN i.months AS m`,
      { a: A },
    );
    expect(rows).toEqual([{ m: 18 }]);
  });

  it('coalesces the monthly contributions into the same spells, the gap starting a new one', async () => {
    await loadOnly([contributions]);
    // B's months run to the export's last month; the register says he is still insured.
    expect(await spells()).toEqual([
      `${A} Company:${CO} 2021-01-01..2022-06-30`,
      `${A} Company:${CO} 2023-01-01..2023-12-31`,
      `${A} Org:${UNIT} 2022-07-01..2022-12-31`,
      `${B} Company:${CO} 2022-03-01..2024-06-30`,
    ]);
  });

  it('keeps one history when months are loaded over the register', async () => {
    await loadOnly([register, contributions]);
    const both = await spells();
    expect(both).toHaveLength(4);
    expect(both).toContain(`${A} Company:${CO} 2021-01-01..2022-06-30`);
    // The open register spell absorbs the months, which lie inside it: it stays open.
    expect(both).toContain(`${B} Company:${CO} 2022-03-01..`);
  });

  it('closes an open spell when a later register fills in its 参保终止年月', async () => {
    await loadOnly([register]);
    const later = write('社保参保_2025.csv', [
      ['身份证号', '姓名', '参保单位名称', '参保单位信用代码', '单位类型', '险种', '参保起始年月', '参保终止年月'],
      [B, '', '某建设公司', CO, '企业', '养老', '2022-03', '2024-09'],
    ]);
    await loadFiles(db, [later], { rejectsDir: path.join(dir, 'rejects') });
    expect((await spells()).filter((s) => s.startsWith(B))).toEqual([`${B} Company:${CO} 2022-03-01..2024-09-30`]);
  });
});
