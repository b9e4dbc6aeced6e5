// M09 on a hand-made county: someone on the public payroll draws 耕地地力保护补贴 for a year that overlaps
// months of his pay, or a member of his household does (the catalog's "p or KIN in the same household": the
// subsidy goes to the 承包户's head), and the near misses: a subsidy year before his first payroll month, a
// non-farm benefit, a subsidy year in the gap between two payroll spells, a relative of another household.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, payments, payroll, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const FARM = uid('Program', 'NY-GDDL');
const DISABLED = uid('Program', 'CL-CJ');

const f = modelFixture(
  'welfare.payroll-farm-subsidy',
  [
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: 'JTJ', props: { name: '县交通运输局', kind: '党政机关' } },
    { label: 'Program', key: 'NY-GDDL', props: { name: '耕地地力保护补贴', dept: '农业农村局', universal: false } },
    { label: 'Program', key: 'CL-CJ', props: { name: '困难残疾人生活补贴', dept: '残联', universal: false } },
    // planted: a clerk drew the subsidy for 2022 and 2023
    { label: 'Person', key: 'A1', props: { name: '蔡文' } },
    // planted: a section chief drew the 2023 subsidy
    { label: 'Person', key: 'A2', props: { name: '田野' } },
    // near miss: the 2022 subsidy predates his first payroll month (2023-03)
    { label: 'Person', key: 'N1', props: { name: '江涛' } },
    // near miss by default: on the payroll and drawing a non-farm benefit
    { label: 'Person', key: 'N2', props: { name: '姚远' } },
    // planted (household): the wife, head of their household, draws the subsidy; her husband is on the payroll
    { label: 'Person', key: 'N3', props: { name: '彭飞' } },
    { label: 'Person', key: 'N3W', props: { name: '董玉' } },
    { label: 'Household', key: 'H3', props: { address: '城南镇石板村3组' } },
    // near miss: the father draws it, in a household of his own (分户)
    { label: 'Person', key: 'N5', props: { name: '谢军' } },
    { label: 'Person', key: 'N5F', props: { name: '谢德' } },
    { label: 'Household', key: 'H5', props: { address: '城南镇石板村5组' } },
    { label: 'Household', key: 'H5F', props: { address: '城南镇石板村6组' } },
    // planted (spells): still on the payroll since 2019 (a spell without 终止年月), drew the 2024 subsidy
    { label: 'Person', key: 'A3', props: { name: '陆海' } },
    // near miss (spells): off the payroll for all of 2023, between two spells, when he drew the subsidy
    { label: 'Person', key: 'N4', props: { name: '石磊' } },
  ],
  [
    ...payroll(P('A1'), O('ZJJ'), '2022-01', 24),
    ...payments(P('A1'), FARM, '2022-01', 2, 483, 12),
    ...payroll(P('A2'), O('JTJ'), '2023-01', 12),
    ...payments(P('A2'), FARM, '2023-01', 1, 651, 12),
    ...payroll(P('N1'), O('JTJ'), '2023-03', 10),
    ...payments(P('N1'), FARM, '2022-01', 1, 325.5, 12),
    ...payroll(P('N2'), O('ZJJ'), '2023-01', 12),
    ...payments(P('N2'), DISABLED, '2023-01', 6, 330),
    ...payroll(P('N3'), O('ZJJ'), '2023-01', 12),
    ...payments(P('N3W'), FARM, '2023-01', 1, 504, 12),
    { from: P('N3W'), type: 'MEMBER_OF', to: uid('Household', 'H3'), props: { relToHead: '02' } },
    { from: P('N3'), type: 'MEMBER_OF', to: uid('Household', 'H3'), props: { relToHead: '10' } },
    ...payroll(P('N5'), O('ZJJ'), '2023-01', 12),
    ...payments(P('N5F'), FARM, '2023-01', 1, 390, 12),
    { from: P('N5'), type: 'MEMBER_OF', to: uid('Household', 'H5'), props: { relToHead: '02' } },
    { from: P('N5F'), type: 'MEMBER_OF', to: uid('Household', 'H5F'), props: { relToHead: '02' } },
    ...payroll(P('A3'), O('ZJJ'), '2019-05', null),
    ...payments(P('A3'), FARM, '2024-01', 1, 420, 12),
    ...payroll(P('N4'), O('JTJ'), '2021-01', 24),
    ...payroll(P('N4'), O('JTJ'), '2024-01', 6),
    ...payments(P('N4'), FARM, '2023-01', 1, 380, 12),
  ],
);

const planted = [
  { official: P('A1'), program: FARM },
  { official: P('A2'), program: FARM },
  { official: P('A3'), program: FARM },
  { official: P('N3'), program: FARM },
];

describe('M09 public payroll staff drawing farm subsidies', () => {
  it('raises one alert per official and programme, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('counts each subsidy year once, with its amount', async () => {
    const a1 = await alertOn(f, 'official', P('A1'));
    expect(a1.zh).toBe('蔡文（县住建局财政供养）领取耕地地力保护补贴2笔，共966元');
    expect(a1.amount).toBe(966);
    expect((await alertOn(f, 'official', P('A2'))).en).toBe(
      '田野, on the payroll of 县交通运输局, drew 耕地地力保护补贴 1 times, CNY 651 in all',
    );
  });

  it('names the member of the household who drew it, and keeps to his own name with household off', async () => {
    expect((await alertOn(f, 'official', P('N3'))).zh).toBe('彭飞（县住建局财政供养）同户的董玉领取耕地地力保护补贴1笔，共504元');
    expect(await preview(f, { household: false })).toEqual(canon(planted.filter((p) => p.official !== P('N3'))));
  });

  it('follows the programmes parameter', async () => {
    expect(await preview(f, { programs: ['NY-GDDL', 'CL-CJ'] })).toEqual(canon([...planted, { official: P('N2'), program: DISABLED }]));
    expect(await preview(f, { programs: ['CL-CJ'] })).toEqual(canon([{ official: P('N2'), program: DISABLED }]));
  });
});
