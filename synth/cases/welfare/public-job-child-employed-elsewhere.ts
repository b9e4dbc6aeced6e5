// M07 公益性岗位 for a cadre's child insured by an employer elsewhere (≥minOverlapMonths months):
// A1 son, 宁波 employer; A2 daughter, 上海 employer; near miss N1 insurance ended before the job began.
import { day, type Day } from '../../world/dates.js';
import { addMonths, monthIndex } from '../../world/months.js';
import { PROGRAMS } from '../../world/programs.js';
import { personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import { Relations } from '../../world/relations.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, outOfCountyUscc, type Finish, type PlantCtx } from '../plant-context.js';
import { family, rural, tag, type PeopleCtx } from '../people.js';
import { byPerson, monthsOf, pay } from './payments.js';

const MODEL = 'welfare.public-job-child-employed-elsewhere';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const va = v();
  const vb = v();
  const vc = v();
  const a1 = hh(va, [
    ['02', true, 52],
    ['10', false, 50],
    ['21', true, 26],
  ]);
  const a2 = hh(vb, [
    ['02', true, 49],
    ['10', false, 48],
    ['31', false, 24],
  ]);
  const n1 = hh(vc, [
    ['02', true, 55],
    ['10', false, 53],
    ['21', true, 28],
  ]);
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, cadre: Person, child: Person, note: string) =>
      cases.push(
        caseOf(
          D.catalog,
          tag(pc, id),
          expected,
          kind,
          { cadre: ctx.uid(cadre), child: ctx.uid(child), program: programUid(PROGRAMS.GYGW.code) },
          note,
        ),
      );
    const job = (village: number, h: Person[], from: Day, to: Day, employer: [string, string], ins: [Day, Day | undefined]): void => {
      ctx.post(h[0] as Person, ctx.villageOrg(village), '委员', '', false, day(2021, 1, 15));
      pay(ctx, h[2] as Person, PROGRAMS.GYGW, from, to);
      ctx.records.insurance.push({
        person: (h[2] as Person).idx,
        employer: { kind: 'company', code: outOfCountyUscc(ctx.rng, employer[0]), name: employer[1] },
        scheme: '企业职工基本养老保险',
        from: ins[0],
        ...(ins[1] !== undefined ? { to: ins[1] } : {}),
      });
    };
    job(va, a1, day(2023, 3, 1), day(2023, 12, 1), ['330203', '宁波海曙恒达电子有限公司'], [day(2022, 6, 1), undefined]);
    add(
      'M07-A1',
      'alert',
      'son_insured_elsewhere',
      a1[0] as Person,
      a1[2] as Person,
      'the son is paid as a village 公益性岗位 for 10 months while insured by a 宁波 employer',
    );
    job(vb, a2, day(2023, 1, 1), day(2023, 8, 1), ['310115', '上海浦东顺通物流有限公司'], [day(2022, 11, 1), day(2023, 6, 30)]);
    add(
      'M07-A2',
      'alert',
      'daughter_insured_elsewhere',
      a2[0] as Person,
      a2[2] as Person,
      "the daughter's 公益性岗位 overlaps six months of insurance with a 上海 employer",
    );
    job(vc, n1, day(2023, 7, 1), day(2024, 2, 1), ['330106', '杭州西湖安信科技有限公司'], [day(2021, 3, 1), day(2023, 5, 31)]);
    add(
      'M07-N1',
      'no_alert',
      'near_miss_insurance_ended_before',
      n1[0] as Person,
      n1[2] as Person,
      "the son's job elsewhere ended (2023-05) before the 公益性岗位 began (2023-07)",
    );
    return cases;
  };
}

export function bruteForceM07(world: World, records: Records, minOverlapMonths = D.num('minOverlapMonths')): Record<string, string>[] {
  const jobs = D.strings('jobPrograms');
  const rel = new Relations(world);
  const pay = byPerson(records);
  const spells = new Map<number, Records['insurance']>();
  for (const i of records.insurance) spells.set(i.person, [...(spells.get(i.person) ?? []), i]);
  const out = matchSet();
  for (const post of world.posts) {
    if (world.orgs[post.org]?.village === undefined) continue;
    for (const child of rel.inScope(post.person, new Set(['child']))) {
      const jobMonths = new Set(
        (pay.get(child) ?? [])
          .filter((p) => jobs.includes(p.program) && p.to >= post.from && (post.to === undefined || p.from <= post.to))
          .flatMap((p) => monthsOf(p.from, p.to)),
      );
      const insured = new Set((spells.get(child) ?? []).flatMap((i) => monthsOf(i.from, i.to, monthIndex(addMonths(i.from, 0)) + 400)));
      if ([...jobMonths].filter((m) => insured.has(m)).length < minOverlapMonths) continue;
      out.add({ cadre: personUid(world, post.person), child: personUid(world, child), program: programUid(PROGRAMS.GYGW.code) });
    }
  }
  return out.list();
}

export const publicJobChildEmployedElsewhere: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM07(w, r).map(byRole) };
