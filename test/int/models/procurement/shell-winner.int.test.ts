// M32 on a hand-made registry and award list: a firm founded months before it won a multi-million award with
// one insured employee; the near misses: a new firm winning a small award, an old small firm, a new firm with
// a real workforce (a group's staffed subsidiary), a firm whose insured count is unknown, a firm exactly one
// year old on the award date.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const ZJJ = g.unit('11330122008000001', '县住建局');
let n = 0;
/** A firm (founded, insured staff) that won one tender of 县住建局 on `date` for `amount`. */
const winner = (name: string, founded: string, insured: number | undefined, amount: number, date: string) => {
  n++;
  const c = g.company(`91330122MA2H0000${String(n).padStart(2, '0')}`, name, { foundedDate: founded, insured });
  const x = g.lot(ZJJ, `SW2023-${String(n).padStart(3, '0')}`, `安置房配套工程${n}标段`);
  g.won(c, x, amount, date);
  return { company: c, project: x, unit: ZJJ };
};

const SHELL = winner('瑞丰建设发展有限公司', '2023-01-10', 1, 2_800_000, '2023-06-01');
const SMALL = winner('新起点装饰有限公司', '2023-02-01', 0, 300_000, '2023-05-01');
winner('老牌建筑有限公司', '2015-01-01', 1, 2_000_000, '2023-06-01');
winner('集团城建子公司有限公司', '2023-01-01', 35, 5_000_000, '2023-06-01');
winner('信息不全建设有限公司', '2023-03-01', undefined, 1_500_000, '2023-07-01');
const YEAR = winner('周年建设有限公司', '2022-06-01', 2, 1_200_000, '2023-06-01');

const f = modelFixture('procurement.shell-winner', g.nodes, g.rels);

describe('M32 new, tiny company winning a large award', () => {
  it('raises the planted shell winner and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(1);
    expect(await alerts(f)).toEqual([SHELL]);
  });

  it('states the founding date, the staff, the age at the award and the amount', async () => {
    const a = await alertOn(f, 'company', SHELL.company);
    expect(a.zh).toBe(
      '瑞丰建设发展有限公司成立于2023-01-10，参保人数1人，成立142天后即于2023-06-01中标县住建局项目“安置房配套工程1标段”，金额2,800,000元',
    );
    expect(a.amount).toBe(2_800_000);
  });

  it('moves with shellMinAmount and shellMaxAgeDays', async () => {
    expect(await preview(f, { shellMinAmount: 200_000 })).toEqual(canon([SHELL, SMALL]));
    expect(await preview(f, { shellMaxAgeDays: 366 })).toEqual(canon([SHELL, YEAR]));
    expect(await preview(f, { shellMaxAgeDays: 142 })).toEqual([]);
  });
});
