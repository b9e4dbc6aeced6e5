import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/index.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { freshGraph } from '../../support/db.js';
import { P, writeFixtures } from './fixtures.js';

const KEY = 'county-shared-secret-0123456789';
const token = pseudonymiser(KEY);
let db: Executor;

beforeAll(async () => {
  db = await freshGraph();
  const { dir } = await writeFixtures();
  await loadFiles(db, [dir], { rejectsDir: mkdtempSync(path.join(tmpdir(), 'huiyan-rejects-')), pseudonymKey: KEY });
});
afterAll(async () => {
  await db.close();
});

describe('pseudonymised loading', () => {
  it('stores no raw ID number anywhere, only tokens and the masked form', async () => {
    const { rows } = await db.read<{ p: Record<string, unknown> }>('MATCH (n) RETURN properties(n) AS p');
    const all = JSON.stringify(rows);
    for (const raw of Object.values(P)) expect(all).not.toContain(raw);
    const { rows: w } = await db.read<{ masked: string; uid: string }>(
      'MATCH (p:Person {idNo: $t}) RETURN p.idNoMasked AS masked, p.uid AS uid',
      { t: token(P.wife) },
    );
    expect(w[0]).toEqual({ masked: `${P.wife.slice(0, 6)}********${P.wife.slice(14)}`, uid: `Person:${token(P.wife)}` });
  });
  it('joins sources on the token: the roster, the register and the marriage record meet in one person', async () => {
    const { rows } = await db.read<{ srcs: string[] }>('MATCH (p:Person {idNo: $t}) RETURN p._sources AS srcs', { t: token(P.son) });
    expect(rows[0]!.srcs.sort()).toEqual(['company', 'hukou', 'marriage', 'officer']);
    const { rows: k } = await db.read<{ n: number }>(
      'MATCH (:Person {idNo: $a})-[k:KIN {relation: "spouse"}]->(:Person {idNo: $b}) RETURN count(k) AS n',
      { a: token(P.son), b: token(P.dil) },
    );
    expect(k[0]!.n).toBe(2);
  });
});

describe('the rejects file of a pseudonymised load', () => {
  it('holds no refused ID number, in values or reasons, whatever made it refused', async () => {
    const good = '33012219850505002' + idCheckChar('33012219850505002');
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const withNul = `3301221985\u00000505003`;
    const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-pseudo-rejects-'));
    const rejectsDir = mkdtempSync(path.join(tmpdir(), 'huiyan-rejects-'));
    const rows = [
      ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系'],
      [good, '钱一', '男', '1985-05-05', 'HP1', '02'],
      [badCheck, '钱二', '男', '1985-05-05', 'HP1', '20'],
      [withNul, '钱三', '男', '1985-05-05', 'HP1', '20'],
      [good.slice(0, 15), '钱四', '男', '1985-05-05', 'HP1', '20'],
    ];
    writeFileSync(path.join(dir, '户籍人口.csv'), '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
    const report = await loadFiles(db, [dir], { rejectsDir, pseudonymKey: KEY });
    const file = report.files[0]!;
    expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([4, 1, 3]);
    const text = readFileSync(file.rejectsFile!, 'utf8');
    expect(text).toMatch(/GB 11643/);
    expect(text).toMatch(/control character U\+0000/);
    for (const raw of [badCheck, good, '3301221985', '0505003', good.slice(0, 15)]) expect(text).not.toContain(raw);
  });
});
