// M29 on a hand-made tender platform: two firms of one lot quoting one price, and three firms at one price
// (three pairs); the near misses: one firm's two bids at one price, the same price on two different lots,
// two prices one yuan apart (caught only with a tolerance).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, lotPair } from './county.js';

const g = new County();
const JYJ = g.unit('11330122005000001', '县教育局');
const [L1, L2, L3, L4, L5] = g.lots(JYJ, 'JY2023-0', ['中小学校舍维修', '学校食堂改造', '运动场改造', '智慧教室设备', '校园安防']);
const [C1, C2, C3, C4, C5, C6, C7, C8] = g.companies('91330122MA2J0000', [
  '育才建设有限公司',
  '启明装饰工程有限公司',
  '春晖建筑有限公司',
  '博雅工程有限公司',
  '明德建设有限公司',
  '立信科技有限公司',
  '远航设备有限公司',
  '金盾安防有限公司',
]);
const bid = (c: string, lot: string, code: string, price: number) => g.bid(c, lot, code, '2023-03-01', { price });

// planted: two of three bidders at one price to the yuan
bid(C1, L1, 'TB-0101', 1_283_456);
bid(C2, L1, 'TB-0102', 1_283_456);
bid(C3, L1, 'TB-0103', 1_301_200);
// planted: three bidders at one price (three pairs)
for (const [c, code] of [
  [C3, 'TB-0201'],
  [C4, 'TB-0202'],
  [C5, 'TB-0203'],
] as const)
  bid(c, L2, code, 764_300);
// near miss: one firm's two bids on one lot at one price
bid(C6, L3, 'TB-0301', 455_000);
bid(C6, L3, 'TB-0302', 455_000);
bid(C7, L3, 'TB-0303', 470_000);
// near miss: the same price on two different lots
bid(C6, L4, 'TB-0401', 990_000);
bid(C7, L5, 'TB-0501', 990_000);
// near miss: one yuan apart
bid(C7, L4, 'TB-0402', 1_000_000);
bid(C8, L4, 'TB-0403', 1_000_001);

const f = modelFixture('procurement.identical-bid-prices', g.nodes, g.rels);
const pairOn = lotPair(JYJ);

describe('M29 bidders of one lot quoting the same price', () => {
  it('raises one alert per pair of firms at one price on one lot, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual(canon([pairOn(C1, C2, L1), pairOn(C3, C4, L2), pairOn(C3, C5, L2), pairOn(C4, C5, L2)]));
  });

  it('names both prices in the summary and the price as the amount', async () => {
    const a = await alertOn(f, 'company2', C2);
    expect(a.zh).toBe(
      '育才建设有限公司与启明装饰工程有限公司投标同一标段“中小学校舍维修”（县教育局，编号JY2023-01），报价分别为1,283,456元和1,283,456元',
    );
    expect(a.amount).toBe(1_283_456);
  });

  it('keeps the two bids as evidence, not the third bidder of the lot', async () => {
    const { rows } = await f.db.read<{ nodes: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'company2'}]->(:Company {uid: $c}) RETURN a.evidenceNodes AS nodes",
      { c: C2 },
    );
    expect(rows[0]?.nodes).toEqual(expect.arrayContaining(['Bid:TB-0101', 'Bid:TB-0102', L1, JYJ]));
    expect(rows[0]?.nodes).not.toContain('Bid:TB-0103');
  });

  it('finds prices a little apart with maxGapRatio, and drops cheap bids with minPrice', async () => {
    const base = [pairOn(C1, C2, L1), pairOn(C3, C4, L2), pairOn(C3, C5, L2), pairOn(C4, C5, L2)];
    expect(await preview(f, { maxGapRatio: 0.000001 })).toEqual(canon([...base, pairOn(C7, C8, L4)]));
    expect(await preview(f, { minPrice: 800_000 })).toEqual([pairOn(C1, C2, L1)]);
  });
});
