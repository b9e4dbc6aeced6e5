// M07 on a hand-made county: a village cadre's child paid a 公益性岗位 subsidy during the cadre's term while
// insured by an employer elsewhere for at least two of those months, and the near misses: insurance that
// ended before the job began, a single overlapping month, a job paid before the term, a brother (not a child).
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, householdKin, modelFixture, payments, post, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedRel } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const O = (k: string) => uid('Org', k);
const C = (k: string) => uid('Company', k);
const JOB = uid('Program', 'RS-GYGW');
const insured = (p: string, employer: string, from: string, to?: string): SeedRel => ({
  from: P(p),
  type: 'INSURED_BY',
  to: C(employer),
  props: { scheme: '企业职工基本养老保险', from: d(from), ...(to ? { to: d(to) } : {}) },
});

const f = modelFixture(
  'welfare.public-job-child-employed-elsewhere',
  [
    { label: 'Org', key: 'V1', props: { name: '前进村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V2', props: { name: '红旗村村民委员会', kind: '村委会' } },
    { label: 'Org', key: 'V3', props: { name: '新民村村民委员会', kind: '村委会' } },
    { label: 'Program', key: 'RS-GYGW', props: { name: '公益性岗位补贴', dept: '人社局', universal: false } },
    { label: 'Company', key: '91330203MA2D000011', props: { name: '宁波海曙恒达电子有限公司' } },
    { label: 'Company', key: '91310115MA2D000022', props: { name: '上海浦东顺通物流有限公司' } },
    { label: 'Company', key: '91330106MA2D000033', props: { name: '杭州西湖安信科技有限公司' } },
    // planted: the son is paid for ten months while insured by a 宁波 employer
    { label: 'Person', key: 'A1', props: { name: '方志刚' } },
    { label: 'Person', key: 'A1S', props: { name: '方磊' } },
    // planted: the daughter's job overlaps six months of insurance with a 上海 employer
    { label: 'Person', key: 'A2', props: { name: '袁国平' } },
    { label: 'Person', key: 'A2D', props: { name: '袁媛' } },
    // near miss: the son's job elsewhere ended (2023-05) before the 公益性岗位 began (2023-07)
    { label: 'Person', key: 'N1', props: { name: '邵建华' } },
    { label: 'Person', key: 'N1S', props: { name: '邵杰' } },
    // near miss by default: one month of overlap (the month he left for the job elsewhere)
    { label: 'Person', key: 'N2', props: { name: '傅永康' } },
    { label: 'Person', key: 'N2S', props: { name: '傅强' } },
    // near miss: paid and insured elsewhere, but before the father became a cadre
    { label: 'Person', key: 'N3', props: { name: '夏长江' } },
    { label: 'Person', key: 'N3S', props: { name: '夏涛' } },
    // near miss: the cadre's brother, not a child
    { label: 'Person', key: 'N4B', props: { name: '方志勇' } },
  ],
  [
    post(P('A1'), O('V1'), '委员', '2021-01-15'),
    ...householdKin(P('A1'), P('A1S'), 'child'),
    ...payments(P('A1S'), JOB, '2023-03', 10, 2010),
    insured('A1S', '91330203MA2D000011', '2022-06-01'),

    post(P('A2'), O('V2'), '委员', '2021-01-15'),
    ...householdKin(P('A2'), P('A2D'), 'child'),
    ...payments(P('A2D'), JOB, '2023-01', 8, 2010),
    insured('A2D', '91310115MA2D000022', '2022-11-01', '2023-06-30'),

    post(P('N1'), O('V3'), '委员', '2021-01-15'),
    ...householdKin(P('N1'), P('N1S'), 'child'),
    ...payments(P('N1S'), JOB, '2023-07', 8, 2010),
    insured('N1S', '91330106MA2D000033', '2021-03-01', '2023-05-31'),

    post(P('N2'), O('V3'), '委员', '2021-01-15'),
    ...householdKin(P('N2'), P('N2S'), 'child'),
    ...payments(P('N2S'), JOB, '2023-03', 8, 2010),
    insured('N2S', '91330106MA2D000033', '2021-09-01', '2023-03-31'),

    post(P('N3'), O('V2'), '委员', '2024-01-08'),
    ...householdKin(P('N3'), P('N3S'), 'child'),
    ...payments(P('N3S'), JOB, '2023-01', 6, 2010),
    insured('N3S', '91330203MA2D000011', '2022-01-01'),

    ...householdKin(P('A1'), P('N4B'), 'sibling'),
    ...payments(P('N4B'), JOB, '2023-01', 6, 2010),
    insured('N4B', '91310115MA2D000022', '2022-01-01'),
  ],
);

const planted = [
  { cadre: P('A1'), relative: P('A1S'), program: JOB },
  { cadre: P('A2'), relative: P('A2D'), program: JOB },
];

describe("M07 public-welfare job paid to a cadre's child who works elsewhere", () => {
  it('raises one alert per cadre, child and programme, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('counts the months paid while insured elsewhere, and names the employer', async () => {
    const a1 = await alertOn(f, 'relative', P('A1S'));
    expect(a1.zh).toBe('方志刚（前进村村民委员会委员）之子女方磊领取公益性岗位补贴10个月，同期在宁波海曙恒达电子有限公司参保');
    expect(a1.amount).toBe(10 * 2010);
    const a2 = await alertOn(f, 'relative', P('A2D'));
    expect(a2.en).toBe(
      '袁媛, child of 袁国平 (委员, 红旗村村民委员会), was paid 公益性岗位补贴 for 6 months while insured by 上海浦东顺通物流有限公司',
    );
    expect(a2.amount).toBe(6 * 2010);
  });

  it('moves with minOverlapMonths: one month is enough, or seven are needed', async () => {
    expect(await preview(f, { minOverlapMonths: 1 })).toEqual(canon([...planted, { cadre: P('N2'), relative: P('N2S'), program: JOB }]));
    expect(await preview(f, { minOverlapMonths: 7 })).toEqual(canon([planted[0]!]));
  });
});
