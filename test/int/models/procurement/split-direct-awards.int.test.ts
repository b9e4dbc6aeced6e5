// M35 on a hand-made voucher ledger (direct-award.yaml: one AWARDED per voucher): a village paying one
// excavator owner three amounts under the 10万 threshold within four months, a bureau splitting one job for
// a company in two; the near misses: the same job split across different payees, two awards to one payee
// seven months apart, small awards that stay under the threshold together, one award above it and one below.
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../../server/models/runner.js';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, d } from './county.js';

const g = new County();
const V1 = g.unit('54330122100000001', '青山村村民委员会', '村委会');
const U1 = g.unit('11330122009000001', '县城市管理局');
const person = (idNo: string, name: string) => g.node('Person', idNo, { name });
const [P1, P2, P3, P4] = [
  person('330122197601010111', '何大勇'),
  person('330122197702020222', '何二勇'),
  person('330122197803030333', '林小军'),
  person('330122197904040444', '方平'),
];
const [C1, C2, C3] = g.companies('91330122MA2J0000', ['市容环卫服务有限公司', '绿城园林有限公司', '洁美保洁有限公司']);
let ref = 0;
const award = (org: string, payee: string, amount: number, date: string, job: string) =>
  g.rel(org, 'AWARDED', payee, {
    ref: `PZ2023-${String(++ref).padStart(4, '0')}`,
    method: '直接发包',
    job,
    site: '青山村',
    amount,
    date: d(date),
  });

// planted: three excavator payments under 10万 within four months, 113,000 in all
award(V1, P1, 45_000, '2023-03-01', '村道拓宽挖机台班');
award(V1, P1, 38_000, '2023-04-10', '村道拓宽土方外运');
award(V1, P1, 30_000, '2023-06-20', '村道拓宽边沟');
// planted: one job for a company split in two
award(U1, C1, 60_000, '2022-01-05', '背街小巷改造一期');
award(U1, C1, 55_000, '2022-02-01', '背街小巷改造二期');
// near miss: the same job split across two different payees
award(V1, P2, 60_000, '2023-05-01', '文化礼堂修缮（一）');
award(V1, P3, 50_000, '2023-05-15', '文化礼堂修缮（二）');
// near miss: two awards to one payee 212 days apart
award(U1, C2, 60_000, '2022-01-01', '行道树修剪');
award(U1, C2, 50_000, '2022-08-01', '行道树补植');
// near miss: small awards that stay under the threshold together
award(V1, P4, 30_000, '2023-02-01', '水塘清淤');
award(V1, P4, 40_000, '2023-03-01', '水渠修补');
// near miss: one award above the threshold (tendered separately) and one small one
award(U1, C3, 150_000, '2022-03-01', '道路保洁年度服务');
award(U1, C3, 20_000, '2022-04-01', '临时保洁');

const f = modelFixture('procurement.split-direct-awards', g.nodes, g.rels);

describe('M35 direct awards to one payee split below the threshold', () => {
  it('raises the planted splits and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(
      canon([
        { unit: V1, payee: P1 },
        { unit: U1, payee: C1 },
      ]),
    );
  });

  it('gives the window, the count, the total and each job', async () => {
    const a = await alertOn(f, 'payee', P1);
    expect(a.zh.slice(0, a.zh.indexOf('（'))).toBe(
      '青山村村民委员会自2023-03-01至2023-06-20向何大勇直接发包/支付3笔，每笔均低于100,000元，合计113,000元',
    );
    for (const job of ['村道拓宽挖机台班 2023-03-01 45000.0', '村道拓宽土方外运 2023-04-10 38000.0', '村道拓宽边沟 2023-06-20 30000.0'])
      expect(a.zh).toContain(job);
    expect(a.amount).toBe(113_000);
  });

  it('moves with splitWindowDays and splitThreshold', async () => {
    expect(await preview(f, { splitWindowDays: 240 })).toEqual(
      canon([
        { unit: V1, payee: P1 },
        { unit: U1, payee: C1 },
        { unit: U1, payee: C2 },
      ]),
    );
    // at 6万 the bureau's 60,000 is no longer under the threshold; the village keeps its own 限额
    expect(await preview(f, { splitThreshold: 60_000 })).toEqual(canon([{ unit: V1, payee: P1 }]));
    // and at a village 限额 of 6万, 70,000 of pond work reaches it
    expect(await preview(f, { splitThreshold: 60_000, villageThreshold: 60_000 })).toEqual(
      canon([
        { unit: V1, payee: P1 },
        { unit: V1, payee: P4 },
      ]),
    );
    expect(await preview(f, { splitWindowDays: 30 })).toEqual(canon([{ unit: U1, payee: C1 }]));
  });

  it('measures a village against its own 限额: 100万 for the county units, 10万 for villages', async () => {
    expect(await preview(f, { splitThreshold: 1_000_000, villageThreshold: 100_000 })).toEqual(canon([{ unit: V1, payee: P1 }]));
    const r = await runModel(f.db, f.model, { params: { splitThreshold: 1_000_000, villageThreshold: 100_000 }, preview: true });
    expect(r.drafts?.[0]?.summaryZh).toContain('每笔均低于100,000元');
  });
});
