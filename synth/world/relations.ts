// The kin relations the loaders will derive (household codes through deriveHouseholdKin, plus
// 婚姻登记 spouses), computed over the World so the brute-force checks see exactly the KIN the graph
// will hold. kin.ts's loose kin is a superset for keeping background data clean; models scoped to
// some relations (M02: spouse, child, child_spouse; M07: child) need the real ones.
import { deriveHouseholdKin } from '../../loaders/core/kinship.js';
import type { World } from './world.js';

export class Relations {
  private readonly byPerson = new Map<number, Map<number, Set<string>>>();
  private readonly done = new Set<number>();

  constructor(private readonly world: World) {
    for (const m of world.marriages) {
      this.add(m.male, m.female, 'spouse');
      this.add(m.female, m.male, 'spouse');
    }
  }

  private add(a: number, b: number, rel: string): void {
    let m = this.byPerson.get(a);
    if (!m) this.byPerson.set(a, (m = new Map()));
    let s = m.get(b);
    if (!s) m.set(b, (s = new Set()));
    s.add(rel);
  }

  private household(hh: number): void {
    if (this.done.has(hh)) return;
    this.done.add(hh);
    const members = (this.world.households[hh]?.members ?? []).map((i) => ({ id: String(i), code: this.world.persons[i]?.rel ?? null }));
    for (const k of deriveHouseholdKin(members)) this.add(Number(k.from), Number(k.to), k.relation);
  }

  /** Person → relations (seen from p: `child` means the other is p's child). */
  of(p: number): Map<number, Set<string>> {
    const hh = this.world.persons[p]?.hh;
    if (hh !== undefined) this.household(hh);
    return this.byPerson.get(p) ?? new Map();
  }

  /** Relatives of p whose relation is in `scope`. */
  inScope(p: number, scope: ReadonlySet<string>): number[] {
    return [...this.of(p)].filter(([, rels]) => [...rels].some((r) => scope.has(r))).map(([q]) => q);
  }
}
