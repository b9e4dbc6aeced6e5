// M33 on a hand-made tender platform: an agent whose four lots for one unit went three times to one firm,
// and another agent whose three lots for a second unit all went to one firm. The near misses: one firm
// winning three of a unit's lots through three different agents, an agent handing one firm three lots of
// three different units, a firm winning two of an agent's four lots (below minWins), three of an agent's
// seven lots (below minShare). Revision 2: an agent running nine of a bureau's eleven lots, seven of them won
// by a circle of two firms, its legal representative the brother of the bureau's deputy head (named in the
// alert); near miss: an agent that ran four of a bureau's nine lots (not most of them), one firm winning three.
// Revision 3: a tie named only while the lots were awarded (a former head's sister, a legal representative
// appointed after the lots: near misses of the link, the alerts standing without it).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, householdKin, modelFixture, post, preview, run } from '../../../support/model-fixture.js';
import { County, d } from './county.js';

const g = new County();
const [ZJJ, JTJ, SLJ, JYJ] = [
  g.unit('11330122008000001', '县住建局'),
  g.unit('11330122004000001', '县交通运输局'),
  g.unit('11330122003000001', '县水利局'),
  g.unit('11330122005000001', '县教育局'),
];
const [AG1, AG2, AG3, AG4] = g.companies('91330122MA2P0000', [
  '正信招标代理有限公司',
  '华诚工程咨询有限公司',
  '中衡项目管理有限公司',
  '天平造价咨询有限公司',
]);
const [W1, W2, W3, W4, W5, X] = g.companies('91330122MA2Q0000', [
  '宏基建设有限公司',
  '通衢路桥有限公司',
  '安居装饰有限公司',
  '江南水利有限公司',
  '育英建设有限公司',
  '其他建设有限公司',
]);
let n = 0;
/** A lot of `unit` run by `agent`, won by `winner` (or left unawarded). */
const lot = (unit: string, agent: string, winner: string | null) => {
  n++;
  const x = g.lot(unit, `AG2023-${String(n).padStart(3, '0')}`, `改造工程${n}标段`);
  g.rel(agent, 'AGENT_FOR', x);
  if (winner) g.won(winner, x, 100_000 * n, '2023-05-01');
  return x;
};

// planted: AG1's four lots for 县住建局: three to W1
lot(ZJJ, AG1, W1);
lot(ZJJ, AG1, W1);
lot(ZJJ, AG1, X);
lot(ZJJ, AG1, W1);
lot(ZJJ, AG1, null); // not awarded: not among the agent's awarded lots
// planted: AG2's three lots for 县交通运输局, all to W2
for (let i = 0; i < 3; i++) lot(JTJ, AG2, W2);
// near miss: W3 won three of 县水利局's lots, each through another agent
lot(SLJ, AG1, W3);
lot(SLJ, AG3, W3);
lot(SLJ, AG4, W3);
// near miss: AG3 handed W4 three lots, of three different units
lot(ZJJ, AG3, W4);
lot(JTJ, AG3, W4);
lot(JYJ, AG3, W4);
// near miss: W5 won two of AG4's four lots for 县教育局 (below minWins)
lot(JYJ, AG4, W5);
lot(JYJ, AG4, W5);
lot(JYJ, AG4, X);
lot(JYJ, AG4, X);
// near miss: X won three of AG2's seven lots for 县水利局 (below minShare)
for (const w of [X, X, X, W4, W5, W1, W3]) lot(SLJ, AG2, w);

// planted: AG5 ran nine of 县卫健局's eleven lots; W6 won four, W7 three, two others one each; AG5's legal
// representative is the brother of the bureau's deputy head
const [WJJ, CGJ] = [g.unit('11330122006000001', '县卫健局'), g.unit('11330122007000001', '县城管局')];
const [AG5, AG6, W6, W7, W8] = g.companies('91330122MA2R0000', [
  '康宁招标代理有限公司',
  '公正项目咨询有限公司',
  '仁和医疗设备有限公司',
  '济世建设有限公司',
  '洁净环卫有限公司',
]);
const [DEP, BRO] = [g.node('Person', 'DEP', { name: '卫副局长' }), g.node('Person', 'BRO', { name: '卫代理' })];
g.rels.push(post(DEP, WJJ, '副局长', '2019-01-01'), ...householdKin(DEP, BRO, 'sibling'));
g.rel(BRO, 'LEGAL_REP_OF', AG5);
for (const w of [W6, W6, W6, W6, W7, W7, W7, W3, W5]) lot(WJJ, AG5, w);
lot(WJJ, AG1, X);
lot(WJJ, AG3, X);
// Revision 3, near misses of the link: AG1's shareholder is the sister of a former head of 县住建局 whose post
// ended in 2015, before AG1's lots (2023); AG2's legal representative is the son of 县交通运输局's head, but
// became it only in 2024, after AG2's lots. Both alerts stand, naming neither.
const [OLD, SIS, HEAD, SON] = [
  g.node('Person', 'OLD', { name: '住前局长' }),
  g.node('Person', 'SIS', { name: '住代理' }),
  g.node('Person', 'HEAD', { name: '交局长' }),
  g.node('Person', 'SON', { name: '交代理' }),
];
g.rels.push(post(OLD, ZJJ, '局长', '2010-01-01', '2015-12-31'), ...householdKin(OLD, SIS, 'sibling'));
g.rel(SIS, 'SHAREHOLDER_OF', AG1);
g.rels.push(post(HEAD, JTJ, '局长', '2020-01-01'), ...householdKin(HEAD, SON, 'child'));
g.rel(SON, 'LEGAL_REP_OF', AG2, { from: d('2024-03-01') });
// near miss: AG6 ran four of 县城管局's nine lots, W8 won three of them
for (const w of [W8, W8, W8, X]) lot(CGJ, AG6, w);
for (const w of [W1, W2, W3, W4, W5]) lot(CGJ, AG1, w);

const f = modelFixture('procurement.agent-recurring-winner', g.nodes, g.rels);
const found = (agent: string, unit: string, company: string) => ({ agent, unit, company });
const circle = { agent: AG5, unit: WJJ, company: `${W6} ${W7}`, official: DEP, relative: BRO };

describe('M33 a tender agent whose lots for one unit keep going to one firm', () => {
  it('raises the two agent–unit–firm triples and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2), circle]));
  });

  it('counts the lots and lists the won ones with their total', async () => {
    const a = await alertOn(f, 'company', W1);
    expect(a.zh).toBe(
      '招标代理正信招标代理有限公司代理县住建局6个项目中的5个，其4个已定标项目中宏基建设有限公司中标3个（AG2023-001、AG2023-002、AG2023-004），中标金额合计700,000元',
    );
    expect(a.amount).toBe(700_000);
  });

  it('names the circle and the kin of the unit’s deputy head at the agent', async () => {
    const a = await alertOn(f, 'official', DEP);
    expect(a.zh).toMatch(
      /^招标代理康宁招标代理有限公司代理县卫健局11个项目中的9个，其9个已定标项目中固定的2家企业（仁和医疗设备有限公司4个、济世建设有限公司3个）共中标7个（AG2023-0\d\d(、AG2023-0\d\d){6}），中标金额合计[\d,]+元；代理机构人员卫代理系县卫健局卫副局长的兄弟姐妹$/,
    );
    expect(a.en).toMatch(
      /a circle of 2 firms \(仁和医疗设备有限公司 4, 济世建设有限公司 3\) won 7 .*; the agent's 卫代理 is sibling of 卫副局长 of 县卫健局$/,
    );
  });

  it('moves with minWins and minShare', async () => {
    expect(await preview(f, { minWins: 2 })).toEqual(
      canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2), found(AG4, JYJ, `${W5} ${X}`), circle]),
    );
    expect(await preview(f, { minShare: 0.4 })).toEqual(canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2), found(AG2, SLJ, X), circle]));
    expect(await preview(f, { minShare: 0.8 })).toEqual([found(AG2, JTJ, W2)]);
  });

  it('moves with agentMinShare and the circle', async () => {
    expect(await preview(f, { agentMinShare: 0 })).toContainEqual(found(AG6, CGJ, W8));
    expect(await preview(f, { agentMinShare: 0.8 })).toEqual(canon([found(AG1, ZJJ, W1), circle]));
    // The top firm alone: four of nine is short of half.
    expect(await preview(f, { circleSize: 1 })).toEqual(canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2)]));
    expect(await preview(f, { circleSize: 1, minShare: 0.4 })).toContainEqual({
      agent: AG5,
      unit: WJJ,
      company: W6,
      official: DEP,
      relative: BRO,
    });
  });
});
