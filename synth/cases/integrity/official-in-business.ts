// M01 official holds a business: A1 legal rep, A2 shareholder since before the post; near misses N1
// shareholding ended before the post, N2 company 注销.
import { day } from '../../world/dates.js';
import { overlaps } from '../../world/months.js';
import { companyUid, orgUid, personUid } from '../../world/record-helpers.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type PlantCtx } from '../plant-context.js';
import { alone, bureauOf, tag, type PeopleCtx } from '../people.js';
import { isActive, rolesOf } from './roles.js';

const MODEL = 'integrity.official-in-business';
const D = modelDefaults(MODEL);
/** The units integrity officials are planted in, turned by the planted set. */
export const OFFICIAL_BUREAUS = ['住建局', '交通运输局', '水利局', '教育局', '卫健局', '农业农村局'];

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const [o1] = ctx.pop.household(
    ctx.rng.pick(ctx.villages),
    [
      { rel: '02', male: true, age: 44 },
      { rel: '10', male: false, age: 42 },
      { rel: '21', male: true, age: 15 },
    ],
    true,
  ) as Person[];
  const o2 = alone(ctx, 39);
  const o3 = alone(ctx, 41, false);
  const o4 = alone(ctx, 50);
  const partner1 = alone(ctx, 47);
  const partner2 = alone(ctx, 52);
  return (p: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (
      id: string,
      expected: PlantedCase['expected'],
      kind: string,
      official: Person,
      unit: number,
      company: number,
      note: string,
    ) =>
      cases.push(
        caseOf(
          D.catalog,
          tag(ctx, id),
          expected,
          kind,
          { official: p.uid(official), company: companyUid(p.world, company), unit: orgUid(p.world, unit) },
          note,
        ),
      );
    let u = p.org(bureau(0));
    p.post(o1 as Person, u, '科长', '四级主任科员', false, day(2017, 5, 1));
    let c = p.company(o1 as Person, day(2020, 8, 12), { pct: 100 });
    add(
      'M01-A1',
      'alert',
      'legal_rep_during_tenure',
      o1 as Person,
      u,
      c.idx,
      'the official founded the company and is its legal representative while in post',
    );
    u = p.org(bureau(1));
    p.post(o2, u, '科员', '一级科员', false, day(2019, 9, 1));
    c = p.company(partner1, day(2015, 4, 1), { pct: 60 });
    p.share(c, o2, 40, day(2015, 4, 1));
    add(
      'M01-A2',
      'alert',
      'shareholder_before_and_during_tenure',
      o2,
      u,
      c.idx,
      'a 40% shareholding taken before the post and never given up',
    );
    u = p.org(bureau(2));
    p.post(o3, u, '科员', '二级科员', false, day(2020, 3, 1));
    c = p.company(partner2, day(2016, 6, 1), { pct: 70 });
    p.share(c, o3, 30, day(2016, 6, 1), day(2019, 12, 20));
    add('M01-N1', 'no_alert', 'near_miss_role_ended_before_post', o3, u, c.idx, 'the shareholding ended (退出日期) before the post began');
    u = p.org(bureau(3));
    p.post(o4, u, '科长', '四级主任科员', false, day(2012, 1, 1));
    c = p.company(o4, day(2009, 5, 20), { status: '注销', pct: 100 });
    add('M01-N2', 'no_alert', 'near_miss_company_deregistered', o4, u, c.idx, 'the company is 注销 (deregistered)');
    return cases;
  };
}

export function bruteForceM01(world: World, orgKinds = D.strings('orgKinds')): Record<string, string>[] {
  const roles = rolesOf(world);
  const active = isActive(D.strings('activeStatuses'));
  const out = matchSet();
  for (const post of world.posts) {
    if (!orgKinds.includes(world.orgs[post.org]?.kind ?? '')) continue;
    for (const r of roles.get(post.person) ?? []) {
      if (!active(world.companies[r.company]?.status) || !overlaps(r.from ?? -Infinity, r.to, post.from, post.to)) continue;
      out.add({ official: personUid(world, post.person), company: companyUid(world, r.company), unit: orgUid(world, post.org) });
    }
  }
  return out.list();
}

export const officialInBusiness: CaseModule = { model: MODEL, people, oracle: (w) => bruteForceM01(w).map(byRole) };
