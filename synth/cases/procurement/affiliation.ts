// Loose affiliation of two firms, the core of M28's oracle, also used to keep the other lot-pair
// plants' firms unrelated.
import { currentCompanyPeople, KinIndex, memoKinOf } from '../../world/kin.js';
import type { World } from '../../world/world.js';

/**
 * What affiliation reads of the county, kept per county until what it was built from grows: the plants
 * ask for it per lot, a county has more lots the larger it is, and building it per lot made a
 * 4,000,000-person county quadratic. Firms' people come from `currentCompanyPeople` (the same rule); a
 * person's household and kin change only with new persons or marriages.
 */
interface Memo {
  people: readonly ReadonlySet<number>[];
  corpHolders: Set<number>[];
  kinAt: string;
  kinOf: (p: number) => ReadonlySet<number>;
}

const memos = new WeakMap<World, Memo>();

function memoFor(w: World): Memo {
  const kinAt = `${w.persons.length}/${w.marriages.length}`;
  let m = memos.get(w);
  const people = currentCompanyPeople(w);
  if (!m || m.people !== people) {
    const corpHolders = w.companies.map(() => new Set<number>());
    for (const s of w.shareholdings) if (s.holder.kind === 'company') corpHolders[s.company]?.add(s.holder.idx);
    m = { ...(m ?? { kinAt: '', kinOf: () => new Set() }), people, corpHolders };
  }
  if (m.kinAt !== kinAt) {
    m = { ...m, kinAt, kinOf: memoKinOf(new KinIndex(w)) };
  }
  memos.set(w, m);
  return m;
}

/** Loose affiliation: any shared person, any shareholding between them or from one holder company, or loose kin between their people. */
export function affiliation(w: World) {
  const { people, corpHolders, kinOf } = memoFor(w);
  return (a: number, b: number): boolean => {
    const pa: ReadonlySet<number> = people[a] ?? new Set<number>();
    const pb: ReadonlySet<number> = people[b] ?? new Set<number>();
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
