// Keys a mapping can express: composite keys, a label chosen by the key's shape, columns joined from parts,
// and nested JSON read by dotted paths with an array expanded into rows.
import { describe, expect, it } from 'vitest';
import { InvalidMapping } from '../../../loaders/core/errors.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
import { recordRows } from '../../../loaders/core/readers/jsonl-record.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { bindColumns, transformRow } from '../../../loaders/core/transform.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const PAYEES = `id: t-payees
title: { zh: 支付, en: Payments }
match: { files: ['pay*.csv'] }
format: { type: csv }
columns:
  unit: { headers: [unit_code], normalise: code, required: true }
  payee: { headers: [payee_id], normalise: { type: identifier, yields: value }, required: true }
  project: { headers: [project_code], normalise: code, required: true }
  region: { headers: [region] }
  street: { headers: [street] }
  addr: { join: [region, street], normalise: address }
nodes:
  org: { label: Org, key: unit }
  payee: { label: { byShape: { cn-id: Person, cn-uscc: Company, other: Company } }, key: payee }
  bid: { label: Bid, key: [project, payee] }
  place: { label: Address, key: addr }
relationships:
  - { type: AWARDED, from: org, to: payee }
  - { type: SUBMITTED, from: payee, to: bid }
  - { type: LOCATED_AT, from: payee, to: place }
`;
const H = ['unit_code', 'payee_id', 'project_code', 'region', 'street'];
const rowOf = (cells: string[]) => ({ row: 1, values: Object.fromEntries(H.map((h, i) => [headerKey(h), cells[i] ?? null])) });

describe('keys in a mapping', () => {
  const m = parseMapping(PAYEES, schema);
  const bound = bindColumns(m, H, 'pay.csv');
  const run = (cells: string[]) => {
    const r = transformRow({ bound, schema }, rowOf(cells));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r;
  };

  it('chooses the label by the key: an ID number is a Person, a credit code a Company', () => {
    const person = run(['U1', '11010519491231002X', 'P-1', '浙江省杭州市', '文三路88号']);
    expect(person.nodes.map((n) => n.uid)).toEqual([
      'Org:U1',
      'Person:11010519491231002X',
      'Bid:P-1 | 11010519491231002X',
      'Address:浙江省杭州市文三路88号',
    ]);
    // SUBMITTED allows only Company, so the Person variant writes AWARDED and LOCATED_AT alone
    expect(person.rels.map((r) => `${r.spec.type} ${r.to.uid}`)).toEqual([
      'AWARDED Person:11010519491231002X',
      'LOCATED_AT Address:浙江省杭州市文三路88号',
    ]);
    const company = run(['U1', '91512081MA62K0260E', 'P-1', '', '']);
    expect(company.nodes.map((n) => n.uid)).toEqual(['Org:U1', 'Company:91512081MA62K0260E', 'Bid:P-1 | 91512081MA62K0260E']);
    expect(company.rels.map((r) => r.spec.type)).toEqual(['AWARDED', 'SUBMITTED']);
  });

  it('names the node spec per label, and refuses a shape map no relationship can use', () => {
    expect(m.nodes.map((n) => [n.ref, n.label, n.shapes ?? null])).toEqual([
      ['org', 'Org', null],
      ['payee.Person', 'Person', ['cn-id']],
      ['payee.Company', 'Company', ['cn-uscc', 'other']],
      ['bid', 'Bid', null],
      ['place', 'Address', null],
    ]);
    expect(() => parseMapping(PAYEES.replace('cn-uscc: Company, other: Company', 'cn-uscc: Person'), schema)).toThrow(
      /SUBMITTED allows none of the labels/,
    );
    expect(() => parseMapping(PAYEES.replace('key: [project, payee]', 'key: [project]'), schema)).toThrow(InvalidMapping);
    expect(() => parseMapping(PAYEES.replace('join: [region, street]', 'join: [region, nope]'), schema)).toThrow(/unknown column "nope"/);
  });
});

describe('nested JSON lines', () => {
  const rec = { ocid: 'ocds-1', tender: { id: 'T1', tenderers: [{ name: 'A', address: { locality: '杭州市' } }, { name: 'B' }] } };

  it('reaches nested fields by dotted path, keeping the top-level value as JSON text', () => {
    const [r] = recordRows({ ocid: 'x', buyer: { name: 'B', identifier: { id: '1' } } });
    expect(r).toEqual({
      ocid: 'x',
      buyer: '{"name":"B","identifier":{"id":"1"}}',
      'buyer.name': 'B',
      'buyer.identifier': '{"id":"1"}',
      'buyer.identifier.id': '1',
    });
  });

  it('expands an array into one row per element, with the rest of the record beside it', () => {
    const rows = recordRows(rec, 'tender.tenderers');
    expect(rows.map((r) => [r.ocid, r['tender.id'], r['tender.tenderers.name'], r['tender.tenderers.address.locality'] ?? null])).toEqual([
      ['ocds-1', 'T1', 'A', '杭州市'],
      ['ocds-1', 'T1', 'B', null],
    ]);
    expect(recordRows({ ocid: 'y', tender: { tenderers: [] } }, 'tender.tenderers')).toHaveLength(1);
  });
});
