// M02 on a hand-made county: a leader's spouse, child or child's spouse in a live county company while the
// leader is in post, and the near misses: a company outside the county, a brother (outside 配偶、子女及其
// 配偶), an official who is not a leading member, a former spouse divorced before the post, a shareholding
// given up before the post. A daughter from the household register whose husband only a marriage registration
// names (子女的配偶 across two sources), and its near miss: a son-in-law divorced since.
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, householdKin, marriage, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const C = (k: string) => uid('Company', k);
const O = (k: string) => uid('Org', k);

const f = modelFixture(
  'integrity.leader-kin-in-business',
  [
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: 'SLJ', props: { name: '县水利局', kind: '党政机关' } },
    { label: 'Org', key: 'CT', props: { name: '县城投集团', kind: '国企' } },
    { label: 'Org', key: 'JYJ', props: { name: '县教育局', kind: '党政机关' } },
    // planted: the wife (婚姻登记 and the household register) is legal representative of a county company
    { label: 'Person', key: 'L1', props: { name: '张伟' } },
    { label: 'Person', key: 'W1', props: { name: '李娜' } },
    { label: 'Company', key: '91330122MA2B000011', props: { name: '娜美服饰有限公司', status: '存续' } },
    // planted: the daughter-in-law (38 儿媳 in his household) holds 45%
    { label: 'Person', key: 'L2', props: { name: '黄海' } },
    { label: 'Person', key: 'S2', props: { name: '黄涛' } },
    { label: 'Person', key: 'D2', props: { name: '林芳' } },
    { label: 'Company', key: '91330122MA2B000022', props: { name: '芳林茶业有限公司', status: '在业' } },
    // planted: a state-owned enterprise's leader whose daughter is an officer (总经理)
    { label: 'Person', key: 'L3', props: { name: '马骏' } },
    { label: 'Person', key: 'C3', props: { name: '马丽' } },
    { label: 'Company', key: '91330122MA2B000033', props: { name: '丽景园林有限公司', status: '存续' } },
    // near miss: the son's company is registered in 西湖区 (330106), outside the county
    { label: 'Person', key: 'L4', props: { name: '何斌' } },
    { label: 'Person', key: 'C4', props: { name: '何俊' } },
    { label: 'Company', key: '91330106MA2B000044', props: { name: '俊杰网络科技有限公司', status: '存续' } },
    // near miss: a brother is outside the 配偶/子女/子女的配偶 scope
    { label: 'Person', key: 'L5', props: { name: '罗军' } },
    { label: 'Person', key: 'B5', props: { name: '罗兵' } },
    { label: 'Company', key: '91330122MA2B000055', props: { name: '兵锋土石方有限公司', status: '存续' } },
    // near miss: a 科长 who is not a leading member
    { label: 'Person', key: 'L6', props: { name: '谢明' } },
    { label: 'Person', key: 'W6', props: { name: '唐红' } },
    { label: 'Company', key: '91330122MA2B000066', props: { name: '红唐餐饮有限公司', status: '存续' } },
    // near miss: a former wife, divorced three years before the post
    { label: 'Person', key: 'L7', props: { name: '韩磊' } },
    { label: 'Person', key: 'W7', props: { name: '冯雪' } },
    { label: 'Company', key: '91330122MA2B000077', props: { name: '雪峰贸易有限公司', status: '存续' } },
    // near miss: the son gave up his shareholding before the post
    { label: 'Person', key: 'L8', props: { name: '曹勇' } },
    { label: 'Person', key: 'C8', props: { name: '曹阳' } },
    { label: 'Company', key: '91330122MA2B000088', props: { name: '阳光汽修有限公司', status: '存续' } },
    // near miss: the wife's shareholding, taken during the post, ended by a full-snapshot delivery
    { label: 'Person', key: 'L9', props: { name: '邓超' } },
    { label: 'Person', key: 'W9', props: { name: '孙俪' } },
    { label: 'Company', key: '91330122MA2B000099', props: { name: '俪人美容有限公司', status: '存续' } },
    // planted: the daughter (household) married a man of another county (marriage registration) who runs a county company
    { label: 'Person', key: 'L10', props: { name: '周平' } },
    { label: 'Person', key: 'C10', props: { name: '周敏' } },
    { label: 'Person', key: 'M10', props: { name: '钱程' } },
    { label: 'Company', key: '91330122MA2B000100', props: { name: '程远医药有限公司', status: '存续' } },
    // near miss: the same, but the daughter's marriage ended in a 离婚 registration
    { label: 'Person', key: 'L11', props: { name: '吴刚' } },
    { label: 'Person', key: 'C11', props: { name: '吴霞' } },
    { label: 'Person', key: 'M11', props: { name: '郑凯' } },
    { label: 'Company', key: '91330122MA2B000111', props: { name: '凯达物流有限公司', status: '存续' } },
  ],
  [
    { from: P('L1'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '副局长', level: '副科级', isLeader: true, from: d('2018-04-01') } },
    ...marriage(P('L1'), P('W1'), '1996-10-01'),
    ...householdKin(P('L1'), P('W1'), 'spouse'),
    { from: P('W1'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000011') },

    { from: P('L2'), type: 'HOLDS_POST', to: O('SLJ'), props: { title: '副局长', isLeader: true, from: d('2019-01-01') } },
    ...householdKin(P('L2'), P('S2'), 'child'),
    ...householdKin(P('L2'), P('D2'), 'child_spouse'),
    { from: P('D2'), type: 'SHAREHOLDER_OF', to: C('91330122MA2B000022'), props: { ratio: 0.45, from: d('2020-05-08') } },

    {
      from: P('L3'),
      type: 'HOLDS_POST',
      to: O('CT'),
      props: { title: '董事长', isLeader: true, from: d('2016-01-01'), to: d('2023-12-31') },
    },
    ...householdKin(P('L3'), P('C3'), 'child'),
    { from: P('C3'), type: 'EXECUTIVE_OF', to: C('91330122MA2B000033'), props: { role: '总经理', from: d('2021-02-01') } },

    { from: P('L4'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '副局长', isLeader: true, from: d('2017-06-01') } },
    ...householdKin(P('L4'), P('C4'), 'child'),
    { from: P('C4'), type: 'LEGAL_REP_OF', to: C('91330106MA2B000044') },

    { from: P('L5'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '副局长', isLeader: true, from: d('2020-07-01') } },
    ...householdKin(P('L5'), P('B5'), 'sibling'),
    { from: P('B5'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000055') },

    { from: P('L6'), type: 'HOLDS_POST', to: O('SLJ'), props: { title: '科长', isLeader: false, from: d('2015-03-01') } },
    ...marriage(P('L6'), P('W6'), '2005-05-01'),
    { from: P('W6'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000066') },

    { from: P('L7'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '副局长', isLeader: true, from: d('2019-09-01') } },
    ...marriage(P('L7'), P('W7'), '2004-05-01', '2016-08-15'),
    { from: P('W7'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000077') },

    { from: P('L8'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '局长', isLeader: true, from: d('2021-03-01') } },
    ...householdKin(P('L8'), P('C8'), 'child'),
    {
      from: P('C8'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2B000088'),
      props: { ratio: 0.5, from: d('2015-01-01'), to: d('2020-12-31') },
    },

    { from: P('L9'), type: 'HOLDS_POST', to: O('SLJ'), props: { title: '局长', isLeader: true, from: d('2017-01-01') } },
    ...householdKin(P('L9'), P('W9'), 'spouse'),
    {
      from: P('W9'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2B000099'),
      props: { ratio: 0.3, from: d('2019-03-01'), to: d('2025-09-30'), _endedBy: 'shareholder-2', _endedOn: d('2025-09-30') },
    },

    { from: P('L10'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '局长', isLeader: true, from: d('2020-01-01') } },
    ...householdKin(P('L10'), P('C10'), 'child'),
    ...marriage(P('C10'), P('M10'), '2021-05-20'),
    { from: P('M10'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000100') },

    { from: P('L11'), type: 'HOLDS_POST', to: O('CT'), props: { title: '总经理', isLeader: true, from: d('2020-01-01') } },
    ...householdKin(P('L11'), P('C11'), 'child'),
    ...marriage(P('C11'), P('M11'), '2018-05-20', '2022-03-01'),
    { from: P('M11'), type: 'LEGAL_REP_OF', to: C('91330122MA2B000111') },
  ],
);

const planted = [
  { official: P('L1'), relative: P('W1'), company: C('91330122MA2B000011') },
  { official: P('L2'), relative: P('D2'), company: C('91330122MA2B000022') },
  { official: P('L3'), relative: P('C3'), company: C('91330122MA2B000033') },
  { official: P('L10'), relative: P('M10'), company: C('91330122MA2B000100') },
];

describe("M02 a leader's spouse, child or child-in-law in business", () => {
  it('raises one alert per leader, relative and company, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss leader or relative', async () => {
    const flagged = (await alerts(f)).flatMap((a) => [a.official, a.relative]);
    for (const k of ['L4', 'C4', 'L5', 'B5', 'L6', 'W6', 'L7', 'W7', 'L8', 'C8', 'L9', 'W9', 'L11', 'M11'])
      expect(flagged, k).not.toContain(P(k));
  });

  it('composes a child from the household register with her spouse from a marriage registration', async () => {
    expect((await alertOn(f, 'relative', P('M10'))).zh).toBe('周平（县教育局局长）的子女的配偶钱程是本地企业程远医药有限公司的法定代表人');
    // Before the divorce, the other son-in-law counted; and without child_spouse in scope, neither does.
    expect(await preview(f, { asOf: '2021-12-31' })).toContainEqual({
      official: P('L11'),
      relative: P('M11'),
      company: C('91330122MA2B000111'),
    });
    expect(await preview(f, { kinRelations: ['spouse', 'child'] })).toEqual(
      canon(planted.filter((p) => p.relative !== P('D2') && p.relative !== P('M10'))),
    );
  });

  it('names the relation and the role in the summary', async () => {
    expect((await alertOn(f, 'relative', P('W1'))).zh).toBe('张伟（县住建局副局长）的配偶李娜是本地企业娜美服饰有限公司的法定代表人');
    const d2 = await alertOn(f, 'relative', P('D2'));
    expect(d2.zh).toBe('黄海（县水利局副局长）的子女的配偶林芳是本地企业芳林茶业有限公司的股东');
    expect(d2.en).toBe('The child spouse of 黄海 (副局长, 县水利局), 林芳, is a shareholder of the local company 芳林茶业有限公司');
  });

  it("looks back with asOf: before the snapshot ended it, the wife's shareholding is found", async () => {
    expect(await preview(f, { asOf: '2025-01-01' })).toEqual(
      canon([...planted, { official: P('L9'), relative: P('W9'), company: C('91330122MA2B000099') }]),
    );
  });

  it('reads the county from the registry when no region is set, and a region set names it', async () => {
    // Nine of the ten companies are registered in 330122: the county, as regionCodes set to it says too.
    expect(await preview(f, { regionCodes: ['330122'] })).toEqual(canon(planted));
    expect(await preview(f, { regionCodes: ['330106'] })).toEqual(
      canon([{ official: P('L4'), relative: P('C4'), company: C('91330106MA2B000044') }]),
    );
  });

  it('widens with parameter overrides: another region, siblings in scope', async () => {
    expect(await preview(f, { regionCodes: ['330122', '330106'] })).toEqual(
      canon([...planted, { official: P('L4'), relative: P('C4'), company: C('91330106MA2B000044') }]),
    );
    expect(await preview(f, { kinRelations: ['spouse', 'child', 'child_spouse', 'sibling'] })).toEqual(
      canon([...planted, { official: P('L5'), relative: P('B5'), company: C('91330122MA2B000055') }]),
    );
    expect(await preview(f, { orgKinds: ['党政机关', '事业单位'] })).toEqual(canon(planted.filter((p) => p.official !== P('L3'))));
  });
});
