import { describe, expect, it } from 'vitest';
import { InvalidMapping } from '../../../loaders/core/errors.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { closeOpen, mergeSpells, monthEnd, monthsOf, type Piece } from '../../../loaders/core/spells.js';
import { bindColumns, transformRow } from '../../../loaders/core/transform.js';
import { groupBatch, type Accepted } from '../../../loaders/core/writer/group.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const month = (ym: string, amount?: number, row = 1): Piece => ({
  from: `${ym}-01`,
  to: monthEnd(`${ym}-01`),
  row,
  p: amount === undefined ? {} : { amount },
});
const spans = (pieces: Piece[]) => mergeSpells(pieces).map((s) => [s.from, s.to, s.months]);

describe('coalescing pieces into spells', () => {
  it('joins adjacent months into one spell and counts them', () => {
    expect(spans(['2023-11', '2023-12', '2024-01', '2024-02'].map((m) => month(m)))).toEqual([['2023-11-01', '2024-02-29', 4]]);
  });

  it('starts a new spell after a gap of a month', () => {
    expect(spans(['2024-01', '2024-02', '2024-04'].map((m) => month(m)))).toEqual([
      ['2024-01-01', '2024-02-29', 2],
      ['2024-04-01', '2024-04-30', 1],
    ]);
  });

  it('gives the same spells whatever the order of the months, and with every month twice', () => {
    const ms = ['2022-12', '2023-01', '2023-02', '2023-05', '2023-06'];
    const expected = spans(ms.map((m) => month(m)));
    expect(spans([...ms].reverse().map((m) => month(m)))).toEqual(expected);
    expect(spans([...ms, ...ms].sort(() => 0.5 - Math.random()).map((m) => month(m)))).toEqual(expected);
  });

  it('merges a spell with months that overlap it or touch its ends', () => {
    const spell: Piece = { from: '2023-03-01', to: '2023-08-31', row: 1, p: {} };
    expect(spans([spell, month('2023-05'), month('2023-09'), month('2023-02')])).toEqual([['2023-02-01', '2023-09-30', 8]]);
  });

  it('keeps a spell still running open, absorbing the months after its start', () => {
    const open: Piece = { from: '2023-03-01', to: null, row: 1, p: {} };
    expect(spans([month('2024-06'), open, month('2023-01')])).toEqual([
      ['2023-01-01', '2023-01-31', 1],
      ['2023-03-01', null, null],
    ]);
  });

  it('keeps the amount of the last month, and the last source row among the new pieces', () => {
    const [s] = mergeSpells([month('2023-02', 7100, 5), month('2023-01', 6800, 9), month('2023-03', undefined, 2)]);
    expect(s!.p).toEqual({ amount: 7100 });
    expect(s!.row).toBe(9);
  });

  it('lets a new piece win over a stored spell that ends the same month', () => {
    const stored: Piece<string> = { from: '2023-01-01', to: '2023-03-31', row: 0, p: { amount: 6800 }, old: 'r1' };
    const [s] = mergeSpells([stored, { ...month('2023-03', 7000, 4) }]);
    expect(s!.p).toEqual({ amount: 7000 });
    expect(s!.pieces.map((x) => x.old)).toEqual(['r1', undefined]);
  });

  it('closes a stored open spell with a spell row of the same start that ends, and only such a row', () => {
    const open: Piece<string> = { from: '2020-01-01', to: null, row: 0, p: {}, old: 'r1' };
    const closing: Piece<string> = { from: '2020-01-01', to: '2024-06-30', row: 3, p: {} };
    expect(spans(closeOpen([open, closing]))).toEqual([['2020-01-01', '2024-06-30', 54]]);
    expect(spans(closeOpen([open, { ...closing, from: '2019-01-01' }]))).toEqual([['2019-01-01', null, null]]);
    expect(spans([open, closing])).toEqual([['2020-01-01', null, null]]);
  });

  it('counts calendar months across years', () => {
    expect(monthsOf('2022-11-01', '2024-02-29')).toBe(16);
    expect(monthsOf('2022-11-01', null)).toBeNull();
  });
});

const schema = loadGraphSchema();
const mapping = (rel: string, extra = '') => `
id: t
title: { zh: 测试, en: Test }
format: { type: csv }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  org: { headers: [单位代码], normalise: code, required: true }
  month: { headers: [月份], normalise: periodStart, required: true }
  start: { headers: [起始年月], normalise: periodStart${extra} }
  end: { headers: [终止年月], normalise: periodEnd }
  amount: { headers: [应发工资], normalise: amount }
nodes:
  person: { label: Person, key: idNo }
  org: { label: Org, key: org }
relationships:
  - ${rel}
`;
/** Refused with InvalidMapping, whose message names the mapping (t) and the key. */
const refuses = (yaml: string, why: RegExp) => {
  expect(() => parseMapping(yaml, schema, 't.yaml')).toThrow(InvalidMapping);
  expect(() => parseMapping(yaml, schema, 't.yaml')).toThrow(why);
};

describe('validating a spell in a mapping', () => {
  it('accepts a spell export and a monthly one', () => {
    const spell = '{ type: ON_PAYROLL, from: person, to: org, spell: { from: start, to: end }, props: { amount: amount } }';
    expect(parseMapping(mapping(spell, ', required: true'), schema).relationships[0]!.spell).toEqual({ from: 'start', to: 'end' });
    const monthly = '{ type: ON_PAYROLL, from: person, to: org, spell: { month: month } }';
    expect(parseMapping(mapping(monthly), schema).relationships[0]!.spell).toEqual({ month: 'month' });
  });

  it('refuses a spell start that may be empty, naming the mapping and the key', () => {
    refuses(
      mapping('{ type: ON_PAYROLL, from: person, to: org, spell: { from: start, to: end } }'),
      /mapping t.*relationships\[0\]\.spell\.from: column "start" must be required/,
    );
  });

  it('refuses a spell end column that does not yield dates', () => {
    refuses(
      mapping('{ type: ON_PAYROLL, from: person, to: org, spell: { from: month, to: amount } }'),
      /relationships\[0\]\.spell\.to: column "amount" must yield dates/,
    );
  });

  it('refuses a spell on a type without from, to and months in graph.yaml', () => {
    // HOLDS_POST has from and to (a post's dates) but no months: a post is not coalesced from months.
    refuses(
      mapping('{ type: HOLDS_POST, from: person, to: org, spell: { month: month } }'),
      /relationships\[0\]\.spell: HOLDS_POST needs an integer property "months"/,
    );
  });

  it('refuses from or to among the props of a spell, and an identity', () => {
    refuses(
      mapping('{ type: ON_PAYROLL, from: person, to: org, spell: { month: month }, props: { from: month } }'),
      /spell: "from" is the spell's own/,
    );
    refuses(
      mapping('{ type: ON_PAYROLL, from: person, to: org, spell: { month: month }, props: { amount: { value: 1 } }, identity: [amount] }'),
      /spell: a spell is identified by its dates; remove identity/,
    );
  });

  it('refuses an unknown key in a spell', () => {
    refuses(mapping('{ type: ON_PAYROLL, from: person, to: org, spell: { month: month, end: end } }'), /spell/);
  });
});

describe('payroll rows as spells', () => {
  const mappings = loadMappings({ schema });
  const id = (body: string) => body + idCheckChar(body);
  const person = id('33012219800101001');
  const rowOf = (headers: string[], cells: string[], n: number) => ({
    row: n,
    values: Object.fromEntries(headers.map((h, i) => [headerKey(h), cells[i] ?? null])),
  });
  const accept = (mappingId: string, headers: string[], rows: string[][]): Accepted[] => {
    const bound = bindColumns(
      mappings.find((m) => m.id === mappingId)!,
      headers,
      'x.csv',
    );
    return rows.map((cells, i) => {
      const r = transformRow({ bound, schema }, rowOf(headers, cells, i + 1));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r;
    });
  };

  it('coalesces a batch of monthly rows per person and unit', () => {
    const headers = ['身份证号', '单位代码', '工资月份', '应发工资'];
    const ok = accept('payroll', headers, [
      [person, 'U1', '2024-03', '6900'],
      [person, 'U1', '2024-01', '6800'],
      [person, 'U1', '2024-02', '6800'],
      [person, 'U2', '2024-02', '500'],
      [person, 'U1', '2024-06', '7000'],
    ]);
    const rels = groupBatch(
      mappings.find((m) => m.id === 'payroll')!,
      ok,
    ).rels[0]!;
    expect(rels.map((r) => [r.to, r.spells!.map((s) => [s.from, s.to, s.months, s.p.amount, s.row])])).toEqual([
      [
        'U1',
        [
          ['2024-01-01', '2024-03-31', 3, 6900, 3],
          ['2024-06-01', '2024-06-30', 1, 7000, 5],
        ],
      ],
      ['U2', [['2024-02-01', '2024-02-29', 1, 500, 4]]],
    ]);
  });

  it('reads a spell export, an empty end a spell still running, and rejects one that ends before it starts', () => {
    const headers = ['身份证号', '单位代码', '起始年月', '终止年月', '应发工资'];
    const [closed, open] = accept('payroll-spells', headers, [
      [person, 'U1', '2023-01', '2024-06', '6800'],
      [person, 'U1', '2024-09', '', '7000'],
    ]);
    expect(closed!.rels[0]!.props).toEqual({ from: '2023-01-01', to: '2024-06-30', amount: 6800 });
    expect(open!.rels[0]!.props).toEqual({ from: '2024-09-01', amount: 7000 });
    const bound = bindColumns(
      mappings.find((m) => m.id === 'payroll-spells')!,
      headers,
      'x.csv',
    );
    const bad = transformRow({ bound, schema }, rowOf(headers, [person, 'U1', '2024-06', '2024-01', '6800'], 1));
    expect(bad).toMatchObject({ ok: false, problems: [{ column: '终止年月', reason: expect.stringMatching(/ends .* before it starts/) }] });
  });
});
