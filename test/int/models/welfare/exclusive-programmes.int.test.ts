// M13 on a hand-made county: one person drawing two programmes that exclude each other for overlapping
// periods, and the near misses: a move from 农村 to 城市低保 with no month paid twice, 低保 with a universal
// benefit, 农村 and 城市低保 drawn by two members of one household, and a move with the one month of the move
// paid by both (转移接续).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, payments, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const P = (k: string) => uid('Person', k);
const G = (k: string) => uid('Program', k);
const both = (a: string, b: string) => [G(a), G(b)].sort().join(' ');

const f = modelFixture(
  'welfare.exclusive-programmes',
  [
    { label: 'Program', key: 'MZ-DBNC', props: { name: '农村最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-DBCS', props: { name: '城市最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-TK', props: { name: '特困人员救助供养金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'MZ-GL', props: { name: '高龄津贴', dept: '民政局', universal: true } },
    // planted: 农村低保 and 城市低保 for the same nine months
    { label: 'Person', key: 'A1', props: { name: '赵大明' } },
    // planted: 特困供养 and 农村低保 for the same six months
    { label: 'Person', key: 'A2', props: { name: '钱凤英' } },
    // near miss: moved from 农村低保 to 城市低保 in 2023-04, no month paid twice
    { label: 'Person', key: 'N1', props: { name: '孙玉珍' } },
    // near miss: 低保 and 高龄津贴 are not exclusive
    { label: 'Person', key: 'N2', props: { name: '李守田' } },
    // near miss: husband on 农村低保, wife on 城市低保: two people
    { label: 'Person', key: 'N3H', props: { name: '周大海' } },
    { label: 'Person', key: 'N3W', props: { name: '吴小梅' } },
    // near miss: moved from 农村低保 to 城市低保 in 2023-06, that month paid by both
    { label: 'Person', key: 'N4', props: { name: '郑秀兰' } },
  ],
  [
    ...payments(P('A1'), G('MZ-DBNC'), '2022-05', 26, 870),
    ...payments(P('A1'), G('MZ-DBCS'), '2023-04', 9, 1080),
    ...payments(P('A2'), G('MZ-TK'), '2022-01', 30, 1400),
    ...payments(P('A2'), G('MZ-DBNC'), '2023-01', 6, 870),
    ...payments(P('N1'), G('MZ-DBNC'), '2022-01', 15, 870),
    ...payments(P('N1'), G('MZ-DBCS'), '2023-04', 15, 1080),
    ...payments(P('N2'), G('MZ-DBNC'), '2022-01', 24, 870),
    ...payments(P('N2'), G('MZ-GL'), '2022-01', 8, 300, 3),
    ...payments(P('N3H'), G('MZ-DBNC'), '2023-01', 12, 870),
    ...payments(P('N3W'), G('MZ-DBCS'), '2023-01', 12, 1080),
    ...payments(P('N4'), G('MZ-DBNC'), '2022-01', 18, 870),
    ...payments(P('N4'), G('MZ-DBCS'), '2023-06', 12, 1080),
  ],
);

const planted = [
  { person: P('A1'), program: both('MZ-DBNC', 'MZ-DBCS') },
  { person: P('A2'), program: both('MZ-TK', 'MZ-DBNC') },
];

describe('M13 mutually exclusive benefits drawn for the same months', () => {
  it('raises one alert per person and pair of programmes, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('names both programmes, in code order, and counts the overlapping payments', async () => {
    expect((await alertOn(f, 'person', P('A1'))).zh).toBe('赵大明同时领取城市最低生活保障金和农村最低生活保障金，重叠所属期9笔');
    expect((await alertOn(f, 'person', P('A2'))).en).toBe(
      '钱凤英 drew both 农村最低生活保障金 and 特困人员救助供养金 for overlapping periods (6 payments)',
    );
  });

  it('passes over the month of a move paid by both, unless transferMonths is 0', async () => {
    expect((await alerts(f)).map((a) => a.person)).not.toContain(P('N4'));
    expect(await preview(f, { transferMonths: 0 })).toEqual(canon([...planted, { person: P('N4'), program: both('MZ-DBNC', 'MZ-DBCS') }]));
  });

  it('follows the exclusivePairs parameter', async () => {
    expect(await preview(f, { exclusivePairs: ['MZ-DBNC|MZ-DBCS'] })).toEqual(canon([planted[0]!]));
    expect(await preview(f, { exclusivePairs: ['MZ-DBNC|MZ-DBCS', 'MZ-GL|MZ-DBNC'] })).toEqual(
      canon([planted[0]!, { person: P('N2'), program: both('MZ-GL', 'MZ-DBNC') }]),
    );
  });
});
