// The pair models on one lot (M25–M28) are asked pair by pair, lot by lot, in registry order: their
// oracles, and the bid clean-up that withdraws background bids until only planted pairs match, walk
// the bids once in the same order (the clean-up's choice of bid depends on it).
import type { Bid, World } from '../world/world.js';
import { pair, ref, type Found, type Ref } from './case.js';
import type { CaseModule } from './module.js';
import { modelDefaults } from './defaults.js';

export interface ModelMatch {
  model: string;
  key: Ref[];
}

/** A bid's fingerprints: its own where a case planted them, else its firm's kit. */
export const bidIds = (w: World, b: Bid) => {
  const kit = w.kits[b.company];
  return {
    ip: b.ip ?? kit?.ip ?? '',
    mac: b.mac ?? kit?.mac ?? '',
    machine: b.machine ?? kit?.machine ?? '',
    account: b.account ?? kit?.account ?? '',
    phone: b.phone,
    manager: b.managerPerson,
  };
};

export function bidsByProject(w: World): Map<number, Bid[]> {
  const m = new Map<number, Bid[]>();
  for (const b of w.bids) (m.get(b.project) ?? m.set(b.project, []).get(b.project)!).push(b);
  return m;
}

/** Every (model, pair of firms, lot) that one of these pair models flags. */
export function lotPairMatches(w: World, modules: CaseModule[]): ModelMatch[] {
  const tests = modules.filter((m) => m.lotPair).map((m) => ({ model: modelDefaults(m.model).catalog, test: m.lotPair!(w) }));
  const out: ModelMatch[] = [];
  for (const [proj, bids] of bidsByProject(w)) {
    for (let i = 0; i < bids.length; i++) {
      for (let j = i + 1; j < bids.length; j++) {
        const a = bids[i] as Bid;
        const b = bids[j] as Bid;
        if (a.company === b.company) continue;
        const key = [...pair(w, a.company, b.company), ref('Project', proj)];
        for (const t of tests) if (t.test(a, b)) out.push({ model: t.model, key });
      }
    }
  }
  return out;
}

/** A pair model's oracle: its own pairs. */
export const pairOracle = (w: World, self: CaseModule): Found[] => lotPairMatches(w, [self]).map((m) => ({ key: m.key }));
