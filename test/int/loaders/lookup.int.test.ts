// A roster that names its units and gives no code, as many 干部名册 do (工作单位: 测试县民政局): a site mapping
// finds each unit by its name among the Orgs the unit register loaded (`lookup: name`), so the posts land on
// the register's units, hierarchy and all. A name no unit has, or two units share (every township has a
// 党政办公室), rejects the row with the reason. The bulk path finds them alike, from the nodes it has collected.
// A bid-opening record's 投标人名称 finds its company the same way.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { InvalidMapping, loadFiles, loadMappings, parseMapping, type LoadReport } from '../../../loaders/index.js';
import { collectFiles } from '../../../loaders/bulk/collect.js';
import { writeImporterCsv } from '../../../loaders/bulk/importer-csv.js';
import { freshGraph } from '../../support/db.js';
import { id } from './fixtures.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';

const ROSTER = `id: site-roster
title: { zh: 干部名册（只有单位名称）, en: Cadre roster (unit names only) }
order: 30
match: { files: ['干部名单*.csv'], headers: [idNo, unitName, title] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  name: { headers: [姓名], required: true }
  unitName: { headers: [工作单位], required: true }
  title: { headers: [职务], required: true }
  from: { headers: [任职时间], normalise: date, required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: { name: name } }
  org: { label: Org, key: unitName, lookup: name }
relationships:
  - { type: HOLDS_POST, from: person, to: org, identity: [title, from], props: { title: title, from: from } }
`;

/** The unit register: two units share the name 党政办公室, as every township's office does. */
const UNITS = [
  '统一社会信用代码,单位名称,单位类型,上级单位代码,上级单位名称',
  'G001,测试县人民政府,党政机关,,',
  'A001,测试县民政局,党政机关,G001,测试县人民政府',
  'T001,党政办公室,党政机关,G001,测试县人民政府',
  'T002,党政办公室,党政机关,G001,测试县人民政府',
];

const P1 = id('33012219700101001');
const P2 = id('33012219710202002');
const P3 = id('33012219720303003');
const P4 = id('33012219730404004');

let db: Executor;
let work: string;
let maps: string;
let report: LoadReport;

const write = (dir: string, name: string, lines: string[]) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), '\ufeff' + lines.join('\r\n') + '\r\n');
};

beforeAll(async () => {
  db = await freshGraph();
  work = mkdtempSync(path.join(tmpdir(), 'huiyan-lookup-'));
  maps = path.join(work, 'mappings');
  mkdirSync(maps);
  writeFileSync(path.join(maps, 'site-roster.yaml'), ROSTER);
  const data = path.join(work, 'data');
  write(data, '机构编制名录.csv', UNITS);
  write(data, '干部名单2024.csv', [
    '身份证号,姓名,工作单位,职务,任职时间',
    `${P1},孙局长,测试县民政局,局长,2019-03-01`,
    // Spaces around a name are cleaned as in every text cell: the same unit.
    `${P2},周副局长, 测试县民政局 ,副局长,2020-05-01`,
    `${P3},吴主任,党政办公室,主任,2018-01-01`,
    `${P4},郑科长,测试县交通运输局,科长,2017-07-01`,
  ]);
  report = await loadFiles(db, [data], { rejectsDir: path.join(work, 'rejects'), extraMappingsDirs: [maps] });
});
afterAll(async () => {
  await db.close();
});

describe('a unit found by its name', () => {
  it('puts the posts on the unit the register loaded under its code', async () => {
    expect(report.skipped).toEqual([]);
    expect(report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['unit', 4, 4, 0],
      ['site-roster', 4, 2, 2],
    ]);
    const { rows } = await db.read<{ name: string; code: string; parent: string }>(
      `MATCH (p:Person)-[:HOLDS_POST]->(o:Org)-[:PART_OF]->(g:Org)
       RETURN p.name AS name, o.code AS code, g.code AS parent ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: '周副局长', code: 'A001', parent: 'G001' },
      { name: '孙局长', code: 'A001', parent: 'G001' },
    ]);
    // No Org was made of a name.
    const { rows: orgs } = await db.read<{ n: number }>('MATCH (o:Org) RETURN count(o) AS n');
    expect(orgs[0]!.n).toBe(4);
  });

  it('rejects a name no unit has, and a name two units share, saying which', () => {
    const rejects = parseCsv(readFileSync(report.files[1]!.rejectsFile!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rejects.map((r) => [r.row, r.column, r.value])).toEqual([
      ['3', '工作单位', '党政办公室'],
      ['4', '工作单位', '测试县交通运输局'],
    ]);
    expect(rejects[0]!.reason).toMatch(/^name为「党政办公室」的记录不止一个.* more than one Org has name "党政办公室"/);
    expect(rejects[1]!.reason).toMatch(/^没有name为「测试县交通运输局」的已装载记录.* no Org with name "测试县交通运输局" is loaded/);
  });

  it('is found alike by the bulk path, with or without a reading thread: the same rows loaded and rejected, the posts on A001', async () => {
    const schema = loadGraphSchema();
    const online = readFileSync(report.files[1]!.rejectsFile!, 'utf8');
    for (const workers of [0, 1]) {
      const dir = path.join(work, `bulk-${workers}`);
      const c = await collectFiles([path.join(work, 'data')], {
        schema,
        mappings: loadMappings({ schema, extraDirs: [maps] }),
        rejectsDir: path.join(dir, 'rejects'),
        spillDir: path.join(dir, 'runs'),
        workers,
      });
      expect(c.report.skipped).toEqual([]);
      expect(c.report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
        ['unit', 4, 4, 0],
        ['site-roster', 4, 2, 2],
      ]);
      expect(readFileSync(c.report.files[1]!.rejectsFile!, 'utf8')).toBe(online);
      const files = writeImporterCsv(c.graph, schema, path.join(dir, 'csv'), false);
      const posts = files.relationships.find((f) => path.basename(f).startsWith('rels-HOLDS_POST'))!;
      const [head, ...lines] = readFileSync(posts, 'utf8').trimEnd().split('\n');
      const end = head!.split(',').findIndex((c) => c.startsWith(':END_ID'));
      expect(lines.map((l) => l.split(',')[end]!.replace(/^"|"$/g, ''))).toEqual(['Org:A001', 'Org:A001']);
      c.graph.store.remove();
    }
  });
});

const OFFICERS = `id: site-officers
title: { zh: 开标记录（只有企业名称）, en: Bid opening (company names only) }
order: 60
match: { files: ['开标记录*.csv'], headers: [idNo, companyName] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [项目负责人身份证号], normalise: idNo, required: true }
  name: { headers: [项目负责人], required: true }
  companyName: { headers: [投标人名称], required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: { name: name } }
  company: { label: Company, key: companyName, lookup: name }
relationships:
  - { type: EXECUTIVE_OF, from: person, to: company, props: { role: { value: 项目负责人 } } }
`;

describe('a company found by its name', () => {
  it('links the row to the registered company under its credit code, and rejects a name the registry lacks', async () => {
    const uscc = (body: string) => body + usccCheckChar(body);
    const A = uscc('91330122MA2A0000A');
    const dir = path.join(work, 'companies');
    const mapsDir = path.join(dir, 'mappings');
    mkdirSync(mapsDir, { recursive: true });
    writeFileSync(path.join(mapsDir, 'site-officers.yaml'), OFFICERS);
    write(path.join(dir, 'data'), '企业登记.csv', ['统一社会信用代码,企业名称,登记状态', `${A},桐庐甲建设有限公司,存续`]);
    write(path.join(dir, 'data'), '开标记录2024.csv', [
      '项目负责人身份证号,项目负责人,投标人名称',
      `${id('33012219800505005')},孙经理,桐庐甲建设有限公司`,
      `${id('33012219810606006')},周经理,桐庐乙建设有限公司`,
    ]);
    const r = await loadFiles(db, [path.join(dir, 'data')], { rejectsDir: path.join(dir, 'rejects'), extraMappingsDirs: [mapsDir] });
    expect(r.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['company', 1, 1, 0],
      ['site-officers', 2, 1, 1],
    ]);
    const { rows } = await db.read<{ name: string; uscc: string }>(
      `MATCH (p:Person)-[:EXECUTIVE_OF {role: '项目负责人'}]->(c:Company) RETURN p.name AS name, c.uscc AS uscc`,
    );
    expect(rows).toEqual([{ name: '孙经理', uscc: A }]);
    const rejects = parseCsv(readFileSync(r.files[1]!.rejectsFile!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rejects.map((x) => [x.row, x.column, x.value])).toEqual([['2', '投标人名称', '桐庐乙建设有限公司']]);
    expect(rejects[0]!.reason).toMatch(/ no Company with name "桐庐乙建设有限公司" is loaded/);
  });
});

const LICENSED = `id: site-licensed
title: { zh: 持证执法人员名册, en: Licensed inspectors }
order: 30
match: { files: ['执法人员*.csv'], headers: [idNo, licenceNo] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  name: { headers: [姓名], required: true }
  licenceNo: { headers: [执法证号], normalise: code, required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: { name: name, licenceNo: licenceNo } }
`;
const CHECKS = `id: site-checks
title: { zh: 监督检查记录（执法证号）, en: Inspections (licence numbers) }
order: 70
match: { files: ['监督检查*.csv'], headers: [ref, licence] }
format: { type: csv, encoding: utf-8 }
columns:
  ref: { headers: [检查编号], normalise: code, required: true }
  uscc: { headers: [统一社会信用代码], normalise: uscc, required: true }
  licence: { headers: [执法证号], normalise: code, required: true }
nodes:
  inspector: { label: Person, key: licence, lookup: licenceNo }
  company: { label: Company, key: uscc, mode: fill }
relationships:
  - { type: INSPECTED, from: inspector, to: company, identity: [ref], props: { ref: ref } }
`;

describe('an inspector found by his 执法证号', () => {
  // Inspection records name inspectors by licence, never by ID number; the roster gives both. A licence is an
  // identifier graph.yaml marks unique, so it may find a person where a name may not, pseudonymised or not.
  for (const pseudonymKey of [undefined, 'county-shared-secret-0123456789']) {
    it(`puts the check on the roster's person, and rejects a licence nobody holds${pseudonymKey ? ' (pseudonymised)' : ''}`, async () => {
      const uscc = (body: string) => body + usccCheckChar(body);
      const C = uscc('92330122MA2B0000B');
      const dir = path.join(work, pseudonymKey ? 'licences-p' : 'licences');
      const mapsDir = path.join(dir, 'mappings');
      mkdirSync(mapsDir, { recursive: true });
      writeFileSync(path.join(mapsDir, 'site-licensed.yaml'), LICENSED);
      writeFileSync(path.join(mapsDir, 'site-checks.yaml'), CHECKS);
      const inspector = id(pseudonymKey ? '33012219900909009' : '33012219900808008');
      const licence = pseudonymKey ? '浙33010000002' : '浙33010000001';
      write(path.join(dir, 'data'), '执法人员名册.csv', [
        '身份证号,姓名,执法证号',
        `${inspector},林执法${pseudonymKey ? '乙' : '甲'},${licence}`,
      ]);
      write(path.join(dir, 'data'), '监督检查记录.csv', [
        '检查编号,统一社会信用代码,执法证号',
        `JC-${licence}-1,${C},${licence}`,
        `JC-${licence}-2,${C},浙33019999999`,
      ]);
      const r = await loadFiles(db, [path.join(dir, 'data')], {
        rejectsDir: path.join(dir, 'rejects'),
        extraMappingsDirs: [mapsDir],
        ...(pseudonymKey ? { pseudonymKey } : {}),
      });
      expect(r.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
        ['site-licensed', 1, 1, 0],
        ['site-checks', 2, 1, 1],
      ]);
      const { rows } = await db.read<{ name: string; masked: string | null; ref: string }>(
        `MATCH (p:Person)-[i:INSPECTED]->(:Company {uscc: $c}) WHERE i.ref STARTS WITH $pre
         RETURN p.name AS name, p.idNoMasked AS masked, i.ref AS ref`,
        { c: C, pre: `JC-${licence}` },
      );
      expect(rows).toEqual([
        { name: `林执法${pseudonymKey ? '乙' : '甲'}`, masked: expect.stringMatching(/^330122\*{8}/), ref: `JC-${licence}-1` },
      ]);
      // No person was made of a licence number.
      const { rows: made } = await db.read<{ n: number }>(
        'MATCH (p:Person) WHERE p.idNo STARTS WITH "浙" OR p.idNoMasked STARTS WITH "浙" RETURN count(p) AS n',
      );
      expect(made[0]!.n).toBe(0);
      const rejects = parseCsv(readFileSync(r.files[1]!.rejectsFile!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
      expect(rejects.map((x) => [x.row, x.column, x.value])).toEqual([['2', '执法证号', '浙33019999999']]);
      expect(rejects[0]!.reason).toMatch(/no Person with licenceNo "浙33019999999" is loaded/);
      // The bulk path finds the person alike, from the roster rows it has collected.
      const schema = loadGraphSchema();
      const c = await collectFiles([path.join(dir, 'data')], {
        schema,
        mappings: loadMappings({ schema, extraDirs: [mapsDir] }),
        rejectsDir: path.join(dir, 'bulk-rejects'),
        spillDir: path.join(dir, 'bulk-runs'),
        workers: 0,
        ...(pseudonymKey ? { pseudonymKey, pseudonymise: pseudonymiser(pseudonymKey) } : {}),
      });
      expect(c.report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
        ['site-licensed', 1, 1, 0],
        ['site-checks', 2, 1, 1],
      ]);
      const files = writeImporterCsv(c.graph, schema, path.join(dir, 'bulk-csv'), false);
      const checks = files.relationships.find((f) => path.basename(f).startsWith('rels-INSPECTED'))!;
      const [head, ...lines] = readFileSync(checks, 'utf8').trimEnd().split('\n');
      const start = head!.split(',').findIndex((x) => x.startsWith(':START_ID'));
      const person = pseudonymKey ? `Person:${pseudonymiser(pseudonymKey)(inspector)}` : `Person:${inspector}`;
      expect(lines.map((l) => l.split(',')[start]!.replace(/^"|"$/g, ''))).toEqual([person]);
      c.graph.store.remove();
    });
  }
});

describe('an optional unit found by its name', () => {
  // A 信访 register's 被反映单位 or a roster's unit the register lacks: the row is not lost for it.
  it('loads the row without the unit and its post, noting what was left out, on both paths alike', async () => {
    const dir = path.join(work, 'optional');
    const mapsDir = path.join(dir, 'mappings');
    mkdirSync(mapsDir, { recursive: true });
    writeFileSync(
      path.join(mapsDir, 'site-roster-optional.yaml'),
      ROSTER.replace('id: site-roster', 'id: site-roster-optional')
        .replace("files: ['干部名单*.csv']", "files: ['任职名单*.csv']")
        .replace('org: { label: Org, key: unitName, lookup: name }', 'org: { label: Org, key: unitName, lookup: name, optional: true }'),
    );
    const data = path.join(dir, 'data');
    write(data, '机构编制名录.csv', UNITS);
    const [Q1, Q2, Q3] = [id('33012219800101011'), id('33012219800202022'), id('33012219800303033')];
    write(data, '任职名单2024.csv', [
      '身份证号,姓名,工作单位,职务,任职时间',
      `${Q1},冯科长,测试县民政局,科长,2019-03-01`,
      `${Q2},陈主任,党政办公室,主任,2018-01-01`,
      `${Q3},褚科长,测试县交通运输局,科长,2017-07-01`,
    ]);
    const r = await loadFiles(db, [data], { rejectsDir: path.join(dir, 'rejects'), extraMappingsDirs: [mapsDir] });
    expect(r.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['unit', 4, 4, 0],
      ['site-roster-optional', 3, 3, 0],
    ]);
    const { rows } = await db.read<{ name: string; code: string | null }>(
      `MATCH (p:Person) WHERE p.idNo IN $ids OPTIONAL MATCH (p)-[:HOLDS_POST]->(o:Org) RETURN p.name AS name, o.code AS code ORDER BY name`,
      { ids: [Q1, Q2, Q3] },
    );
    expect(rows).toEqual([
      { name: '冯科长', code: 'A001' },
      { name: '褚科长', code: null },
      { name: '陈主任', code: null },
    ]);
    const online = readFileSync(r.files[1]!.rejectsFile!, 'utf8');
    const notes = parseCsv(online, { bom: true, columns: true }) as Record<string, string>[];
    expect(notes.map((x) => [x.row, x.column, x.value])).toEqual([
      ['2', '工作单位', '党政办公室'],
      ['3', '工作单位', '测试县交通运输局'],
    ]);
    expect(notes[1]!.reason).toMatch(
      /no Org with name "测试县交通运输局" is loaded \(load its source first\); the rest of the row is loaded$/,
    );
    const schema = loadGraphSchema();
    const c = await collectFiles([data], {
      schema,
      mappings: loadMappings({ schema, extraDirs: [mapsDir] }),
      rejectsDir: path.join(dir, 'bulk-rejects'),
      spillDir: path.join(dir, 'bulk-runs'),
      workers: 0,
    });
    expect(c.report.files.map((f) => [f.source, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['unit', 4, 4, 0],
      ['site-roster-optional', 3, 3, 0],
    ]);
    expect(readFileSync(c.report.files[1]!.rejectsFile!, 'utf8')).toBe(online);
    c.graph.store.remove();
  });
});

describe('a lookup the mapping cannot have', () => {
  const refused = (node: string) => () =>
    parseMapping(ROSTER.replace('org: { label: Org, key: unitName, lookup: name }', node), loadGraphSchema());
  it('names the problem: a person by name, a property not in graph.yaml, a lookup that sets properties', () => {
    expect(refused('org: { label: Person, key: unitName, lookup: name }')).toThrow(InvalidMapping);
    expect(refused('org: { label: Person, key: unitName, lookup: name }')).toThrow(
      /Person cannot be found by "name": its key is sensitive, so only by its ID number or a unique identifier \(licenceNo\)/,
    );
    expect(refused('org: { label: Org, key: unitName, lookup: nickname }')).toThrow(/"nickname" is not a property of Org/);
    expect(refused('org: { label: Org, key: unitName, lookup: name, props: { kind: title } }')).toThrow(/a looked-up node only refers/);
    expect(refused('org: { label: Org, key: unitName, mustExist: true, optional: true }')).toThrow(
      /only a looked-up node \(lookup\) may be optional/,
    );
  });
});
