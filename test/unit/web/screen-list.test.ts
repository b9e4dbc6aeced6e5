// The list screening's pure parts in the explorer: finding the entries of pasted or uploaded text
// (web/src/screen/parse.ts) and the CSV export (web/src/screen/csv.ts).
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../web/src/screen/parse.js';
import { csvCell, screenCsv, toCsv } from '../../../web/src/screen/csv.js';
import type { ScreenRow } from '../../../web/src/api/stats-queries.js';

const A = '110105194912310021';
const B = '330102197003120016';

describe('parseList', () => {
  it('takes one entry per line, trimmed, each once, skipping blank lines', () => {
    expect(parseList(`  ${A}\n\n王志强\r\n${A}\n杭州志远建设有限公司  `)).toEqual([A, '王志强', '杭州志远建设有限公司']);
  });

  it('reads the ID column of a spreadsheet with a header, not the name or the number', () => {
    const csv = `\uFEFF序号,姓名,身份证号码,职务\n1,王志强,${A},局长\n2,"李娜",${B},科员\n`;
    expect(parseList(csv)).toEqual([A, B]);
  });

  it('reads the name column when the header has no ID column (tab-separated)', () => {
    expect(parseList('序号\t投标人名称\n1\t甲公司\n2\t乙公司')).toEqual(['甲公司', '乙公司']);
  });

  it('finds the identifier in a headerless line with a running number and a name', () => {
    expect(parseList(`1，王志强，${A}\n2；李娜；${B}`)).toEqual([A, B]);
    expect(parseList('1,王志强\n2,李娜')).toEqual(['王志强', '李娜']);
  });

  it('gives nothing for empty text', () => {
    expect(parseList(' \n \r\n')).toEqual([]);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe("'-3");
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });

  it('writes one line per entry with its result, match, alerts and links', () => {
    const rows: ScreenRow[] = [
      {
        index: 0,
        kind: 'idNo',
        status: 'FOUND',
        problem: null,
        candidates: [{ id: 'Person:x', label: 'Person', caption: '王志强' }],
        openAlerts: [{ id: 'fp-1', modelTitle: '亲属企业中标', severity: 'HIGH' }],
        concludedAlerts: [],
        links: [
          {
            hops: 1,
            official: { id: 'Person:y', caption: '李局长' },
            route: [
              { id: 'Person:x', caption: '王志强' },
              { id: 'Person:y', caption: '李局长' },
            ],
            types: ['KIN'],
          },
        ],
      },
      { index: 1, kind: 'name', status: 'NOT_FOUND', problem: null, candidates: [], openAlerts: [], concludedAlerts: [], links: [] },
    ];
    const csv = screenCsv([A, '查无此人'], rows, {
      header: ['序号', '输入', '结果', '匹配', '未办结', '未办结明细', '已办结', '关联'],
      status: (s) => (s === 'FOUND' ? '已匹配' : '无记录'),
      hops: (n) => `${n} 步`,
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF序号,输入,结果,匹配,未办结,未办结明细,已办结,关联',
      `1,${A},已匹配,王志强 (Person:x),1,亲属企业中标 [fp-1],0,李局长 1 步: 王志强 — 李局长`,
      '2,查无此人,无记录,,0,,0,',
      '',
    ]);
  });
});
