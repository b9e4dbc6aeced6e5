import { describe, expect, it } from 'vitest';
import { bundleLabel, dateSpan, edgeDates, planBundles, spanText, type BundleInput } from '../../../web/src/graph/bundle.js';

const paid = (i: number, month: string): BundleInput => ({
  id: `rel:p${i}`,
  source: 'Person:1',
  target: 'Program:dibao',
  type: 'RECEIVED',
  properties: { periodFrom: `${month}-01`, payDate: `${month}-15`, amount: 610 },
});

describe('planBundles', () => {
  it('draws thirty monthly payments between one person and one programme as one bundle with the date span', () => {
    const months = Array.from({ length: 30 }, (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const [b, ...rest] = planBundles(months.map((m, i) => paid(i, m)));
    expect(rest).toEqual([]);
    expect(b).toMatchObject({
      source: 'Person:1',
      target: 'Program:dibao',
      type: 'RECEIVED',
      span: { from: '2019-01-01', to: '2021-06-15' },
    });
    expect(b!.members).toHaveLength(30);
    expect(bundleLabel('领取', b!.members.length, b!.span)).toBe('领取 ×30 · 2019-01—2021-06');
  });

  it('keeps two parallel edges, other types and the other direction apart', () => {
    const edges: BundleInput[] = [
      paid(1, '2020-01'),
      paid(2, '2020-02'),
      { ...paid(3, '2020-03'), type: 'INSURED_BY' },
      { ...paid(4, '2020-04'), source: 'Program:dibao', target: 'Person:1' },
    ];
    expect(planBundles(edges)).toEqual([]);
    expect(planBundles([...edges, paid(5, '2020-05')]).map((b) => b.members)).toEqual([['rel:p1', 'rel:p2', 'rel:p5']]);
  });

  it('gives the same bundle id for the same pair and type, so a re-plan updates it in place', () => {
    const a = planBundles([paid(1, '2020-01'), paid(2, '2020-02'), paid(3, '2020-03')]);
    const b = planBundles([paid(7, '2021-01'), paid(8, '2021-02'), paid(9, '2021-03'), paid(10, '2021-04')]);
    expect(a[0]!.id).toBe(b[0]!.id);
  });
});

describe('dates of edges', () => {
  it('reads every ISO date property whatever the type calls it, and nothing else', () => {
    expect(edgeDates({ from: '2023-01-01', to: '2024-06-30', months: 18, ref: '2023-NO-7', amount: 5 })).toEqual([
      '2023-01-01',
      '2024-06-30',
    ]);
  });

  it('has no span without dates, and shows one month once', () => {
    expect(dateSpan([{ amount: 1 }, {}])).toBeNull();
    expect(spanText(dateSpan([{ date: '2022-03-04' }, { date: '2022-03-20' }]))).toBe('2022-03');
    expect(bundleLabel('投标', 4, null)).toBe('投标 ×4');
  });
});
