// The bulk path's on-disk merge (loaders/bulk): records spilled in runs of three, so every key's history is
// spread over many runs, and folded back as the online writer would have written them: `set` and `fill`
// across files, provenance from the last writer, relationship MERGE on identity properties, spells merged
// across batches, and a reference to a node that only a later file produces rejected like online.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, SpilledGraph, type Collected } from '../../../loaders/bulk/collect.js';
import type { Grouped } from '../../../loaders/core/writer/group.js';
import { writeImporterCsv, type ImporterFiles } from '../../../loaders/bulk/importer-csv.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const ZHANG = id('33012219600101001');
const LI = id('33012219620202002');
const CO = '91330122MA2A00001' + usccCheckChar('91330122MA2A00001')!;

const mapping = (id: string, order: number, files: string, rest: string) =>
  `id: ${id}\ntitle: { zh: ${id}, en: ${id} }\norder: ${order}\nmatch: { files: ['${files}'] }\nformat: { type: csv, encoding: utf-8 }\n${rest}`;
/** Officers of a company that must already be loaded; the same mapping before and after the companies. */
const officers = (id: string, order: number, files: string) =>
  mapping(
    id,
    order,
    files,
    `columns:
  uscc: { headers: [uscc], normalise: uscc, required: true }
  idNo: { headers: [idNo], normalise: idNo, required: true }
  role: { headers: [role], required: true }
nodes:
  company: { label: Company, key: uscc, mustExist: true }
  person: { label: Person, key: idNo, mode: fill, props: {} }
relationships:
  - { type: EXECUTIVE_OF, from: person, to: company, identity: [role], props: { role: role } }
`,
  );
const MAPPINGS: Record<string, string> = {
  'people.yaml': mapping(
    'people',
    1,
    'people_*.csv',
    `columns:
  idNo: { headers: [idNo], normalise: idNo, required: true }
  name: { headers: [name] }
  dob: { headers: [dob], normalise: date }
nodes:
  person: { label: Person, key: idNo, mode: set, props: { name: name, birthDate: dob } }
relationships: []
`,
  ),
  'people-fill.yaml': mapping(
    'people-fill',
    3,
    'fill_*.csv',
    `columns:
  idNo: { headers: [idNo], normalise: idNo, required: true }
  name: { headers: [name] }
  dob: { headers: [dob], normalise: date }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: { name: name, birthDate: dob } }
relationships: []
`,
  ),
  'officers-early.yaml': officers('officers-early', 5, 'officers_early*.csv'),
  'companies.yaml': mapping(
    'companies',
    6,
    'companies*.csv',
    `columns:
  uscc: { headers: [uscc], normalise: uscc, required: true }
  name: { headers: [name] }
nodes:
  company: { label: Company, key: uscc, props: { name: name } }
relationships: []
`,
  ),
  'officers-late.yaml': officers('officers-late', 7, 'officers_late*.csv'),
  'pay.yaml': mapping(
    'pay',
    8,
    'pay*.csv',
    `columns:
  scheme: { headers: [scheme], normalise: code, required: true }
  idNo: { headers: [idNo], normalise: idNo, required: true }
  month: { headers: [month], normalise: periodStart, required: true }
  paidOn: { headers: [paidOn], normalise: date, required: true }
  amount: { headers: [amount], normalise: amount, required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: {} }
  program: { label: Program, key: scheme, props: {} }
relationships:
  - type: RECEIVED
    from: person
    to: program
    identity: [periodFrom, payDate]
    props: { periodFrom: month, payDate: paidOn, amount: amount }
`,
  ),
  'spells.yaml': mapping(
    'spells',
    9,
    'spells*.csv',
    `columns:
  idNo: { headers: [idNo], normalise: idNo, required: true }
  org: { headers: [org], normalise: code, required: true }
  from: { headers: [from], normalise: periodStart, required: true }
  to: { headers: [to], normalise: periodEnd }
  amount: { headers: [amount], normalise: amount }
nodes:
  person: { label: Person, key: idNo, mode: fill, props: {} }
  org: { label: Org, key: org, mode: fill, props: {} }
relationships:
  - { type: ON_PAYROLL, from: person, to: org, spell: { from: from, to: to }, props: { amount: amount } }
`,
  ),
};
const FILES: Record<string, string[]> = {
  'people_a.csv': ['idNo,name,dob', `${ZHANG},张三,1960-01-01`, `${LI},李四,`],
  'people_b.csv': ['idNo,name,dob', `${ZHANG},张叁,`],
  'fill_a.csv': ['idNo,name,dob', `${ZHANG},张3,1999-09-09`, `${LI},李4,1962-02-02`],
  'officers_early.csv': ['uscc,idNo,role', `${CO},${ZHANG},董事长`],
  'companies.csv': ['uscc,name', `${CO},某公司`],
  'officers_late.csv': ['uscc,idNo,role', `${CO},${LI},监事`],
  'pay.csv': [
    'scheme,idNo,month,paidOn,amount',
    `GLBT,${ZHANG},2023-01,2023-01-25,100`,
    `GLBT,${ZHANG},2023-02,2023-02-25,100`,
    `GLBT,${ZHANG},2023-03,2023-03-25,100`,
    // The January payment again, corrected: the same identity, so the same relationship.
    `GLBT,${ZHANG},2023-01,2023-01-25,120`,
  ],
  'spells.csv': [
    'idNo,org,from,to,amount',
    `${ZHANG},ORG1,2023-01,2023-03,5000`,
    `${LI},ORG1,2022-01,2022-02,4000`,
    `${ZHANG},ORG1,2023-04,2023-06,5100`,
    `${ZHANG},ORG1,2024-01,,5200`,
  ],
};

let work: string;
let collected: Collected;
let files: ImporterFiles;

/** The importer CSV as objects keyed by column name (types dropped); the test's values hold no line break. */
function table(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cells = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const cols = head!.split(',').map((c) => c.split(':')[0] || c);
  return lines.map((l) => Object.fromEntries(cells(l).map((v, i) => [cols[i]!, v])));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'huiyan-bulk-merge-'));
  const maps = path.join(work, 'mappings');
  const data = path.join(work, 'data');
  mkdirSync(maps);
  mkdirSync(data);
  for (const [f, t] of Object.entries(MAPPINGS)) writeFileSync(path.join(maps, f), t);
  for (const [f, rows] of Object.entries(FILES)) writeFileSync(path.join(data, f), rows.join('\n') + '\n');
  const schema = loadGraphSchema();
  collected = await collectFiles([data], {
    schema,
    mappings: loadMappings({ dir: maps, schema }),
    rejectsDir: path.join(work, 'rejects'),
    spillDir: path.join(work, 'runs'),
    batchSize: 1,
    spillLimits: { chars: 1e9, records: 3 },
    // Every referenced key goes to disk as soon as it is added, so references are looked up there (the last key
    // added is answered from memory: the test at the end asks each key on disk).
    keysHeld: 1,
  });
  files = writeImporterCsv(collected.graph, schema, path.join(work, 'csv'), false);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the bulk path merging on disk', () => {
  it('spreads the records over many sorted runs and removes them once read', () => {
    expect(collected.graph.store.spills).toBeGreaterThan(5);
    expect(readdirSync(path.join(work, 'runs'))).toEqual([]);
  });

  it('lets set overwrite and fill only fill blanks across files, with the last writer as provenance', () => {
    const people = table(path.join(work, 'csv', 'nodes-Person.csv'));
    const zhang = people.find((p) => p.idNo === ZHANG)!;
    const li = people.find((p) => p.idNo === LI)!;
    // people_b's set overwrote the name; its empty dob erased nothing; fill_a changed neither.
    expect([zhang.name, zhang.birthDate]).toEqual(['张叁', '1960-01-01']);
    // Li had no birth date: fill_a filled it but kept the name.
    expect([li.name, li.birthDate]).toEqual(['李四', '1962-02-02']);
    // Zhang was last written by the spells file (fill writes provenance even when it fills nothing), by its
    // first row: rows 3 and 4 repeat him with nothing new two batches later, and the repeat filter drops them
    // on both paths (core/writer/repeats.ts).
    expect([zhang._source, zhang._file, zhang._row]).toEqual(['spells', 'spells.csv', '1']);
    // Not officers-early: its only row was rejected whole.
    expect(zhang._sources).toBe('people;people-fill;pay;spells');
    expect(people).toHaveLength(2);
  });

  it('merges relationships on their identity properties, the later row winning', () => {
    const paid = table(path.join(work, 'csv', 'rels-RECEIVED.csv')).filter((r) => r.periodFrom === '2023-01-01');
    expect(paid).toHaveLength(1);
    expect([paid[0]!.amount, paid[0]!._row]).toEqual(['120', '4']);
    expect(table(path.join(work, 'csv', 'rels-RECEIVED.csv'))).toHaveLength(3);
  });

  it('merges spells across batches: adjacent pieces join, a gap starts a new spell', () => {
    const spells = table(path.join(work, 'csv', 'rels-ON_PAYROLL.csv'))
      .map((r) => [r.from, r.to, r.months, r.amount])
      .sort();
    expect(spells).toEqual([
      ['2022-01-01', '2022-02-28', '2', '4000'],
      ['2023-01-01', '2023-06-30', '6', '5100'],
      ['2024-01-01', '', '', '5200'],
    ]);
  });

  it('rejects a reference to a node only a later file produces, with file, row, column and reason', () => {
    const early = collected.report.files.find((f) => f.file === 'officers_early.csv')!;
    const late = collected.report.files.find((f) => f.file === 'officers_late.csv')!;
    expect([early.rowsRejected, early.rowsLoaded, late.rowsLoaded]).toEqual([1, 0, 1]);
    const rejects = readFileSync(early.rejectsFile!, 'utf8');
    expect(rejects).toContain(
      `officers_early.csv,1,uscc,${CO},"所引用的「${CO}」尚未装载，请先装载其来源 no Company with uscc ""${CO}"" is loaded (load its source first)"`,
    );
    const officers = table(path.join(work, 'csv', 'rels-EXECUTIVE_OF.csv'));
    expect(officers.map((r) => r.role)).toEqual(['监事']);
    expect(files.nodeCount).toBe(5);
  });

  it('keeps nothing that grows with the data once reading ends: every record in a run, the key sets dropped', async () => {
    const schema = loadGraphSchema();
    // The default spill limits: a county this small would otherwise stay held until the CSV phase.
    const c = await collectFiles([path.join(work, 'data')], {
      schema,
      mappings: loadMappings({ dir: path.join(work, 'mappings'), schema }),
      rejectsDir: path.join(work, 'rejects-default'),
      spillDir: path.join(work, 'runs-default'),
    });
    expect(c.graph.store.spills).toBe(1);
    expect(c.graph.store.held).toBe(0);
    expect(c.graph.store.runsOf('node:Person')).toHaveLength(1);
    // The officers' file found the company while reading (late.rowsLoaded above); the set is gone now.
    expect(c.graph.has('Company', CO)).toBe(false);
    c.graph.store.remove();
  });
});

describe("the bulk path's references once their keys went to disk", () => {
  it('still finds every key produced, and no other, after each key spilled from memory', () => {
    const mappings = loadMappings({ schema: loadGraphSchema() });
    const company = mappings.find((m) => m.nodes.some((n) => n.label === 'Company' && !n.mustExist))!;
    const spec = company.nodes.findIndex((n) => n.label === 'Company');
    const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-keys-'));
    const g = new SpilledGraph(dir, mappings, undefined, 1);
    const keys = ['91330100MA0000001X', '91330100MA0000002X', '91330100MA0000003X', '91330100MA0000004X'];
    for (const [row, key] of keys.entries()) {
      const grouped: Grouped = {
        nodes: company.nodes.map((_, i) => (i === spec ? [{ key, uid: `Company:${key}`, row, p: {} }] : [])),
        rels: company.relationships.map(() => []),
      };
      g.add(company, grouped, { source: company.id, file: 'c.csv', run: 'r' });
    }
    // Asked in an order that never repeats the key asked or added last (a set remembers its last answer).
    expect(['91330100MA0000009X', ...keys].map((k) => g.has('Company', k))).toEqual([false, true, true, true, true]);
    g.doneReading();
    expect(readdirSync(dir).filter((f) => f.startsWith('keys-'))).toEqual([]);
    g.store.remove();
    rmSync(dir, { recursive: true, force: true });
  });
});
