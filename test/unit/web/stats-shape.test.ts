// The statistics page's shaping of the API's answer (web/src/stats/shape.ts): names for the bars, and the
// 查实率 table's rows per model and revision.
import { describe, expect, it } from 'vitest';
import { days, hitRateRows, percent, series, stateNames } from '../../../web/src/stats/shape.js';
import type { StatsOverview } from '../../../web/src/api/stats-queries.js';

const stats = (
  alerts: number,
  concluded: number,
  hitRate: number | null,
  median: number | null,
  byRevision: StatsOverview['models'][number]['stats']['byRevision'] = [],
) => ({
  alerts,
  concluded,
  confirmed: 0,
  partlyConfirmed: 0,
  hitRate,
  medianDaysToConclusion: median,
  byRevision,
});

const overview: StatsOverview = {
  alertBreakdown: { total: 0, byModel: [], byState: [], byUnit: [], byMonth: [] },
  workflow: { states: [{ code: 'new', zh: '新预警', en: 'new' }] },
  models: [
    { id: 'm.none', titleZh: '无预警', titleEn: 'none', stats: stats(0, 0, null, null) },
    { id: 'm.open', titleZh: '未办结', titleEn: 'open', stats: stats(4, 0, null, null) },
    {
      id: 'm.two',
      titleZh: '两版',
      titleEn: 'two revisions',
      stats: stats(5, 4, 0.5, 3.25, [
        { revision: 1, alerts: 2, concluded: 2, hitRate: 0, medianDaysToConclusion: 2 },
        { revision: 2, alerts: 3, concluded: 2, hitRate: 1, medianDaysToConclusion: 4.5 },
      ]),
    },
    {
      id: 'm.good',
      titleZh: '高查实',
      titleEn: 'good',
      stats: stats(3, 3, 2 / 3, 7, [{ revision: 1, alerts: 3, concluded: 3, hitRate: 2 / 3, medianDaysToConclusion: 7 }]),
    },
  ],
  riskRanking: [],
  loadRuns: [],
};

describe('statistics shaping', () => {
  it('names bars by the given names, then the server label, then the key', () => {
    const s = series(
      [
        { key: 'new', count: 3 },
        { key: 'Org:1', label: '交通局', count: 2 },
        { key: 'x', count: 1 },
      ],
      (k) => stateNames(overview, 'zh').get(k),
    );
    expect(s).toEqual({ keys: ['new', 'Org:1', 'x'], names: ['新预警', '交通局', 'x'], values: [3, 2, 1] });
  });

  it('lists models by 查实率, revisions under a model that has several, models without alerts left out', () => {
    const rows = hitRateRows(overview, 'en');
    expect(rows.map((r) => [r.title, r.revision, r.hitRate, r.medianDays])).toEqual([
      ['good', null, 2 / 3, 7],
      ['two revisions', null, 0.5, 3.25],
      ['two revisions', 1, 0, 2],
      ['two revisions', 2, 1, 4.5],
      ['open', null, null, null],
    ]);
  });

  it('formats a rate and days, with a dash for no data', () => {
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(null)).toBe('—');
    expect(days(3.25)).toBe('3.3');
    expect(days(null)).toBe('—');
  });
});
