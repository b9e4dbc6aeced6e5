// Who counts as kin, for keeping background data clean and for the M03 brute force.
//
// Deliberately LOOSER than the loader's derivation (docs/sources.md): any two members of one
// household count, unless either is 99 非亲属, plus both parties of any marriage registration,
// divorced or not. Background winners are chosen so that no such pair links them to the
// tendering unit's post holders, so whatever subset of these pairs the loader derives and
// whatever KIN relations the M03 Cypher admits, background data cannot produce an alert.
import type { Company, World } from './world.js';

export class KinIndex {
  private readonly spouses = new Map<number, number[]>();

  constructor(private readonly world: World) {
    for (const m of world.marriages) {
      this.add(m.male, m.female);
      this.add(m.female, m.male);
    }
  }

  private add(a: number, b: number): void {
    const list = this.spouses.get(a);
    if (list) list.push(b);
    else this.spouses.set(a, [b]);
  }

  /** Loose kin of person `p` (never p itself). */
  kinOf(p: number): Set<number> {
    const out = new Set<number>();
    const person = this.world.persons[p];
    if (!person) return out;
    if (person.rel !== '99') {
      for (const q of this.world.households[person.hh]?.members ?? []) {
        if (q !== p && this.world.persons[q]?.rel !== '99') out.add(q);
      }
    }
    for (const q of this.spouses.get(p) ?? []) out.add(q);
    return out;
  }
}

/**
 * `kin.kinOf`, each person's set built once. Only for a county that no longer grows while it is used (new
 * persons join households, new marriages add spouses): the oracles and the lot plants ask about the same
 * officials and firm people again and again. Read only: the sets are shared.
 */
export function memoKinOf(kin: KinIndex): (p: number) => ReadonlySet<number> {
  const cache = new Map<number, Set<number>>();
  return (p) => cache.get(p) ?? cache.set(p, kin.kinOf(p)).get(p)!;
}

/** Every person holding any role in each company (rep, person shareholders, officers). */
export function companyPeople(world: World): Set<number>[] {
  const out = world.companies.map((c: Company) => new Set<number>([c.rep]));
  for (const s of world.shareholdings) if (s.holder.kind === 'person') out[s.company]?.add(s.holder.idx);
  for (const o of world.officers) out[o.company]?.add(o.person);
  return out;
}

const peopleNow = new WeakMap<World, { at: string; people: Set<number>[] }>();

/**
 * `companyPeople` kept per county until a firm, share or officer is added: the plants ask per candidate
 * firm and per lot, a county has more of both the larger it is, and gathering it each time made a
 * 4,000,000-person county quadratic. The world's lists are only ever appended to, so their lengths tell
 * whether it changed. Read only: the sets are shared by every caller.
 */
export function currentCompanyPeople(world: World): readonly ReadonlySet<number>[] {
  const at = `${world.companies.length}/${world.shareholdings.length}/${world.officers.length}`;
  let m = peopleNow.get(world);
  if (m?.at !== at) peopleNow.set(world, (m = { at, people: companyPeople(world) }));
  return m.people;
}

/** Post holders of `org` (any time) and their loose kin: people whose company must not win
 * that org's background tenders. */
export function taintedPeople(world: World, kin: KinIndex, org: number): Set<number> {
  const out = new Set<number>();
  for (const post of world.posts) {
    if (post.org !== org) continue;
    out.add(post.person);
    for (const k of kin.kinOf(post.person)) out.add(k);
  }
  return out;
}
