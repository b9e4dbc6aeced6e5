// M06 on a hand-made county: village and community cadres whose relatives drew non-universal aid in the
// cadre's term (≥2 relatives or ≥12 payments), and the near misses: universal programmes only, one relative
// with five payments, aid drawn before the term, a bureau clerk (not a village cadre), a former wife whose
// marriage had ended (a divorce, or a full-snapshot delivery no longer listing it) before her aid began.
import { describe, expect, it } from 'vitest';
import {
  alertOn,
  alerts,
  canon,
  householdKin,
  marriage,
  modelFixture,
  payments,
  post,
  preview,
  run,
} from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const G = (k: string) => uid('Program', k);

const f = modelFixture(
  'welfare.cadre-kin-discretionary-aid',
  [
    { label: 'Org', key: 'V1', props: { name: '前进村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V2', props: { name: '城东社区居民委员会', kind: '居委会' } },
    { label: 'Org', key: 'V3', props: { name: '红旗村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V4', props: { name: '新民村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V5', props: { name: '光明村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V6', props: { name: '东升村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'NYJ', props: { name: '县农业农村局', kind: '党政机关' } },
    { label: 'Program', key: 'CL-CJ', props: { name: '困难残疾人生活补贴', dept: '残联', universal: false } },
    { label: 'Program', key: 'MZ-DBNC', props: { name: '农村最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'RS-GYGW', props: { name: '公益性岗位补贴', dept: '人社局', universal: false } },
    { label: 'Program', key: 'MZ-GL', props: { name: '高龄津贴', dept: '民政局', universal: true } },
    { label: 'Program', key: 'RS-JMYL', props: { name: '城乡居民基本养老保险待遇', dept: '人社局', universal: true } },
    // as a 一卡通 file without a 是否普惠 column gives it: not declared universal, so decided case by case
    { label: 'Program', key: 'MZ-LSJZ', props: { name: '临时救助金', dept: '民政局' } },
    // planted: the committee member's father drew 残疾人补贴 for 18 months of the term (mother: universal only)
    { label: 'Person', key: 'A1', props: { name: '李强' } },
    { label: 'Person', key: 'A1F', props: { name: '李根生' } },
    { label: 'Person', key: 'A1M', props: { name: '王桂英' } },
    // planted: a community cadre's mother on 低保 and son on 临时救助 (not declared universal): two relatives
    { label: 'Person', key: 'A2', props: { name: '赵建国' } },
    { label: 'Person', key: 'A2M', props: { name: '钱秀珍' } },
    { label: 'Person', key: 'A2S', props: { name: '赵小龙' } },
    // near miss: the father draws only universal programmes
    { label: 'Person', key: 'N1', props: { name: '孙大伟' } },
    { label: 'Person', key: 'N1F', props: { name: '孙德福' } },
    // near miss: one relative, five payments
    { label: 'Person', key: 'N2', props: { name: '周国庆' } },
    { label: 'Person', key: 'N2W', props: { name: '吴小红' } },
    // near miss: wife and son drew 低保 for 18 months, all before the term began
    { label: 'Person', key: 'N3', props: { name: '郑海' } },
    { label: 'Person', key: 'N3W', props: { name: '冯丽' } },
    { label: 'Person', key: 'N3S', props: { name: '郑小海' } },
    // near miss: a bureau clerk, not a village cadre, whose parents draw aid
    { label: 'Person', key: 'N4', props: { name: '陈光' } },
    { label: 'Person', key: 'N4F', props: { name: '陈大年' } },
    { label: 'Person', key: 'N4M', props: { name: '杨翠兰' } },
    // near miss: the former wife drew 低保 for 18 months of the term, all after the marriage had ended
    { label: 'Person', key: 'N5', props: { name: '林涛' } },
    { label: 'Person', key: 'N5W', props: { name: '高敏' } },
  ],
  [
    post(P('A1'), O('V1'), '委员', '2021-01-15'),
    ...householdKin(P('A1'), P('A1F'), 'parent'),
    ...householdKin(P('A1'), P('A1M'), 'parent'),
    ...payments(P('A1F'), G('CL-CJ'), '2023-01', 18, 330),
    ...payments(P('A1M'), G('RS-JMYL'), '2022-01', 10, 795, 3),

    post(P('A2'), O('V2'), '副主任', '2021-01-15'),
    ...householdKin(P('A2'), P('A2M'), 'parent'),
    ...householdKin(P('A2'), P('A2S'), 'child'),
    ...payments(P('A2M'), G('MZ-DBNC'), '2023-03', 6, 870),
    ...payments(P('A2S'), G('MZ-LSJZ'), '2023-09', 4, 2010),

    post(P('N1'), O('V3'), '委员', '2021-01-15'),
    ...householdKin(P('N1'), P('N1F'), 'parent'),
    ...payments(P('N1F'), G('MZ-GL'), '2022-01', 10, 300, 3),
    ...payments(P('N1F'), G('RS-JMYL'), '2022-01', 10, 795, 3),

    post(P('N2'), O('V4'), '委员', '2021-01-15'),
    ...marriage(P('N2'), P('N2W'), '2001-03-08'),
    ...payments(P('N2W'), G('CL-CJ'), '2023-01', 5, 330),

    post(P('N3'), O('V5'), '主任', '2021-01-15'),
    ...marriage(P('N3'), P('N3W'), '1999-10-01'),
    ...householdKin(P('N3'), P('N3S'), 'child'),
    ...payments(P('N3W'), G('MZ-DBNC'), '2019-07', 18, 870),
    ...payments(P('N3S'), G('MZ-DBNC'), '2019-07', 18, 870),

    post(P('N4'), O('NYJ'), '科员', '2018-01-01'),
    ...householdKin(P('N4'), P('N4F'), 'parent'),
    ...householdKin(P('N4'), P('N4M'), 'parent'),
    ...payments(P('N4F'), G('MZ-DBNC'), '2023-01', 6, 870),
    ...payments(P('N4M'), G('CL-CJ'), '2023-01', 6, 330),

    post(P('N5'), O('V6'), '委员', '2021-01-15'),
    ...marriage(P('N5'), P('N5W'), '2005-05-01', '2022-06-30'),
    ...payments(P('N5W'), G('MZ-DBNC'), '2023-01', 18, 870),
  ],
);

const planted = [
  { cadre: P('A1'), unit: O('V1') },
  { cadre: P('A2'), unit: O('V2') },
];

describe("M06 village cadre's relatives drawing discretionary aid", () => {
  it('raises one alert per planted cadre and village, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('counts relatives, payments and the amount of non-universal aid only', async () => {
    const a1 = await alertOn(f, 'cadre', P('A1'));
    expect(a1.zh).toBe('李强（前进村村民委员会委员）任期内，其1名亲属（李根生）领取非普惠性补助18笔，共5,940元');
    expect(a1.amount).toBe(18 * 330);
    const a2 = await alertOn(f, 'cadre', P('A2'));
    expect(a2.zh).toMatch(
      /^赵建国（城东社区居民委员会副主任）任期内，其2名亲属（(钱秀珍、赵小龙|赵小龙、钱秀珍)）领取非普惠性补助10笔，共13,260元$/,
    );
    expect(a2.amount).toBe(6 * 870 + 4 * 2010);
  });

  it('moves with the thresholds: one relative is enough, or five payments', async () => {
    const n2 = { cadre: P('N2'), unit: O('V4') };
    expect(await preview(f, { minRelatives: 1 })).toEqual(canon([...planted, n2]));
    expect(await preview(f, { minRelatives: 3, minPayments: 5 })).toEqual(
      canon([{ cadre: P('A1'), unit: O('V1') }, n2, { cadre: P('A2'), unit: O('V2') }]),
    );
    expect(await preview(f, { minRelatives: 3, minPayments: 19 })).toEqual([]);
  });

  it('covers bureau posts only when the unit kinds say so', async () => {
    expect(await preview(f, { villageKinds: ['村委会', '居委会', '党政机关'] })).toEqual(
      canon([...planted, { cadre: P('N4'), unit: O('NYJ') }]),
    );
  });
});
