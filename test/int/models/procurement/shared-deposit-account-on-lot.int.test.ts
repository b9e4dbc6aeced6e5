// M26 on a hand-made tender platform: bid deposits of one lot paid from one account (two bidders, and three
// bidders giving three pairs), and the near misses: one guarantor account paying deposits on different lots,
// one firm's two bids on one lot, neighbouring sub-accounts of one agency bank.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, modelFixture, run } from '../../../support/model-fixture.js';
import { County, lotPair } from './county.js';

const g = new County();
const SLJ = g.unit('11330122003000001', '县水利局');
const [L1, L2, L3, L4, L5] = g.lots(SLJ, 'SL2022-03', ['河道清淤', '水库加固', '灌区渠道改造', '堤防修复', '泵站维修']);
const [C1, C2, C3, C4, C5, C6, C7, C8] = g.companies('91330122MA2C0000', [
  '润泽水利工程有限公司',
  '清源土石方有限公司',
  '江河建设有限公司',
  '禹功水电有限公司',
  '安澜市政有限公司',
  '恒润劳务有限公司',
  '碧水环境有限公司',
  '长堤工程有限公司',
]);
const account = (n: string) => g.node('BankAccount', n, { number: n });
const deposit = (bid: string, number: string) => g.rel(bid, 'DEPOSIT_FROM', account(number));

// planted: the second bidder's deposit came from the first bidder's account; a third bidder paid its own
g.pair(C1, C2, L1, 'TB-110').forEach((b) => deposit(b, '6228480012345678901'));
deposit(g.bid(C8, L1, 'TB-1103'), '6228480099990000008');
// planted: three bidders of one lot, one account: three pairs
for (const [c, code] of [
  [C3, 'TB-1201'],
  [C4, 'TB-1202'],
  [C5, 'TB-1203'],
] as const)
  deposit(g.bid(c, L2, code), '6217000011112222333');
// near miss: one guarantor account paid the deposits of two firms, but for different lots
deposit(g.bid(C6, L3, 'TB-1301'), '6217999988887777666');
deposit(g.bid(C7, L4, 'TB-1401'), '6217999988887777666');
// near miss: one firm's two bids on one lot, both from its own account
g.pair(C6, C6, L5, 'TB-150').forEach((b) => deposit(b, '6228480066660000006'));
// near miss: two sub-accounts of one agency bank (after normalisation, different numbers)
const [b7, b8] = g.pair(C7, C8, L5, 'TB-151');
deposit(b7, '9558800200000001');
deposit(b8, '9558800200000002');

const f = modelFixture('procurement.shared-deposit-account-on-lot', g.nodes, g.rels);
const pairOn = lotPair(SLJ);

describe('M26 bid deposits of one lot from one account', () => {
  it('raises one alert per pair of bidders sharing an account on one lot, and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual([pairOn(C1, C2, L1), pairOn(C3, C4, L2), pairOn(C3, C5, L2), pairOn(C4, C5, L2)]);
  });

  it('names the account in the summary', async () => {
    expect((await alertOn(f, 'company2', C2)).zh).toBe(
      '润泽水利工程有限公司与清源土石方有限公司投标同一标段“河道清淤”（县水利局，编号SL2022-031），两家的投标保证金均从账户6228480012345678901转出',
    );
  });

  it('keeps the two deposits as evidence, not the third bidder of the lot', async () => {
    const { rows } = await f.db.read<{ nodes: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'company2'}]->(:Company {uid: $c}) RETURN a.evidenceNodes AS nodes",
      { c: C2 },
    );
    expect(rows[0]?.nodes).toEqual(expect.arrayContaining(['Bid:TB-1101', 'Bid:TB-1102', 'BankAccount:6228480012345678901', L1, SLJ]));
    expect(rows[0]?.nodes).not.toContain(C8);
  });

  it('lets the alert go when a deposit turns out to come from another account', async () => {
    await f.db.write(
      `MATCH (b:Bid {uid: 'Bid:TB-1102'})-[r:DEPOSIT_FROM]->() DELETE r
       WITH DISTINCT b MERGE (a:BankAccount {number: '6228480022220000002'}) SET a:Entity, a.uid = 'BankAccount:6228480022220000002'
       CREATE (b)-[:DEPOSIT_FROM]->(a)`,
    );
    expect(await run(f)).toMatchObject({ alertsNew: 0, alertsKept: 3, alertsGone: 1 });
    expect(await alerts(f)).toEqual([pairOn(C3, C4, L2), pairOn(C3, C5, L2), pairOn(C4, C5, L2)]);
  });
});
