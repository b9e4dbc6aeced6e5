// M21 on a hand-made payroll: a clerk paid by a bureau and by a 事业单位 for 14 months at once; a post still
// running at one unit (no 终止年月) while paid by another since; two short overlaps adding up across spells.
// The near misses: the month of a transfer (one month on both payrolls), two spells at one unit, two units
// paid one after the other with a gap. The other form: pay drawn for months after a death, and its near miss,
// the one month after the death a payroll run still covered. The catalog's two forms beside them: pay after a
// 开除 decision (near misses: 降级, which keeps the post; 开除党籍 alone, which ends no post) and pay as serving
// while drawing a 机关事业单位 pension (near misses: the 城乡居民 pension; a pension that began after the pay ended).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, payments, payroll, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedNode, type SeedRel } from '../../../support/seed.js';
import { neoDate } from '../../../../platform/db/values.js';

const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const S = (k: string) => uid('Sanction', k);
const G = (k: string) => uid('Program', k);
const sanction = (docNo: string, kind: string, type: string, decided: string): SeedNode => ({
  label: 'Sanction',
  key: docNo,
  props: { docNo, kind, type, decidedAt: neoDate(decided) },
});
const sanctioned = (p: string, docNo: string): SeedRel => ({ from: P(p), type: 'SANCTIONED', to: S(docNo) });
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
    { label: 'Person', key: 'K1', props: { name: '程刚' } },
    { label: 'Person', key: 'K2', props: { name: '朱明' } },
    { label: 'Person', key: 'K3', props: { name: '秦岭' } },
    { label: 'Person', key: 'R1', props: { name: '汪兴' } },
    { label: 'Person', key: 'R2', props: { name: '方汉' } },
    { label: 'Person', key: 'R3', props: { name: '何悦' } },
    sanction('县监〔2023〕82号', '政务处分', '开除', '2023-12-20'),
    sanction('县监〔2023〕90号', '政务处分', '降级', '2023-10-09'),
    sanction('县纪〔2023〕31号', '党纪处分', '开除党籍', '2023-09-01'),
    {
      label: 'Program',
      key: '机关事业单位基本养老保险|基本养老金',
      props: { name: '机关事业单位基本养老保险|基本养老金', universal: true },
    },
    { label: 'Program', key: '城乡居民基本养老保险|基础养老金', props: { name: '城乡居民基本养老保险|基础养老金', universal: true } },
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
    // planted: dismissed (政务处分 开除) on 2023-12-20, paid on to 2024-06 (six months after the month of the decision)
    ...payroll(P('K1'), ZJJ, '2020-01', 54, 5600),
    sanctioned('K1', '县监〔2023〕82号'),
    // near misses: 降级 keeps the post and its (lower) pay; 开除党籍 alone ends no post
    ...payroll(P('K2'), JTJ, '2020-01', null, 5900),
    sanctioned('K2', '县监〔2023〕90号'),
    ...payroll(P('K3'), JTJ, '2020-01', null, 6100),
    sanctioned('K3', '县纪〔2023〕31号'),
    // planted: the 机关事业 pension since 2024-01 and still on the payroll as serving to 2024-06
    ...payroll(P('R1'), WJW, '2019-01', 66, 7300),
    ...payments(P('R1'), G('机关事业单位基本养老保险|基本养老金'), '2024-01', 6, 6160),
    // near misses: the 城乡居民 pension is not a retirement from a public post; a pension that began after the pay ended
    ...payroll(P('R2'), WJW, '2019-01', null, 5200),
    ...payments(P('R2'), G('城乡居民基本养老保险|基础养老金'), '2023-07', 12, 158),
    ...payroll(P('R3'), JTJ, '2019-01', 64, 6600),
    ...payments(P('R3'), G('机关事业单位基本养老保险|基本养老金'), '2024-05', 2, 5900),
  ],
);

const asOf = { asOf: '2024-06-30' };
const found = (person: string, unit: string, unit2: string) => ({ person: P(person), unit, unit2 });
const dead = (person: string, unit: string) => ({ person: P(person), unit });

describe('M21 one person on two units’ payroll at once', () => {
  const planted = [found('A1', ZJJ, SWZ), found('A2', JTJ, WJW), found('A3', ZJJ, SWZ), dead('D1', WJW), dead('K1', ZJJ), dead('R1', WJW)];

  it('raises the three double payrolls, the pay after a death, a dismissal and a retirement, and none of the near misses', async () => {
    expect(await preview(f, asOf)).toEqual(canon(planted));
  });

  it('counts a running spell up to the day of the run', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(6);
    expect(await alerts(f)).toEqual(canon(planted));
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

  it('states the dismissal with its decision number, and the pension drawn beside the pay', async () => {
    expect((await alertOn(f, 'person', P('K1'))).zh).toBe(
      '程刚于2023-12-20受政务处分开除（县监〔2023〕82号）处分，其后仍由县住建局发放财政工资6个月（2024-01至2024-06），应发工资约33,600元',
    );
    expect((await alertOn(f, 'person', P('R1'))).zh).toBe(
      '汪兴自2024-01起领取机关事业单位基本养老保险|基本养老金，仍由县卫健局按在职发放财政工资6个月（2024-01至2024-06），应发工资约43,800元',
    );
  });

  it('reads the dismissal types and the pension names as parameters', async () => {
    const withDemotion = await preview(f, { ...asOf, dismissals: ['开除', '降级'] });
    expect(withDemotion).toContainEqual(dead('K2', JTJ));
    expect(await preview(f, { ...asOf, pensionNames: ['养老'] })).toContainEqual(dead('R2', WJW));
    expect(await preview(f, { ...asOf, dismissals: [], pensionNames: [] })).toEqual(
      canon([found('A1', ZJJ, SWZ), found('A2', JTJ, WJW), found('A3', ZJJ, SWZ), dead('D1', WJW)]),
    );
  });

  it('flags the month of a transfer with minMonths 1, and only long overlaps with a higher one', async () => {
    expect(await preview(f, { ...asOf, minMonths: 1 })).toEqual(canon([...planted, found('N1', JTJ, WJW), dead('N4', JTJ)]));
    expect(await preview(f, { ...asOf, minMonths: 7 })).toEqual(canon([found('A1', ZJJ, SWZ), dead('D1', WJW)]));
  });
});
