import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { freshGraph } from '../../support/db.js';
import { C, P, writeFixtures } from './fixtures.js';

let db: Executor;
let dir: string;
let rejectsDir: string;
let first: LoadReport;

/** Every node and relationship with all its properties, keyed so two snapshots compare exactly. */
async function snapshot(db: Executor) {
  const { rows: nodes } = await db.read<{ l: string[]; p: Record<string, unknown> }>('MATCH (n) RETURN labels(n) AS l, properties(n) AS p');
  const { rows: rels } = await db.read<{ a: string; t: string; b: string; p: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.uid, a.id) AS a, type(r) AS t, coalesce(b.uid, b.id) AS b, properties(r) AS p',
  );
  const stable = <T>(xs: T[]) =>
    xs
      .map((x) =>
        JSON.stringify(x, (k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)),
      )
      .sort();
  return { nodes: stable(nodes.filter((n) => !n.l.includes('LoadRun'))), rels: stable(rels) };
}
const byFile = (r: LoadReport, file: string) => r.files.find((f) => f.file === file)!;

beforeAll(async () => {
  db = await freshGraph();
  dir = (await writeFixtures()).dir;
  rejectsDir = mkdtempSync(path.join(tmpdir(), 'huiyan-rejects-'));
  first = await loadFiles(db, [dir], { rejectsDir });
});
afterAll(async () => {
  await db.close();
});

describe('loading department files', () => {
  it('recognises the nine sources and skips the file no mapping knows', () => {
    expect(first.files.map((f) => f.source)).toEqual([
      'hukou',
      'marriage',
      'cadre',
      'company',
      'shareholder',
      'officer',
      'tender',
      'bid',
      'award',
    ]);
    expect(first.skipped.map((s) => [path.basename(s.path), s.code])).toEqual([['readme.txt', 'UNKNOWN_SOURCE']]);
  });
  it('reconciles every file: read = loaded + rejected + duplicates', () => {
    for (const f of first.files) expect(f.rowsRead, f.file).toBe(f.rowsLoaded + f.rowsRejected + f.duplicatesSkipped);
    expect(first.files.every((f) => f.reconciles)).toBe(true);
    const h = byFile(first, '户籍人口.csv');
    expect([h.rowsRead, h.rowsLoaded, h.rowsRejected, h.duplicatesSkipped]).toEqual([9, 5, 3, 1]);
    expect(h.encoding).toBe('gbk'); // declared by the mapping
  });
  it('writes the bad rows to a rejects CSV with file, row, column, value and reason', () => {
    const h = byFile(first, '户籍人口.csv');
    const text = readFileSync(h.rejectsFile!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(['file', 'row', 'column', 'value', 'reason']);
    expect(lines.slice(1).map((l) => [l[1], l[2]])).toEqual([
      ['5', '公民身份号码'],
      ['6', '出生日期'],
      ['7', '姓名'],
    ]);
    expect(text).toMatch(/fails the GB 11643 check/);
    expect(text).toMatch(/not a real date/);
    expect(text).toMatch(/required value is empty/);
  });
  it('rejects references to entities that are not loaded (unknown project, unregistered company)', () => {
    const a = byFile(first, '中标结果.csv');
    expect([a.rowsLoaded, a.rowsRejected]).toEqual([1, 1]);
    expect(readFileSync(a.rejectsFile!, 'utf8')).toMatch(/中标结果\.csv,2,项目编号,TLZB-2099-0001,.*no Project/);
    expect(byFile(first, '投标记录.jsonl').rowsRejected).toBe(1);
    expect(byFile(first, '企业股东.csv').rowsRejected).toBe(1);
  });
  it('loads good rows with normalised values, Entity, uid, masked ID and provenance', async () => {
    const { rows } = await db.read<{ p: Record<string, unknown>; l: string[] }>(
      'MATCH (p:Person {idNo: $id}) RETURN properties(p) AS p, labels(p) AS l',
      { id: P.wife },
    );
    const wife = rows[0]!;
    expect(wife.l.sort()).toEqual(['Entity', 'Person']);
    expect(wife.p).toMatchObject({
      uid: `Person:${P.wife}`,
      name: '李秀英',
      birthDate: '1962-02-02',
      idNoMasked: `${P.wife.slice(0, 6)}********${P.wife.slice(14)}`,
      _source: 'hukou',
      _file: '户籍人口.csv',
      _row: 2,
      _sources: ['hukou'],
    });
    const { rows: d } = await db.read<{ dd: string; t: string }>(
      'MATCH (p:Person {idNo: $id}) RETURN toString(p.deathDate) AS dd, valueType(p.birthDate) AS t',
      { id: P.daughter },
    );
    expect(d[0]).toEqual({ dd: '2020-06-01', t: 'DATE NOT NULL' });
    const { rows: c } = await db.read<{ cap: number; srcs: string[] }>(
      'MATCH (c:Company {uscc: $u}) RETURN c.capital AS cap, c._sources AS srcs',
      { u: C.a },
    );
    expect(c[0]!.cap).toBe(5_000_000);
    // The shareholder file only refers to the company it holds (mustExist), so it does not write it.
    expect(c[0]!.srcs.sort()).toEqual(['award', 'bid', 'company']);
  });
  it('keeps one HOLDS_POST per post, one EXECUTIVE_OF per role, and shareholders of both kinds', async () => {
    const { rows } = await db.read<{ t: string; n: number }>(
      `MATCH ()-[r:HOLDS_POST|EXECUTIVE_OF|SHAREHOLDER_OF|LEGAL_REP_OF|TENDERED|AGENT_FOR|SUBMITTED|FOR|WON]->() RETURN type(r) AS t, count(*) AS n ORDER BY t`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.t, r.n]))).toEqual({
      AGENT_FOR: 1,
      EXECUTIVE_OF: 2,
      FOR: 2,
      HOLDS_POST: 2,
      LEGAL_REP_OF: 2,
      SHAREHOLDER_OF: 2,
      SUBMITTED: 2,
      TENDERED: 1,
      WON: 1,
    });
    const { rows: h } = await db.read<{ from: string; leader: boolean }>(
      'MATCH (:Person {idNo: $id})-[h:HOLDS_POST]->(:Org {code: "ORG-ZJJ"}) RETURN toString(h.from) AS from, h.isLeader AS leader',
      { id: P.official },
    );
    expect(h[0]).toEqual({ from: '2018-01-15', leader: true });
    const { rows: b } = await db.read<{ at: string; price: number; ip: string }>(
      'MATCH (b:Bid {code: "TB01"}) RETURN toString(b.submittedAt) AS at, b.price AS price, b.ip AS ip',
    );
    expect(b[0]).toEqual({ at: '2020-03-20T09:30:00+08:00', price: 1_180_000, ip: '10.0.0.1' });
  });
  it('derives household kinship and marriage kinship in both directions', async () => {
    const kin = async (a: string, b: string) =>
      (
        await db.read<{ r: string; s: string }>(
          'MATCH (:Person {idNo: $a})-[k:KIN]->(:Person {idNo: $b}) RETURN k.relation AS r, k.source AS s ORDER BY s',
          { a, b },
        )
      ).rows;
    expect(await kin(P.head, P.son)).toEqual([{ r: 'child', s: '户籍' }]);
    expect(await kin(P.son, P.head)).toEqual([{ r: 'parent', s: '户籍' }]);
    expect(await kin(P.son, P.daughter)).toEqual([{ r: 'sibling', s: '户籍' }]);
    expect(await kin(P.head, P.wife)).toEqual([{ r: 'spouse', s: '户籍' }]);
    expect(await kin(P.head, P.dil)).toEqual([{ r: 'child_spouse', s: '户籍' }]);
    expect(await kin(P.son, P.dil)).toEqual([
      { r: 'spouse', s: '婚姻登记' },
      { r: 'spouse', s: '户籍' },
    ]);
    expect(await kin(P.officialWife, P.official)).toEqual([{ r: 'spouse', s: '婚姻登记' }]);
  });
  it('records a LoadRun per file with the reconciliation', async () => {
    const { rows } = await db.read<{ r: Record<string, unknown> }>('MATCH (r:LoadRun {source: "award"}) RETURN properties(r) AS r');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.r).toMatchObject({ file: '中标结果.csv', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1, duplicatesSkipped: 0 });
    expect(rows[0]!.r.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const { rows: lab } = await db.read<{ n: number }>('MATCH (r:LoadRun:Entity) RETURN count(r) AS n');
    expect(lab[0]!.n).toBe(0);
  });
  it('changes nothing when the same files are loaded again', async () => {
    const before = await snapshot(db);
    const again = await loadFiles(db, [dir], { rejectsDir });
    const after = await snapshot(db);
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.rels.length).toBe(before.rels.length);
    expect(after).toEqual(before);
    expect(again.files.map((f) => f.id)).toEqual(first.files.map((f) => f.id));
  });
});
