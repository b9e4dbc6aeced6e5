// M46 bid rings of three or more firms: A1 three firms on two lots, tied in a chain (one machine made two of
// their bid files for the first lot, one account paid two deposits for the second); A2 four firms on three
// lots (one man is legal representative of one and 监事 of another, two bids name one project manager, two
// give one contact phone); A3 five firms on two lots around one office (three bids from one network card on
// the first, three bid files from one machine on the second). Near misses: N1 three bid files from one
// machine, but the firms bid together only that once; N2 three firms that keep bidding together and share
// nothing; N3 two firms tied (two lots, one deposit account), a pair and no ring; N4 three firms bidding
// together on two lots whose bids for lots of their own give one 代理记账 office's phone (an identifier on
// bids for different lots ties nobody, as in M27).
// The rings' firms are old background firms tied to nobody yet (new firms of fresh people where the county
// runs short); the three-firm near misses take one firm of each ring, firms that never met. Each lot goes to
// a unit of its own with no agent, so the rings touch no other plant's shares (M31, M33) and make no ring
// pair of M30 (under ringMinTogether lots together). The lot pairs they make that a pair model flags are
// M25–M28 alerts as well, and are planted as theirs.
import { day } from '../../world/dates.js';
import type { Bid, Org, World } from '../../world/world.js';
import { keyId, ref, type Found, type PlantedCase, type Ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidIds, bidsByProject, lotPairMatches } from '../lot-pairs.js';
import { companyPeople } from '../../world/kin.js';
import type { Planter } from '../planter.js';
import { add, hex, when } from './lots.js';
import { affiliation } from './affiliation.js';
import { affiliatedBiddersOnLot } from './affiliated-bidders-on-lot.js';
import { sharedContactOnLot } from './shared-contact-on-lot.js';
import { sharedDepositAccountOnLot } from './shared-deposit-account-on-lot.js';
import { sharedDeviceOnLot } from './shared-device-on-lot.js';

const MODEL = 'procurement.bid-ring-communities';
/** Background firms this old win a lot without reading as a shell winner (M32) on any planted date. */
const OLD = day(2019, 1, 1);
const D = modelDefaults(MODEL);
/** The pair models on one lot whose alerts a ring's lots raise too. */
const PAIR_MODELS = [sharedDeviceOnLot, sharedDepositAccountOnLot, sharedContactOnLot, affiliatedBiddersOnLot];

/** Firms as an alert names them: ordered by credit code, as the ring's identity sorts its uids. */
export const ringKey = (w: World, firms: number[]): Ref[] =>
  firms
    .slice()
    .sort((a, b) => ((w.companies[a]?.uscc ?? '') < (w.companies[b]?.uscc ?? '') ? -1 : 1))
    .map((c) => ref('Company', c));

/** Fresh people the plant may take (new firms need them): a county with fewer left, a few hundred persons,
 * has spent them on earlier plants, and the direct-award and inspection cases after this one still need
 * some; it gets no rings planted (and, with the pair cases' firms kept apart, has none by chance). */
const MIN_SPARE = 40;

function bidding(pl: Planter): void {
  if (pl.spare() < MIN_SPARE) return;
  const w = pl.world;
  const units = new Set<number>();
  let related = affiliation(w);
  const pairsBefore = new Set(lotPairMatches(w, PAIR_MODELS).map((m) => keyId(m.model, m.key)));
  // Firms no ring of this case may take: every firm of its rings and pairs, and every firm already tied to
  // another (a ring would take that one in).
  const mine = new Set<number>(ringTies(w).flat());
  const lotsOf = new Map<number, Set<number>>();
  for (const x of w.bids) (lotsOf.get(x.company) ?? lotsOf.set(x.company, new Set()).get(x.company)!).add(x.project);
  const met = (x: number, y: number) => [...(lotsOf.get(x) ?? [])].some((p) => lotsOf.get(y)?.has(p));
  /** A new set of units: each lot of one ring or near miss goes to a unit of its own. */
  const newUnits = () => {
    units.clear();
    for (const u of pl.reservedUnits) units.add(u);
  };
  /** A lot of a unit not used by this ring yet, with the firms and two background rivals; `winner` wins.
   * A rival is related to none of the lot's firms (M28) and never shared an identifier with one on a lot,
   * so however often they meet it is tied to none; a small county short of such firms gets new ones. */
  const lot = (firms: number[], winner: number): Bid[] => {
    const t = when(pl);
    const org: Org = pl.orgFor(winner, units);
    units.add(org.idx);
    const shared = sharedOnLot(w);
    const rivals = pl.rivals(12, t, firms).filter((r) => firms.every((f) => !related(f, r) && !shared.has(pairKey(f, r))));
    while (rivals.length < 2) rivals.push(pl.firm().idx);
    const bidders = [...firms, ...rivals.slice(0, 2)];
    const { project, bids } = pl.lot(org, t, bidders, winner, { pin: firms });
    delete project.agent;
    for (const x of bidders) (lotsOf.get(x) ?? lotsOf.set(x, new Set()).get(x)!).add(project.idx);
    return bids;
  };
  /** `n` firms for one ring: old background firms where the county has them, tied to no firm, no two
   * related (M28); new firms of fresh people where it runs short. */
  const firms = (n: number): number[] => {
    newUnits();
    const out: number[] = [];
    for (const c of pl.rivals(n * 6, OLD)) if (out.length < n && !mine.has(c) && out.every((x) => !related(x, c))) out.push(c);
    while (out.length < n) out.push(pl.firm().idx);
    for (const c of out) mine.add(c);
    return out;
  };
  /** One firm of each ring, none picked by an earlier near miss, no two related or ever on one lot before:
   * firms of different rings that must not become one (new firms where no such choice is left). */
  const acrossRings = (rings: number[][], picked: Set<number>): number[] => {
    newUnits();
    const out: number[] = [];
    for (const r of rings) {
      const c = r.find((x) => !picked.has(x) && out.every((y) => !related(x, y) && !met(x, y)));
      out.push(c ?? pl.firm().idx);
    }
    for (const c of out) {
      picked.add(c);
      mine.add(c);
    }
    return out;
  };
  const ring = (id: string, expected: PlantedCase['expected'], kind: string, members: number[], note: string, involved: number[]) =>
    add(pl, { model: D.catalog, id, expected, kind, key: ringKey(w, members), involved: involved.map((p) => ref('Project', p)), note });
  const projectsOf = (bids: Bid[][]) => bids.map((b) => (b[0] as Bid).project);

  // The rings' firms first: the near misses draw on them.
  const r1 = firms(3);
  const r2 = firms(4);
  const r3 = firms(5);

  // A1: A–B one machine on lot 1, B–C one deposit account (C's) on lot 2.
  const [a, , c] = r1 as [number, number, number];
  newUnits();
  const a1 = [lot(r1, a), lot(r1, c)];
  (a1[0]![1] as Bid).machine = (a1[0]![0] as Bid).machine = hex(pl, 16);
  (a1[1]![1] as Bid).account = w.kits[c]?.account;
  ring(
    'M46-A1',
    'alert',
    'ring_of_three_chain',
    r1,
    'A–B one machine code on lot 1, B–C one deposit account on lot 2; they win both',
    projectsOf(a1),
  );

  // A2: D–E one person (D's representative is E's 监事), E–F one project manager, F–G one contact phone.
  // D is a firm whose representative holds no other role anywhere, so the person ties D and E only.
  const roles = companyPeople(w);
  const soleRep = (x: number) => roles.filter((ps) => ps.has(w.companies[x]!.rep)).length === 1;
  r2.sort((x, y) => Number(soleRep(y)) - Number(soleRep(x)));
  const [d, e, f, g] = r2 as [number, number, number, number];
  const rep = w.persons[w.companies[d]!.rep]!;
  pl.factory.officer(w.companies[e]!, rep, '监事');
  related = affiliation(w);
  newUnits();
  const a2 = [lot(r2, d), lot(r2, f), lot(r2, g)];
  const [, e2, f2] = a2[1]! as [Bid, Bid, Bid];
  f2.managerPerson = e2.managerPerson;
  f2.manager = e2.manager;
  const [, , f3, g3] = a2[2]! as [Bid, Bid, Bid, Bid];
  g3.phone = f3.phone;
  ring(
    'M46-A2',
    'alert',
    'ring_of_four_person_manager_phone',
    r2,
    "D's legal representative is E's 监事; E and F name one project manager on lot 2, F and G give one phone on lot 3",
    projectsOf(a2),
  );

  // A3: five firms, one office: H, I, J upload from one MAC on lot 1; H, K, L bid files from one machine on lot 2.
  const [h, i, j, k, l] = r3 as [number, number, number, number, number];
  newUnits();
  const a3 = [lot(r3, h), lot(r3, k)];
  const mac = Array.from({ length: 6 }, () => hex(pl, 2)).join('-');
  for (const x of [h, i, j]) (a3[0]!.find((y) => y.company === x) as Bid).mac = mac;
  const machine = hex(pl, 16);
  for (const x of [h, k, l]) (a3[1]!.find((y) => y.company === x) as Bid).machine = machine;
  ring(
    'M46-A3',
    'alert',
    'ring_of_five_one_office',
    r3,
    'H, I, J upload from one network card on lot 1; H, K, L bid files from one machine on lot 2',
    projectsOf(a3),
  );

  // The three-firm near misses take one firm of each ring: firms that bid elsewhere too, whom the model must
  // not join into one ring (their rings would become one alert naming all three).
  const rings = [r1, r2, r3];
  const picked = new Set<number>();

  // N1: one machine made three bid files, on the only lot the three firms shared.
  const once = acrossRings(rings, picked);
  const n1 = lot(once, once[0] as number);
  const m1 = hex(pl, 16);
  for (const x of n1.slice(0, 3)) x.machine = m1;
  ring(
    'M46-N1',
    'no_alert',
    'near_miss_together_once',
    once,
    'three bid files from one machine, but the three firms (of three rings) bid together on that lot only (M25 flags its pairs)',
    [n1[0]!.project],
  );

  // N2: three firms on three lots, nothing shared.
  const apart = acrossRings(rings, picked);
  const n2 = apart.map((x) => lot(apart, x));
  ring(
    'M46-N2',
    'no_alert',
    'near_miss_nothing_shared',
    apart,
    'three firms (of three rings) bid together on three lots and take turns winning, sharing nothing',
    projectsOf(n2),
  );

  // N3: a tied pair: two lots together, one deposit account on the first.
  const two = firms(2);
  const n3 = [lot(two, two[0] as number), lot(two, two[1] as number)];
  (n3[0]![1] as Bid).account = w.kits[two[0] as number]?.account;
  ring('M46-N3', 'no_alert', 'near_miss_pair_only', two, 'two firms tied (two lots, one deposit account): a pair, no ring', projectsOf(n3));

  // N4: three firms on two lots with their own identifiers; each also bids alone on a lot, every one of
  // those bids giving one 代理记账 office's phone.
  const office = acrossRings(rings, picked);
  const n4 = [lot(office, office[0] as number), lot(office, office[1] as number)];
  const phone = `0571-6${pl.rng.int(1000000, 9999999)}`;
  const own = office.map((x) => {
    newUnits();
    return lot([x], x);
  });
  for (const bids of own) (bids[0] as Bid).phone = phone;
  ring(
    'M46-N4',
    'no_alert',
    'near_miss_identifier_on_other_lots',
    office,
    "three firms (of three rings) bid together on two lots; one 代理记账 office's phone is on each one's bid for a lot of its own",
    [...projectsOf(n4), ...projectsOf(own)],
  );

  // Pairs of the rings' lots that share an identifier are M25–M28 alerts, and so is any lot where D and E
  // had met before E took D's representative on: planted as theirs.
  const seen = new Map<string, number>();
  for (const m of lotPairMatches(w, PAIR_MODELS)) {
    if (pairsBefore.has(keyId(m.model, m.key))) continue;
    const n = (seen.get(m.model) ?? 0) + 1;
    seen.set(m.model, n);
    add(pl, {
      model: m.model,
      id: `${m.model}-R${n}`,
      expected: 'alert',
      kind: 'pair_in_ring',
      key: m.key,
      note: 'two firms of a planted bid ring (M46) on one lot: an identifier on their bids, or a person in both',
    });
  }
}

const pairKey = (x: number, y: number) => (x < y ? `${x}/${y}` : `${y}/${x}`);

/** Pairs of firms ("x/y", lower index first) whose bids for one lot share a device, deposit account,
 * project manager or contact phone. */
export function sharedOnLot(w: World): Set<string> {
  const shared = new Set<string>();
  for (const bids of bidsByProject(w).values()) {
    for (let i = 0; i < bids.length; i++)
      for (let j = i + 1; j < bids.length; j++) {
        const [x, y] = [bids[i] as Bid, bids[j] as Bid];
        if (x.company === y.company) continue;
        const [p, q] = [bidIds(w, x), bidIds(w, y)];
        if (
          p.mac === q.mac ||
          p.machine === q.machine ||
          p.account === q.account ||
          (p.phone !== '' && p.phone === q.phone) ||
          (p.manager !== undefined && p.manager === q.manager)
        )
          shared.add(pairKey(x.company, y.company));
      }
  }
  return shared;
}

/** M46's ties with its defaults: two firms on minTogether lots together, sharing an identifier on their bids
 * for one lot (device, deposit account, project manager, phone) or a person in both. */
export function ringTies(w: World): [number, number][] {
  const minTogether = D.num('minTogether');
  const together = new Map<string, number>();
  for (const bids of bidsByProject(w).values()) {
    const firms = [...new Set(bids.map((b) => b.company))];
    for (let i = 0; i < firms.length; i++)
      for (let j = i + 1; j < firms.length; j++) {
        const k = pairKey(firms[i] as number, firms[j] as number);
        together.set(k, (together.get(k) ?? 0) + 1);
      }
  }
  const shared = sharedOnLot(w);
  const people = companyPeople(w);
  const out: [number, number][] = [];
  for (const [k, n] of together) {
    if (n < minTogether) continue;
    const [x, y] = k.split('/').map(Number) as [number, number];
    if (shared.has(k) || [...(people[x] ?? [])].some((p) => people[y]?.has(p))) out.push([x, y]);
  }
  return out;
}

/** M46: the connected groups of ties with at least minRing firms. */
export function ringMatches(w: World): Found[] {
  const parent = new Map<number, number>();
  const root = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const ties = ringTies(w);
  for (const [x, y] of ties) parent.set(root(x), root(y));
  const groups = new Map<number, Set<number>>();
  for (const x of ties.flat()) (groups.get(root(x)) ?? groups.set(root(x), new Set()).get(root(x))!).add(x);
  return [...groups.values()].filter((g) => g.size >= D.num('minRing')).map((g) => ({ key: ringKey(w, [...g]) }));
}

export const bidRingCommunities: CaseModule = { model: MODEL, bidding, oracle: ringMatches };
