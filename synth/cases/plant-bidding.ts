// Planted bidding cases: shared device / deposit account / contact or manager among bidders of one lot
// (M25–M27), affiliated firms on one lot (M28), cover bidders and rings (M30), a dominant winner (M31)
// and shell winners (M32), each with the near misses the catalog warns about.
import { day, SNAPSHOT, type Day } from '../world/dates.js';
import type { Bid, Org } from '../world/world.js';
import { PARAMS as P } from './proc-params.js';
import { pair, ref, type PlantedCase } from './proc-cases.js';
import { affiliation } from './proc-brute.js';
import type { Planter } from './planter.js';

const when = (pl: Planter): Day => pl.rng.int(day(2020, 3, 1), SNAPSHOT - 120);

function add(pl: Planter, c: Omit<PlantedCase, 'involved'> & { involved?: PlantedCase['involved'] }): void {
  pl.cases.push({ involved: [], ...c });
}

/** Two unrelated background firms on one new lot with some other rivals; the first wins unless told not. */
function duo(pl: Planter, winnerFirst = true) {
  const t = when(pl);
  const related = affiliation(pl.world);
  const pool = pl.rivals(12, t);
  let a = pool[0] as number;
  let b = pool.find((x) => x !== a && !related(a, x));
  if (b === undefined) { a = pl.firm().idx; b = pl.firm().idx; }
  const org = pl.orgFor(a);
  const lot = pl.lot(org, t, [a, b, ...pl.rivals(2, t, [a, b])], winnerFirst ? a : null, { pin: [a, b] });
  const [ba, bb] = lot.bids as [Bid, Bid];
  return { a: { idx: a }, b: { idx: b }, org, lot, ba, bb, key: [...pair(pl.world, a, b), ref('Project', lot.project.idx)] };
}

const hex = (pl: Planter, n: number) => Array.from({ length: n }, () => '0123456789ABCDEF'[pl.rng.int(0, 15)]).join('');

export function plantSharedIds(pl: Planter): void {
  // M25: one machine prepared both files (same 机器码), then the same laptop (MAC).
  let d = duo(pl);
  d.bb.machine = d.ba.machine = hex(pl, 16);
  add(pl, { model: 'M25', id: 'M25-A1', expected: 'alert', kind: 'same_machine_code', key: d.key, note: 'two bidders of one lot, bid files made on one machine (机器码)' });
  d = duo(pl);
  d.bb.mac = d.ba.mac = Array.from({ length: 6 }, () => hex(pl, 2)).join('-');
  add(pl, { model: 'M25', id: 'M25-A2', expected: 'alert', kind: 'same_mac', key: d.key, note: 'two bidders of one lot uploaded from one network card (MAC)' });
  d = duo(pl);
  d.bb.ip = d.ba.ip = P.terminalIp;
  add(pl, { model: 'M25', id: 'M25-N1', expected: 'no_alert', kind: 'near_miss_public_terminal', key: d.key, note: `both uploaded from the 交易中心 public terminal ${P.terminalIp} (whitelisted); nothing else shared` });
  const x = duo(pl);
  const y = duo(pl);
  y.ba.machine = x.bb.machine = hex(pl, 16);
  add(pl, { model: 'M25', id: 'M25-N2', expected: 'no_alert', kind: 'near_miss_same_device_other_lot', key: [...pair(pl.world, x.b.idx, y.a.idx), ref('Project', x.lot.project.idx)], involved: [ref('Project', y.lot.project.idx)], note: 'one machine code on bids of two firms, but for different lots' });

  // M26: deposits of two bidders paid from one account.
  for (const id of ['M26-A1', 'M26-A2']) {
    d = duo(pl);
    d.bb.account = d.ba.account = pl.world.kits[d.a.idx]?.account;
    add(pl, { model: 'M26', id, expected: 'alert', kind: 'same_deposit_account', key: d.key, note: 'the second bidder\'s deposit came from the first bidder\'s account' });
  }
  const u = duo(pl);
  const v = duo(pl);
  v.ba.account = u.bb.account = `6217${pl.rng.int(100000000, 999999999)}${pl.rng.int(100000, 999999)}`;
  add(pl, { model: 'M26', id: 'M26-N1', expected: 'no_alert', kind: 'near_miss_same_account_other_lot', key: [...pair(pl.world, u.b.idx, v.a.idx), ref('Project', u.lot.project.idx)], involved: [ref('Project', v.lot.project.idx)], note: 'one guarantor account paid deposits of two firms, on different lots' });

  // M27: same contact phone; same registered project manager.
  d = duo(pl);
  d.bb.phone = d.ba.phone;
  add(pl, { model: 'M27', id: 'M27-A1', expected: 'alert', kind: 'same_contact_phone', key: d.key, note: 'both bids give the same contact phone' });
  d = duo(pl);
  d.bb.managerPerson = d.ba.managerPerson;
  d.bb.manager = d.ba.manager;
  add(pl, { model: 'M27', id: 'M27-A2', expected: 'alert', kind: 'same_project_manager', key: d.key, involved: d.ba.managerPerson !== undefined ? [ref('Person', d.ba.managerPerson)] : [], note: 'both bids name the same registered project manager (ID)' });
  const s = duo(pl);
  const t = duo(pl);
  t.ba.phone = s.bb.phone = `13${pl.rng.int(100000000, 999999999)}`;
  add(pl, { model: 'M27', id: 'M27-N1', expected: 'no_alert', kind: 'near_miss_same_phone_other_lot', key: [...pair(pl.world, s.b.idx, t.a.idx), ref('Project', s.lot.project.idx)], involved: [ref('Project', t.lot.project.idx)], note: 'one phone (an 代理记账 office) on bids of two firms, for different lots' });
}

export function plantAffiliated(pl: Planter): void {
  const f = pl.factory;
  const lotOf = (a: number, b: number, winner: number) => {
    const t = when(pl);
    return pl.lot(pl.orgFor(winner), t, [a, b, ...pl.rivals(2, t)], winner, { pin: [a, b] }).project.idx;
  };
  // Same legal representative (一套人马两块牌子).
  const boss = pl.fresh();
  const a = pl.firm({ rep: boss });
  const b = pl.firm({ rep: boss });
  let proj = lotOf(a.idx, b.idx, a.idx);
  pl.cases.push({ model: 'M28', id: 'M28-A1', expected: 'alert', kind: 'same_legal_rep', key: [...pair(pl.world, a.idx, b.idx), ref('Project', proj)], involved: [ref('Person', boss.idx)], note: 'one person is legal representative of both bidders (条例34 单位负责人为同一人)' });
  // Parent holds 70% of its subsidiary.
  const parent = pl.firm();
  const sub = pl.firm({ owned: false });
  const sr = pl.world.persons[sub.rep]!;
  f.share(sub, { kind: 'company', idx: parent.idx }, 70); f.share(sub, { kind: 'person', idx: sr.idx }, 30); f.officer(sub, sr, '执行董事兼总经理');
  proj = lotOf(parent.idx, sub.idx, sub.idx);
  pl.cases.push({ model: 'M28', id: 'M28-A2', expected: 'alert', kind: 'parent_controls_subsidiary', key: [...pair(pl.world, parent.idx, sub.idx), ref('Project', proj)], involved: [], note: 'the parent holds 70% of the other bidder (控股关系)' });
  // Near miss: the same owner's two firms bid, but on different lots.
  const own = pl.fresh();
  const c = pl.firm({ rep: own });
  const e = pl.firm({ rep: own });
  const t1 = when(pl);
  const p1 = pl.lot(pl.orgFor(c.idx), t1, [c.idx, ...pl.rivals(3, t1)], c.idx, { pin: [c.idx] }).project.idx;
  const t2 = when(pl);
  const p2 = pl.lot(pl.orgFor(e.idx), t2, [e.idx, ...pl.rivals(3, t2)], null, { pin: [e.idx] }).project.idx;
  pl.cases.push({ model: 'M28', id: 'M28-N1', expected: 'no_alert', kind: 'near_miss_affiliated_other_lots', key: [...pair(pl.world, c.idx, e.idx), ref('Project', p1)], involved: [ref('Project', p2), ref('Person', own.idx)], note: 'one owner\'s two firms, each on its own lot (allowed)' });
}

/** M30 rings and cover bidders. Ring lots go to different units so no winner dominates one (M31). */
export function plantRings(pl: Planter): void {
  const A = pl.firm(); const B = pl.firm(); const C = pl.firm(); const F = pl.firm();
  const D = pl.firm(); const E = pl.firm();
  const used = new Set<number>();
  const ringLot = (bidders: number[], winner: number) => {
    const t = when(pl);
    const org = pl.orgFor(winner, used);
    used.add(org.idx);
    return pl.lot(org, t, bidders, winner, { pin: bidders }).project.idx;
  };
  const fixed: number[] = [];
  for (let i = 0; i < P.ringMinTogether; i++) fixed.push(ringLot(i < P.ringMinTogether - 1 ? [A.idx, B.idx, C.idx, F.idx] : [A.idx, B.idx, C.idx], A.idx));
  used.clear();
  const rot: number[] = [];
  for (let i = 0; i < P.ringMinTogether; i++) rot.push(ringLot([D.idx, E.idx], i % 2 === 0 ? D.idx : E.idx));
  const lots = fixed.map((p) => ref('Project', p));
  pl.cases.push({ model: 'M30', id: 'M30-A1', expected: 'alert', kind: 'ring_fixed_winner', key: pair(pl.world, A.idx, B.idx), involved: lots, note: `B covers A on ${P.ringMinTogether} lots, A wins them all` });
  pl.cases.push({ model: 'M30', id: 'M30-A2', expected: 'alert', kind: 'ring_fixed_winner', key: pair(pl.world, A.idx, C.idx), involved: lots, note: `C covers A on ${P.ringMinTogether} lots, A wins them all` });
  pl.cases.push({ model: 'M30', id: 'M30-A3', expected: 'alert', kind: 'ring_rotating_winner', key: pair(pl.world, D.idx, E.idx), involved: rot.map((p) => ref('Project', p)), note: `D and E bid together on ${P.ringMinTogether} lots and take turns winning` });
  pl.cases.push({ model: 'M30', id: 'M30-N1', expected: 'no_alert', kind: 'near_miss_ring_too_few', key: pair(pl.world, A.idx, F.idx), involved: lots, note: `F covers A on only ${P.ringMinTogether - 1} lots` });
  pl.cases.push({ model: 'M30', id: 'M30-N2', expected: 'no_alert', kind: 'near_miss_not_ring', key: pair(pl.world, B.idx, C.idx), involved: lots, note: 'B and C are always together but neither ever wins: they cover a third firm, which is A\'s alert' });

  // Cover bidders: bid on many background lots, never win. One near miss wins once.
  const lotsSoFar = [...new Set(pl.world.bids.map((b) => b.project))].filter((p) => pl.world.projects[p] && !pinnedLot(pl, p));
  const cover = (id: string, win: boolean) => {
    const g = pl.firm({ founded: day(2012, 1, 1) });
    const picks = pl.rng.sample(lotsSoFar, Math.min(lotsSoFar.length, P.coverMinBids + 6));
    const from = pl.world.bids.length;
    for (const p of picks) {
      const proj = pl.world.projects[p]!;
      pl.world.bids.push({ code: '', project: p, company: g.idx, price: Math.round(proj.budget * 0.99 / 100) * 100, submitted: proj.announced + 18, second: pl.rng.int(9 * 3600, 16 * 3600), contact: '', phone: '', manager: '' });
    }
    for (const b of pl.world.bids.slice(from)) pl.habit(b);
    pl.floors.set(g.idx, P.coverMinBids + 1);
    if (win) {
      const t = when(pl);
      const proj = pl.lot(pl.orgFor(g.idx), t, [g.idx, ...pl.rivals(2, t)], g.idx, { pin: [g.idx] }).project.idx;
      pl.cases.push({ model: 'M30', id, expected: 'no_alert', kind: 'near_miss_cover_won_once', key: [ref('Company', g.idx)], involved: [ref('Project', proj)], note: `bids on more than ${P.coverMinBids} lots but won one` });
    } else {
      pl.cases.push({ model: 'M30', id, expected: 'alert', kind: 'cover_bidder', key: [ref('Company', g.idx)], involved: [], note: `bids on more than ${P.coverMinBids} lots, never wins (陪标专业户)` });
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

/** M31 (one firm takes most of one unit's award value) and M32 (a new, empty firm wins big). */
export function plantWinners(pl: Planter): void {
  const w = pl.world;
  const totals = new Map<number, number>();
  for (const a of w.awards) { const p = w.projects[a.project]; if (p) totals.set(p.org, (totals.get(p.org) ?? 0) + a.amount); }
  const quiet = w.orgs.filter((o) => o.village === undefined).sort((a, b) => (totals.get(a.idx) ?? 0) - (totals.get(b.idx) ?? 0) || a.idx - b.idx);
  const dominate = (org: Org, n: number, id: string, expected: 'alert' | 'no_alert', kind: string, note: string) => {
    let X = pl.firm();
    // The firm must have no tie to the unit's officials, or this would also be an M03 case.
    for (let tries = 0; tries < 30 && !pl.cleanFor(org.idx, X.idx); tries++) X = pl.firm();
    if (!pl.cleanFor(org.idx, X.idx)) throw new Error('procurement plant: no firm clean for the dominant-winner unit');
    const base = Math.max(800_000, Math.ceil(((totals.get(org.idx) ?? 0) * 0.9) / 1000) * 1000);
    const lots: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = when(pl);
      const amount = base + pl.rng.int(0, 200) * 1000;
      lots.push(pl.lot(org, t, [X.idx, ...pl.rivals(2, t)], X.idx, { amount, budget: Math.round(amount * 1.08), pin: [X.idx] }).project.idx);
    }
    pl.cases.push({ model: 'M31', id, expected, kind, key: [ref('Org', org.idx), ref('Company', X.idx)], involved: lots.map((p) => ref('Project', p)), note });
  };
  const [o1, o2, o3] = quiet as [Org, Org, Org];
  dominate(o1, P.dominantMinAwards + 1, 'M31-A1', 'alert', 'dominant_winner', `one firm won ${P.dominantMinAwards + 1} of the unit's awards, most of their value (标王)`);
  dominate(o3, P.dominantMinAwards, 'M31-A2', 'alert', 'dominant_winner', `one firm won ${P.dominantMinAwards} of the unit's awards, most of their value`);
  dominate(o2, P.dominantMinAwards - 2, 'M31-N1', 'no_alert', 'near_miss_too_few_awards', `one firm holds most of the unit's award value, but with only ${P.dominantMinAwards - 2} awards`);

  const shell = (id: string, expected: 'alert' | 'no_alert', kind: string, insured: number, amount: number, ageDays: number, note: string) => {
    const t = when(pl);
    const S = pl.firm({ founded: t - ageDays, insured });
    S.capitalWan = 100;
    const proj = pl.lot(pl.orgFor(S.idx, new Set([o1.idx, o2.idx, o3.idx])), t, [S.idx, ...pl.rivals(3, t)], S.idx, { amount, budget: Math.round(amount * 1.1), pin: [S.idx] }).project.idx;
    pl.cases.push({ model: 'M32', id, expected, kind, key: [ref('Company', S.idx), ref('Project', proj)], involved: [], note });
  };
  shell('M32-A1', 'alert', 'shell_winner', 1, 2_860_000, 150, 'founded 5 months before the tender, 1 insured, wins ¥2.86m');
  shell('M32-A2', 'alert', 'shell_winner', 0, 1_450_000, 240, 'founded 8 months before the tender, nobody insured, wins ¥1.45m');
  shell('M32-N1', 'no_alert', 'near_miss_new_but_staffed', 45, 2_300_000, 200, 'new, but 45 insured staff');
  shell('M32-N2', 'no_alert', 'near_miss_tiny_but_small_award', 2, 680_000, 180, 'new and empty, but the award is only ¥680k');
}
