// M30 rings and cover bidders: A1, A2 B and C cover A on ringMinTogether lots, A wins them all; A3 D
// and E take turns winning; A4, A5 cover bidders (many bids, never a win); A6 B and C, always together and
// never winning, are the ring's two covers (revision 2 flags every pair of a ring); near misses N1 a ring one
// lot short, N3 a cover bidder who won once.
import { day } from '../../world/dates.js';
import type { World } from '../../world/world.js';
import { pair, ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidsByProject } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { when } from './lots.js';

const MODEL = 'procurement.cover-bidders-and-rings';
const HEADER = modelDefaults(MODEL);

/** M30 rings and cover bidders. Ring lots go to different units so no winner dominates one (M31). */
function bidding(pl: Planter): void {
  const [coverMinBids, ringMinTogether] = [HEADER.num('coverMinBids'), HEADER.num('ringMinTogether')];
  const A = pl.firm();
  const B = pl.firm();
  const C = pl.firm();
  const F = pl.firm();
  const D = pl.firm();
  const E = pl.firm();
  const used = new Set<number>();
  const ringLot = (bidders: number[], winner: number) => {
    const t = when(pl);
    const org = pl.orgFor(winner, used);
    used.add(org.idx);
    return pl.lot(org, t, bidders, winner, { pin: bidders }).project.idx;
  };
  const fixed: number[] = [];
  for (let i = 0; i < ringMinTogether; i++)
    fixed.push(ringLot(i < ringMinTogether - 1 ? [A.idx, B.idx, C.idx, F.idx] : [A.idx, B.idx, C.idx], A.idx));
  used.clear();
  const rot: number[] = [];
  for (let i = 0; i < ringMinTogether; i++) rot.push(ringLot([D.idx, E.idx], i % 2 === 0 ? D.idx : E.idx));
  const lots = fixed.map((p) => ref('Project', p));
  pl.cases.push({
    model: HEADER.catalog,
    id: 'M30-A1',
    expected: 'alert',
    kind: 'ring_fixed_winner',
    key: pair(pl.world, A.idx, B.idx),
    involved: lots,
    note: `B covers A on ${ringMinTogether} lots, A wins them all`,
  });
  pl.cases.push({
    model: HEADER.catalog,
    id: 'M30-A2',
    expected: 'alert',
    kind: 'ring_fixed_winner',
    key: pair(pl.world, A.idx, C.idx),
    involved: lots,
    note: `C covers A on ${ringMinTogether} lots, A wins them all`,
  });
  pl.cases.push({
    model: HEADER.catalog,
    id: 'M30-A3',
    expected: 'alert',
    kind: 'ring_rotating_winner',
    key: pair(pl.world, D.idx, E.idx),
    involved: rot.map((p) => ref('Project', p)),
    note: `D and E bid together on ${ringMinTogether} lots and take turns winning`,
  });
  pl.cases.push({
    model: HEADER.catalog,
    id: 'M30-N1',
    expected: 'no_alert',
    kind: 'near_miss_ring_too_few',
    key: pair(pl.world, A.idx, F.idx),
    involved: lots,
    note: `F covers A on only ${ringMinTogether - 1} lots`,
  });
  pl.cases.push({
    model: HEADER.catalog,
    id: 'M30-A6',
    expected: 'alert',
    kind: 'ring_two_covers',
    key: pair(pl.world, B.idx, C.idx),
    involved: lots,
    note: 'B and C are always together and never win: they cover A, who bids beside them on every lot',
  });

  // Cover bidders: bid on many background lots, never win. One near miss wins once.
  const lotsSoFar = [...new Set(pl.world.bids.map((b) => b.project))].filter((p) => pl.world.projects[p] && !pinnedLot(pl, p));
  const cover = (id: string, win: boolean) => {
    const g = pl.firm({ founded: day(2012, 1, 1) });
    const picks = pl.rng.sample(lotsSoFar, Math.min(lotsSoFar.length, coverMinBids + 6));
    const from = pl.world.bids.length;
    for (const p of picks) {
      const proj = pl.world.projects[p]!;
      pl.world.bids.push({
        code: '',
        project: p,
        company: g.idx,
        // Just under the budget, each to its own yuan: two cover bidders on one lot at one price would be
        // an identical-price pair (M29) nobody planted.
        price: Math.round(proj.budget * (0.97 + pl.rng.next() * 0.028)),
        submitted: proj.announced + 18,
        second: pl.rng.int(9 * 3600, 16 * 3600),
        contact: '',
        phone: '',
        manager: '',
      });
    }
    for (const b of pl.world.bids.slice(from)) pl.habit(b);
    pl.floors.set(g.idx, coverMinBids + 1);
    if (win) {
      const t = when(pl);
      const proj = pl.lot(pl.orgFor(g.idx), t, [g.idx, ...pl.rivals(2, t)], g.idx, { pin: [g.idx] }).project.idx;
      pl.cases.push({
        model: HEADER.catalog,
        id,
        expected: 'no_alert',
        kind: 'near_miss_cover_won_once',
        key: [ref('Company', g.idx)],
        involved: [ref('Project', proj)],
        note: `bids on more than ${coverMinBids} lots but won one`,
      });
    } else {
      pl.cases.push({
        model: HEADER.catalog,
        id,
        expected: 'alert',
        kind: 'cover_bidder',
        key: [ref('Company', g.idx)],
        involved: [],
        note: `bids on more than ${coverMinBids} lots, never wins (陪标专业户)`,
      });
    }
  };
  cover('M30-A4', false);
  cover('M30-A5', false);
  cover('M30-N3', true);
}

function pinnedLot(pl: Planter, project: number): boolean {
  for (const b of pl.pinned) if (b.project === project) return true;
  return false;
}

/**
 * M30: cover bidders (many bids, no win) and ring pairs: often together, at least ringWinShare of their shared
 * lots won by the ring (the two, and any winner of one of those lots that bid on ringMemberShare of them).
 */
export function coverMatches(w: World): Found[] {
  const [coverMinBids, ringMinTogether] = [HEADER.num('coverMinBids'), HEADER.num('ringMinTogether')];
  const [winShare, memberShare] = [HEADER.num('ringWinShare'), HEADER.num('ringMemberShare')];
  const out: Found[] = [];
  const winner = new Map(w.awards.map((a) => [a.project, a.company]));
  const lots = w.companies.map(() => new Set<number>());
  for (const b of w.bids) lots[b.company]?.add(b.project);
  const wins = w.companies.map(() => 0);
  for (const a of w.awards) wins[a.company] = (wins[a.company] ?? 0) + 1;
  lots.forEach((s, c) => {
    if (s.size >= coverMinBids && wins[c] === 0) out.push({ key: [ref('Company', c)] });
  });
  const together = new Map<string, { a: number; b: number; lots: number[] }>();
  for (const [proj, bids] of bidsByProject(w)) {
    const cs = [...new Set(bids.map((b) => b.company))].sort((x, y) => x - y);
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const a = cs[i] as number;
        const b = cs[j] as number;
        const k = `${a}/${b}`;
        (together.get(k) ?? together.set(k, { a, b, lots: [] }).get(k)!).lots.push(proj);
      }
    }
  }
  for (const t of together.values()) {
    const n = t.lots.length;
    if (n < ringMinTogether) continue;
    const winners = new Set(t.lots.map((x) => winner.get(x)).filter((c): c is number => c !== undefined));
    const ring = new Set(
      [...winners].filter((c) => c === t.a || c === t.b || t.lots.filter((x) => lots[c]?.has(x)).length >= memberShare * n),
    );
    const inside = t.lots.filter((x) => ring.has(winner.get(x) ?? -1)).length;
    if (inside > 0 && inside >= winShare * n) out.push({ key: pair(w, t.a, t.b) });
  }
  return out;
}

export const coverBiddersAndRings: CaseModule = { model: MODEL, bidding, oracle: coverMatches };
