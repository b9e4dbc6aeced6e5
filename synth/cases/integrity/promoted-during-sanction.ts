// M22 new post inside a sanction's impact period: A1 党内警告 → 科长, A2 政务记过 → 副局长; near miss
// N1 promoted after the impact period ended.
import { day, type Day } from '../../world/dates.js';
import { orgUid, personUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type PlantCtx } from '../plant-context.js';
import { alone, bureauOf, tag, type PeopleCtx } from '../people.js';
import { OFFICIAL_BUREAUS } from './official-in-business.js';

const MODEL = 'integrity.promoted-during-sanction';
const D = modelDefaults(MODEL);

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const a1 = alone(ctx, 42);
  const a2 = alone(ctx, 47);
  const n1 = alone(ctx, 45);
  return (p: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, who: Person, docNo: string, unit: number, note: string) =>
      cases.push(
        caseOf(
          D.catalog,
          tag(ctx, id),
          expected,
          kind,
          { person: p.uid(who), sanction: `Sanction:${docNo}`, unit: orgUid(p.world, unit) },
          note,
        ),
      );
    const promote = (who: Person, unit: number, before: [string, string, Day], after: [string, string, boolean, Day]): string => {
      p.post(who, unit, before[0], before[1], false, before[2], after[3] - 1);
      p.post(who, unit, after[0], after[1], after[2], after[3]);
      return `${p.world.orgs[unit]?.name ?? ''}${before[0]}`;
    };
    let u = p.org(bureau(3));
    p.party(a1, day(2008, 7, 1), '公务员');
    let post = promote(a1, u, ['科员', '一级科员', day(2014, 3, 1)], ['科长', '四级主任科员', false, day(2022, 9, 1)]);
    let s = p.sanction(a1, post, '党纪', '警告', day(2022, 3, 10), '违反工作纪律');
    add(
      'M22-A1',
      'alert',
      'promoted_within_party_warning',
      a1,
      s.docNo,
      u,
      '党内警告 2022-03-10 (one year); promoted to 科长 on 2022-09-01',
    );
    u = p.org(bureau(4));
    post = promote(a2, u, ['科长', '四级主任科员', day(2015, 6, 1)], ['副局长', '副科级', true, day(2023, 5, 8)]);
    s = p.sanction(a2, post, '政务', '记过', day(2022, 6, 20), '违反廉洁纪律');
    add('M22-A2', 'alert', 'promoted_within_demerit', a2, s.docNo, u, '政务记过 2022-06-20 (12 months); promoted to 副局长 on 2023-05-08');
    u = p.org(bureau(5));
    post = promote(n1, u, ['科员', '一级科员', day(2013, 4, 1)], ['科长', '四级主任科员', false, day(2022, 10, 1)]);
    s = p.sanction(n1, post, '政务', '警告', day(2021, 4, 15), '违反工作纪律');
    add(
      'M22-N1',
      'no_alert',
      'near_miss_promoted_after_impact',
      n1,
      s.docNo,
      u,
      '政务警告 2021-04-15 (six months); promoted on 2022-10-01, after it ended',
    );
    return cases;
  };
}

/** A post that starts inside a sanction's impact period, for someone who already held a post. */
export function bruteForceM22(world: World, records: Records): Record<string, string>[] {
  const kinds = D.strings('kinds');
  const out = matchSet();
  const byPerson = new Map<number, typeof world.posts>();
  for (const q of world.posts) byPerson.set(q.person, [...(byPerson.get(q.person) ?? []), q]);
  for (const s of records.sanctions) {
    if (!kinds.includes(s.kind)) continue;
    const posts = byPerson.get(s.person) ?? [];
    for (const q of posts) {
      if (q.from < s.decided || q.from > s.until || !posts.some((o) => o.from < q.from)) continue;
      out.add({ person: personUid(world, s.person), sanction: `Sanction:${s.docNo}`, unit: orgUid(world, q.org) });
    }
  }
  return out.list();
}

export const promotedDuringSanction: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM22(w, r).map(byRole) };
