// M21 on a hand-made payroll: a clerk paid by a bureau and by a 事业单位 for 14 months at once; a post still
// running at one unit (no 终止年月) while paid by another since; two short overlaps adding up across spells.
// The near misses: the month of a transfer (one month on both payrolls), two spells at one unit, two units
// paid one after the other with a gap. The other form: pay drawn for months after a death, and its near miss,
// the one month after the death a payroll run still covered.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, payroll, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';
import { neoDate } from '../../../../platform/db/values.js';

const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const [ZJJ, SWZ, JTJ, WJW] = [O('11330122008000001'), O('12330122MB0000001'), O('11330122004000001'), O('11330122006000001')];

const f = modelFixture(
  'integrity.double-payroll',
  [
    { label: 'Org', key: '11330122008000001', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: '12330122MB0000001', props: { name: '县城建档案馆', kind: '事业单位' } },
    { label: 'Org', key: '11330122004000001', props: { name: '县交通运输局', kind: '党政机关' } },
    { label: 'Org', key: '11330122006000001', props: { name: '县卫健局', kind: '党政机关' } },
    { label: 'Person', key: 'A1', props: { name: '蔡文' } },
    { label: 'Person', key: 'A2', props: { name: '田野' } },
    { label: 'Person', key: 'A3', props: { name: '陆海' } },
    { label: 'Person', key: 'N1', props: { name: '江涛' } },
    { label: 'Person', key: 'N2', props: { name: '姚远' } },
    { label: 'Person', key: 'N3', props: { name: '彭飞' } },
    { label: 'Person', key: 'D1', props: { name: '罗成', deathDate: neoDate('2023-11-02') } },
    { label: 'Person', key: 'N4', props: { name: '韦青', deathDate: neoDate('2023-05-10') } },
  ],
  [
    // planted: 14 months on both payrolls (2022-05 … 2023-06)
    ...payroll(P('A1'), ZJJ, '2022-01', 30, 6400),
    ...payroll(P('A1'), SWZ, '2022-05', 14, 5200),
    // planted: still on one payroll (open spell), and on another from 2024-01 to 2024-06
    ...payroll(P('A2'), JTJ, '2019-03', null, 8200),
    ...payroll(P('A2'), WJW, '2024-01', 6, 7000),
    // planted: two overlaps of one month each, between two spells at one unit and one at another (2 months)
    ...payroll(P('A3'), ZJJ, '2022-01', 6, 6100),
    ...payroll(P('A3'), ZJJ, '2022-12', 6, 6100),
    ...payroll(P('A3'), SWZ, '2022-06', 7, 5000),
    // near miss: transferred in 2023-03, both units paid that month
    ...payroll(P('N1'), JTJ, '2021-01', 27, 7900),
    ...payroll(P('N1'), WJW, '2023-03', 16, 7900),
    // near miss: two spells at one unit (a gap for study leave)
    ...payroll(P('N2'), ZJJ, '2022-01', 10, 6400),
    ...payroll(P('N2'), ZJJ, '2023-01', 10, 6400),
    // near miss: one unit after the other, with a gap
    ...payroll(P('N3'), JTJ, '2022-01', 12, 6800),
    ...payroll(P('N3'), WJW, '2023-03', 12, 6800),
    // planted: died 2023-11-02, paid on to 2024-06 (seven months after the month of death)
    ...payroll(P('D1'), WJW, '2023-01', 18, 7100),
    // near miss: died 2023-05-10, the June run still paid him, then nothing
    ...payroll(P('N4'), JTJ, '2022-01', 18, 6900),
  ],
);

const asOf = { asOf: '2024-06-30' };
const found = (person: string, unit: string, unit2: string) => ({ person: P(person), unit, unit2 });
const dead = (person: string, unit: string) => ({ person: P(person), unit });

describe('M21 one person on two units’ payroll at once', () => {
  it('raises the three double payrolls, the pay after a death, and none of the near misses', async () => {
    expect(await preview(f, asOf)).toEqual(canon([found('A1', ZJJ, SWZ), found('A2', JTJ, WJW), found('A3', ZJJ, SWZ), dead('D1', WJW)]));
  });

  it('counts a running spell up to the day of the run', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual(canon([found('A1', ZJJ, SWZ), found('A2', JTJ, WJW), found('A3', ZJJ, SWZ), dead('D1', WJW)]));
  });

  it('states the overlapping months and the pay of both units for them', async () => {
    const a = await alertOn(f, 'person', P('A1'));
    expect(a.zh).toBe('蔡文同时在县住建局和县城建档案馆领取财政工资，重叠14个月（2022-05至2023-06），重叠月份两处应发工资约162,400元');
    expect(a.amount).toBe(14 * (6400 + 5200));
    expect((await alertOn(f, 'person', P('A3'))).zh).toContain('重叠2个月（2022-06至2022-12）');
    expect((await alertOn(f, 'person', P('D1'))).zh).toBe(
      '罗成于2023-11-02死亡，其后仍由县卫健局发放财政工资7个月（2023-12至2024-06），应发工资约49,700元',
    );
  });

  it('flags the month of a transfer with minMonths 1, and only long overlaps with a higher one', async () => {
    expect(await preview(f, { ...asOf, minMonths: 1 })).toEqual(
      canon([found('A1', ZJJ, SWZ), found('A2', JTJ, WJW), found('A3', ZJJ, SWZ), found('N1', JTJ, WJW), dead('D1', WJW), dead('N4', JTJ)]),
    );
    expect(await preview(f, { ...asOf, minMonths: 7 })).toEqual(canon([found('A1', ZJJ, SWZ), dead('D1', WJW)]));
  });
});
