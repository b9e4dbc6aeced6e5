// A department's export under headers no mapping lists: the refusal names the mapping it comes closest to,
// and `npm run mapping -- draft` writes a mapping from that one which reads the file. Checked through the
// dry run, which reads and normalises every row as a load does without a database.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../support/cli.js';
import { checkFiles, loadMappings, parseMapping } from '../../../loaders/index.js';
import { draftMapping, headerRowOf, namePattern, readHead, readSample } from '../../../loaders/core/mapping/draft.js';
import { nearestMappings } from '../../../loaders/core/mapping/nearest.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const shipped = loadMappings({ schema });

const tmp = () => mkdtempSync(path.join(tmpdir(), 'huiyan-draft-'));

/** What `npm run mapping -- draft` does before writing: the head, the header row, a sample of values, the draft. */
async function draftOf(file: string, opts: { today?: string } = {}) {
  const head = await readHead(file, shipped);
  const headerRow = headerRowOf(head, shipped);
  return draftMapping(file, head, { headerRow, sample: await readSample(file, head, headerRow) }, shipped, schema, opts);
}

/** A household register from a vendor that names its columns its own way, with a title row above. */
function oddRegister(dir: string): string {
  const file = path.join(dir, '人口底册2024.csv');
  writeFileSync(
    file,
    [
      '某县人口底册（2024年）,,,,',
      '姓名,身份证件号码,户编号,与户主关系代码,户籍地址',
      '张三,11010519491231002X,0001,户主,城关镇1号',
      '李四,110105194912310046,0001,配偶,城关镇1号',
    ].join('\n'),
  );
  return file;
}

const run = (args: string[]) => runCommand('mapping', args);

describe('a file no mapping recognises', () => {
  it('is refused naming the mapping it comes closest to and the headers that look like its columns', async () => {
    const dir = tmp();
    const file = oddRegister(dir);
    const report = await checkFiles([file], { rejectsDir: path.join(dir, 'rejects'), schema });
    expect(report.files).toEqual([]);
    const [skipped] = report.skipped;
    expect(skipped?.code).toBe('UNKNOWN_SOURCE');
    expect(skipped?.reason).toContain('nearest 最接近的映射: hukou 户籍人口');
    expect(skipped?.reason).toContain('户号 (hhNo) ≈ 户编号');
    expect(skipped?.reason).toContain('公民身份号码 (idNo) ≈ 身份证件号码');
    expect(skipped?.reason).toContain('npm run mapping -- draft');
  });

  it('names no mapping when a lone common column is all it shares with them', async () => {
    const dir = tmp();
    const file = path.join(dir, '通讯录.csv');
    writeFileSync(file, '姓名,手机,备注\n张三,13800000000,无\n');
    const report = await checkFiles([file], { rejectsDir: path.join(dir, 'rejects'), schema });
    expect(report.skipped[0]?.reason).not.toContain('nearest');
    expect(nearestMappings(shipped, [['姓名', '手机', '备注']])).toEqual([]);
  });
});

describe('a drafted mapping', () => {
  it('reads the export the shipped mapping refused, with the look-alike headers added and the comments kept', async () => {
    const dir = tmp();
    const file = oddRegister(dir);
    const draft = await draftOf(file, { today: '2026-12-05' });
    expect(draft.from.id).toBe('hukou');
    expect(draft.byValuesOnly).toBe(false);
    expect(Object.fromEntries(Object.entries(draft.added).map(([id, a]) => [id, [a.header, a.by]]))).toEqual({
      idNo: ['身份证件号码', 'header'],
      hhNo: ['户编号', 'header'],
      relToHead: ['与户主关系代码', 'header'],
    });
    expect(draft.yaml).toContain('# yaml-language-server: $schema=');
    expect(draft.yaml.indexOf('yaml-language-server')).toBeLessThan(draft.yaml.indexOf('Drafted 2026-12-05'));
    expect(draft.yaml).toContain('files: [人口底册*.csv]');
    // The file is UTF-8; the shipped register is declared GBK, which would garble it.
    expect(draft.yaml).toContain('format: {type: csv, encoding: utf8}');

    const maps = path.join(dir, 'maps');
    mkdirSync(maps);
    writeFileSync(path.join(maps, 'hukou.yaml'), draft.yaml);
    const report = await checkFiles([file], { rejectsDir: path.join(dir, 'rejects'), schema, extraMappingsDirs: [maps] });
    expect(report.skipped).toEqual([]);
    expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([['hukou', 2, 2, 0]]);
  });

  it('takes a workbook’s format and says which required column it could not find', async () => {
    const dir = tmp();
    const file = path.join(dir, '殡葬服务记录.xlsx');
    const sheet = utils.aoa_to_sheet([
      ['某县殡仪馆火化记录'],
      ['亡者姓名', '亡者身份证号码', '火化时间'],
      ['张三', '11010519491231002X', '2024-03-05'],
    ]);
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, '2024');
    writeFileSync(file, write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const draft = await draftOf(file);
    expect(draft.from.id).toBe('death');
    expect(draft.added.idNo?.header).toBe('亡者身份证号码');
    expect(draft.fit.missingRequired).toEqual(['deathDate']);
    expect(draft.yaml).toContain('NOT FOUND: deathDate');
    const parsed = parseMapping(draft.yaml, schema, 'death.yaml');
    expect(parsed.format.type).toBe('xlsx');
    expect(parsed.match.files).toEqual(['殡葬服务记录.xlsx']);
  });

  it('reads the sheet that holds the data, not a 填表说明 sheet in front of it', async () => {
    const dir = tmp();
    const file = path.join(dir, '殡葬服务记录2024.xlsx');
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['填表说明'], ['1. 每位逝者一行'], ['2. 日期填写为年-月-日']]), '填表说明');
    const rows = [
      ['亡者姓名', '亡者身份证号码', '死亡日期', '火化时间'],
      ['张三', '11010519491231002X', '2024-03-01', '2024-03-05'],
    ];
    utils.book_append_sheet(book, utils.aoa_to_sheet(rows), '数据');
    writeFileSync(file, write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const head = await readHead(file, shipped);
    expect(head.sheet).toBe('数据');
    const draft = await draftOf(file);
    expect(draft.from.id).toBe('death');
    expect(draft.added.idNo?.header).toBe('亡者身份证号码');
    expect(draft.fit.missingRequired).toEqual([]);
    // The sample came from the data sheet too: the draft loads the row.
    const maps = path.join(dir, 'maps');
    mkdirSync(maps);
    writeFileSync(path.join(maps, 'death.yaml'), draft.yaml);
    const report = await checkFiles([file], { rejectsDir: path.join(dir, 'rejects'), schema, extraMappingsDirs: [maps] });
    expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded])).toEqual([['death', 1, 1]]);
  });

  it('starts from the mapping named with --from, and the command never writes over an edited draft', async () => {
    const dir = tmp();
    const file = oddRegister(dir);
    const out = path.join(dir, 'maps');
    const first = await run(['draft', file, '--from', 'hukou', '--out', out]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('added "户编号" as a header of 户号 (hhNo)');
    expect(first.out).toContain(`next: npm run load -- --dry-run --mappings ${out}`);
    writeFileSync(path.join(out, 'hukou.yaml'), '# edited\n');
    const again = await run(['draft', file, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.out).toContain('exists');
    expect(readFileSync(path.join(out, 'hukou.yaml'), 'utf8')).toBe('# edited\n');

    const unrelated = path.join(dir, '通讯录.csv');
    writeFileSync(unrelated, '姓名,手机,备注\n张三,13800000000,无\n');
    const none = await run(['draft', unrelated, '--out', out]);
    expect(none.code).toBe(1);
    expect(none.out).toContain('no mapping comes close enough');
  }, 60_000);
});

describe('drafting a folder', () => {
  it('drafts only what would not load as it is, each shape of a source under an id of its own, and the folder then loads', async () => {
    const dir = tmp();
    const files = path.join(dir, 'delivery');
    mkdirSync(files);
    oddRegister(files);
    const [a, b] = ['11010519491231002X', '110105194912310046'];
    // The same register from another township's system, and the death register as the shipped mapping knows it.
    writeFileSync(
      path.join(files, '人口信息_202411.csv'),
      `身份证件号,人员姓名,户编号,与户主关系名称\n${a},张三,0001,户主\n${b},李四,0001,配偶\n`,
    );
    writeFileSync(path.join(files, '死亡火化登记.csv'), `\ufeff身份证号,姓名,死亡日期\n${a},张三,2024-03-05\n`);
    const out = path.join(dir, 'maps');
    const run1 = await run(['draft', files, '--out', out]);
    expect(run1.code, run1.out).toBe(0);
    expect(run1.out).toContain('✓ 死亡火化登记.csv: read by death as it is, no draft');
    expect(readdirSync(out).sort()).toEqual(['hukou-2.yaml', 'hukou.yaml']);
    expect(readFileSync(path.join(out, 'hukou-2.yaml'), 'utf8')).toMatch(/^id: hukou-2$/m);

    const report = await checkFiles([files], { rejectsDir: path.join(dir, 'rejects'), schema, extraMappingsDirs: [out] });
    expect(report.skipped).toEqual([]);
    expect(report.files.map((f) => [f.file, f.rowsLoaded, f.rowsRejected]).sort()).toEqual([
      ['人口信息_202411.csv', 2, 0],
      ['人口底册2024.csv', 2, 0],
      ['死亡火化登记.csv', 1, 0],
    ]);
  }, 60_000);
});

describe('columns found by what they hold', () => {
  it('finds the register under English column names by its ID numbers and 与户主关系 codes, not by a lone date', async () => {
    const dir = tmp();
    const file = path.join(dir, 'population_export.csv');
    const people = [
      ['33012219600101001', '户主'],
      ['33012219620202002', '配偶'],
      ['33012219850303003', '之子'],
      ['33012219870404004', '之女'],
      ['33012219400505005', '父亲'],
    ];
    writeFileSync(
      file,
      [
        'name,id_card,household_no,relation,birth_date',
        ...people.map(([body, rel], i) => `人${i},${body! + idCheckChar(body!)},H00${i < 4 ? 1 : 2},${rel},19${60 + i}-0${i + 1}-01`),
      ].join('\n'),
    );
    const draft = await draftOf(file);
    // A birth date passes as a death date too, and an ID number is in most mappings: 与户主关系 tells.
    expect(draft.from.id).toBe('hukou');
    expect(draft.added.idNo).toEqual({ header: 'id_card', by: 'values', passed: 5, of: 5 });
    expect(draft.added.relToHead).toMatchObject({ header: 'relation', by: 'values' });
    expect(draft.added.birthDate).toMatchObject({ header: 'birth_date', by: 'values' });
    // A household number is a code like any other: left for the person to name.
    expect(draft.fit.missingRequired).toEqual(['name', 'hhNo']);
    expect(draft.yaml).toContain('added: "id_card" as a header of idNo (5 of 5 sampled values read as idNo)');
    // Nothing matched by header: the draft says its choice rests on the values alone.
    expect(draft.byValuesOnly).toBe(true);
    expect(draft.yaml).toContain('WARNING: no header of the file is one of hukou');
  });

  it('does not take amounts for dates', async () => {
    const dir = tmp();
    const file = path.join(dir, 'payments.csv');
    writeFileSync(
      file,
      [
        'recipient_id,paid,amount',
        ...['33012219600101001', '33012219620202002', '33012219850303003'].map((b) => `${b + idCheckChar(b)},2024-03-05,12000`),
      ].join('\n'),
    );
    const draft = await draftOf(file);
    for (const a of Object.values(draft.added)) expect(a.header).not.toBe('amount');
  });

  it('does not add a header that looks like a column by name when its values are not what the column holds', async () => {
    const dir = tmp();
    const file = path.join(dir, '处分信息.csv');
    writeFileSync(
      file,
      [
        '决定文号,身份证号,被处分人姓名,处分类别,处分种类,处分决定日期,处分影响期（月）',
        ...['33012219600101001', '33012219620202002', '33012219850303003'].map(
          (b, i) => `营纪处〔2023〕${i}号,${b + idCheckChar(b)},人${i},党纪处分,警告,2023-05-0${i + 1},${[6, 12, 18][i]}`,
        ),
      ].join('\n'),
    );
    const draft = await draftOf(file);
    expect(draft.from.id).toBe('sanction');
    // 处分影响期（月） is a count of months: by name it is like 影响期止, a date, which none of its values is.
    expect(draft.added.impactUntil).toBeUndefined();
    expect(draft.fit.refused.impactUntil).toEqual({ header: '处分影响期（月）', passed: 0, of: 3, example: '6' });
    expect(draft.fit.unread).toContain('处分影响期（月）');
    expect(draft.yaml).toContain(
      'not added: "处分影响期（月）" looks like impactUntil by name, but 0 of 3 sampled values read as date (e.g. "6")',
    );
    // The date beside it that looks like 决定日期 is added as before.
    expect(draft.added.decidedAt).toMatchObject({ header: '处分决定日期', by: 'header' });
  });
});

describe('the file pattern of a draft', () => {
  it('lets next month’s delivery match: runs of digits become *', () => {
    expect(namePattern('/x/人口底册2024.csv')).toBe('人口底册*.csv');
    expect(namePattern('民政_202403_发放明细(1).xlsx')).toBe('民政_*_发放明细(*).xlsx');
    expect(namePattern('殡葬服务记录.xlsx')).toBe('殡葬服务记录.xlsx');
    expect(namePattern('2024.csv')).toBe('2024.csv');
  });
});
