// M18 on a hand-made county: drink-driving by a Party member or an official, sanctioned or not, and the
// near misses: a man of the same name who is neither, a member who joined and an official who left around
// the case, a case closed without a penalty, and a member's case of another offence.
import { describe, expect, it } from 'vitest';
import { neoDate, neoDateTime } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const K = (k: string) => uid('PoliceCase', k);
const O = (k: string) => uid('Org', k);
const S = (k: string) => uid('Sanction', k);
const at = (iso: string) => neoDateTime(`${iso}T21:40:00+08:00`);
const punished = (penalty: string | null, decided: string) => ({ role: '违法行为人', penalty, decidedAt: d(decided) });

const f = modelFixture(
  'integrity.drink-driving',
  [
    { label: 'Org', key: 'SLJ', props: { name: '县水利局', kind: '党政机关' } },
    // planted: an official and Party member, later given a 党内警告 (still an M18 case)
    { label: 'Person', key: 'A1', props: { name: '周明', partyMember: true, joinedPartyDate: d('2010-12-01') } },
    { label: 'PoliceCase', key: 'JT2023-0304', props: { type: '饮酒驾驶', time: at('2023-03-04'), place: '迎春南路与学圣路交叉口' } },
    {
      label: 'Sanction',
      key: '县纪处〔2023〕15号',
      props: { kind: '党纪', type: '警告', decidedAt: d('2023-06-15'), impactUntil: d('2024-06-14') },
    },
    // planted: a Party member with no post, drunk-driving, no sanction found
    { label: 'Person', key: 'A2', props: { name: '吴斌', partyMember: true, joinedPartyDate: d('1998-07-01') } },
    { label: 'PoliceCase', key: 'JT2022-0917', props: { type: '醉酒驾驶', time: at('2022-09-17') } },
    // near miss: same name as A1, neither a member nor an official
    { label: 'Person', key: 'N1', props: { name: '周明' } },
    { label: 'PoliceCase', key: 'JT2023-0722', props: { type: '饮酒驾驶', time: at('2023-07-22') } },
    // near miss: left his post in 2018, joined the Party in 2024; the case was in 2022
    { label: 'Person', key: 'N2', props: { name: '郭勇', partyMember: true, joinedPartyDate: d('2024-07-01') } },
    { label: 'PoliceCase', key: 'JT2022-0505', props: { type: '饮酒驾驶', time: at('2022-05-05') } },
    // near miss: the case was closed without a penalty
    { label: 'Person', key: 'N3', props: { name: '邱华', partyMember: true, joinedPartyDate: d('2000-07-01') } },
    { label: 'PoliceCase', key: 'JT2023-0110', props: { type: '饮酒驾驶', time: at('2023-01-10') } },
    // near miss: a member fined for gambling, not drink-driving (M17's case, not M18's)
    { label: 'Person', key: 'N4', props: { name: '钟伟', partyMember: true, joinedPartyDate: d('2006-07-01') } },
    { label: 'PoliceCase', key: 'J2023-0212', props: { type: '赌博', time: at('2023-02-12') } },
  ],
  [
    { from: P('A1'), type: 'HOLDS_POST', to: O('SLJ'), props: { title: '科员', from: d('2012-08-01') } },
    {
      from: P('A1'),
      type: 'INVOLVED_IN',
      to: K('JT2023-0304'),
      props: { ...punished('罚款一千元，暂扣机动车驾驶证六个月', '2023-03-04'), politicalStatus: '中共党员', employer: '县水利局' },
    },
    { from: P('A1'), type: 'SANCTIONED', to: S('县纪处〔2023〕15号'), props: { post: '县水利局科员' } },

    { from: P('A2'), type: 'INVOLVED_IN', to: K('JT2022-0917'), props: punished('吊销机动车驾驶证', '2022-09-18') },

    {
      from: P('N1'),
      type: 'INVOLVED_IN',
      to: K('JT2023-0722'),
      props: { ...punished('罚款一千元，暂扣机动车驾驶证六个月', '2023-07-22'), politicalStatus: '群众' },
    },

    { from: P('N2'), type: 'HOLDS_POST', to: O('SLJ'), props: { title: '科员', from: d('2010-01-01'), to: d('2018-06-30') } },
    { from: P('N2'), type: 'INVOLVED_IN', to: K('JT2022-0505'), props: punished('罚款一千元', '2022-05-05') },

    { from: P('N3'), type: 'INVOLVED_IN', to: K('JT2023-0110'), props: punished(null, '2023-01-10') },

    { from: P('N4'), type: 'INVOLVED_IN', to: K('J2023-0212'), props: punished('罚款五百元', '2023-02-12') },
  ],
);

const planted = [
  { person: P('A1'), case: K('JT2023-0304') },
  { person: P('A2'), case: K('JT2022-0917') },
];

describe('M18 drink-driving by a Party member or official', () => {
  it('raises one alert per planted person and case, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss person, the namesake included', async () => {
    const flagged = (await alerts(f)).map((a) => a.person);
    for (const k of ['N1', 'N2', 'N3', 'N4']) expect(flagged, k).not.toContain(P(k));
  });

  it('says who, what, and whether a sanction followed', async () => {
    const a1 = await alertOn(f, 'person', P('A1'));
    expect(a1.zh).toBe('周明（党员、科员）于2023-03-04饮酒驾驶，罚款一千元，暂扣机动车驾驶证六个月；已给予警告');
    expect(a1.en).toBe('周明 (Party member and official): 饮酒驾驶 on 2023-03-04, 罚款一千元，暂扣机动车驾驶证六个月; sanctioned (警告)');
    expect((await alertOn(f, 'person', P('A2'))).zh).toBe('吴斌（党员）于2022-09-17醉酒驾驶，吊销机动车驾驶证；未见处分');
  });

  it('narrows with a parameter override: 醉驾 only', async () => {
    expect(await preview(f, { caseTypes: ['醉酒驾驶'] })).toEqual(canon([{ person: P('A2'), case: K('JT2022-0917') }]));
  });
});
