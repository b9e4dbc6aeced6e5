// M30 on a hand-made tender history: a cover bidder (20 lots, no win), a ring with a fixed winner and one
// whose members take turns; and the near misses: a new firm with 19 losing bids, a firm with many bids and one
// win, a pair whose shared lots were once won by an outsider, a pair with only four shared lots.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County } from './county.js';

const g = new County();
const JT = g.unit('11330122006000001', '县交通运输局');
let seq = 0;
const firm = (name: string) => g.company(`91330122MA2F000${String(++seq).padStart(3, '0')}`, name);
/** One lot: every firm of `bidders` bids on it, `winner` (if any) wins it. */
const lot = (bidders: string[], winner?: string) => {
  const code = `JT2022-${String(100 + g.nodes.filter((n) => n.label === 'Project').length)}`;
  const x = g.lot(JT, code, `农村公路养护${code.slice(-3)}标段`);
  bidders.forEach((c, i) => g.bid(c, x, `${code}-B${i + 1}`));
  if (winner) g.won(winner, x, 300_000, '2022-09-01');
  return x;
};
const times = (n: number, f: (i: number) => void) => Array.from({ length: n }, (_, i) => f(i));

// planted cover bidder: bids on 20 lots, never wins; near miss: a newcomer with 19 losing bids;
// near miss: a firm bidding on the same 20 lots that won the first
const COVER = firm('顺发路桥有限公司');
const NEW = firm('新锐交通工程有限公司');
const ONCE = firm('通达公路工程有限公司');
times(20, (i) => {
  const winner = i === 0 ? ONCE : firm(`路通${i}号工程有限公司`);
  lot(i < 19 ? [COVER, NEW, ONCE, winner] : [COVER, ONCE, winner], winner);
});
// planted ring, fixed winner: A always wins, B always covers
const [A, B] = [firm('甲辰建设有限公司'), firm('乙巳市政有限公司')];
times(5, () => lot([A, B], A));
// planted ring, rotating: D wins three, E wins two
const [D, E] = [firm('丙午路桥有限公司'), firm('丁未工程有限公司')];
times(5, (i) => lot([D, E], i < 3 ? D : E));
// near miss: F and G bid together six times, but an outsider won one of those lots
const [F, G, H] = [firm('戊申建设有限公司'), firm('己酉市政有限公司'), firm('庚戌交通有限公司')];
times(5, (i) => lot([F, G], i % 2 ? F : G));
lot([F, G, H], H);
// near miss by default: I and J bid together only four times, I always wins
const [I, J] = [firm('辛亥建设有限公司'), firm('壬子路桥有限公司')];
times(4, () => lot([I, J], I));

const f = modelFixture('procurement.cover-bidders-and-rings', g.nodes, g.rels);
const cover = (c: string) => ({ company: c });
const ring = (a: string, b: string) => ({ company: `${a} ${b}` });

describe('M30 cover bidders and bidding rings', () => {
  it('raises the cover bidder and the two rings, and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual(canon([cover(COVER), ring(A, B), ring(D, E)]));
  });

  it('tells a fixed winner from a rotating one', async () => {
    expect((await alertOn(f, 'company', COVER)).zh).toBe('顺发路桥有限公司投标20个项目，从未中标（陪标专业户）');
    expect((await alertOn(f, 'company', B)).zh).toBe(
      '甲辰建设有限公司与乙巳市政有限公司共同投标5个项目，全部由二者之一中标：均由甲辰建设有限公司中标（固定中标，另一家陪标）',
    );
    expect((await alertOn(f, 'company', E)).zh).toBe(
      '丙午路桥有限公司与丁未工程有限公司共同投标5个项目，全部由二者之一中标：轮流中标（丙午路桥有限公司3个，丁未工程有限公司2个）',
    );
  });

  it('moves with coverMinBids and ringMinTogether', async () => {
    expect(await preview(f, { coverMinBids: 19 })).toEqual(canon([cover(COVER), cover(NEW), ring(A, B), ring(D, E)]));
    expect(await preview(f, { ringMinTogether: 4 })).toEqual(canon([cover(COVER), ring(A, B), ring(D, E), ring(I, J)]));
    expect(await preview(f, { coverMinBids: 21, ringMinTogether: 6 })).toEqual([]);
  });
});
