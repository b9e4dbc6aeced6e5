// M03 on awards without a tender (直接发包, 小额采购; the catalog's AWARDED): a unit paid a company in which a
// relative of one of its post holders holds a role. The near misses: a village's own award (M04's), an award
// made before the official took up the post, and a company with no relative in it.
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, householdKin, modelFixture, post, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedRel } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const C = (k: string) => uid('Company', k);
const O = (k: string) => uid('Org', k);
const awarded = (org: string, company: string, job: string, amount: number, date: string): SeedRel => ({
  from: O(org),
  type: 'AWARDED',
  to: C(company),
  props: { job, amount, date: d(date), method: '直接发包' },
});

const f = modelFixture(
  'procurement.kin-of-official-at-winning-bidder',
  [
    { label: 'Org', key: 'CNZ', props: { name: '城南镇人民政府', kind: '党政机关' } },
    { label: 'Org', key: 'SBC', props: { name: '石板村', kind: '村委会' } },
    { label: 'Org', key: 'WSJ', props: { name: '县卫生健康局', kind: '党政机关' } },
    // planted: the town head's father runs the firm the town paid twice without a tender
    { label: 'Person', key: 'A1', props: { name: '刘建华' } },
    { label: 'Person', key: 'A1F', props: { name: '刘德明' } },
    { label: 'Company', key: 'C1', props: { name: '德明市政工程有限公司', status: '存续' } },
    // near miss: a village committee's award to its director's son's firm (M04 takes it)
    { label: 'Person', key: 'N1', props: { name: '唐军' } },
    { label: 'Person', key: 'N1S', props: { name: '唐小军' } },
    { label: 'Company', key: 'C2', props: { name: '小军劳务有限公司', status: '存续' } },
    // near miss: the bureau paid the clerk's brother's firm before the clerk joined it
    { label: 'Person', key: 'N2', props: { name: '何平' } },
    { label: 'Person', key: 'N2B', props: { name: '何安' } },
    { label: 'Company', key: 'C3', props: { name: '安和商贸有限公司', status: '存续' } },
    // near miss: a firm with no relative of a post holder in it
    { label: 'Company', key: 'C4', props: { name: '顺达五金店', status: '存续' } },
  ],
  [
    post(P('A1'), O('CNZ'), '党委副书记、镇长', '2021-09-01'),
    ...householdKin(P('A1'), P('A1F'), 'parent'),
    { from: P('A1F'), type: 'LEGAL_REP_OF', to: C('C1') },
    awarded('CNZ', 'C1', '场镇污水管网应急维修工程', 386_500, '2023-11-06'),
    awarded('CNZ', 'C1', '场镇排水沟渠清淤整治', 92_000, '2024-03-15'),

    post(P('N1'), O('SBC'), '村委会主任', '2021-04-01'),
    ...householdKin(P('N1'), P('N1S'), 'child'),
    { from: P('N1S'), type: 'LEGAL_REP_OF', to: C('C2') },
    awarded('SBC', 'C2', '村道修补', 48_000, '2023-05-20'),

    post(P('N2'), O('WSJ'), '科员', '2023-01-01'),
    ...householdKin(P('N2'), P('N2B'), 'sibling'),
    { from: P('N2B'), type: 'LEGAL_REP_OF', to: C('C3') },
    awarded('WSJ', 'C3', '办公家具采购', 162_000, '2022-07-20'),

    awarded('CNZ', 'C4', '路灯维修', 18_000, '2023-06-01'),
  ],
);

const planted = [{ official: P('A1'), relative: P('A1F'), company: C('C1'), unit: O('CNZ') }];

describe('M03 on awards without a tender', () => {
  it("raises one alert per official, relative and company for a unit's direct awards, none for the near misses", async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(1);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('says the award was made without a tender, the largest first', async () => {
    expect((await alertOn(f, 'official', P('A1'))).zh).toBe(
      '刘建华（城南镇人民政府党委副书记、镇长）的父母刘德明是德明市政工程有限公司的法定代表人，该企业于2023-11-06获城南镇人民政府直接发包项目“场镇污水管网应急维修工程”，金额386,500元',
    );
  });

  it('leaves direct awards out when the site says so, and takes in villages when it clears villageKinds', async () => {
    expect(await preview(f, { directAwards: false })).toEqual([]);
    expect(await preview(f, { villageKinds: [] })).toEqual(
      canon([...planted, { official: P('N1'), relative: P('N1S'), company: C('C2'), unit: O('SBC') }]),
    );
  });
});
