// Brute-force M01, M02, M17, M18, M22 over the World, independent of Neo4j: what a correct model must
// find in the files, with the catalog defaults. index.ts compares these sets with the planted alerts
// and refuses to write a county where background data added a match or a planted case went missing.
import type { Company, World } from '../world/world.js';
import { overlaps } from '../world/months.js';
import { companyUid, orgUid, personUid } from '../world/record-helpers.js';
import type { Records } from '../world/records.js';
import { Relations } from '../world/relations.js';

export type Match = Record<string, string>;
const ACTIVE = new Set<Company['status']>(['存续', '在业']);

/** Every role a person holds in a company, with its dates where the registry gives them (a legal
 * representative has none: the role counts as long as the company is there). */
function rolesOf(world: World): Map<number, { company: number; from?: number; to?: number }[]> {
  const out = new Map<number, { company: number; from?: number; to?: number }[]>();
  const add = (p: number, r: { company: number; from?: number; to?: number }) => { const l = out.get(p); if (l) l.push(r); else out.set(p, [r]); };
  world.companies.forEach((c) => add(c.rep, { company: c.idx }));
  for (const s of world.shareholdings) if (s.holder.kind === 'person') add(s.holder.idx, { company: s.company, from: s.from, ...(s.to !== undefined ? { to: s.to } : {}) });
  for (const o of world.officers) add(o.person, { company: o.company, from: o.from });
  return out;
}

export function bruteForceM01(world: World, orgKinds = new Set(['党政机关', '事业单位'])): Match[] {
  const roles = rolesOf(world);
  const out = new Map<string, Match>();
  for (const post of world.posts) {
    if (!orgKinds.has(world.orgs[post.org]?.kind ?? '')) continue;
    for (const r of roles.get(post.person) ?? []) {
      if (!ACTIVE.has(world.companies[r.company]?.status ?? '注销') || !overlaps(r.from ?? -Infinity, r.to, post.from, post.to)) continue;
      const m = { official: personUid(world, post.person), company: companyUid(world, r.company), unit: orgUid(world, post.org) };
      out.set(JSON.stringify(m), m);
    }
  }
  return [...out.values()];
}

export const M02_SCOPE = new Set(['spouse', 'child', 'child_spouse']);

export function bruteForceM02(world: World, region = '330122', orgKinds = new Set(['党政机关', '事业单位', '国企'])): Match[] {
  const roles = rolesOf(world);
  const rel = new Relations(world);
  const out = new Map<string, Match>();
  for (const post of world.posts) {
    if (!post.leader || !orgKinds.has(world.orgs[post.org]?.kind ?? '')) continue;
    for (const k of rel.inScope(post.person, M02_SCOPE)) {
      for (const r of roles.get(k) ?? []) {
        const c = world.companies[r.company];
        if (!c || !ACTIVE.has(c.status) || c.uscc.slice(2, 8) !== region || !overlaps(r.from ?? -Infinity, r.to, post.from, post.to)) continue;
        const m = { leader: personUid(world, post.person), relative: personUid(world, k), company: companyUid(world, c.idx) };
        out.set(JSON.stringify(m), m);
      }
    }
  }
  return [...out.values()];
}

function officialAt(world: World): (p: number, t: number) => boolean {
  const posts = new Map<number, typeof world.posts>();
  for (const q of world.posts) { const l = posts.get(q.person); if (l) l.push(q); else posts.set(q.person, [q]); }
  return (p, t) => (posts.get(p) ?? []).some((q) => q.from <= t && (q.to === undefined || q.to >= t));
}

const DRINK = new Set(['饮酒驾驶', '醉酒驾驶']);

/** M17 (no sanction decided on or after the case) and M18 (drink-driving), for members at the time
 * of the case or officials in post then; only punished parties (a 证人 is not one). */
export function bruteForceM17M18(world: World, records: Records): { M17: Match[]; M18: Match[] } {
  const joined = new Map(records.party.map((m) => [m.person, m.joined]));
  const official = officialAt(world);
  const sanctioned = new Map<number, number[]>();
  for (const s of records.sanctions) sanctioned.set(s.person, [...(sanctioned.get(s.person) ?? []), s.decided]);
  const M17: Match[] = [];
  const M18: Match[] = [];
  for (const c of records.cases) {
    for (const party of c.parties) {
      if (!party.penalty) continue;
      const j = joined.get(party.person);
      if (!((j !== undefined && j <= c.time) || official(party.person, c.time))) continue;
      const m = { person: personUid(world, party.person), policeCase: `PoliceCase:${c.caseNo}` };
      if (!(sanctioned.get(party.person) ?? []).some((d) => d >= c.time)) M17.push(m);
      if (DRINK.has(c.type)) M18.push(m);
    }
  }
  return { M17, M18 };
}

/** A post that starts inside a sanction's impact period, for someone who already held a post. */
export function bruteForceM22(world: World, records: Records): Match[] {
  const out = new Map<string, Match>();
  const byPerson = new Map<number, typeof world.posts>();
  for (const q of world.posts) byPerson.set(q.person, [...(byPerson.get(q.person) ?? []), q]);
  for (const s of records.sanctions) {
    const posts = byPerson.get(s.person) ?? [];
    for (const q of posts) {
      if (q.from < s.decided || q.from > s.until || !posts.some((o) => o.from < q.from)) continue;
      const m = { person: personUid(world, s.person), sanction: `Sanction:${s.docNo}`, unit: orgUid(world, q.org) };
      out.set(JSON.stringify(m), m);
    }
  }
  return [...out.values()];
}

/** M19: an official in post on the day and another party of the same 赌博 case who holds a role in a
 * company that the official's unit licensed, checked or fined within `years` of the case. */
export function bruteForceM19(world: World, records: Records, years = 3): Match[] {
  const roles = rolesOf(world);
  const regs = new Map<string, number[]>();
  for (const r of world.regs ?? []) regs.set(`${r.org}:${r.company}`, [...(regs.get(`${r.org}:${r.company}`) ?? []), r.date, r.validTo ?? r.date]);
  const out = new Map<string, Match>();
  const span = years * 366;
  for (const c of records.cases) {
    if (c.type !== '赌博') continue;
    for (const p of c.parties) {
      for (const post of world.posts) {
        if (post.person !== p.person || post.from > c.time || (post.to !== undefined && post.to < c.time)) continue;
        for (const q of c.parties) {
          if (q.person === p.person) continue;
          for (const r of roles.get(q.person) ?? []) {
            const days = regs.get(`${post.org}:${r.company}`) ?? [];
            if (!days.some((d) => Math.abs(d - c.time) <= span)) continue;
            const m = { official: personUid(world, p.person), partner: personUid(world, q.person), policeCase: `PoliceCase:${c.caseNo}` };
            out.set(JSON.stringify(m), m);
          }
        }
      }
    }
  }
  return [...out.values()];
}
