// What a server bundle may summarise, and how its rows become the API's bundles: the date properties of
// graph.yaml (none that a caller may not see whole), and ids the explorer gives the same bundle.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_FILE, loadGraphSchema, parseGraphSchema } from '../../../platform/schema/graph-schema.js';
import { readFileSync } from 'node:fs';
import { bundleSummary, bundleViews, edgeBundleId } from '../../../server/graphql/graph/bundles.js';
import { bundleId, bundleKey } from '../../../web/src/graph/bundle.js';

const schema = loadGraphSchema();

describe('bundleSummary', () => {
  it('spans every date and datetime property graph.yaml declares on a relationship, and sums amounts', () => {
    const { dateKeys, sumAmount } = bundleSummary(schema, false);
    // RECEIVED's payment dates, the spells' from/to, an award's date: the dates the explorer's label spans.
    expect(dateKeys).toEqual(expect.arrayContaining(['periodFrom', 'periodTo', 'payDate', 'from', 'to', 'date']));
    expect(dateKeys).not.toContain('amount');
    expect(dateKeys).toEqual([...dateKeys].sort());
    expect(sumAmount).toBe(true);
  });

  it('leaves out a date or amount the caller may not see whole, and keeps it for one who may', () => {
    const shipped = readFileSync(DEFAULT_SCHEMA_FILE, 'utf8');
    const guarded = parseGraphSchema(
      shipped
        .replace('payDate: { type: date,', 'payDate: { type: date, masked: year,')
        .replace(
          'amount: { type: float, zh: 金额(元), en: Amount (CNY) }',
          'amount: { type: float, sensitive: true, zh: 金额(元), en: Amount (CNY) }',
        ),
    );
    const viewer = bundleSummary(guarded, false);
    expect(viewer.dateKeys).not.toContain('payDate');
    expect(viewer.sumAmount).toBe(false);
    const admin = bundleSummary(guarded, true);
    expect(admin.dateKeys).toContain('payDate');
    expect(admin.sumAmount).toBe(true);
  });
});

describe('bundleViews', () => {
  it('puts the centre at the end the direction says, with the id the explorer gives the same bundle', () => {
    const [paid, inspected] = bundleViews('Program:P', [
      ['RECEIVED', false, 'Person:A', 5, '2024-01-01', '2024-05-15', 502.5],
      ['INSPECTED', true, 'Person:A', 3, null, null, null],
    ]);
    expect(paid).toEqual({
      id: 'bundle:Person:A|Program:P|RECEIVED',
      type: 'RECEIVED',
      source: 'Person:A',
      target: 'Program:P',
      count: 5,
      from: '2024-01-01',
      to: '2024-05-15',
      amount: 502.5,
    });
    expect(inspected).toMatchObject({ source: 'Program:P', target: 'Person:A', count: 3, from: null, amount: null });
    for (const b of [paid!, inspected!]) expect(b.id).toBe(bundleId(bundleKey(b)));
    expect(edgeBundleId('a', 'b', 'T')).toBe('bundle:a|b|T');
  });
});
