// What the integrity oracles share: every role a person holds in a company, and who held a post when.
import type { Company, World } from '../../world/world.js';

export const isActive =
  (statuses: string[]) =>
  (s: Company['status'] | undefined): boolean =>
    s !== undefined && statuses.includes(s);

export interface CompanyRole {
  company: number;
  from?: number;
  to?: number;
}

/** Every role a person holds in a company, with its dates where the registry gives them (a legal
 * representative has none: the role counts as long as the company is there). */
export function rolesOf(world: World): Map<number, CompanyRole[]> {
  const out = new Map<number, CompanyRole[]>();
  const add = (p: number, r: CompanyRole) => {
    const l = out.get(p);
    if (l) l.push(r);
    else out.set(p, [r]);
  };
  world.companies.forEach((c) => add(c.rep, { company: c.idx }));
  for (const s of world.shareholdings)
    if (s.holder.kind === 'person') add(s.holder.idx, { company: s.company, from: s.from, ...(s.to !== undefined ? { to: s.to } : {}) });
  for (const o of world.officers) add(o.person, { company: o.company, from: o.from });
  return out;
}

export function officialAt(world: World): (p: number, t: number) => boolean {
  const posts = new Map<number, typeof world.posts>();
  for (const q of world.posts) {
    const l = posts.get(q.person);
    if (l) l.push(q);
    else posts.set(q.person, [q]);
  }
  return (p, t) => (posts.get(p) ?? []).some((q) => q.from <= t && (q.to === undefined || q.to >= t));
}
