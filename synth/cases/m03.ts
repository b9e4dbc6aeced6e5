// Brute-force M03 over the generated structures, independent of Neo4j: for every award, every
// post holder of the tendering unit in post on the award date, and every loose kin (kin.ts) who
// holds any role in the winner. The truth's expected alerts must equal this set exactly; loose kin
// and date-blind roles make it a superset of what any sane M03 Cypher can find.
import { iso } from '../world/dates.js';
import { companyPeople, KinIndex } from '../world/kin.js';
import type { World } from '../world/world.js';

export interface M03Match {
  officialIdNo: string;
  unitCode: string;
  relativeIdNo: string;
  companyUscc: string;
  projectCode: string;
  awardDate: string;
}

export function bruteForceM03(world: World, opts: { ignoreTenure?: boolean } = {}): M03Match[] {
  const kin = new KinIndex(world);
  const people = companyPeople(world);
  const postsByOrg = new Map<number, typeof world.posts>();
  for (const p of world.posts) {
    const list = postsByOrg.get(p.org);
    if (list) list.push(p);
    else postsByOrg.set(p.org, [p]);
  }
  const out: M03Match[] = [];
  const seen = new Set<string>();
  for (const a of world.awards) {
    const project = world.projects[a.project];
    if (!project) continue;
    const holders = people[a.company] ?? new Set<number>();
    for (const post of postsByOrg.get(project.org) ?? []) {
      if (!opts.ignoreTenure && (a.date < post.from || (post.to !== undefined && a.date > post.to))) continue;
      for (const k of kin.kinOf(post.person)) {
        if (!holders.has(k)) continue;
        const m: M03Match = {
          officialIdNo: world.persons[post.person]?.idNo ?? '',
          unitCode: world.orgs[project.org]?.code ?? '',
          relativeIdNo: world.persons[k]?.idNo ?? '',
          companyUscc: world.companies[a.company]?.uscc ?? '',
          projectCode: project.code,
          awardDate: iso(a.date),
        };
        const key = JSON.stringify(m);
        if (!seen.has(key)) { seen.add(key); out.push(m); }
      }
    }
  }
  return out.sort((x, y) => (x.projectCode + x.officialIdNo + x.relativeIdNo).localeCompare(y.projectCode + y.officialIdNo + y.relativeIdNo));
}
