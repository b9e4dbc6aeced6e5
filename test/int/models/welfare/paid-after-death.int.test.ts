// M11 on a hand-made county: benefits paid for periods starting more than graceMonths after the recipient's
// death, and the near misses: the last period ended before the death (paid after it), arrears (补发) after the
// death for months before it, periods inside the grace months, a living recipient, a funeral grant paid after
// the death by design.
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, payments, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const G = (k: string) => uid('Program', k);

const f = modelFixture(
  'welfare.paid-after-death',
  [
    { label: 'Program', key: 'MZ-GL', props: { name: '高龄津贴', dept: '民政局', universal: true } },
    { label: 'Program', key: 'RS-JMYL', props: { name: '城乡居民基本养老保险待遇', dept: '人社局', universal: true } },
    { label: 'Program', key: 'MZ-DBNC', props: { name: '农村最低生活保障金', dept: '民政局', universal: false } },
    { label: 'Program', key: 'RS-SZ', props: { name: '丧葬补助金', dept: '人社局', universal: true } },
    // planted: died 2023-02-14 (register cancelled); 高龄津贴 paid for every quarter up to 2024-Q2
    { label: 'Person', key: 'A1', props: { name: '王秀兰', deathDate: d('2023-02-14') } },
    // planted: died 2023-08-03, known from 火化登记; pension paid on
    {
      label: 'Person',
      key: 'A2',
      props: { name: '李长福', deathDate: d('2023-08-03'), deathSource: '火化登记', cremationDate: d('2023-08-05') },
    },
    // near miss: died 2023-06-12; the last 低保 (for 2023-05) was paid on 2023-06-20
    { label: 'Person', key: 'N1', props: { name: '张德旺', deathDate: d('2023-06-12') } },
    // near miss: died 2023-05-09; a 补发 on 2023-09-11 covers 2022-Q1
    { label: 'Person', key: 'N2', props: { name: '刘桂芝', deathDate: d('2023-05-09'), deathSource: '火化登记' } },
    // near miss by default: died 2023-06-12; 低保 paid for July to September, inside the three grace months
    { label: 'Person', key: 'N3', props: { name: '陈阿毛', deathDate: d('2023-06-12') } },
    // near miss: alive
    { label: 'Person', key: 'N4', props: { name: '杨福生' } },
    // near miss: died 2023-03-02; the pension stopped, the 丧葬补助金 approved in September is paid for that month
    { label: 'Person', key: 'N5', props: { name: '周桂英', deathDate: d('2023-03-02') } },
  ],
  [
    ...payments(P('A1'), G('MZ-GL'), '2022-01', 10, 300, 3),
    ...payments(P('A2'), G('RS-JMYL'), '2022-01', 10, 795, 3),
    ...payments(P('N1'), G('MZ-DBNC'), '2022-01', 16, 870),
    {
      from: P('N1'),
      type: 'RECEIVED',
      to: G('MZ-DBNC'),
      props: { periodFrom: d('2023-05-01'), periodTo: d('2023-05-31'), payDate: d('2023-06-20'), amount: 870, payType: '正常' },
    },
    ...payments(P('N2'), G('RS-JMYL'), '2022-04', 5, 795, 3),
    {
      from: P('N2'),
      type: 'RECEIVED',
      to: G('RS-JMYL'),
      props: { periodFrom: d('2022-01-01'), periodTo: d('2022-03-31'), payDate: d('2023-09-11'), amount: 795, payType: '补发' },
    },
    ...payments(P('N3'), G('MZ-DBNC'), '2023-01', 9, 870),
    ...payments(P('N4'), G('MZ-GL'), '2022-01', 10, 300, 3),
    ...payments(P('N5'), G('RS-JMYL'), '2022-01', 5, 795, 3),
    ...payments(P('N5'), G('RS-SZ'), '2023-09', 1, 4600),
  ],
);

const planted = [
  { person: P('A1'), program: G('MZ-GL') },
  { person: P('A2'), program: G('RS-JMYL') },
];

describe("M11 benefits paid for periods after the recipient's death", () => {
  it('raises one alert per dead recipient and programme, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('counts only the periods after death plus grace, with the source of the death date', async () => {
    const a1 = await alertOn(f, 'person', P('A1'));
    expect(a1.zh).toBe('王秀兰于2023-02-14死亡（户籍注销），其后仍发放高龄津贴4笔（所属期2023-07-01至2024-06-30），共1,200元');
    expect(a1.amount).toBe(1200);
    const a2 = await alertOn(f, 'person', P('A2'));
    expect(a2.zh).toBe(
      '李长福于2023-08-03死亡（火化登记），其后仍发放城乡居民基本养老保险待遇2笔（所属期2024-01-01至2024-06-30），共1,590元',
    );
  });

  it('passes over a programme paid because of the death, unless the site clears the list', async () => {
    expect((await alerts(f)).map((a) => a.person)).not.toContain(P('N5'));
    expect(await preview(f, { postDeathNames: [] })).toEqual(canon([...planted, { person: P('N5'), program: G('RS-SZ') }]));
  });

  it('moves with graceMonths: none catches the months right after a death, twelve only the longest run', async () => {
    expect(await preview(f, { graceMonths: 0 })).toEqual(canon([...planted, { person: P('N3'), program: G('MZ-DBNC') }]));
    expect(await preview(f, { graceMonths: 12 })).toEqual(canon([planted[0]!]));
  });
});
