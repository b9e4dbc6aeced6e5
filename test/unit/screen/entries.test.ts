// 名单筛查's reading of one entry (server/screen/entries.ts) and the statistics' month series and counts
// (server/alerts/breakdown.ts): pure, no database.
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { classify, MAX_ENTRY_CHARS } from '../../../server/screen/entries.js';
import { countBy, monthSeries } from '../../../server/alerts/breakdown.js';

const ID = '11010519491231002' + idCheckChar('11010519491231002');
const USCC = '91350100M000100Y4' + usccCheckChar('91350100M000100Y4');
const wrong = (s: string) => s.slice(0, -1) + (s.endsWith('1') ? '2' : '1');
const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

describe('classify', () => {
  it('reads a valid ID number, also full-width, spaced or with a lower-case x', () => {
    expect(classify(ID)).toEqual({ kind: 'idNo', value: ID });
    expect(classify(` ${fullWidth(ID.slice(0, 6))} ${ID.slice(6)} `)).toEqual({ kind: 'idNo', value: ID });
    const withX = Array.from({ length: 1000 }, (_, i) => `11010519491231${String(i).padStart(3, '0')}`).find(
      (b) => idCheckChar(b) === 'X',
    )!;
    expect(classify(`${withX}x`)).toEqual({ kind: 'idNo', value: `${withX}X` });
  });

  it('upgrades a 15-digit ID number to 18 digits', () => {
    const r = classify('110105491231002');
    expect(r).toEqual({ kind: 'idNo', value: '11010519491231002' + idCheckChar('11010519491231002') });
  });

  it('rejects an ID number whose check digit fails', () => {
    expect(classify(wrong(ID))).toEqual({ kind: 'invalid', value: wrong(ID), problem: 'idCheck' });
  });

  it('reads a credit code and rejects one whose check character fails', () => {
    expect(classify(USCC.toLowerCase())).toEqual({ kind: 'code', value: USCC });
    const bad = USCC.slice(0, 17) + (USCC[17] === 'A' ? 'B' : 'A');
    expect(classify(bad)).toEqual({ kind: 'invalid', value: bad, problem: 'codeCheck' });
  });

  it('takes other text as a name, with inner spaces collapsed, and refuses empty and overlong lines', () => {
    expect(classify('  王  志强 ')).toEqual({ kind: 'name', value: '王 志强' });
    expect(classify('杭州志远建设有限公司')).toEqual({ kind: 'name', value: '杭州志远建设有限公司' });
    expect(classify('   ')).toMatchObject({ kind: 'invalid', problem: 'empty' });
    expect(classify('名'.repeat(MAX_ENTRY_CHARS + 1))).toMatchObject({ kind: 'invalid', problem: 'tooLong' });
  });
});

describe('breakdown shaping', () => {
  it('counts keys largest first, ties by key, ignoring missing ones', () => {
    expect(countBy(['b', 'a', 'b', null, 'c', 'a', undefined, 'b'])).toEqual([
      { key: 'b', label: null, count: 3 },
      { key: 'a', label: null, count: 2 },
      { key: 'c', label: null, count: 1 },
    ]);
  });

  it('fills the empty months between the first and the last, across a year end', () => {
    expect(monthSeries(['2024-11', '2025-02', '2024-11', 'bad', null]).map((b) => [b.key, b.count])).toEqual([
      ['2024-11', 2],
      ['2024-12', 0],
      ['2025-01', 0],
      ['2025-02', 1],
    ]);
    expect(monthSeries([])).toEqual([]);
  });
});
