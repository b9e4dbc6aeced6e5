// M43 on a hand-made tender platform: an open tender and an invited tender each awarded to their one bidder
// (the second with two bids of its own); the near misses: a direct award (one firm by design), a lone bid on
// a lot that was never awarded (流标), a lot with two bidders, an award whose bids were never loaded.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const JTJ = g.unit('11330122004000001', '县交通运输局');
const [C1, C2, C3, C4, C5, C6] = g.companies('91330122MA2K0000', [
  '通达路桥有限公司',
  '恒远交通工程有限公司',
  '山海市政有限公司',
  '顺安建设有限公司',
  '宏路养护有限公司',
  '东方标线有限公司',
]);
const lot = (code: string, name: string, method: string) => g.lot(JTJ, code, name, { method });
const subjects = (company: string, project: string) => ({ company, project, unit: JTJ });

// planted: an open tender with one bid, awarded to it
const OPEN = lot('JT2023-01', '农村公路提升改造工程', '公开招标');
g.bid(C1, OPEN, 'TB-0101');
g.won(C1, OPEN, 2_360_000, '2023-04-10');
// planted: an invited tender where the one firm sent two bids
const INVITED = lot('JT2023-02', '桥梁加固工程', '邀请招标');
g.bid(C2, INVITED, 'TB-0201');
g.bid(C2, INVITED, 'TB-0202');
g.won(C2, INVITED, 880_000, '2023-05-06');
// near miss: a direct award has one firm by design
const DIRECT = lot('JT2023-03', '公交站亭维修', '直接发包');
g.bid(C3, DIRECT, 'TB-0301');
g.won(C3, DIRECT, 120_000, '2023-05-20');
// near miss: a lone bid on a lot never awarded (it failed and went out again)
const FAILED = lot('JT2023-04', '公路安全生命防护工程', '公开招标');
g.bid(C4, FAILED, 'TB-0401');
// near miss: two firms bid
const TWO = lot('JT2023-05', '道路标线施划', '竞争性谈判');
g.pair(C5, C6, TWO, 'TB-050');
g.won(C5, TWO, 450_000, '2023-06-02');
// near miss: an award whose bids the platform's export did not include
const NOBIDS = lot('JT2023-06', '路灯安装工程', '公开招标');
g.won(C6, NOBIDS, 300_000, '2023-06-15');

const f = modelFixture('procurement.single-bid-competitive-tender', g.nodes, g.rels);

describe('M43 competitive tender awarded on a single bid', () => {
  it('raises the two lone winners and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual(canon([subjects(C1, OPEN), subjects(C2, INVITED)]));
  });

  it('names the method, the number of bidders and the award', async () => {
    const a = await alertOn(f, 'project', OPEN);
    expect(a.zh).toBe(
      '县交通运输局以公开招标方式发包的“农村公路提升改造工程”（编号JT2023-01）仅1家投标，通达路桥有限公司于2023-04-10中标，金额2,360,000元',
    );
    expect(a.amount).toBe(2_360_000);
    expect((await alertOn(f, 'project', INVITED)).zh).toContain('仅1家投标');
  });

  it('keeps both bids of the firm that bid twice as evidence', async () => {
    const { rows } = await f.db.read<{ nodes: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'project'}]->(:Project {uid: $x}) RETURN a.evidenceNodes AS nodes",
      { x: INVITED },
    );
    expect(rows[0]?.nodes).toEqual(expect.arrayContaining(['Bid:TB-0201', 'Bid:TB-0202', C2, JTJ]));
  });

  it('moves with maxBidders, methods and minAmount', async () => {
    expect(await preview(f, { maxBidders: 2 })).toEqual(canon([subjects(C1, OPEN), subjects(C2, INVITED), subjects(C5, TWO)]));
    expect(await preview(f, { methods: ['直接发包'] })).toEqual([subjects(C3, DIRECT)]);
    expect(await preview(f, { minAmount: 1_000_000 })).toEqual([subjects(C1, OPEN)]);
  });
});
