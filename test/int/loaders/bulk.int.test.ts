// The bulk path (offline importer) against the online loaders on the same small county: the same nodes,
// relationships and properties. The suite's shared Neo4j takes the online load; the bulk load needs a home
// of its own (the importer writes the store with the server stopped), so it gets a temporary embedded one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../../synth/generate.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { BulkRefused, loadFilesBulk, type BulkReport } from '../../../loaders/bulk/load-bulk.js';
import { loadConfig, type Config } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import type { Neo4jHandle } from '../../../platform/neo4j/runtime.js';
import { freshGraph } from '../../support/db.js';
import { expectSameGraph } from '../../support/graph-snapshot.js';
import { NORMALISERS } from '../../../loaders/core/normalise/index.js';

let tmp: string;
let cfg: Config;
let online: Executor;
let bulk: Neo4jHandle | undefined;
let onlineReport: LoadReport;
let bulkReport: BulkReport;
const BATCH = 100;
let typelessValid = 0;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bulk-'));
  const county = path.join(tmp, 'county');
  await generateCounty({ persons: 400, seed: 7, outDir: county });
  // The registry's 投资人 table beside it, without a holder type: the holder's label comes from its number's
  // shape (byShape), on both paths.
  const holders = parse(iconv.decode(readFileSync(path.join(county, '企业股东.csv')), 'gb18030'), { bom: true }) as string[][];
  const col = (name: string) => holders[0]!.indexOf(name);
  const rows = holders
    .slice(1, 41)
    .map((r) => [col('统一社会信用代码'), col('股东名称'), col('股东证件号码'), col('出资比例')].map((i) => r[i]!));
  // The generator plants bad ID numbers (and writes some good ones full-width or 15 digits long): the rows
  // whose number reads as neither an ID number nor a credit code are rejected, as in its own file.
  typelessValid = rows.filter(([, , holder]) => {
    try {
      return NORMALISERS.partyId!.run(holder!, {}) !== null;
    } catch {
      return false;
    }
  }).length;
  writeFileSync(
    path.join(county, '投资人信息.csv'),
    [
      ['tyshxydm', 'tzrmc', 'zjhm', 'cgbl'],
      ...holders
        .slice(1, 41)
        .map((r) => [col('统一社会信用代码'), col('股东名称'), col('股东证件号码'), col('出资比例')].map((i) => r[i]!)),
    ]
      .map((r) => r.join(','))
      .join('\n'),
  );
  // A payroll delivered under another system's header (发薪月份 for 工资月份), with an ID number in a row:
  // recognised by its name, refused whole for the missing required column, on both paths.
  writeFileSync(
    path.join(county, '财政供养人员工资_补报.csv'),
    '身份证号,姓名,单位代码,发薪月份,应发工资\n330122199001011234,张三,11330122000000001X,2024-06,5000\n',
  );
  online = await freshGraph();
  // Small batches, so that files span several and the repeat filter (core/writer/repeats.ts) drops rows on both paths.
  onlineReport = await loadFiles(online, [county], { rejectsDir: path.join(tmp, 'rejects-online'), batchSize: BATCH });
  const env = {
    ...process.env,
    NEO4J_URI: '',
    HUIYAN_NEO4J_HOME: path.join(tmp, 'home'),
    HUIYAN_NEO4J_BOLT_PORT: '0',
    HUIYAN_NEO4J_HEAP: '512m',
    HUIYAN_NEO4J_PAGECACHE: '128m',
    HUIYAN_VAR: tmp,
  };
  cfg = loadConfig(env);
  const r = await loadFilesBulk(cfg, [county], { rejectsDir: path.join(tmp, 'rejects-bulk'), keepOpen: true, batchSize: BATCH });
  bulkReport = r.report;
  bulk = r.handle;
}, 1_500_000);

afterAll(async () => {
  await bulk?.close();
  await online?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('bulk loading with the offline importer', () => {
  it('reads, rejects and reconciles every file as the online loaders do', () => {
    const pick = (r: LoadReport) =>
      r.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.duplicatesSkipped, f.reconciles, f.id]);
    expect(pick(bulkReport)).toEqual(pick(onlineReport));
    expect(bulkReport.derived).toEqual(onlineReport.derived);
    const typeless = onlineReport.files.find((f) => f.file === '投资人信息.csv');
    expect([typeless?.source, typeless?.rowsRead, typeless?.rowsLoaded]).toEqual(['shareholder', 40, typelessValid]);
    expect(typelessValid).toBeGreaterThan(30);
  });

  it('gives the same nodes, relationships and properties as the online path', async () => {
    await expectSameGraph(online, bulk!.executor);
    // The repeat filter was at work: recipients paid in many batches keep the row of an early payment.
    const { rows } = await online.read<{ n: number }>(
      "MATCH (p:Person {_source: 'welfare'})-[r:RECEIVED]->() WITH p, max(r._row) AS last WHERE p._row < last - 2 * $batch RETURN count(p) AS n",
      { batch: BATCH },
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('records a LoadRun per file, a file refused whole as refused, and leaves the schema applied', async () => {
    const { rows } = await bulk!.executor.read<{ n: number }>("MATCH (r:LoadRun {status: 'loaded'}) RETURN count(r) AS n");
    expect(rows[0]!.n).toBe(bulkReport.files.length);
    // The refused payroll is on the 数据备案 page from the first load, as an online load records it.
    const refusedRuns = async (db: Executor) =>
      (
        await db.read<{ id: string; source: string; file: string; warnings: string[]; kind: string }>(
          "MATCH (r:LoadRun {status: 'refused'}) RETURN r.id AS id, r.source AS source, r.file AS file, r.warnings AS warnings, r.deliveryKind AS kind",
        )
      ).rows;
    const refused = await refusedRuns(bulk!.executor);
    expect(refused).toEqual(await refusedRuns(online));
    expect(refused.map((r) => [r.source, r.file, r.warnings])).toEqual([['payroll', '财政供养人员工资_补报.csv', ['MISSING_COLUMNS']]]);
    expect(bulkReport.skipped.map((s) => path.basename(s.path))).toContain('财政供养人员工资_补报.csv');
    const { rows: c } = await bulk!.executor.read<{ name: string }>(
      "SHOW CONSTRAINTS YIELD name WHERE name = 'person_idno_key' RETURN name",
    );
    expect(c).toHaveLength(1);
  });

  it('refuses while the server runs, and refuses a database that is not empty', async () => {
    await expect(loadFilesBulk(cfg, [path.join(tmp, 'county')], { rejectsDir: path.join(tmp, 'r2') })).rejects.toThrow(/is running/);
    await bulk!.close();
    bulk = undefined;
    const refused = loadFilesBulk(cfg, [path.join(tmp, 'county')], { rejectsDir: path.join(tmp, 'r3') });
    await expect(refused).rejects.toBeInstanceOf(BulkRefused);
    await expect(refused).rejects.toThrow(/only loads into an empty database/);
  }, 300_000);
});
