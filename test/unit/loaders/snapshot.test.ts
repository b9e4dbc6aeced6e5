// The pure parts of full-snapshot deliveries: what a rejected row spares, when a delivery ends nothing,
// which relationship types can end, and the delivery date check. The ending itself is in
// test/int/loaders/snapshot.int.test.ts (real Neo4j).
import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { bindColumns } from '../../../loaders/core/transform.js';
import { checkSnapshotOption, endableTypes, holdReason, isIsoDate, RejectedRows } from '../../../loaders/core/snapshot.js';

const schema = loadGraphSchema();
const mappings = loadMappings({ schema });
const byId = (id: string) => mappings.find((m) => m.id === id)!;
const person = (body: string) => body + idCheckChar(body);
const company = (body: string) => body + usccCheckChar(body)!;
const HEADERS = ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证件号码', '出资比例', '认缴日期', '退出日期'];
const row = (cells: string[]) => ({ row: 1, values: Object.fromEntries(HEADERS.map((h, i) => [headerKey(h), cells[i] ?? null])) });
const bound = bindColumns(byId('shareholder'), HEADERS, '企业股东.csv');
const CO = company('91330122MA2A00001');
const HOLDER = person('33012219700606007');

describe('what a rejected shareholder row spares', () => {
  it('a bad ratio: the holding between the company and the holder it still names', () => {
    const r = new RejectedRows(schema);
    r.add(bound, row([CO, '甲公司', '孙国庆', '自然人', HOLDER, '百分之三十', '', '']));
    expect([...r.pairs]).toContain(`Person:${HOLDER}|Company:${CO}`);
    expect(r.entities.size).toBe(0);
    expect(r.unattributed).toBe(0);
  });

  it('a bad holder ID: every fact of the company, since the holder could be anyone', () => {
    const r = new RejectedRows(schema);
    r.add(bound, row([CO, '甲公司', '孙国庆', '自然人', '330122197006060071', '30%', '', '']));
    expect([...r.entities]).toEqual([`Company:${CO}`]);
    expect(r.pairs.size).toBe(0);
  });

  it('nothing readable: counted as unattributed, which holds back the whole ending', () => {
    const r = new RejectedRows(schema);
    r.add(bound, row(['不是代码', '甲公司', '孙国庆', '自然人', '也不是', '30%', '', '']));
    r.add(bound, { row: 2, values: {}, error: 'not valid JSON' });
    expect(r.unattributed).toBe(2);
    expect(holdReason({ rowsRead: 1000, rowsLoaded: 998, rowsRejected: 2, filesRefused: 0, rejected: r })).toMatch(/name no entity/);
  });

  it('pseudonymised keys, as the graph stores them', () => {
    const key = 'a-key-of-sixteen-chars';
    const r = new RejectedRows(schema, pseudonymiser(key));
    r.add(bound, row([CO, '甲公司', '孙国庆', '自然人', HOLDER, 'x', '', '']));
    expect([...r.pairs]).toContain(`Person:${pseudonymiser(key)(HOLDER)}|Company:${CO}`);
  });
});

describe('what a rejected row of a roster finding its units by name spares', () => {
  const roster = parseMapping(
    `id: site-roster
title: { zh: 干部名册, en: Cadre roster }
order: 30
match: { files: ['干部名单*.csv'], headers: [idNo, unitName, title] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  unitName: { headers: [工作单位], required: true }
  title: { headers: [职务], required: true }
nodes:
  person: { label: Person, key: idNo }
  org: { label: Org, key: unitName, lookup: name }
relationships:
  - { type: HOLDS_POST, from: person, to: org, identity: [title], props: { title: title } }
`,
    schema,
    'site-roster.yaml',
  );
  const COLS = ['身份证号', '工作单位', '职务'];
  const rosterRow = (cells: string[]) => ({ row: 1, values: Object.fromEntries(COLS.map((h, i) => [headerKey(h), cells[i] ?? null])) });
  const rosterBound = bindColumns(roster, COLS, '干部名单.csv');

  it('a unit name no Org has: every post of the person, since the name is not the unit’s key and could mean any unit', () => {
    const r = new RejectedRows(schema);
    r.add(rosterBound, rosterRow([HOLDER, '测试县不存在局', '科员']));
    expect([...r.entities]).toEqual([`Person:${HOLDER}`]);
    // Not a pair with an Org keyed by the name: no Org has that key, and its posts would be ended.
    expect(r.pairs.size).toBe(0);
    expect(r.unattributed).toBe(0);
  });
});

describe('when a snapshot ends nothing', () => {
  const clean = new RejectedRows(schema);
  it('ends when the rejects are few and attributed', () => {
    expect(holdReason({ rowsRead: 100, rowsLoaded: 95, rowsRejected: 5, filesRefused: 0, rejected: clean })).toBeUndefined();
  });
  it('holds above 5% rejected, with no row loaded, or with a file of the delivery refused', () => {
    expect(holdReason({ rowsRead: 100, rowsLoaded: 94, rowsRejected: 6, filesRefused: 0, rejected: clean })).toBe(
      '6 of 100 rows rejected (more than 5%)',
    );
    expect(holdReason({ rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, filesRefused: 0, rejected: clean })).toMatch(/empty delivery/);
    expect(holdReason({ rowsRead: 10, rowsLoaded: 10, rowsRejected: 0, filesRefused: 1, rejected: clean })).toMatch(/refused whole/);
  });
});

describe('what can end', () => {
  it('relationships that hold over time, not events', () => {
    expect(endableTypes(schema, byId('shareholder'))).toEqual(['SHAREHOLDER_OF']);
    expect(endableTypes(schema, byId('cadre'))).toEqual(['HOLDS_POST']);
    expect(endableTypes(schema, byId('award'))).toEqual([]);
    expect(endableTypes(schema, byId('hukou'))).toEqual([]);
  });
  it('takes a real calendar date only', () => {
    expect(isIsoDate('2026-03-31')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026/03/31')).toBe(false);
    expect(() => checkSnapshotOption({ sources: 'all', deliveredOn: '31.3.2026' })).toThrow(/not a date/);
  });
});
