// M17 on a hand-made county: Party members and officials punished in a police case with no disciplinary
// decision after it, and the near misses: a sanction that answers the case, a case before joining the Party,
// a witness, an official who had left his post, fellow gamblers who are neither members nor officials.
import { describe, expect, it } from 'vitest';
import { neoDate, neoDateTime } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const K = (k: string) => uid('PoliceCase', k);
const S = (k: string) => uid('Sanction', k);
const O = (k: string) => uid('Org', k);
const member = (name: string, joined: string) => ({ name, partyMember: true, joinedPartyDate: d(joined) });
const offender = (role: string, penalty: string | null, decided: string) => ({ role, penalty, decidedAt: d(decided) });

const f = modelFixture(
  'integrity.penalised-never-disciplined',
  [
    { label: 'Org', key: 'JYJ', props: { name: '县教育局', kind: '党政机关' } },
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    // planted: a Party member detained for assault
    { label: 'Person', key: 'A1', props: member('陈刚', '2005-07-01') },
    {
      label: 'PoliceCase',
      key: 'J2023-0518',
      props: { type: '殴打他人', time: neoDateTime('2023-05-18T21:30:00+08:00'), place: '城南街道夜宵摊' },
    },
    // planted: an official fined for gambling; his fellow gamblers are neither members nor officials
    { label: 'Person', key: 'A2', props: { name: '林峰' } },
    { label: 'Person', key: 'G1', props: { name: '王五' } },
    { label: 'Person', key: 'G2', props: { name: '赵六', partyMember: false } },
    {
      label: 'PoliceCase',
      key: 'J2022-1126',
      props: { type: '赌博', time: neoDateTime('2022-11-26T22:00:00+08:00'), place: '旧县街道某棋牌室' },
    },
    // planted: an older sanction for something else does not answer a later case
    { label: 'Person', key: 'A3', props: member('徐亮', '2002-06-01') },
    {
      label: 'Sanction',
      key: '县纪处〔2019〕3号',
      props: { kind: '党纪', type: '警告', decidedAt: d('2019-05-01'), impactUntil: d('2020-04-30') },
    },
    { label: 'PoliceCase', key: 'J2022-0809A', props: { type: '嫖娼', time: neoDateTime('2022-08-09T23:10:00+08:00') } },
    // near miss: the 党内警告 of 2022-12-20 answers the case
    { label: 'Person', key: 'N1', props: member('沈涛', '2002-06-01') },
    {
      label: 'Sanction',
      key: '县纪处〔2022〕41号',
      props: { kind: '党纪', type: '警告', decidedAt: d('2022-12-20'), impactUntil: d('2023-12-19') },
    },
    { label: 'PoliceCase', key: 'J2022-0809B', props: { type: '殴打他人', time: neoDateTime('2022-08-09T12:00:00+08:00') } },
    // near miss: the theft was in 2019; he joined the Party in 2021
    { label: 'Person', key: 'N2', props: member('许强', '2021-07-01') },
    { label: 'PoliceCase', key: 'J2019-0412', props: { type: '盗窃', time: neoDateTime('2019-04-12T10:00:00+08:00') } },
    // near miss: an official who was only a witness
    { label: 'Person', key: 'N3', props: { name: '邓辉' } },
    { label: 'PoliceCase', key: 'J2023-0301', props: { type: '殴打他人', time: neoDateTime('2023-03-01T20:00:00+08:00') } },
    // near miss: his post ended before the case, and he is not a member
    { label: 'Person', key: 'N4', props: { name: '孟凯' } },
    { label: 'PoliceCase', key: 'J2022-0615', props: { type: '吸毒', time: neoDateTime('2022-06-15T02:00:00+08:00') } },
  ],
  [
    {
      from: P('A1'),
      type: 'INVOLVED_IN',
      to: K('J2023-0518'),
      props: { ...offender('违法行为人', '行政拘留五日并处罚款五百元', '2023-05-19'), politicalStatus: '中共党员' },
    },

    { from: P('A2'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '科员', from: d('2016-03-01') } },
    {
      from: P('A2'),
      type: 'INVOLVED_IN',
      to: K('J2022-1126'),
      props: { ...offender('参赌人员', '罚款五百元', '2022-11-27'), employer: '县教育局' },
    },
    { from: P('G1'), type: 'INVOLVED_IN', to: K('J2022-1126'), props: offender('参赌人员', '罚款五百元', '2022-11-27') },
    { from: P('G2'), type: 'INVOLVED_IN', to: K('J2022-1126'), props: offender('组织者', '行政拘留十日', '2022-11-27') },

    { from: P('A3'), type: 'SANCTIONED', to: S('县纪处〔2019〕3号') },
    { from: P('A3'), type: 'INVOLVED_IN', to: K('J2022-0809A'), props: offender('违法行为人', '行政拘留十日', '2022-08-10') },

    { from: P('N1'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科长', from: d('2014-02-01') } },
    { from: P('N1'), type: 'SANCTIONED', to: S('县纪处〔2022〕41号'), props: { post: '县住建局科长' } },
    { from: P('N1'), type: 'INVOLVED_IN', to: K('J2022-0809B'), props: offender('违法行为人', '罚款五百元', '2022-08-10') },

    { from: P('N2'), type: 'INVOLVED_IN', to: K('J2019-0412'), props: offender('违法行为人', '行政拘留三日', '2019-04-13') },

    { from: P('N3'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2018-01-01') } },
    { from: P('N3'), type: 'INVOLVED_IN', to: K('J2023-0301'), props: offender('证人', null, '2023-03-02') },

    { from: P('N4'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '科员', from: d('2010-01-01'), to: d('2020-12-31') } },
    { from: P('N4'), type: 'INVOLVED_IN', to: K('J2022-0615'), props: offender('违法行为人', '行政拘留十日', '2022-06-15') },
  ],
);

const planted = [
  { person: P('A1'), case: K('J2023-0518') },
  { person: P('A2'), case: K('J2022-1126') },
  { person: P('A3'), case: K('J2022-0809A') },
];

describe('M17 party member or official penalised by the police, never disciplined', () => {
  it('raises one alert per planted person and case, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss person or fellow gambler', async () => {
    const flagged = (await alerts(f)).map((a) => a.person);
    for (const k of ['N1', 'N2', 'N3', 'N4', 'G1', 'G2']) expect(flagged, k).not.toContain(P(k));
  });

  it('says whether a member or an official, and what the penalty was', async () => {
    expect((await alertOn(f, 'person', P('A1'))).zh).toBe(
      '陈刚（党员）于2023-05-18因殴打他人受到处罚（行政拘留五日并处罚款五百元），未见党纪政务处分',
    );
    const a2 = await alertOn(f, 'person', P('A2'));
    expect(a2.zh).toBe('林峰（科员）于2022-11-26因赌博受到处罚（罚款五百元），未见党纪政务处分');
    expect(a2.en).toBe('林峰 (official) was penalised for 赌博 on 2022-11-26 (罚款五百元); no disciplinary decision followed');
  });

  it('narrows with a parameter override: gambling only', async () => {
    expect(await preview(f, { caseTypes: ['赌博'] })).toEqual(canon([{ person: P('A2'), case: K('J2022-1126') }]));
  });

  it('narrows with a parameter override: 违法行为人 only, not gamblers', async () => {
    expect(await preview(f, { offenderRoles: ['违法行为人'] })).toEqual(canon(planted.filter((p) => p.person !== P('A2'))));
  });
});
