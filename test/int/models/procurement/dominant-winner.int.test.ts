// M31 on a hand-made award history: one firm winning six of a unit's eight tenders and most of their value;
// the near misses: a firm winning all three awards of a unit that tendered only three, a firm winning most
// of a unit's awards by count but a small share of their value, a unit whose awards are spread.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const SLJ = g.unit('11330122007000001', '县水利局');
const NYJ = g.unit('11330122007000002', '县农业农村局');
const WJW = g.unit('11330122007000003', '县卫健委');
const HBJ = g.unit('11330122007000004', '县生态环境局');
const [C1, C2, C3, C4, C5, C6, C7] = g.companies('91330122MA2G0000', [
  '水利建设有限公司',
  '禹治水电有限公司',
  '丰收农业工程有限公司',
  '康泰医疗工程有限公司',
  '仁和建设有限公司',
  '绿源环境有限公司',
  '清风环保有限公司',
]);
let n = 0;
/** A tender of `unit` won by `company` for `amount`. */
const award = (unit: string, company: string, amount: number) => {
  n++;
  const x = g.lot(unit, `DW2021-${String(n).padStart(3, '0')}`, `工程${n}`);
  g.won(company, x, amount, `2021-${String((n % 12) + 1).padStart(2, '0')}-15`);
};

// planted: six of 县水利局's eight awards, 6,000,000 of 7,000,000 (85.7%)
for (let i = 0; i < 6; i++) award(SLJ, C1, 1_000_000);
for (let i = 0; i < 2; i++) award(SLJ, C2, 500_000);
// near miss: a unit that tendered only three projects, all won by one firm
for (let i = 0; i < 3; i++) award(NYJ, C3, 800_000);
// near miss: five of six awards by count, but 500,000 of 2,500,000 by value
for (let i = 0; i < 5; i++) award(WJW, C4, 100_000);
award(WJW, C5, 2_000_000);
// near miss: five awards each to two firms, about half the value each
for (let i = 0; i < 5; i++) award(HBJ, C6, 300_000);
for (let i = 0; i < 5; i++) award(HBJ, C7, 280_000);

const f = modelFixture('procurement.dominant-winner', g.nodes, g.rels);

describe("M31 dominant winner of one unit's awards", () => {
  it('raises the planted dominant winner and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(1);
    expect(await alerts(f)).toEqual([{ unit: SLJ, company: C1 }]);
  });

  it('gives the counts, the amount and the share', async () => {
    const a = await alertOn(f, 'company', C1);
    expect(a.zh).toBe('水利建设有限公司中标县水利局招标项目6个（该单位共8个），金额6,000,000元，占该单位中标总金额7,000,000元的85.70%');
    expect(a.amount).toBe(6_000_000);
  });

  it('moves with dominantMinAwards and dominantShare', async () => {
    expect(await preview(f, { dominantMinAwards: 3 })).toEqual(
      canon([
        { company: C1, unit: SLJ },
        { company: C3, unit: NYJ },
      ]),
    );
    expect(await preview(f, { dominantShare: 0.9 })).toEqual([]);
    expect(await preview(f, { dominantShare: 0.5 })).toEqual(
      canon([
        { company: C1, unit: SLJ },
        { company: C6, unit: HBJ },
      ]),
    );
  });
});
