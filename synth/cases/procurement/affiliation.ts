// Loose affiliation of two firms, the core of M28's oracle, also used to keep the other lot-pair
// plants' firms unrelated.
import { companyPeople, KinIndex } from '../../world/kin.js';
import type { World } from '../../world/world.js';

/** Loose affiliation: any shared person, any shareholding between them or from one holder company, or loose kin between their people. */
export function affiliation(w: World) {
  const people = companyPeople(w);
  const kin = new KinIndex(w);
  const corpHolders = w.companies.map(() => new Set<number>());
  for (const s of w.shareholdings) if (s.holder.kind === 'company') corpHolders[s.company]?.add(s.holder.idx);
  const kinCache = new Map<number, Set<number>>();
  const kinOf = (p: number) => kinCache.get(p) ?? kinCache.set(p, kin.kinOf(p)).get(p)!;
  return (a: number, b: number): boolean => {
    const pa = people[a] ?? new Set<number>();
    const pb = people[b] ?? new Set<number>();
    const ha = corpHolders[a] ?? new Set<number>();
    const hb = corpHolders[b] ?? new Set<number>();
    if (ha.has(b) || hb.has(a)) return true;
    for (const h of ha) if (hb.has(h)) return true;
    for (const p of pa) {
      if (pb.has(p)) return true;
      for (const k of kinOf(p)) if (pb.has(k)) return true;
    }
    return false;
  };
}
