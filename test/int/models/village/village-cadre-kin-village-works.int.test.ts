// M04 on a hand-made county: a village (or community) committee paying or directly awarding works to one of
// its own cadres, to a cadre's close or to a company the kin holds, while the cadre is in post; and the
// near misses: kin paid by another village, a payment after the cadre left, a wife divorced before the
// payment, a son who had sold his shares before the award, a bureau (not a village) paying an official's wife.
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, householdKin, marriage, modelFixture, post, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedRel } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const C = (k: string) => uid('Company', k);
let voucher = 0;
const paid = (unit: string, payee: string, amount: number, date: string, method: string, job: string): SeedRel => ({
  from: O(unit),
  type: 'AWARDED',
  to: payee,
  props: { ref: `PZ${String(++voucher).padStart(4, '0')}`, method, job, amount, date: d(date) },
});

const f = modelFixture(
  'procurement.village-cadre-kin-village-works',
  [
    { label: 'Org', key: 'V1', props: { name: '前进村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V2', props: { name: '红旗村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V3', props: { name: '城东社区居民委员会', kind: '居委会' } },
    { label: 'Org', key: 'V4', props: { name: '新民村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    // planted: three 挖机台班费 payments to a committee member's wife
    { label: 'Person', key: 'A1', props: { name: '王大山' } },
    { label: 'Person', key: 'A1W', props: { name: '刘翠花' } },
    // planted: two direct awards to a firm the director's son owns and runs
    { label: 'Person', key: 'A2', props: { name: '陈国栋' } },
    { label: 'Person', key: 'A2S', props: { name: '陈晓峰' } },
    { label: 'Company', key: '91330122MA2E000011', props: { name: '晓峰土石方工程有限公司', status: '存续' } },
    // planted: a community cadre paid in person
    { label: 'Person', key: 'A3', props: { name: '黄丽' } },
    // near miss: a cadre's brother paid by another village, where the cadre has no post
    { label: 'Person', key: 'N1', props: { name: '朱建平' } },
    { label: 'Person', key: 'N1B', props: { name: '朱建安' } },
    // near miss: the wife was paid after the cadre left the committee
    { label: 'Person', key: 'N2', props: { name: '马永福' } },
    { label: 'Person', key: 'N2W', props: { name: '杨春梅' } },
    // near miss: the wife was divorced before the payment
    { label: 'Person', key: 'N3', props: { name: '许文华' } },
    { label: 'Person', key: 'N3W', props: { name: '沈丽娟' } },
    // near miss: the son sold his shares before the award
    { label: 'Person', key: 'N4', props: { name: '何光明' } },
    { label: 'Person', key: 'N4S', props: { name: '何伟' } },
    { label: 'Company', key: '91330122MA2E000044', props: { name: '伟业绿化有限公司', status: '存续' } },
    // near miss by default: a bureau (not a village) paying a clerk's wife
    { label: 'Person', key: 'N5', props: { name: '林海' } },
    { label: 'Person', key: 'N5W', props: { name: '郭晓燕' } },
  ],
  [
    post(P('A1'), O('V1'), '委员', '2021-01-15'),
    ...marriage(P('A1'), P('A1W'), '1995-12-01'),
    paid('V1', P('A1W'), 16_800, '2022-03-10', '零星工程', '挖机台班费'),
    paid('V1', P('A1W'), 23_500, '2022-06-15', '零星工程', '挖机台班费'),
    paid('V1', P('A1W'), 9_600, '2022-09-20', '零星工程', '挖机台班费'),

    post(P('A2'), O('V2'), '主任', '2018-01-01'),
    ...householdKin(P('A2'), P('A2S'), 'child'),
    { from: P('A2S'), type: 'SHAREHOLDER_OF', to: C('91330122MA2E000011'), props: { ratio: 1, from: d('2019-05-08') } },
    { from: P('A2S'), type: 'EXECUTIVE_OF', to: C('91330122MA2E000011'), props: { role: '执行董事兼总经理' } },
    paid('V2', C('91330122MA2E000011'), 48_000, '2022-06-02', '直接发包', '村道修补'),
    paid('V2', C('91330122MA2E000011'), 36_500, '2023-04-20', '直接发包', '沟渠清淤'),

    post(P('A3'), O('V3'), '委员', '2020-11-01'),
    paid('V3', P('A3'), 12_000, '2023-05-06', '零星工程', '绿化补植'),

    post(P('N1'), O('V4'), '委员', '2021-01-15'),
    ...householdKin(P('N1'), P('N1B'), 'sibling'),
    paid('V1', P('N1B'), 18_200, '2023-08-15', '零星工程', '绿化补植'),

    post(P('N2'), O('V4'), '主任', '2015-01-01', '2020-12-31'),
    ...marriage(P('N2'), P('N2W'), '1990-02-01'),
    paid('V4', P('N2W'), 8_800, '2022-04-01', '零星工程', '保洁'),

    post(P('N3'), O('V2'), '委员', '2019-01-01'),
    ...marriage(P('N3'), P('N3W'), '2003-05-01', '2018-05-01'),
    paid('V2', P('N3W'), 15_000, '2022-07-01', '零星工程', '路灯维修'),

    post(P('N4'), O('V3'), '主任', '2017-03-01'),
    ...householdKin(P('N4'), P('N4S'), 'child'),
    {
      from: P('N4S'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2E000044'),
      props: { ratio: 0.8, from: d('2015-01-01'), to: d('2019-06-30') },
    },
    paid('V3', C('91330122MA2E000044'), 56_000, '2022-10-10', '直接发包', '小区绿化'),

    post(P('N5'), O('ZJJ'), '科员', '2016-01-01'),
    ...marriage(P('N5'), P('N5W'), '2010-10-01'),
    paid('ZJJ', P('N5W'), 30_000, '2023-03-01', '直接发包', '档案整理'),
  ],
);

const planted = [
  { unit: O('V1'), payee: P('A1W'), cadre: P('A1') },
  { unit: O('V2'), payee: C('91330122MA2E000011'), cadre: P('A2') },
  { unit: O('V3'), payee: P('A3'), cadre: P('A3') },
];

describe("M04 village cadre or close kin paid or awarded works by the cadre's own village", () => {
  it('raises one alert per village and payee, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss payee', async () => {
    const flagged = (await alerts(f)).map((a) => a.payee);
    for (const p of [P('N1B'), P('N2W'), P('N3W'), C('91330122MA2E000044'), P('N5W')]) expect(flagged, p).not.toContain(p);
  });

  it('sums every payment and says how the payee is tied to the cadre', async () => {
    const a1 = await alertOn(f, 'payee', P('A1W'));
    expect(a1.zh).toBe('前进村村民委员会向刘翠花支付/发包3笔（挖机台班费），共49,900元；收款人系王大山（委员）的配偶刘翠花');
    expect(a1.amount).toBe(49_900);
    const a2 = await alertOn(f, 'payee', C('91330122MA2E000011'));
    expect(a2.zh).toMatch(
      /^红旗村村民委员会向晓峰土石方工程有限公司支付\/发包2笔（村道修补、沟渠清淤|沟渠清淤、村道修补），共84,500元；陈国栋（主任）的子女陈晓峰是该企业(股东、主要人员|主要人员、股东)$/,
    );
    expect(a2.amount).toBe(84_500);
    expect((await alertOn(f, 'payee', P('A3'))).en).toBe(
      '城东社区居民委员会 paid or awarded 黄丽 1 times (绿化补植), CNY 12,000 in all; the payee is the cadre 黄丽 (委员) in person',
    );
  });

  it('keeps the payments, the post and the kin tie as evidence', async () => {
    const { rows } = await f.db.read<{ edges: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'payee'}]->(:Company {uid: $c}) RETURN a.evidenceEdges AS edges",
      { c: C('91330122MA2E000011') },
    );
    expect(rows[0]?.edges).toEqual(
      expect.arrayContaining([
        `${O('V2')}|AWARDED|${C('91330122MA2E000011')}`,
        `${P('A2')}|HOLDS_POST|${O('V2')}`,
        `${P('A2')}|KIN|${P('A2S')}`,
        `${P('A2S')}|SHAREHOLDER_OF|${C('91330122MA2E000011')}`,
        `${P('A2S')}|EXECUTIVE_OF|${C('91330122MA2E000011')}`,
      ]),
    );
  });

  it('follows its parameters: spouses only, a bureau as a village, a minimum amount', async () => {
    expect(await preview(f, { kinRelations: ['spouse'] })).toEqual(canon(planted.filter((p) => p.cadre !== P('A2'))));
    expect(await preview(f, { villageKinds: ['村委会', '居委会', '党政机关'] })).toEqual(
      canon([...planted, { unit: O('ZJJ'), payee: P('N5W'), cadre: P('N5') }]),
    );
    expect(await preview(f, { minAmount: 20_000 })).toEqual(canon(planted.filter((p) => p.cadre !== P('A3'))));
  });
});
