// Background bidding is random, so now and then two unrelated firms on one lot look related (loose kin,
// a shared minor shareholder), or a firm piles up losing bids, or the firms of two pair cases, meeting on
// other lots, chain into a bid ring. Rather than record such accidents, the generator withdraws one of the
// background bids involved, until the bid-based oracles (the lot-pair models, M30 and M46) find exactly the
// planted cases. Bids a case needs, winning bids and firms' floors are never touched.
import type { Bid, World } from '../world/world.js';
import { keyId, type PlantedCase } from './case.js';
import { lotPairMatches, type ModelMatch } from './lot-pairs.js';
import { coverMatches } from './procurement/cover-bidders-and-rings.js';
import { ringMatches, ringTies } from './procurement/bid-ring-communities.js';
import { modelDefaults } from './defaults.js';
import { CASES } from './registry.js';

export function sanitiseBids(world: World, cases: PlantedCase[], pinned: Set<Bid>, floors: Map<number, number>): void {
  const planted = new Set(cases.filter((c) => c.expected === 'alert').map((c) => keyId(c.model, c.key)));
  const winning = new Set(world.awards.map((a) => `${a.project}/${a.company}`));
  const count = new Map<number, number>();
  for (const b of world.bids) count.set(b.company, (count.get(b.company) ?? 0) + 1);
  const droppable = (b: Bid) =>
    !pinned.has(b) && !winning.has(`${b.project}/${b.company}`) && (count.get(b.company) ?? 0) > (floors.get(b.company) ?? 0);
  for (let round = 0; round < 10_000; round++) {
    const cover = modelDefaults('procurement.cover-bidders-and-rings').catalog;
    const ring = modelDefaults('procurement.bid-ring-communities').catalog;
    const extra = [
      ...lotPairMatches(world, [...CASES]),
      ...coverMatches(world).map((f) => ({ model: cover, key: f.key })),
      ...ringMatches(world).map((f) => ({ model: ring, key: f.key })),
    ].filter((m) => !planted.has(keyId(m.model, m.key)));
    const victim = extra.map((m) => pick(world, m, droppable)).find((b) => b !== undefined);
    if (!victim) return;
    world.bids.splice(world.bids.indexOf(victim), 1);
    count.set(victim.company, (count.get(victim.company) ?? 1) - 1);
  }
}

function pick(world: World, m: ModelMatch, droppable: (b: Bid) => boolean): Bid | undefined {
  const companies = m.key.flatMap((r) => ('idx' in r && r.label === 'Company' ? [r.idx] : []));
  const project = m.key.flatMap((r) => ('idx' in r && r.label === 'Project' ? [r.idx] : []))[0];
  const cands = world.bids.filter((b) => companies.includes(b.company) && (project === undefined || b.project === project) && droppable(b));
  if (project !== undefined || companies.length === 1) return cands[cands.length - 1];
  if (companies.length > 2) return ringLink(world, companies, cands);
  // A ring pair: withdraw from a shared lot one of the pair won, so the pair's record changes.
  const winner = new Map(world.awards.map((a) => [a.project, a.company]));
  const lotsOf = (c: number) => new Set(world.bids.filter((b) => b.company === c).map((b) => b.project));
  const [a, b] = companies as [number, number];
  const shared = [...lotsOf(a)].filter((p) => lotsOf(b).has(p));
  return cands.find((x) => shared.includes(x.project) && (winner.get(x.project) === a || winner.get(x.project) === b));
}

/** A bid ring (M46): withdraw a bid from a lot two of its firms share, for the tie with the fewest lots
 * together, so that tie falls under minTogether and the ring comes apart. */
function ringLink(world: World, members: number[], cands: Bid[]): Bid | undefined {
  const inRing = new Set(members);
  const lotsOf = (c: number) => new Set(world.bids.filter((b) => b.company === c).map((b) => b.project));
  const links = ringTies(world)
    .filter(([x, y]) => inRing.has(x) && inRing.has(y))
    .map(([x, y]) => {
      const ly = lotsOf(y);
      const shared = [...lotsOf(x)].filter((p) => ly.has(p));
      return { shared, bids: cands.filter((b) => (b.company === x || b.company === y) && shared.includes(b.project)) };
    })
    .filter((l) => l.bids.length > 0)
    .sort((a, b) => a.shared.length - b.shared.length);
  return links[0]?.bids[0];
}
