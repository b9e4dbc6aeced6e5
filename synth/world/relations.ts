// The kin relations the loaders will derive (household codes through deriveHouseholdKin, plus
// 婚姻登记 spouses), computed over the World so the brute-force checks see exactly the KIN the graph
// will hold. kin.ts's loose kin is a superset for keeping background data clean; models scoped to
// some relations (M02: spouse, child, child_spouse; M07: child) need the real ones.
import { deriveHouseholdKin } from '../../loaders/core/kinship.js';
import type { World } from './world.js';

export class Relations {
  private readonly byPerson = new Map<number, Map<number, Set<string>>>();
  private readonly done = new Set<number>();
  /** `a/b` → the day of their 离婚 registration: marriage.yaml sets KIN.to, and the models read it. */
  private readonly divorced = new Map<string, number>();
  /** `a/b` spouses by a household register too, whose KIN has no end whatever the marriage record says. */
  private readonly householdSpouses = new Set<string>();

  constructor(private readonly world: World) {
    for (const m of world.marriages) {
      if (m.kind === '离婚') {
        this.divorced.set(`${m.male}/${m.female}`, m.date);
        this.divorced.set(`${m.female}/${m.male}`, m.date);
        continue;
      }
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
    for (const k of deriveHouseholdKin(members)) {
      this.add(Number(k.from), Number(k.to), k.relation);
      if (k.relation === 'spouse') this.householdSpouses.add(`${k.from}/${k.to}`);
    }
  }

  /** Person → relations (seen from p: `child` means the other is p's child). */
  of(p: number): Map<number, Set<string>> {
    const hh = this.world.persons[p]?.hh;
    if (hh !== undefined) this.household(hh);
    return this.byPerson.get(p) ?? new Map();
  }

  /**
   * Relatives of p whose relation is in `scope`. With `divorcedBefore`, a spouse known only from a marriage
   * registration that a 离婚 registration ended before that day no longer counts (a model comparing KIN.to
   * with today passes Infinity: any recorded divorce ends it).
   */
  inScope(p: number, scope: ReadonlySet<string>, divorcedBefore?: number): number[] {
    const counts = (q: number, r: string) => {
      if (!scope.has(r)) return false;
      if (r !== 'spouse' || divorcedBefore === undefined || this.householdSpouses.has(`${p}/${q}`)) return true;
      const end = this.divorced.get(`${p}/${q}`);
      return end === undefined || end >= divorcedBefore;
    };
    return [...this.of(p)].filter(([q, rels]) => [...rels].some((r) => counts(q, r))).map(([q]) => q);
  }

  /**
   * The spouses of p's children (子女的配偶) composed across sources, as M02 composes a household's child with
   * the child's spouse; `divorcedBefore` as for inScope.
   */
  childSpouses(p: number, divorcedBefore?: number): number[] {
    const out = new Set<number>();
    for (const [c, rels] of this.of(p)) {
      if (!rels.has('child')) continue;
      for (const s of this.inScope(c, new Set(['spouse']), divorcedBefore)) if (s !== p) out.add(s);
    }
    return [...out];
  }
}
