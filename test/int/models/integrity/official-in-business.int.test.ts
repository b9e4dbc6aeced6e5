// M01 on a hand-made county: officials who are legal representative, shareholder or officer of a live
// company while in post, and the near misses the catalog warns about (a role that ended before the post,
// a deregistered or revoked company, an approved post in a state-owned enterprise).
import { describe, expect, it } from 'vitest';
import { neoDate } from '../../../../platform/db/values.js';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { uid } from '../../../support/seed.js';

const d = neoDate;
const P = (k: string) => uid('Person', k);
const C = (k: string) => uid('Company', k);
const O = (k: string) => uid('Org', k);

const f = modelFixture(
  'integrity.official-in-business',
  [
    { label: 'Org', key: 'ZJJ', props: { name: '县住建局', kind: '党政机关' } },
    { label: 'Org', key: 'JYJ', props: { name: '县教育局', kind: '党政机关' } },
    { label: 'Org', key: 'YY', props: { name: '县人民医院', kind: '事业单位' } },
    { label: 'Org', key: 'CT', props: { name: '县城投集团', kind: '国企' } },
    // planted: legal representative of his own company while in post
    { label: 'Person', key: 'A1', props: { name: '王建华' } },
    { label: 'Company', key: '91330122MA2A000011', props: { name: '华建装饰工程有限公司', status: '存续' } },
    // planted: a shareholding taken before the post and never given up (two posts at one unit: one alert)
    { label: 'Person', key: 'A2', props: { name: '刘洋' } },
    { label: 'Company', key: '91330122MA2A000022', props: { name: '洋帆商贸有限公司', status: '在业' } },
    // planted: an officer (监事) while in a post that has since ended
    { label: 'Person', key: 'A3', props: { name: '陈静' } },
    { label: 'Company', key: '91330122MA2A000033', props: { name: '静好文化传播有限公司', status: '存续' } },
    // near miss: the shareholding ended (退出日期) before the post began
    { label: 'Person', key: 'N1', props: { name: '赵磊' } },
    { label: 'Company', key: '91330122MA2A000044', props: { name: '磊石建材有限公司', status: '存续' } },
    // near miss: the company is deregistered (注销)
    { label: 'Person', key: 'N2', props: { name: '孙涛' } },
    { label: 'Company', key: '91330122MA2A000055', props: { name: '涛声农业开发有限公司', status: '注销' } },
    // near miss: an approved post in a 国企
    { label: 'Person', key: 'N3', props: { name: '周敏' } },
    { label: 'Company', key: '91330122MA2A000066', props: { name: '城投物业管理有限公司', status: '存续' } },
    // near miss: the officer role began after he left the post
    { label: 'Person', key: 'N4', props: { name: '吴刚' } },
    { label: 'Company', key: '91330122MA2A000077', props: { name: '刚毅劳务有限公司', status: '存续' } },
    // near miss by default: a zombie company (吊销 but never 注销)
    { label: 'Person', key: 'N5', props: { name: '郑强' } },
    { label: 'Company', key: '91330122MA2A000088', props: { name: '强盛运输有限公司', status: '吊销' } },
    // near miss: a shareholding a full-snapshot delivery of the registry no longer listed, ended on its date
    { label: 'Person', key: 'N6', props: { name: '冯雪' } },
    { label: 'Company', key: '91330122MA2A000099', props: { name: '雪峰茶业有限公司', status: '存续' } },
  ],
  [
    {
      from: P('A1'),
      type: 'HOLDS_POST',
      to: O('ZJJ'),
      props: { title: '科长', level: '四级主任科员', isLeader: false, from: d('2017-05-01') },
    },
    { from: P('A1'), type: 'LEGAL_REP_OF', to: C('91330122MA2A000011') },

    { from: P('A2'), type: 'HOLDS_POST', to: O('YY'), props: { title: '职员', from: d('2012-07-01'), to: d('2019-08-31') } },
    { from: P('A2'), type: 'HOLDS_POST', to: O('YY'), props: { title: '科长', from: d('2019-09-01') } },
    { from: P('A2'), type: 'SHAREHOLDER_OF', to: C('91330122MA2A000022'), props: { ratio: 0.4, from: d('2015-04-01') } },

    { from: P('A3'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '科员', from: d('2016-03-01'), to: d('2024-12-31') } },
    { from: P('A3'), type: 'EXECUTIVE_OF', to: C('91330122MA2A000033'), props: { role: '监事', from: d('2021-06-01') } },

    { from: P('N1'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '科员', from: d('2020-03-01') } },
    {
      from: P('N1'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2A000044'),
      props: { ratio: 0.3, from: d('2016-06-01'), to: d('2019-12-20') },
    },

    { from: P('N2'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科长', from: d('2012-01-01') } },
    { from: P('N2'), type: 'LEGAL_REP_OF', to: C('91330122MA2A000055') },

    { from: P('N3'), type: 'HOLDS_POST', to: O('CT'), props: { title: '副总经理', isLeader: true, from: d('2018-01-01') } },
    { from: P('N3'), type: 'LEGAL_REP_OF', to: C('91330122MA2A000066') },

    { from: P('N4'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2005-01-01'), to: d('2015-06-30') } },
    { from: P('N4'), type: 'EXECUTIVE_OF', to: C('91330122MA2A000077'), props: { role: '总经理', from: d('2018-03-01') } },

    { from: P('N5'), type: 'HOLDS_POST', to: O('JYJ'), props: { title: '副科长', from: d('2014-09-01') } },
    { from: P('N5'), type: 'LEGAL_REP_OF', to: C('91330122MA2A000088') },

    { from: P('N6'), type: 'HOLDS_POST', to: O('ZJJ'), props: { title: '科员', from: d('2016-01-01') } },
    {
      from: P('N6'),
      type: 'SHAREHOLDER_OF',
      to: C('91330122MA2A000099'),
      props: { ratio: 0.2, from: d('2019-01-01'), to: d('2025-06-30'), _endedBy: 'shareholder-2', _endedOn: d('2025-06-30') },
    },
  ],
);

const planted = [
  { official: P('A1'), company: C('91330122MA2A000011'), unit: O('ZJJ') },
  { official: P('A2'), company: C('91330122MA2A000022'), unit: O('YY') },
  { official: P('A3'), company: C('91330122MA2A000033'), unit: O('JYJ') },
];

describe('M01 official running or holding a business', () => {
  it('raises one alert per planted official, company and unit, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon(planted));
  });

  it('flags no near-miss official', async () => {
    const flagged = (await alerts(f)).map((a) => a.official);
    for (const k of ['N1', 'N2', 'N3', 'N4', 'N5', 'N6']) expect(flagged, k).not.toContain(P(k));
  });

  it('writes the post, the company and the role into the summary', async () => {
    expect((await alertOn(f, 'official', P('A1'))).zh).toBe(
      '王建华（县住建局科长，2017-05-01起）任职期间是华建装饰工程有限公司（存续）的法定代表人',
    );
    const a3 = await alertOn(f, 'official', P('A3'));
    expect(a3.zh).toBe('陈静（县教育局科员，2016-03-01起）任职期间是静好文化传播有限公司（存续）的主要人员（监事）');
    expect(a3.en).toBe('陈静 (科员, 县教育局, since 2016-03-01) is an officer of 静好文化传播有限公司 (存续) while in post');
  });

  it('looks back with asOf: on a day before the snapshot ended it, the ended shareholding is found', async () => {
    expect(await preview(f, { asOf: '2025-01-01' })).toEqual(
      canon([...planted, { official: P('N6'), company: C('91330122MA2A000099'), unit: O('ZJJ') }]),
    );
  });

  it('widens with parameter overrides: revoked companies, and posts in state-owned enterprises', async () => {
    expect(await preview(f, { activeStatuses: ['存续', '在业', '吊销'] })).toEqual(
      canon([...planted, { official: P('N5'), company: C('91330122MA2A000088'), unit: O('JYJ') }]),
    );
    expect(await preview(f, { orgKinds: ['党政机关', '事业单位', '国企'] })).toEqual(
      canon([...planted, { official: P('N3'), company: C('91330122MA2A000066'), unit: O('CT') }]),
    );
  });
});
