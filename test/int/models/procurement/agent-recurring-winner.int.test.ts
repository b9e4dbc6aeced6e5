// M33 on a hand-made tender platform: an agent whose four lots for one unit went three times to one firm,
// and another agent whose three lots for a second unit all went to one firm. The near misses: one firm
// winning three of a unit's lots through three different agents, an agent handing one firm three lots of
// three different units, a firm winning two of an agent's four lots (below minWins), three of an agent's
// seven lots (below minShare).
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

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

const f = modelFixture('procurement.agent-recurring-winner', g.nodes, g.rels);
const found = (agent: string, unit: string, company: string) => ({ agent, unit, company });

describe('M33 a tender agent whose lots for one unit keep going to one firm', () => {
  it('raises the two agent–unit–firm triples and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2)]));
  });

  it('counts the lots and lists the won ones with their total', async () => {
    const a = await alertOn(f, 'company', W1);
    expect(a.zh).toBe(
      '招标代理正信招标代理有限公司代理县住建局的4个已定标项目中，宏基建设有限公司中标3个（AG2023-001、AG2023-002、AG2023-004），中标金额合计700,000元',
    );
    expect(a.amount).toBe(700_000);
  });

  it('moves with minWins and minShare', async () => {
    expect(await preview(f, { minWins: 2 })).toEqual(
      canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2), found(AG4, JYJ, W5), found(AG4, JYJ, X)]),
    );
    expect(await preview(f, { minShare: 0.4 })).toEqual(canon([found(AG1, ZJJ, W1), found(AG2, JTJ, W2), found(AG2, SLJ, X)]));
    expect(await preview(f, { minShare: 0.8 })).toEqual([found(AG2, JTJ, W2)]);
  });
});
