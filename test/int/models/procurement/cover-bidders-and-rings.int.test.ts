// M30 on a hand-made tender history: a cover bidder (20 lots, no win), a ring with a fixed winner and one
// whose members take turns; and the near misses: a new firm with 19 losing bids, a firm with many bids and one
// win, a pair whose shared lots were once won by an outsider, a pair with only four shared lots. Revision 2's
// rings of three: three firms taking turns (each pair an alert), and two covers always beside one winner that
// an outsider beat once in ten (the three pairs); near miss: a pair whose third firm wins often but bids seldom.
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

// planted ring of three, rotating: K, L and M bid on six lots together, each wins two
const [K, L, M] = [firm('癸丑建设有限公司'), firm('甲寅路桥有限公司'), firm('乙卯市政有限公司')];
times(6, (i) => lot([K, L, M], [K, L, M][i % 3]));
// planted: P and Q cover N on ten lots, N wins nine, an outsider bidding once wins the tenth
const [N, P, Q, O] = [firm('丙辰建设集团有限公司'), firm('丁巳工程有限公司'), firm('戊午路桥有限公司'), firm('己未交通有限公司')];
times(9, () => lot([N, P, Q], N));
lot([N, P, Q, O], O);
// near miss: S and T bid together six times and take turns on four; U won the other two, bidding on only those
const [S, T, U] = [firm('庚申建设有限公司'), firm('辛酉市政有限公司'), firm('壬戌交通有限公司')];
times(4, (i) => lot([S, T], i % 2 ? S : T));
times(2, () => lot([S, T, U], U));

const f = modelFixture('procurement.cover-bidders-and-rings', g.nodes, g.rels);
const cover = (c: string) => ({ company: c });
const ring = (a: string, b: string) => ({ company: `${a} ${b}` });

describe('M30 cover bidders and bidding rings', () => {
  const rings = [ring(A, B), ring(D, E), ring(K, L), ring(K, M), ring(L, M), ring(N, P), ring(N, Q), ring(P, Q)];

  it('raises the cover bidder and every pair of the rings, and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(9);
    expect(await alerts(f)).toEqual(canon([cover(COVER), ...rings]));
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

  it('names the third firm of a ring, and the lots an outsider took', async () => {
    const { rows } = await f.db.read<{ zh: string }>('MATCH (a:Alert {modelId: $id}) RETURN a.summaryZh AS zh', { id: f.model.id });
    const zh = rows.map((r) => r.zh);
    // A pair of the rotating three: the third firm's wins are the ring's too, named after the pair's own.
    expect(zh).toContain(
      '癸丑建设有限公司与甲寅路桥有限公司共同投标6个项目，6个由同场投标的圈内企业中标：轮流中标（癸丑建设有限公司2个，甲寅路桥有限公司2个，乙卯市政有限公司2个）',
    );
    // The two covers: nine of their ten lots went to the firm always beside them, one to an outsider.
    expect(zh).toContain(
      '丁巳工程有限公司与戊午路桥有限公司共同投标10个项目，9个由同场投标的圈内企业中标：均由丙辰建设集团有限公司中标（固定中标，二者陪标）',
    );
    expect(zh).toContain(
      '丙辰建设集团有限公司与丁巳工程有限公司共同投标10个项目，9个由二者之一中标：均由丙辰建设集团有限公司中标（固定中标，另一家陪标）',
    );
  });

  it('moves with coverMinBids and ringMinTogether', async () => {
    expect(await preview(f, { coverMinBids: 19 })).toEqual(canon([cover(COVER), cover(NEW), ...rings]));
    expect(await preview(f, { ringMinTogether: 4 })).toEqual(canon([cover(COVER), ...rings, ring(I, J)]));
    expect(await preview(f, { coverMinBids: 21, ringMinTogether: 11 })).toEqual([]);
  });

  it('reads revision 1 again with ringWinShare 1 and no third members, and lets in an outsider with a lower share', async () => {
    expect(await preview(f, { ringWinShare: 1, ringMemberShare: 1.1 })).toEqual(canon([cover(COVER), ring(A, B), ring(D, E)]));
    expect(await preview(f, { ringWinShare: 0.8 })).toEqual(canon([cover(COVER), ...rings, ring(F, G)]));
  });
});
