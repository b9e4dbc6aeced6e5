// M36 on hand-made award ledgers: a township awarding 83% of its value directly in 2022 (and tendering
// everything in 2023) while its three peer townships award 2%; the near misses: a township whose direct
// awards were emergency works, villages that all pay directly (no outlier among peers), a 事业单位
// whose kind has only two other units to compare with, a township with too few awards to count.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, d } from './county.js';

const g = new County();
const firm = g.company('91330122MA2K000001', '乡村振兴建设有限公司');
let n = 0;
/** A voucher: `unit` paid `firm` directly. */
const direct = (unit: string, amount: number, method = '直接发包') =>
  g.rel(unit, 'AWARDED', firm, {
    ref: `ZF2022-${String(++n).padStart(4, '0')}`,
    method,
    job: `零星工程${n}`,
    amount,
    date: d('2022-06-01'),
  });
/** A tender of `unit` (公开招标 unless told) won by `firm`. */
const tender = (unit: string, amount: number, method = '公开招标', on = '2022-07-01') => {
  const x = g.lot(unit, `ZB2022-${String(++n).padStart(4, '0')}`, `工程${n}`, { method });
  g.won(firm, x, amount, on);
};
const times = (k: number, f: () => void) => Array.from({ length: k }, f);

// planted: four direct vouchers and one tender whose method was 直接发包 (500,000) of 600,000 in all
const T1 = g.unit('11330122010000001', '青山镇人民政府', '乡镇政府');
times(4, () => direct(T1, 100_000));
tender(T1, 100_000, '直接发包');
tender(T1, 100_000);
// the next year it tendered everything: a year apart, that does not dilute 2022
times(5, () => tender(T1, 100_000, '公开招标', '2023-05-01'));
// its peers: one small voucher and four tenders each (10,000 of 410,000)
const peers = ['绿水镇人民政府', '白云镇人民政府', '红石镇人民政府'].map((name, i) => g.unit(`1133012201000000${i + 2}`, name, '乡镇政府'));
for (const t of peers) {
  direct(t, 10_000);
  times(4, () => tender(t, 100_000));
}
// near miss: a township whose direct awards were all emergency works (应急抢险, exempt), beside one tender
const HS = g.unit('11330122010000010', '黑山镇人民政府', '乡镇政府');
times(5, () => direct(HS, 100_000, '应急抢险'));
tender(HS, 100_000);
// near miss: a township with only three awards, all direct
const HL = g.unit('11330122010000009', '黄岭镇人民政府', '乡镇政府');
times(3, () => direct(HL, 50_000));
// near miss: villages pay almost everything directly, so none stands out from its peers
for (const [i, name] of ['东村村民委员会', '西村村民委员会', '南村村民委员会', '北村村民委员会'].entries()) {
  times(5, () => direct(g.unit(`5433012210000000${i + 1}`, name, '村委会'), 20_000));
}
// near miss by default: a 事业单位 awarding everything directly, with only two units of its kind to compare with
const S1 = g.unit('12330122010000001', '县园林绿化中心', '事业单位');
times(5, () => direct(S1, 50_000));
for (const [i, name] of ['县水文站', '县农技推广中心'].entries()) {
  const s = g.unit(`1233012201000000${i + 2}`, name, '事业单位');
  times(5, () => tender(s, 100_000));
}

const f = modelFixture('procurement.direct-award-share', g.nodes, g.rels);

describe('M36 unit awarding far more of its value directly than its peers', () => {
  it('flags the planted township and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(1);
    expect(await alerts(f)).toEqual([{ unit: T1 }]);
  });

  it('compares the unit with its peers in the summary', async () => {
    const a = await alertOn(f, 'unit', T1);
    expect(a.zh).toBe(
      '青山镇人民政府（乡镇政府）2022年直接发包金额500,000元，占其发包总额600,000元的83.30%，同类单位3家平均2.40%（标准差0个百分点）',
    );
    expect(a.amount).toBe(500_000);
  });

  it('counts the direct tenders and vouchers as evidence, not the open tenders', async () => {
    const { rows } = await f.db.read<{ edges: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'unit'}]->(:Org {uid: $o}) RETURN a.evidenceEdges AS edges",
      { o: T1 },
    );
    expect(rows[0]?.edges.filter((e) => e.includes('|WON|'))).toEqual([`${firm}|WON|Project:ZB2022-0005`]);
    expect(rows[0]?.edges.filter((e) => e.includes('|AWARDED|'))).toEqual([`${T1}|AWARDED|${firm}`]);
  });

  it('leaves emergency works out: counted, they would make a peer of the planted township and hide it', async () => {
    expect(await preview(f, { exemptMethods: [] })).toEqual([]);
  });

  it('moves with directMinPeers, directMinItems and directMinShare', async () => {
    expect(await preview(f, { directMinPeers: 2 })).toEqual(canon([{ unit: T1 }, { unit: S1 }]));
    // counted at three awards, the all-direct township stands out and lifts its peers' mean past the planted one
    expect(await preview(f, { directMinItems: 3 })).toEqual([{ unit: HL }]);
    expect(await preview(f, { directMinShare: 0.9 })).toEqual([]);
  });
});
