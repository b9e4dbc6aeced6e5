// M28 on a hand-made registry and tender platform: affiliated firms on one lot (one legal representative, a
// parent holding more than half of its subsidiary, one controlling shareholder of both), and the near misses:
// a group's subsidiaries on different lots, a legal representative who left one firm before the bid date,
// minority or exactly-half holdings (not control by default; control once minControlRatio is lowered); and
// one person managing both (legal representative of one, officer of the other); one family running both firms (a father the legal representative of one, his son an officer of the other),
// against a brother-in-law (wider than the default kin) and a wife divorced before the bid.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, d, lotPair } from './county.js';

const g = new County();
const CTJ = g.unit('11330122005000001', '县城投集团', '国企');
const [L1, L2, L3, L4, L5, L6, L7, L8] = g.lots(CTJ, 'CT2023-05', [
  '滨江公园一期',
  '滨江公园二期',
  '体育馆改造',
  '道路白改黑一标段',
  '道路白改黑二标段',
  '污水厂提标',
  '停车场建设',
  '管廊维护',
]);
const [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14] = g.companies('91330122MA2E0000', [
  '恒泰建设有限公司',
  '恒安市政有限公司',
  '鼎盛集团有限公司',
  '鼎盛路桥有限公司',
  '金石建筑有限公司',
  '金石劳务有限公司',
  '鼎盛园林有限公司',
  '鼎盛照明有限公司',
  '远航工程有限公司',
  '远帆装饰有限公司',
  '合力建材有限公司',
  '合众工程有限公司',
  '双赢建设有限公司',
  '双利市政有限公司',
]);
const person = (idNo: string, name: string) => g.node('Person', idNo, { name });
const rep = (p: string, c: string, from: string, to?: string) =>
  g.rel(p, 'LEGAL_REP_OF', c, { from: d(from), ...(to ? { to: d(to) } : {}) });
const holds = (h: string, c: string, ratio: number, from = '2018-01-01') => g.rel(h, 'SHAREHOLDER_OF', c, { ratio, from: d(from) });
const both = (a: string, b: string, lot: string, n: number) => g.pair(a, b, lot, `TB-31${n}`, '2023-05-10');

// planted: one person is the legal representative of both (一套人马两块牌子)
const P1 = person('330122197505050511', '周恒');
rep(P1, C1, '2016-03-01');
rep(P1, C2, '2019-07-01');
both(C1, C2, L1, 1);
// planted: the parent holds 80% of the other bidder
holds(C3, C4, 0.8);
both(C3, C4, L2, 2);
// planted: one person controls both (60% and 55%)
const P2 = person('330122198006060622', '金涛');
holds(P2, C5, 0.6);
holds(P2, C6, 0.55);
both(C5, C6, L3, 3);
// near miss: the group's subsidiaries bid different lots (allowed)
holds(C3, C7, 0.9);
holds(C3, C8, 0.9);
g.bid(C7, L4, 'TB-3141');
g.bid(C8, L5, 'TB-3151');
// near miss: the legal representative left the first firm (变更登记) before the bid date
const P3 = person('330122198207070733', '吴远');
rep(P3, C9, '2015-01-01', '2021-12-31');
rep(P3, C10, '2018-04-01');
both(C9, C10, L6, 6);
// near miss by default: a 40% minority holding
holds(C11, C12, 0.4);
both(C11, C12, L7, 7);
// near miss by default: two equal partners, exactly half each (not more than half)
const P4 = person('330122198308080844', '钱双');
holds(P4, C13, 0.5);
holds(P4, C14, 0.5);
both(C13, C14, L8, 8);

// Family ties between the two firms' officers: KIN both ways, as the household derivation writes it.
const [L9, L10, L11, L12] = g.lots(CTJ, 'CT2023-06', ['农贸市场改造', '文化礼堂修缮', '老旧小区加装电梯', '河道护岸']);
const [C15, C16, C17, C18, C19, C20, C21, C22] = g.companies('91330122MA2F0000', [
  '张氏建设有限公司',
  '张记市政有限公司',
  '华东幕墙有限公司',
  '华西门窗有限公司',
  '丽景装饰有限公司',
  '丽华劳务有限公司',
  '永固水利有限公司',
  '永安土石方有限公司',
]);
const kin = (a: string, b: string, ab: string, ba: string, category: string, to?: string) => {
  const props = { category, source: '户籍', ...(to ? { to: d(to) } : {}) };
  g.rel(a, 'KIN', b, { relation: ab, ...props });
  g.rel(b, 'KIN', a, { relation: ba, ...props });
};
const officer = (p: string, c: string, role: string, from = '2017-01-01') => g.rel(p, 'EXECUTIVE_OF', c, { role, from: d(from) });
// planted: the father is the legal representative of one, his son the general manager of the other
const P5 = person('330122195509090955', '张国富');
const P6 = person('330122198210100966', '张晓东');
rep(P5, C15, '2012-01-01');
officer(P6, C16, '总经理');
kin(P5, P6, 'child', 'parent', '直系血亲');
both(C15, C16, L9, 9);
// near miss by default: brothers-in-law (spouse_sibling is not in the default kinRelations)
const P7 = person('330122197811110977', '华建');
const P8 = person('330122198012120988', '陈立');
rep(P7, C17, '2014-01-01');
rep(P8, C18, '2016-01-01');
kin(P7, P8, 'spouse_sibling', 'spouse_sibling', '近姻亲');
both(C17, C18, L10, 10);
// near miss: the two legal representatives divorced (KIN.to) before the bid date
const P9 = person('330122198101010199', '丁丽');
const P10 = person('330122197903030211', '沈华');
rep(P9, C19, '2015-01-01');
rep(P10, C20, '2015-01-01');
kin(P9, P10, 'spouse', 'spouse', '夫妻', '2020-12-31');
both(C19, C20, L11, 11);
// planted: one person is the legal representative of one and the technical director of the other (管理关系)
const P11 = person('330122197604040222', '许永');
rep(P11, C21, '2013-01-01');
officer(P11, C22, '技术负责人', '2019-01-01');
both(C21, C22, L12, 12);

const f = modelFixture('procurement.affiliated-bidders-on-lot', g.nodes, g.rels);
const pairOn = lotPair(CTJ);

describe('M28 affiliated companies bidding on one lot', () => {
  it('raises one alert per planted pair and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(5);
    expect(await alerts(f)).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C5, C6, L3),
      pairOn(C15, C16, L9),
      pairOn(C21, C22, L12),
    ]);
  });

  it('says how the two firms are linked', async () => {
    const links = async (lot: string) => {
      const zh = (await alertOn(f, 'project', lot)).zh;
      return zh.slice(zh.lastIndexOf('）：') + 2);
    };
    expect(await links(L1)).toBe('周恒同时担任两家企业的法定代表人');
    expect(await links(L2)).toBe('鼎盛集团有限公司持有鼎盛路桥有限公司80.0%股权（控股）');
    expect(await links(L3)).toBe('金涛分别持有两家企业60.0%、55.0%股权（同一控股股东）');
    expect(await links(L9)).toBe('张记市政有限公司主要人员张晓东是张氏建设有限公司法定代表人张国富的子女（家族关联）');
    expect(await links(L12)).toBe('许永同时任两家企业的法定代表人、主要人员（管理关系）');
    expect((await alertOn(f, 'project', L1)).zh).toBe(
      '关联企业恒泰建设有限公司与恒安市政有限公司投标同一标段“滨江公园一期”（县城投集团，编号CT2023-051）：周恒同时担任两家企业的法定代表人',
    );
  });

  it('counts a 40% holding or two half shares as control once minControlRatio is lowered', async () => {
    expect(await preview(f, { minControlRatio: 0.35 })).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C5, C6, L3),
      pairOn(C11, C12, L7),
      pairOn(C13, C14, L8),
      pairOn(C15, C16, L9),
      pairOn(C21, C22, L12),
    ]);
    expect(await preview(f, { minControlRatio: 0.7 })).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C15, C16, L9),
      pairOn(C21, C22, L12),
    ]);
  });

  it('takes in-laws once kinRelations is widened, and never a marriage dissolved before the bid', async () => {
    const wide = ['spouse', 'child', 'parent', 'sibling', 'spouse_sibling'];
    expect(await preview(f, { kinRelations: wide })).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C5, C6, L3),
      pairOn(C15, C16, L9),
      pairOn(C17, C18, L10),
      pairOn(C21, C22, L12),
    ]);
    expect(await preview(f, { kinRelations: ['spouse'] })).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C5, C6, L3),
      pairOn(C21, C22, L12),
    ]);
  });
});
