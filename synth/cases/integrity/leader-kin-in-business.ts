// M02 leader's spouse/child-in-law in business: A1 spouse is legal rep, A2 儿媳 shareholder; near
// misses N1 son's company registered outside the county, N2 brother (not in scope).
import { day } from '../../world/dates.js';
import { overlaps } from '../../world/months.js';
import { companyUid, personUid } from '../../world/record-helpers.js';
import { Relations } from '../../world/relations.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type PlantCtx } from '../plant-context.js';
import { alone, bureauOf, couple, tag, type PeopleCtx } from '../people.js';
import { OFFICIAL_BUREAUS } from './official-in-business.js';
import { isActive, rolesOf } from './roles.js';

const MODEL = 'integrity.leader-kin-in-business';
const D = modelDefaults(MODEL);

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const v = (): number => ctx.rng.pick(ctx.villages);
  const l1 = couple(ctx, 52);
  const l2 = ctx.pop.household(
    v(),
    [
      { rel: '02', male: true, age: 60 },
      { rel: '10', male: false, age: 58 },
      { rel: '22', male: true, age: 33 },
      { rel: '38', male: false, age: 31 },
      { rel: '41', male: true, age: 5 },
    ],
    true,
  );
  ctx.pop.marry(l2[0] as Person, l2[1] as Person, l2[2]?.birth, true);
  ctx.pop.marry(l2[2] as Person, l2[3] as Person, l2[4]?.birth, true);
  const l3 = ctx.pop.household(
    v(),
    [
      { rel: '02', male: true, age: 55 },
      { rel: '10', male: false, age: 53 },
      { rel: '21', male: true, age: 29 },
    ],
    true,
  );
  const l4 = ctx.pop.household(
    v(),
    [
      { rel: '02', male: true, age: 80 },
      { rel: '10', male: false, age: 78 },
      { rel: '22', male: true, age: 50 },
      { rel: '23', male: true, age: 46 },
    ],
    true,
  );
  const partner = alone(ctx, 44);
  return (p: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (
      id: string,
      expected: PlantedCase['expected'],
      kind: string,
      leader: Person,
      relative: Person,
      company: number,
      note: string,
    ) =>
      cases.push(
        caseOf(
          D.catalog,
          tag(ctx, id),
          expected,
          kind,
          { leader: p.uid(leader), relative: p.uid(relative), company: companyUid(p.world, company) },
          note,
        ),
      );
    const [h1, w1] = l1 as [Person, Person];
    p.post(h1, p.org(bureau(2)), '副局长', '副科级', true, day(2018, 4, 1));
    add(
      'M02-A1',
      'alert',
      'spouse_legal_rep',
      h1,
      w1,
      p.company(w1, day(2021, 3, 15), { pct: 100 }).idx,
      "the leader's wife (配偶, same household and 婚姻登记) runs a county company",
    );
    const [h2, , , dil] = l2 as [Person, Person, Person, Person];
    p.post(h2, p.org(bureau(3)), '副局长', '副科级', true, day(2019, 1, 1));
    const c2 = p.company(partner, day(2020, 5, 8), { pct: 55 });
    p.share(c2, dil, 45, day(2020, 5, 8));
    add(
      'M02-A2',
      'alert',
      'child_spouse_shareholder',
      h2,
      dil,
      c2.idx,
      "the leader's daughter-in-law (38 儿媳 in his household) holds 45%",
    );
    const [h3, , son] = l3 as [Person, Person, Person];
    p.post(h3, p.org(bureau(4)), '副局长', '副科级', true, day(2017, 6, 1));
    add(
      'M02-N1',
      'no_alert',
      'near_miss_company_outside_county',
      h3,
      son,
      p.company(son, day(2021, 9, 1), { pct: 100, region: '330106' }).idx,
      "the son's company is registered in 西湖区 (330106), outside the county",
    );
    const [, , h4, brother] = l4 as [Person, Person, Person, Person];
    p.post(h4, p.org(bureau(5)), '副局长', '副科级', true, day(2020, 7, 1));
    add(
      'M02-N2',
      'no_alert',
      'near_miss_sibling_not_in_scope',
      h4,
      brother,
      p.company(brother, day(2019, 2, 11), { pct: 100 }).idx,
      'a brother is outside the 配偶/子女/子女的配偶 scope',
    );
    return cases;
  };
}

export function bruteForceM02(world: World): Record<string, string>[] {
  const [set, orgKinds, scope] = [D.strings('regionCodes'), D.strings('orgKinds'), new Set(D.strings('kinRelations'))];
  // As the model: unset, the region most of the registry's companies are registered in.
  const regions = set.length ? set : commonestRegion(world);
  const active = isActive(D.strings('activeStatuses'));
  const roles = rolesOf(world);
  const rel = new Relations(world);
  const out = matchSet();
  for (const post of world.posts) {
    if (!post.leader || !orgKinds.includes(world.orgs[post.org]?.kind ?? '')) continue;
    // M02 reads the kinship as of today: a marriage a 离婚 registration ended is history.
    const kin = new Set(rel.inScope(post.person, scope, Number.POSITIVE_INFINITY));
    if (scope.has('child_spouse')) for (const k of rel.childSpouses(post.person, Number.POSITIVE_INFINITY)) kin.add(k);
    kin.delete(post.person);
    for (const k of kin) {
      for (const r of roles.get(k) ?? []) {
        const c = world.companies[r.company];
        if (!c || !active(c.status) || !regions.includes(c.uscc.slice(2, 8)) || !overlaps(r.from ?? -Infinity, r.to, post.from, post.to))
          continue;
        out.add({ leader: personUid(world, post.person), relative: personUid(world, k), company: companyUid(world, c.idx) });
      }
    }
  }
  return out.list();
}

/** Background matches are recorded rather than refused: a leader's wife or son running a family firm
 * is common, and keeping every leader's household out of the registry would leave a small county too
 * few company people for the other plants; truth.json still lists every match. */
export const leaderKinInBusiness: CaseModule = {
  model: MODEL,
  people,
  recordsBackground: true,
  oracle: (w) => bruteForceM02(w).map(byRole),
};

function commonestRegion(world: World): string[] {
  const n = new Map<string, number>();
  for (const c of world.companies) if (c.uscc.length === 18) n.set(c.uscc.slice(2, 8), (n.get(c.uscc.slice(2, 8)) ?? 0) + 1);
  const best = [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? [best[0]] : [];
}
