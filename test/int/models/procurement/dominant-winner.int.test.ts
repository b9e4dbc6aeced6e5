// M31 on a hand-made award history: one firm winning six of a unit's ten tenders and most of their value, and
// one winning ten of a unit's eleven by count though not most of the value; the near misses: a firm winning
// all three awards of a unit that tendered only three, a firm winning most of a unit's awards by count but a
// small share of their value, a unit whose awards are spread, a firm with six of a unit's seven awards (a
// sample under ten).
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

// planted: six of 县水利局's ten awards, 6,000,000 of 8,000,000 (75%)
for (let i = 0; i < 6; i++) award(SLJ, C1, 1_000_000);
for (let i = 0; i < 4; i++) award(SLJ, C2, 500_000);
// near miss: a unit that tendered only three projects, all won by one firm
for (let i = 0; i < 3; i++) award(NYJ, C3, 800_000);
// near miss: five of six awards by count, but 500,000 of 2,500,000 by value
for (let i = 0; i < 5; i++) award(WJW, C4, 100_000);
award(WJW, C5, 2_000_000);
// near miss: five awards each to two firms, about half the value each
for (let i = 0; i < 5; i++) award(HBJ, C6, 300_000);
for (let i = 0; i < 5; i++) award(HBJ, C7, 280_000);

// planted: ten of 县交通运输局's eleven awards by count (91%), 1,000,000 of 3,000,000 by value
const JTJ = g.unit('11330122007000005', '县交通运输局');
const [C8, C9, C10, C11] = g.companies('91330122MA2H0000', [
  '路安养护有限公司',
  '通途建设有限公司',
  '文旅建设有限公司',
  '古城园林有限公司',
]);
for (let i = 0; i < 10; i++) award(JTJ, C8, 100_000);
award(JTJ, C9, 2_000_000);
// near miss: six of 县文旅局's seven awards and nearly all their value, but seven awards are too few to judge
const WLJ = g.unit('11330122007000006', '县文旅局');
for (let i = 0; i < 6; i++) award(WLJ, C10, 900_000);
award(WLJ, C11, 100_000);

const f = modelFixture('procurement.dominant-winner', g.nodes, g.rels);
const planted = [
  { company: C1, unit: SLJ },
  { company: C8, unit: JTJ },
];

describe("M31 dominant winner of one unit's awards", () => {
  it('raises the planted dominant winner and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('gives the counts, the amount and the share', async () => {
    const a = await alertOn(f, 'company', C1);
    expect(a.zh).toBe('水利建设有限公司中标县水利局招标项目6个（该单位共10个），金额6,000,000元，占该单位中标总金额8,000,000元的75%');
    expect(a.amount).toBe(6_000_000);
  });

  it('moves with dominantMinAwards, dominantShare, dominantCountShare and unitMinAwards', async () => {
    expect(await preview(f, { dominantMinAwards: 3, unitMinAwards: 3 })).toEqual(
      canon([...planted, { company: C3, unit: NYJ }, { company: C10, unit: WLJ }]),
    );
    expect(await preview(f, { unitMinAwards: 7 })).toEqual(canon([...planted, { company: C10, unit: WLJ }]));
    expect(await preview(f, { dominantShare: 0.9 })).toEqual([{ company: C8, unit: JTJ }]);
    expect(await preview(f, { dominantCountShare: 1.1 })).toEqual([{ company: C1, unit: SLJ }]);
    expect(await preview(f, { dominantShare: 0.5 })).toEqual(canon([...planted, { company: C6, unit: HBJ }]));
  });
});
