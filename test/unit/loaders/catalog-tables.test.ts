// Department tables as the domain catalog names them (监督模型目录 §6: rk_czrk, sw_hhdj, gb_mc, cz_gzff,
// ms_ffmx, qy_tzr, qy_zyry, ga_xzcf, dy_jbxx, jl_cf, xf_jbxx), with the pinyin column names systems export
// (sfzh, xm, hh, yhzgx…): each is recognised by its header and read whole by the shipped mapping, with no
// mapping of the site's own. Checked through the dry run, which reads and normalises every row as a load does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../loaders/index.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const id = (body: string) => body + idCheckChar(body);
const uscc = (body: string) => body + usccCheckChar(body)!;
const P1 = id('33012219600101001');
const P2 = id('33012219620202002');
const CO = uscc('91330122MA2A00001');
const CO2 = uscc('91330122MA2A00002');

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const book = (rows: string[][]) => {
  const b = utils.book_new();
  utils.book_append_sheet(b, utils.aoa_to_sheet(rows), 'Sheet1');
  return write(b, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
};

const TABLES: { file: string; source: string; body: string | Buffer; rows: number }[] = [
  {
    file: 'rk_czrk.csv',
    source: 'hukou',
    body: csv([
      ['sfzh', 'xm', 'xb', 'csrq', 'hh', 'yhzgx', 'hjdz', 'zxbz'],
      [P1, '王建国', '1', '1960-01-01', 'H001', '02', '城关镇1号', '0'],
      [P2, '李秀英', '2', '1962-02-02', 'H001', '10', '城关镇1号', '0'],
    ]),
    rows: 2,
  },
  {
    file: 'sw_hhdj.csv',
    source: 'death',
    body: csv([
      ['sfzh', 'xm', 'swrq', 'hhrq', 'bygmc', 'zmbh'],
      [P1, '王建国', '2024-03-05', '2024-03-07', '县殡仪馆', 'HH2024001'],
    ]),
    rows: 1,
  },
  {
    file: 'cz_gzff.csv',
    source: 'payroll',
    body: csv([
      ['sfzh', 'xm', 'dwdm', 'gzffdw', 'ffyf', 'yfgz', 'bzlx'],
      [P1, '王建国', 'A001', '县民政局', '2024-03', '6500.00', '行政'],
    ]),
    rows: 1,
  },
  {
    file: 'ms_ffmx.csv',
    source: 'welfare',
    body: csv([
      ['xmdm', 'xmmc', 'zgbm', 'sfzh', 'xm', 'hh', 'ffzq', 'ffrq', 'je', 'skzh', 'cun'],
      ['DB01', '城乡低保', '县民政局', P2, '李秀英', 'H001', '2024-03', '2024-03-10', '720', '6217000000001', '东村'],
    ]),
    rows: 1,
  },
  // The registry's 投资人 table has no holder type: the number's shape says who holds.
  {
    file: 'qy_tzr.csv',
    source: 'shareholder',
    body: csv([
      ['tyshxydm', 'tzrmc', 'zjhm', 'cgbl'],
      [CO, '王建国', P1, '60%'],
      [CO, '桐庐乙公司', CO2, '40%'],
    ]),
    rows: 2,
  },
  {
    file: 'qy_zyry.csv',
    source: 'officer',
    body: csv([
      ['tyshxydm', 'xm', 'zjhm', 'zw'],
      [CO, '李秀英', P2, '监事'],
    ]),
    rows: 1,
  },
  {
    file: 'ga_xzcf.jsonl',
    source: 'police',
    body: `${JSON.stringify({ ajbh: 'A2024001', cfjdsh: '桐公决字〔2024〕1号', wfxwlb: '赌博', fxsj: '2024-03-01 21:00', sfzh: P1, xm: '王建国', jsry: '违法行为人', cfzl: '罚款', cfrq: '2024-03-02' })}\n`,
    rows: 1,
  },
  {
    file: 'gb_mc.xlsx',
    source: 'cadre',
    body: book([
      ['sfzh', 'xm', 'dwmc', 'dwtyshxydm', 'zw', 'zj', 'sfldcy', 'rzqsrq', 'rzzzrq'],
      [P1, '王建国', '县民政局', 'A001', '副局长', '副科级', '是', '2020-01-01', ''],
    ]),
    rows: 1,
  },
  // The party roll's mapping names its sheet 党员基本信息; a workbook of one Sheet1 is found by its header.
  {
    file: 'dy_jbxx.xlsx',
    source: 'party',
    body: book([
      ['sfzh', 'xm', 'xb', 'rdrq', 'zzrq', 'szdzb', 'dylb', 'gzgw'],
      [P2, '李秀英', '2', '1990-07-01', '1991-07-01', '民政局机关支部', '正式党员', '科员'],
    ]),
    rows: 1,
  },
  {
    file: 'jl_cf.xlsx',
    source: 'sanction',
    body: book([
      ['jdwh', 'sfzh', 'xm', 'dwzw', 'cflb', 'cfzl', 'jdrq', 'yxqz'],
      ['桐纪处〔2023〕12号', P1, '王建国', '县民政局副局长', '党纪', '警告', '2023-06-01', '2024-06-01'],
    ]),
    rows: 1,
  },
  {
    file: 'xf_jbxx.xlsx',
    source: 'petition',
    body: book([
      ['xfjbh', 'sdrq', 'slrq', 'ly', 'wtlb', 'bfyr', 'bfyrsfzh', 'zbdw', 'bjrq', 'myd'],
      ['XF2024001', '2024-03-01', '2024-03-04', '来信', '违规发放补贴', '王建国', P1, '县纪委', '2024-04-01', '满意'],
    ]),
    rows: 1,
  },
];

describe('tables with the pinyin column names of the domain catalog', () => {
  it('are each recognised by their header and read whole by the shipped mapping', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-catalog-'));
    for (const t of TABLES) writeFileSync(path.join(dir, t.file), t.body);
    const report = await checkFiles([dir], { rejectsDir: path.join(dir, 'rejects'), schema });
    expect(report.skipped).toEqual([]);
    const read = Object.fromEntries(report.files.map((f) => [f.file, [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected]]));
    expect(read).toEqual(Object.fromEntries(TABLES.map((t) => [t.file, [t.source, t.rows, t.rows, 0]])));
    // Every column of these tables is one the mapping reads.
    for (const f of report.files) expect([f.file, f.unreadColumns]).toEqual([f.file, []]);
  });
});
