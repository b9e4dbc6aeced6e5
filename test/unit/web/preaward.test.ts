// The pre-award check's result in words and as a graph: a path read with arrows in the records' direction,
// a tie's paths merged into one canvas graph, the CSV for the case file, and refusals that keep their code.
import { describe, expect, it } from 'vitest';
import type { PreAwardCheck, PreAwardPath } from '../../../web/src/api/preaward-queries.js';
import { translate } from '../../../web/src/i18n.js';
import { checkEntityIds, linkGraph, pathText, preAwardCsv } from '../../../web/src/preaward/text.js';
import { checkError, kinName } from '../../../web/src/preaward/words.js';

const node = (id: string, caption: string, label = id.split(':')[0]!) => ({
  id,
  label,
  labels: [label],
  caption,
  properties: {},
  degree: 1,
  provenance: null,
});
const edge = (source: string, type: string, target: string) => ({
  id: `${source}|${type}|${target}`,
  type,
  source,
  target,
  properties: {},
  provenance: null,
});

const WIFE: PreAwardPath = {
  route: [node('Person:A', '王局长'), node('Person:W', '李妻'), node('Company:F1', '甲建设')],
  types: ['KIN', 'SHAREHOLDER_OF'],
  edges: [edge('Person:A', 'KIN', 'Person:W'), edge('Person:W', 'SHAREHOLDER_OF', 'Company:F1')],
};
const PHONE: PreAwardPath = {
  route: [node('Person:A', '王局长'), node('Phone:139', '13900000001'), node('Bid:P1-2', 'P1-2')],
  types: ['HAS_CONTACT', 'CONTACT'],
  edges: [edge('Person:A', 'HAS_CONTACT', 'Phone:139'), edge('Bid:P1-2', 'CONTACT', 'Phone:139')],
};
const NAMES: Record<string, string> = { KIN: '亲属', SHAREHOLDER_OF: '股东', HAS_CONTACT: '联系方式', CONTACT: '联系电话' };
const rel = (t: string) => NAMES[t] ?? t;

const CHECK: PreAwardCheck = {
  lot: node('Project:P1', '环城路改造'),
  unit: { id: 'Org:U1', caption: '县交通运输局' },
  officials: 2,
  kinRelations: ['spouse', 'child'],
  leadersOnly: false,
  bidders: [
    {
      company: { id: 'Company:F1', caption: '甲建设' },
      bid: { id: 'Bid:P1-1', caption: 'P1-1' },
      on: '2024-03-01',
      links: [
        { kind: 'KIN_ROLE', relation: 'spouse', via: 'SHAREHOLDER_OF', official: { id: 'Person:A', caption: '王局长' }, paths: [WIFE] },
      ],
    },
    {
      company: { id: 'Company:F2', caption: '乙工程, 有限' },
      bid: { id: 'Bid:P1-2', caption: 'P1-2' },
      on: '2024-03-01',
      links: [
        { kind: 'CONTACT', relation: null, via: 'Phone', official: { id: 'Person:A', caption: '王局长' }, paths: [PHONE] },
        { kind: 'KIN_ROLE', relation: 'spouse', via: 'SHAREHOLDER_OF', official: { id: 'Person:A', caption: '王局长' }, paths: [WIFE] },
      ],
    },
    { company: { id: 'Company:F3', caption: '丙路桥' }, bid: { id: 'Bid:P1-3', caption: 'P1-3' }, on: '2024-03-01', links: [] },
  ],
};

describe('pathText', () => {
  it('reads a path with each arrow in the direction the relationship is stored', () => {
    expect(pathText(WIFE, rel)).toBe('王局长 —亲属→ 李妻 —股东→ 甲建设');
    // The bid names the phone: walked from the phone to the bid, the arrow points back.
    expect(pathText(PHONE, rel)).toBe('王局长 —联系方式→ 13900000001 ←联系电话— P1-2');
  });
});

describe('linkGraph', () => {
  it("merges a tie's paths into one graph, each entity and relationship once", () => {
    const g = linkGraph({ paths: [WIFE, PHONE] });
    expect(g.nodes.map((n) => n.id)).toEqual(['Person:A', 'Person:W', 'Company:F1', 'Phone:139', 'Bid:P1-2']);
    expect(g.edges.map((e) => e.id)).toEqual([
      'Person:A|KIN|Person:W',
      'Person:W|SHAREHOLDER_OF|Company:F1',
      'Person:A|HAS_CONTACT|Phone:139',
      'Bid:P1-2|CONTACT|Phone:139',
    ]);
  });
});

describe('preAwardCsv', () => {
  const words = {
    header: ['投标人', '投标', '核查日期', '结果', '关联类型', '公职人员', '亲属关系', '关联方式', '关联路径'],
    clean: '未发现关联',
    linked: '存在关联',
    kind: (k: string) => `kind:${k}`,
    relation: (r: string) => (r === 'spouse' ? '配偶' : r),
    via: (v: string) => (v === 'Phone' ? '电话' : v === 'SHAREHOLDER_OF' ? '股东' : v),
    relName: rel,
  };

  it('writes one line per tie and one for each clean bidder, quoted where a name holds a comma', () => {
    const { csv, rows } = preAwardCsv(CHECK, words);
    expect(rows).toBe(4);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      '甲建设 (Company:F1),P1-1,2024-03-01,存在关联,kind:KIN_ROLE,王局长 (Person:A),配偶,股东,王局长 —亲属→ 李妻 —股东→ 甲建设',
    );
    expect(lines[2]).toContain('"乙工程, 有限 (Company:F2)"');
    expect(lines[2]).toContain('kind:CONTACT,王局长 (Person:A),,电话,王局长 —联系方式→ 13900000001 ←联系电话— P1-2');
    expect(lines[4]).toBe('丙路桥 (Company:F3),P1-3,2024-03-01,未发现关联,,,,,');
  });

  it('lists every entity the check showed, once, for the audit record of the export', () => {
    expect(checkEntityIds(CHECK).sort()).toEqual(
      [
        'Project:P1',
        'Org:U1',
        'Company:F1',
        'Bid:P1-1',
        'Person:A',
        'Person:W',
        'Company:F2',
        'Bid:P1-2',
        'Phone:139',
        'Company:F3',
        'Bid:P1-3',
      ].sort(),
    );
  });
});

describe('words', () => {
  it('names the kin relations of M03 in both languages and keeps an unknown one as its code', () => {
    expect(kinName((k) => translate('zh', k), 'spouse')).toBe('配偶');
    expect(kinName((k) => translate('en', k), 'child_spouse')).toBe("child's spouse");
    expect(kinName((k) => translate('zh', k), 'godparent')).toBe('godparent');
  });

  it("says why a check was refused in the check's own words, keeping the code and the server's message", () => {
    expect(checkError('zh', { code: 'NOT_FOUND', message: 'No lot "Project:X"' })).toBe('[NOT_FOUND] 没有找到该标段：No lot "Project:X"');
    expect(checkError('en', { code: 'REASON_REQUIRED', message: '' })).toMatch(/^\[REASON_REQUIRED\] No reason was given/);
    expect(checkError('zh', { code: 'FORBIDDEN', message: '' })).toContain('无权核查该标段');
    // Anything else as every page shows it.
    expect(checkError('zh', { code: 'NETWORK', message: 'down' })).toContain('[NETWORK]');
  });
});
