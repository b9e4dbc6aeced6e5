// M45 on a hand-made tender platform: the lowest bid thrown out and the lot won 12% dearer; two firms tied
// at the lowest price, both thrown out, the lot won 20% dearer. The near misses: the lowest bid lost without being thrown out, the
// second-lowest thrown out while the lowest won, the lowest thrown out but the winner only 0.5% dearer, the
// lowest thrown out on a lot never awarded.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const WJW = g.unit('11330122006000001', '县卫健局');
const [L1, L2, L3, L4, L5, L6] = g.lots(WJW, 'WJ2023-0', [
  '卫生院改造',
  '医疗设备采购',
  '信息化建设',
  '发热门诊改造',
  '污水处理',
  '中医馆装修',
]);
const [C1, C2, C3, C4, C5] = g.companies('91330122MA2M0000', [
  '康宁建设有限公司',
  '仁和医疗设备有限公司',
  '华信科技有限公司',
  '安康装饰有限公司',
  '百川环保有限公司',
]);
const bid = (c: string, lot: string, code: string, price: number, reason?: string) =>
  g.bid(c, lot, code, '2023-03-01', reason ? { price, disqualified: true, reason } : { price, disqualified: false });
const subjects = (company: string, winner: string, project: string) => ({ company, winner, project, unit: WJW });

// planted: the lowest bid thrown out, the lot won 12% dearer
bid(C1, L1, 'TB-0101', 1_000_000, '投标文件未按规定签字盖章');
bid(C2, L1, 'TB-0102', 1_120_000);
bid(C3, L1, 'TB-0103', 1_150_000);
g.won(C2, L1, 1_120_000, '2023-04-01');
// planted: two firms tied at the lowest, both thrown out
bid(C3, L2, 'TB-0201', 500_000, '资格审查不合格');
bid(C4, L2, 'TB-0202', 500_000, '报价低于成本');
bid(C5, L2, 'TB-0203', 600_000);
g.won(C5, L2, 600_000, '2023-04-15');
// near miss: the lowest bid lost but was not thrown out (scored lower on quality)
bid(C1, L3, 'TB-0301', 700_000);
bid(C2, L3, 'TB-0302', 760_000);
g.won(C2, L3, 760_000, '2023-05-01');
// near miss: the second-lowest thrown out, the lowest won
bid(C3, L4, 'TB-0401', 300_000);
bid(C4, L4, 'TB-0402', 310_000, '资格审查不合格');
g.won(C3, L4, 300_000, '2023-05-10');
// near miss: the lowest thrown out, but the winner only 0.5% dearer
bid(C4, L5, 'TB-0501', 2_000_000, '资格审查不合格');
bid(C5, L5, 'TB-0502', 2_010_000);
g.won(C5, L5, 2_010_000, '2023-05-20');
// near miss: the lowest thrown out on a lot never awarded
bid(C1, L6, 'TB-0601', 400_000, '资格审查不合格');
bid(C2, L6, 'TB-0602', 450_000);

const f = modelFixture('procurement.lowest-bid-disqualified', g.nodes, g.rels);

describe('M45 lowest bid thrown out, a dearer bid wins', () => {
  it('raises the thrown-out lowest bidders, tied ones each, and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon([subjects(C1, C2, L1), subjects(C3, C5, L2), subjects(C4, C5, L2)]));
  });

  it('states the lowest price, the reason, the award and the extra cost as the amount', async () => {
    const a = await alertOn(f, 'project', L1);
    expect(a.zh).toBe(
      '县卫健局的“卫生院改造”（编号WJ2023-01）最低报价康宁建设有限公司（1,000,000元）被否决（投标文件未按规定签字盖章），仁和医疗设备有限公司以1,120,000元中标，高出120,000元',
    );
    expect(a.amount).toBe(120_000);
  });

  it('finds the narrow gap with a lower minGapRatio and drops the first lot with a higher one', async () => {
    const base = [subjects(C1, C2, L1), subjects(C3, C5, L2), subjects(C4, C5, L2)];
    expect(await preview(f, { minGapRatio: 0.004 })).toEqual(canon([...base, subjects(C4, C5, L5)]));
    expect(await preview(f, { minGapRatio: 0.15 })).toEqual(canon([subjects(C3, C5, L2), subjects(C4, C5, L2)]));
  });
});
