// M08 on a hand-made county: someone on the public payroll registered in a household where a member (the
// staff member included) draws 低保 or 特困 for months of that pay, and the near misses: the household's 低保
// ended before the payroll began, a parent drawing 低保 in a household of his own (分户), a universal benefit.
// Payroll is stored as spells: one still running, two with a gap (months in the gap are not on the payroll).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, householdKin, modelFixture, payments, payroll, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedRel } from '../../../support/seed.js';

const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const H = (k: string) => uid('Household', k);
const G = (k: string) => uid('Program', k);
const member = (p: string, hh: string, relToHead: string): SeedRel => ({ from: P(p), type: 'MEMBER_OF', to: H(hh), props: { relToHead } });

const f = modelFixture(
  'welfare.payroll-household-means-tested',
  [
    { label: 'Org', key: 'NYJ', props: { name: '县农业农村局', kind: '党政机关' } },
    { label: 'Org', key: 'WSY', props: { name: '城关镇卫生院', kind: '事业单位' } },
    { label: 'Program', key: 'MZ-DBNC', props: { name: '农村最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-DBCS', props: { name: '城市最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-TK', props: { name: '特困人员救助供养金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-GL', props: { name: '高龄津贴', dept: '民政局', universal: true } },
    // planted: a bureau clerk lives in his father's household, which draws 农村低保
    { label: 'Household', key: '330122000101' },
    { label: 'Person', key: 'A1F', props: { name: '胡长贵' } },
    { label: 'Person', key: 'A1', props: { name: '胡斌' } },
    // planted: a 卫生院 employee's wife draws 城市低保 in his household
    { label: 'Household', key: '330122000102' },
    { label: 'Person', key: 'A2', props: { name: '潘志远' } },
    { label: 'Person', key: 'A2W', props: { name: '高雅' } },
    // planted: a clerk on the payroll draws 特困 himself
    { label: 'Household', key: '330122000103' },
    { label: 'Person', key: 'A3', props: { name: '龚平' } },
    // near miss: the household's 低保 ended in 2023-06; the son joined the payroll in 2023-09
    { label: 'Household', key: '330122000104' },
    { label: 'Person', key: 'N1F', props: { name: '程德胜' } },
    { label: 'Person', key: 'N1', props: { name: '程亮' } },
    // near miss: the father draws 低保 in a household of his own (分户), not the staff member's
    { label: 'Household', key: '330122000105' },
    { label: 'Household', key: '330122000106' },
    { label: 'Person', key: 'N2', props: { name: '葛晓东' } },
    { label: 'Person', key: 'N2F', props: { name: '葛福' } },
    // near miss: the grandmother in the household draws 高龄津贴 (universal, not means-tested)
    { label: 'Household', key: '330122000107' },
    { label: 'Person', key: 'N3', props: { name: '季伟' } },
    { label: 'Person', key: 'N3G', props: { name: '季老太' } },
    // planted (spells): a clerk still on the payroll (a spell without 终止年月) whose wife draws 城市低保
    { label: 'Household', key: '330122000108' },
    { label: 'Person', key: 'A4', props: { name: '邵杰' } },
    { label: 'Person', key: 'A4W', props: { name: '陶敏' } },
    // planted (spells): two spells with a gap in April and May; 特困 from February to July overlaps 4 months
    { label: 'Household', key: '330122000109' },
    { label: 'Person', key: 'A5', props: { name: '钟林' } },
    // near miss (spells): the household's 低保 falls in the gap between two payroll spells
    { label: 'Household', key: '330122000110' },
    { label: 'Person', key: 'N4', props: { name: '严俊' } },
    { label: 'Person', key: 'N4F', props: { name: '严福生' } },
  ],
  [
    member('A1F', '330122000101', '02'),
    member('A1', '330122000101', '22'),
    ...householdKin(P('A1F'), P('A1'), 'child'),
    ...payroll(P('A1'), O('NYJ'), '2023-01', 12),
    ...payments(P('A1F'), G('MZ-DBNC'), '2022-07', 24, 870),

    member('A2', '330122000102', '02'),
    member('A2W', '330122000102', '10'),
    ...payroll(P('A2'), O('WSY'), '2022-09', 12),
    ...payments(P('A2W'), G('MZ-DBCS'), '2023-01', 6, 1080),

    member('A3', '330122000103', '02'),
    ...payroll(P('A3'), O('NYJ'), '2023-01', 6),
    ...payments(P('A3'), G('MZ-TK'), '2023-04', 9, 1400),

    member('N1F', '330122000104', '02'),
    member('N1', '330122000104', '21'),
    ...payroll(P('N1'), O('NYJ'), '2023-09', 6),
    ...payments(P('N1F'), G('MZ-DBNC'), '2022-01', 18, 870),

    member('N2', '330122000105', '02'),
    member('N2F', '330122000106', '02'),
    ...payroll(P('N2'), O('WSY'), '2023-01', 12),
    ...payments(P('N2F'), G('MZ-DBNC'), '2023-01', 12, 870),

    member('N3', '330122000107', '02'),
    member('N3G', '330122000107', '51'),
    ...payroll(P('N3'), O('NYJ'), '2023-01', 12),
    ...payments(P('N3G'), G('MZ-GL'), '2023-01', 4, 300, 3),

    member('A4', '330122000108', '02'),
    member('A4W', '330122000108', '10'),
    ...payroll(P('A4'), O('WSY'), '2021-03', null),
    ...payments(P('A4W'), G('MZ-DBCS'), '2024-01', 3, 1080),

    member('A5', '330122000109', '02'),
    ...payroll(P('A5'), O('NYJ'), '2023-01', 3),
    ...payroll(P('A5'), O('NYJ'), '2023-06', 3),
    ...payments(P('A5'), G('MZ-TK'), '2023-02', 6, 1400),

    member('N4F', '330122000110', '02'),
    member('N4', '330122000110', '20'),
    ...payroll(P('N4'), O('NYJ'), '2022-01', 6),
    ...payroll(P('N4'), O('NYJ'), '2023-07', 6),
    ...payments(P('N4F'), G('MZ-DBNC'), '2022-09', 6, 870),
  ],
);

const planted = [
  { official: P('A1'), recipient: P('A1F'), program: G('MZ-DBNC') },
  { official: P('A2'), recipient: P('A2W'), program: G('MZ-DBCS') },
  { official: P('A3'), recipient: P('A3'), program: G('MZ-TK') },
  { official: P('A4'), recipient: P('A4W'), program: G('MZ-DBCS') },
  { official: P('A5'), recipient: P('A5'), program: G('MZ-TK') },
];

describe('M08 public payroll staff in a household drawing means-tested aid', () => {
  it('raises one alert per staff member, recipient and programme, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(5);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss staff member or recipient', async () => {
    const flagged = (await alerts(f)).flatMap((a) => [a.official, a.recipient]);
    for (const k of ['N1', 'N1F', 'N2', 'N2F', 'N3', 'N3G', 'N4', 'N4F']) expect(flagged, k).not.toContain(P(k));
  });

  it('counts the payroll months that overlap the aid', async () => {
    expect((await alertOn(f, 'recipient', P('A1F'))).zh).toBe(
      '胡斌（县农业农村局财政供养）所在户的胡长贵领取农村最低生活保障金，两者重叠12个月',
    );
    expect((await alertOn(f, 'recipient', P('A2W'))).en).toBe(
      '高雅, in the household of 潘志远 (on the payroll of 城关镇卫生院), drew 城市最低生活保障金 for 6 months of that pay',
    );
    expect((await alertOn(f, 'recipient', P('A3'))).zh).toBe(
      '龚平（县农业农村局财政供养）所在户的龚平领取特困人员救助供养金，两者重叠3个月',
    );
  });

  it('overlaps spells still running, and counts no month of a gap between spells', async () => {
    expect((await alertOn(f, 'recipient', P('A4W'))).zh).toBe(
      '邵杰（城关镇卫生院财政供养）所在户的陶敏领取城市最低生活保障金，两者重叠3个月',
    );
    expect((await alertOn(f, 'recipient', P('A5'))).zh).toBe(
      '钟林（县农业农村局财政供养）所在户的钟林领取特困人员救助供养金，两者重叠4个月',
    );
  });

  it('follows the programmes parameter', async () => {
    expect(await preview(f, { programs: ['MZ-DBCS'] })).toEqual(canon([planted[1]!, planted[3]!]));
    expect(await preview(f, { programs: ['MZ-DBNC', 'MZ-DBCS', 'MZ-TK', 'MZ-GL'] })).toEqual(
      canon([...planted, { official: P('N3'), recipient: P('N3G'), program: G('MZ-GL') }]),
    );
  });
});
