// M22 on a hand-made county: a new post taken up inside a sanction's impact period by someone who held a post
// before, and the near misses: promoted after the impact period ended, a first post (no promotion), a post
// that began before the decision, and a sanction of a kind outside the model's scope. Sanctions recorded
// without their 影响期止 take the period the rules set for their type.
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, post, preview, run } from '../../../support/model-fixture.js';
import { uid, type SeedNode, type SeedRel } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const S = (k: string) => uid('Sanction', k);
const O = (k: string) => uid('Org', k);
const sanction = (docNo: string, kind: string, type: string, decided: string, until: string): SeedNode => ({
  label: 'Sanction',
  key: docNo,
  props: { kind, type, decidedAt: d(decided), impactUntil: d(until) },
});
/** As a 案管 export gives it: the decision and the type, no 影响期止. */
const undated = (docNo: string, kind: string, type: string, decided: string): SeedNode => ({
  label: 'Sanction',
  key: docNo,
  props: { kind, type, decidedAt: d(decided) },
});
const sanctioned = (p: string, docNo: string): SeedRel => ({ from: P(p), type: 'SANCTIONED', to: S(docNo) });

const f = modelFixture(
  'integrity.promoted-during-sanction',
  [
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: 'SLJ', props: { name: '县水利局', kind: '党政机关' } },
    { label: 'Org', key: 'JYJ', props: { name: '县教育局', kind: '党政机关' } },
    { label: 'Org', key: 'NYJ', props: { name: '县农业农村局', kind: '党政机关' } },
    // planted: 党内警告 2022-03-10 (one year); promoted to 科长 at the same unit on 2022-09-01
    { label: 'Person', key: 'A1', props: { name: '杨帆' } },
    sanction('县纪处〔2022〕8号', '党纪', '警告', '2022-03-10', '2023-03-09'),
    // planted: 政务记过 2022-06-20 (12 months); moved up to 副局长 of another unit on 2023-05-08
    { label: 'Person', key: 'A2', props: { name: '朱琳' } },
    sanction('县监处〔2022〕21号', '政务', '记过', '2022-06-20', '2023-06-19'),
    // near miss: 政务警告 2021-04-15 (six months); promoted on 2022-10-01, after it ended
    { label: 'Person', key: 'N1', props: { name: '秦川' } },
    sanction('县监处〔2021〕5号', '政务', '警告', '2021-04-15', '2021-10-14'),
    // near miss: a first post (recruited), not a promotion
    { label: 'Person', key: 'N2', props: { name: '许诺' } },
    sanction('县纪处〔2022〕2号', '党纪', '警告', '2022-01-10', '2023-01-09'),
    // near miss: the 科长 post began before the decision
    { label: 'Person', key: 'N3', props: { name: '魏东' } },
    sanction('县纪处〔2021〕30号', '党纪', '警告', '2021-06-01', '2022-05-31'),
    // near miss by default: an 诫勉 (组织处理), not a 党纪 or 政务 sanction
    { label: 'Person', key: 'N4', props: { name: '苏晴' } },
    sanction('县组〔2022〕11号', '组织处理', '诫勉', '2022-04-01', '2022-09-30'),
    // planted, no 影响期止: 党纪 警告 (党内警告, one year) 2022-05-01; promoted on 2023-02-01, past six months
    { label: 'Person', key: 'A3', props: { name: '韩冰' } },
    undated('县纪处〔2022〕15号', '党纪', '警告', '2022-05-01'),
    // near miss, no 影响期止: 政务 警告 (six months) 2022-01-10; promoted on 2022-09-01
    { label: 'Person', key: 'N5', props: { name: '孔明' } },
    undated('县监处〔2022〕3号', '政务', '警告', '2022-01-10'),
    // near miss, no 影响期止: a type the rules give no period for
    { label: 'Person', key: 'N6', props: { name: '方圆' } },
    undated('县纪处〔2022〕16号', '党纪', '批评教育', '2022-05-01'),
  ],
  [
    post(P('A1'), O('ZJJ'), '科员', '2014-03-01', '2022-08-31'),
    post(P('A1'), O('ZJJ'), '科长', '2022-09-01'),
    sanctioned('A1', '县纪处〔2022〕8号'),

    post(P('A2'), O('SLJ'), '科长', '2015-06-01', '2023-05-07'),
    post(P('A2'), O('JYJ'), '副局长', '2023-05-08'),
    sanctioned('A2', '县监处〔2022〕21号'),

    post(P('N1'), O('NYJ'), '科员', '2013-04-01', '2022-09-30'),
    post(P('N1'), O('NYJ'), '科长', '2022-10-01'),
    sanctioned('N1', '县监处〔2021〕5号'),

    post(P('N2'), O('NYJ'), '科员', '2022-05-01'),
    sanctioned('N2', '县纪处〔2022〕2号'),

    post(P('N3'), O('SLJ'), '科员', '2012-01-01', '2020-12-31'),
    post(P('N3'), O('SLJ'), '科长', '2021-01-01'),
    sanctioned('N3', '县纪处〔2021〕30号'),

    post(P('N4'), O('ZJJ'), '科员', '2016-01-01', '2022-06-30'),
    post(P('N4'), O('ZJJ'), '副科长', '2022-07-01'),
    sanctioned('N4', '县组〔2022〕11号'),

    post(P('A3'), O('NYJ'), '科员', '2015-01-01', '2023-01-31'),
    post(P('A3'), O('NYJ'), '科长', '2023-02-01'),
    sanctioned('A3', '县纪处〔2022〕15号'),

    post(P('N5'), O('JYJ'), '科员', '2015-01-01', '2022-08-31'),
    post(P('N5'), O('JYJ'), '科长', '2022-09-01'),
    sanctioned('N5', '县监处〔2022〕3号'),

    post(P('N6'), O('JYJ'), '科员', '2016-01-01', '2022-06-30'),
    post(P('N6'), O('JYJ'), '副科长', '2022-07-01'),
    sanctioned('N6', '县纪处〔2022〕16号'),
  ],
);

const planted = [
  { person: P('A1'), sanction: S('县纪处〔2022〕8号'), unit: O('ZJJ') },
  { person: P('A2'), sanction: S('县监处〔2022〕21号'), unit: O('JYJ') },
  { person: P('A3'), sanction: S('县纪处〔2022〕15号'), unit: O('NYJ') },
];

describe('M22 new post inside a disciplinary impact period', () => {
  it('raises one alert per person, sanction and new unit, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss person', async () => {
    const flagged = (await alerts(f)).map((a) => a.person);
    for (const k of ['N1', 'N2', 'N3', 'N4', 'N5', 'N6']) expect(flagged, k).not.toContain(P(k));
  });

  it('gives the sanction, its impact period and the new post', async () => {
    expect((await alertOn(f, 'person', P('A1'))).zh).toBe(
      '杨帆于2022-03-10受党纪警告处分（影响期至2023-03-09），2022-09-01起任县住建局科长',
    );
    expect((await alertOn(f, 'person', P('A2'))).en).toBe(
      '朱琳 received a 政务 记过 on 2022-06-20 (impact until 2023-06-19) and took up the post of 副局长 at 县教育局 on 2023-05-08',
    );
  });

  it('takes the period the rules set for a sanction recorded without its end, by kind and type', async () => {
    expect((await alertOn(f, 'person', P('A3'))).zh).toBe(
      '韩冰于2022-05-01受党纪警告处分（影响期至2023-05-01），2023-02-01起任县农业农村局科长',
    );
    // A site's own table: 党纪 警告 for six months only
    expect(await preview(f, { impactMonths: ['党纪警告:6', '警告:6'] })).toEqual(canon(planted.filter((p) => p.person !== P('A3'))));
  });

  it('follows the kinds parameter: 党纪 only, or 组织处理 as well', async () => {
    expect(await preview(f, { kinds: ['党纪'] })).toEqual(canon(planted.filter((p) => p.person !== P('A2'))));
    expect(await preview(f, { kinds: ['党纪', '政务', '组织处理'] })).toEqual(
      canon([...planted, { person: P('N4'), sanction: S('县组〔2022〕11号'), unit: O('ZJJ') }]),
    );
  });
});
