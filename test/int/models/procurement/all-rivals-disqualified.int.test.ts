// M44 on a hand-made tender platform: a lot won by the one bid left after the other three were thrown out,
// and one where a rival sent two bids (both thrown out); the near misses: one rival's bid still valid, a
// two-bid lot (one rival, below minRivals), every bid thrown out and the lot awarded anyway to a thrown-out
// bid, a lot with thrown-out rivals never awarded.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const SLJ = g.unit('11330122003000001', '县水利局');
const [L1, L2, L3, L4, L5, L6] = g.lots(SLJ, 'SL2023-0', [
  '山塘除险加固',
  '河道综合治理',
  '农饮水提标',
  '堤防加固',
  '泵站改造',
  '灌区渠道',
]);
const [C1, C2, C3, C4, C5] = g.companies('91330122MA2L0000', [
  '润泽水利工程有限公司',
  '清源土石方有限公司',
  '江河建设有限公司',
  '禹功水电有限公司',
  '安澜市政有限公司',
]);
const out = (reason: string) => ({ disqualified: true, reason });
const ok = { disqualified: false };
const bid = (c: string, lot: string, code: string, opts = {}) => g.bid(c, lot, code, '2023-03-01', opts);
const subjects = (company: string, project: string) => ({ company, project, unit: SLJ });

// planted: three rivals thrown out, the winner's bid stands
bid(C1, L1, 'TB-0101', ok);
bid(C2, L1, 'TB-0102', out('投标保证金未按要求提交'));
bid(C3, L1, 'TB-0103', out('投标文件未按规定签字盖章'));
bid(C4, L1, 'TB-0104', out('投标保证金未按要求提交'));
g.won(C1, L1, 3_150_000, '2023-04-12');
// planted: two rivals, one of them with two bids, all thrown out (the winner's flag not given: not thrown out)
bid(C2, L2, 'TB-0201');
bid(C3, L2, 'TB-0202', out('资格审查不合格'));
bid(C3, L2, 'TB-0203', out('资格审查不合格'));
bid(C5, L2, 'TB-0204', out('报价超过最高投标限价'));
g.won(C2, L2, 1_200_000, '2023-05-02');
// near miss: one rival's bid still valid
bid(C3, L3, 'TB-0301', ok);
bid(C4, L3, 'TB-0302', out('资格审查不合格'));
bid(C5, L3, 'TB-0303', ok);
g.won(C3, L3, 800_000, '2023-05-20');
// near miss: only one rival (below minRivals 2)
bid(C4, L4, 'TB-0401', ok);
bid(C5, L4, 'TB-0402', out('资格审查不合格'));
g.won(C4, L4, 650_000, '2023-06-01');
// near miss: the winner's own bid was thrown out too (a data error to check, not this pattern)
bid(C5, L5, 'TB-0501', out('资格审查不合格'));
bid(C1, L5, 'TB-0502', out('资格审查不合格'));
bid(C2, L5, 'TB-0503', out('资格审查不合格'));
g.won(C5, L5, 700_000, '2023-06-20');
// near miss: rivals thrown out but the lot never awarded (it went out again)
bid(C1, L6, 'TB-0601', ok);
bid(C2, L6, 'TB-0602', out('资格审查不合格'));
bid(C3, L6, 'TB-0603', out('资格审查不合格'));

const f = modelFixture('procurement.all-rivals-disqualified', g.nodes, g.rels);

describe('M44 every bid but the winner thrown out', () => {
  it('raises the two lots won by the last bid standing, and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon([subjects(C1, L1), subjects(C2, L2)]));
  });

  it('counts firms, not bids, and lists each reason once', async () => {
    const a = await alertOn(f, 'project', L1);
    expect(a.zh).toBe(
      '县水利局的“山塘除险加固”（编号SL2023-01）其余3家投标人的投标均被否决（投标保证金未按要求提交；投标文件未按规定签字盖章），润泽水利工程有限公司作为唯一有效投标于2023-04-12中标，金额3,150,000元',
    );
    expect((await alertOn(f, 'project', L2)).zh).toContain('其余2家投标人');
  });

  it('flags the two-bid lot with minRivals 1', async () => {
    expect(await preview(f, { minRivals: 1 })).toEqual(canon([subjects(C1, L1), subjects(C2, L2), subjects(C4, L4)]));
  });

  it('lets the alert go when a rival turns out to have been valid', async () => {
    await f.db.write("MATCH (b:Bid {uid: 'Bid:TB-0204'}) SET b.disqualified = false");
    expect(await run(f)).toMatchObject({ alertsNew: 0, alertsKept: 1, alertsGone: 1 });
    expect(await alerts(f)).toEqual([subjects(C1, L1)]);
  });
});
