// M19 on a hand-made county: an official in the same 赌博 case file as the representative, shareholder or
// officer of a company his unit licensed, checked or fined, or whose lot it let (in one case file, or in two
// files of one place within two hours), and the near misses (two files of one place three days apart): the partner's company is
// regulated by another unit only, the unit's record is outside the window, the official had left the post,
// the partner's shareholding had ended (a full-snapshot delivery no longer listed it) before the game.
import { describe, expect, it } from 'vitest';
import { neoDate, neoDateTime } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedRel } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const K = (k: string) => uid('PoliceCase', k);
const C = (k: string) => uid('Company', k);
const O = (k: string) => uid('Org', k);
const gambled = (official: string, partner: string, caseNo: string): SeedRel[] =>
  [official, partner].map((p) => ({
    from: P(p),
    type: 'INVOLVED_IN',
    to: K(caseNo),
    props: { role: '参赌人员', penalty: '行政拘留五日' },
  }));
const regulates = (unit: string, company: string, ref: string, basis: string, from: string, to?: string): SeedRel => ({
  from: O(unit),
  type: 'REGULATES',
  to: C(company),
  props: { ref, basis, from: d(from), ...(to ? { to: d(to) } : {}) },
});

const f = modelFixture(
  'integrity.gambling-with-regulated-party',
  [
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: 'SCJ', props: { name: '县市场监管局', kind: '党政机关' } },
    // planted: the official's unit checked the partner's company half a year before the game
    { label: 'Person', key: 'A1', props: { name: '黄建' } },
    { label: 'Person', key: 'Q1', props: { name: '钱多' } },
    { label: 'Company', key: '91330122MA2C000011', props: { name: '鑫达建设有限公司', status: '存续' } },
    {
      label: 'PoliceCase',
      key: 'J2023-0114',
      props: { type: '赌博', time: neoDateTime('2023-01-14T22:30:00+08:00'), place: '桐君街道某茶楼包厢' },
    },
    // planted: a shareholder of a company whose licence from the official's unit ran through the game; the
    // police wrote the offence as 参与赌博, which holds the model's 赌博
    { label: 'Person', key: 'A2', props: { name: '袁平' } },
    { label: 'Person', key: 'Q2', props: { name: '孔亮' } },
    { label: 'Company', key: '91330122MA2C000022', props: { name: '亮晶食品有限公司', status: '存续' } },
    { label: 'PoliceCase', key: 'J2022-1203', props: { type: '参与赌博', time: neoDateTime('2022-12-03T20:00:00+08:00') } },
    // planted: an officer of a company that won a lot the official's unit tendered (a project, not a licence)
    { label: 'Person', key: 'A3', props: { name: '汪洋' } },
    { label: 'Person', key: 'Q3', props: { name: '路远' } },
    { label: 'Company', key: '91330122MA2C000077', props: { name: '远通路桥有限公司', status: '存续' } },
    { label: 'Project', key: 'ZJ-ZB-2022-031', props: { name: '城东道路改造', method: '公开招标' } },
    { label: 'PoliceCase', key: 'J2023-0815', props: { type: '赌博', time: neoDateTime('2023-08-15T21:00:00+08:00') } },
    // planted: two case files of one place 50 minutes apart (one file a table), the official in one, the
    // legal representative of a firm his unit checked in the other
    { label: 'Person', key: 'A4', props: { name: '沈清' } },
    { label: 'Person', key: 'Q4', props: { name: '武强' } },
    { label: 'Company', key: '91330122MA2C000088', props: { name: '强盛建筑有限公司', status: '存续' } },
    {
      label: 'PoliceCase',
      key: 'J2023-1101',
      props: { type: '赌博', time: neoDateTime('2023-11-01T21:10:00+08:00'), place: '城南某棋牌室' },
    },
    {
      label: 'PoliceCase',
      key: 'J2023-1102',
      props: { type: '赌博', time: neoDateTime('2023-11-01T22:00:00+08:00'), place: '城南某棋牌室' },
    },
    // near miss: the same, but the files are of one place three days apart
    { label: 'Person', key: 'N5', props: { name: '韩冰' } },
    { label: 'Person', key: 'R5', props: { name: '梁栋' } },
    { label: 'Company', key: '91330122MA2C000099', props: { name: '栋梁建材有限公司', status: '存续' } },
    {
      label: 'PoliceCase',
      key: 'J2023-1201',
      props: { type: '赌博', time: neoDateTime('2023-12-01T21:00:00+08:00'), place: '城北某茶楼' },
    },
    {
      label: 'PoliceCase',
      key: 'J2023-1204',
      props: { type: '赌博', time: neoDateTime('2023-12-04T21:00:00+08:00'), place: '城北某茶楼' },
    },
    // near miss: the partner's company is regulated by another unit only
    { label: 'Person', key: 'N1', props: { name: '蒋涛' } },
    { label: 'Person', key: 'R1', props: { name: '沈富' } },
    { label: 'Company', key: '91330122MA2C000033', props: { name: '富源酒业有限公司', status: '存续' } },
    { label: 'PoliceCase', key: 'J2023-0422', props: { type: '赌博', time: neoDateTime('2023-04-22T21:00:00+08:00') } },
    // near miss by default: the unit's only record of the company is a penalty five years before the game
    { label: 'Person', key: 'N2', props: { name: '段飞' } },
    { label: 'Person', key: 'R2', props: { name: '雷鸣' } },
    { label: 'Company', key: '91330122MA2C000044', props: { name: '雷霆机械有限公司', status: '存续' } },
    { label: 'PoliceCase', key: 'J2023-0610', props: { type: '赌博', time: neoDateTime('2023-06-10T21:00:00+08:00') } },
    // near miss: the official left the unit before the game
    { label: 'Person', key: 'N3', props: { name: '石磊' } },
    { label: 'Person', key: 'R3', props: { name: '柳青' } },
    { label: 'Company', key: '91330122MA2C000055', props: { name: '青柳建材有限公司', status: '存续' } },
    { label: 'PoliceCase', key: 'J2022-1001', props: { type: '赌博', time: neoDateTime('2022-10-01T21:00:00+08:00') } },
    // near miss: the partner's shareholding ended (a snapshot no longer listed it) months before the game
    { label: 'Person', key: 'N4', props: { name: '易峰' } },
    { label: 'Person', key: 'R4', props: { name: '常乐' } },
    { label: 'Company', key: '91330122MA2C000066', props: { name: '乐活商贸有限公司', status: '存续' } },
    { label: 'PoliceCase', key: 'J2023-0902', props: { type: '赌博', time: neoDateTime('2023-09-02T21:00:00+08:00') } },
  ],
  [
    { from: P('A1'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科长', from: d('2015-03-01') } },
    { from: P('Q1'), type: 'LEGAL_REP_OF', to: C('91330122MA2C000011') },
    regulates('ZJJ', '91330122MA2C000011', 'ZJ-JC-2022-118', '检查', '2022-06-10', '2022-06-10'),
    ...gambled('A1', 'Q1', 'J2023-0114'),

    { from: P('A2'), type: 'HOLDS_POST', to: O('SCJ'), props: { title: '副科长', from: d('2014-05-01') } },
    { from: P('Q2'), type: 'SHAREHOLDER_OF', to: C('91330122MA2C000022'), props: { ratio: 0.6, from: d('2017-01-01') } },
    regulates('SCJ', '91330122MA2C000022', 'JY-XK-2018-007', '许可', '2018-02-01', '2023-01-31'),
    ...gambled('A2', 'Q2', 'J2022-1203'),

    { from: P('A3'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '副科长', from: d('2018-01-01') } },
    { from: P('Q3'), type: 'EXECUTIVE_OF', to: C('91330122MA2C000077'), props: { role: '监事' } },
    { from: O('ZJJ'), type: 'TENDERED', to: uid('Project', 'ZJ-ZB-2022-031') },
    {
      from: C('91330122MA2C000077'),
      type: 'WON',
      to: uid('Project', 'ZJ-ZB-2022-031'),
      props: { amount: 1_200_000, date: d('2022-07-10') },
    },
    ...gambled('A3', 'Q3', 'J2023-0815'),

    { from: P('A4'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2019-01-01') } },
    { from: P('Q4'), type: 'LEGAL_REP_OF', to: C('91330122MA2C000088') },
    regulates('ZJJ', '91330122MA2C000088', 'ZJ-JC-2023-201', '检查', '2023-05-10', '2023-05-10'),
    { from: P('A4'), type: 'INVOLVED_IN', to: K('J2023-1101'), props: { role: '参赌人员', penalty: '行政拘留五日' } },
    { from: P('Q4'), type: 'INVOLVED_IN', to: K('J2023-1102'), props: { role: '参赌人员', penalty: '行政拘留五日' } },
    { from: P('N5'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2019-01-01') } },
    { from: P('R5'), type: 'LEGAL_REP_OF', to: C('91330122MA2C000099') },
    regulates('ZJJ', '91330122MA2C000099', 'ZJ-JC-2023-202', '检查', '2023-05-10', '2023-05-10'),
    { from: P('N5'), type: 'INVOLVED_IN', to: K('J2023-1201'), props: { role: '参赌人员', penalty: '行政拘留五日' } },
    { from: P('R5'), type: 'INVOLVED_IN', to: K('J2023-1204'), props: { role: '参赌人员', penalty: '行政拘留五日' } },

    { from: P('N1'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科长', from: d('2016-01-01') } },
    { from: P('R1'), type: 'LEGAL_REP_OF', to: C('91330122MA2C000033') },
    regulates('SCJ', '91330122MA2C000033', 'SC-JC-2022-301', '检查', '2022-09-01', '2022-09-01'),
    ...gambled('N1', 'R1', 'J2023-0422'),

    { from: P('N2'), type: 'HOLDS_POST', to: O('SCJ'), props: { title: '科员', from: d('2012-01-01') } },
    { from: P('R2'), type: 'EXECUTIVE_OF', to: C('91330122MA2C000044'), props: { role: '总经理' } },
    regulates('SCJ', '91330122MA2C000044', 'SC-CF-2018-021', '处罚', '2018-03-01', '2018-03-01'),
    ...gambled('N2', 'R2', 'J2023-0610'),

    { from: P('N3'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2010-01-01'), to: d('2020-06-30') } },
    { from: P('R3'), type: 'LEGAL_REP_OF', to: C('91330122MA2C000055') },
    regulates('ZJJ', '91330122MA2C000055', 'ZJ-JC-2022-204', '检查', '2022-04-01', '2022-04-01'),
    ...gambled('N3', 'R3', 'J2022-1001'),

    { from: P('N4'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2015-01-01') } },
    {
      from: P('R4'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2C000066'),
      props: { ratio: 0.5, from: d('2016-01-01'), to: d('2023-03-31'), _endedBy: 'shareholder-2', _endedOn: d('2023-03-31') },
    },
    regulates('ZJJ', '91330122MA2C000066', 'ZJ-JC-2023-050', '检查', '2023-02-01', '2023-02-01'),
    ...gambled('N4', 'R4', 'J2023-0902'),
  ],
);

const planted = [
  { official: P('A1'), partner: P('Q1'), case: K('J2023-0114'), company: C('91330122MA2C000011'), unit: O('ZJJ') },
  { official: P('A2'), partner: P('Q2'), case: K('J2022-1203'), company: C('91330122MA2C000022'), unit: O('SCJ') },
  { official: P('A3'), partner: P('Q3'), case: K('J2023-0815'), company: C('91330122MA2C000077'), unit: O('ZJJ') },
  { official: P('A4'), partner: P('Q4'), case: K('J2023-1101'), company: C('91330122MA2C000088'), unit: O('ZJJ') },
];
const late = { official: P('N2'), partner: P('R2'), case: K('J2023-0610'), company: C('91330122MA2C000044'), unit: O('SCJ') };

describe('M19 official gambling with a party his unit regulates', () => {
  it('raises one alert per official, partner and case, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss official or partner', async () => {
    const flagged = (await alerts(f)).flatMap((a) => [a.official, a.partner]);
    for (const k of ['N1', 'R1', 'N2', 'R2', 'N3', 'R3', 'N4', 'R4', 'N5', 'R5']) expect(flagged, k).not.toContain(P(k));
  });

  it("names the unit, the partner's role and the record that makes him a managed party", async () => {
    expect((await alertOn(f, 'official', P('A1'))).zh).toBe(
      '黄建（县住建局科长）于2023-01-14与钱多（鑫达建设有限公司法定代表人）同案赌博，该企业是县住建局的管理服务对象（检查）',
    );
    expect((await alertOn(f, 'official', P('A2'))).en).toBe(
      '袁平 (副科长, 县市场监管局) was caught gambling on 2022-12-03 with 孔亮 (a shareholder of 亮晶食品有限公司), whom the unit regulates (许可)',
    );
  });

  it('widens with a parameter override: a six-year window reaches the 2018 penalty', async () => {
    expect(await preview(f, { windowYears: 6 })).toEqual(canon([...planted, late]));
    expect(await preview(f, { windowYears: 0 })).toEqual(canon(planted.filter((p) => p.official === P('A2'))));
  });

  it("counts a lot the unit tendered and the partner's company won, unless projects is off", async () => {
    expect((await alertOn(f, 'official', P('A3'))).zh).toBe(
      '汪洋（县住建局副科长）于2023-08-15与路远（远通路桥有限公司主要人员）同案赌博，该企业是县住建局的管理服务对象（中标项目）',
    );
    expect(await preview(f, { projects: false })).toEqual(canon(planted.filter((p) => p.official !== P('A3'))));
  });

  it('puts the parties of two files of one place within copresenceHours together, and says so', async () => {
    expect((await alertOn(f, 'official', P('A4'))).zh).toBe(
      '沈清（县住建局科员）于2023-11-01与武强（强盛建筑有限公司法定代表人）在同一地点（另案J2023-1102，相隔50分钟）赌博，该企业是县住建局的管理服务对象（检查）',
    );
    expect(await preview(f, { copresenceHours: 0 })).toEqual(canon(planted.filter((p) => p.official !== P('A4'))));
    // at three days and more, the near miss's two files join too
    expect((await preview(f, { copresenceHours: 72 })).map((a) => a.official)).toContain(P('N5'));
  });
});
