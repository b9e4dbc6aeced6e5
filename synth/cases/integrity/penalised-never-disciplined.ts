// M17 penalised member/official with no sanction: A1 member, 殴打他人; A2 official, 赌博 (with two
// partners); near misses N1 sanction exists, N2 case before joining the Party (N3, a sanctioned
// drink-driver, is planted with M18's official in drink-driving.ts).
import { day } from '../../world/dates.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type PlantCtx } from '../plant-context.js';
import { alone, bureauOf, couple, tag, type PeopleCtx } from '../people.js';
import { OFFICIAL_BUREAUS } from './official-in-business.js';
import { party, punishedInsiders } from './police.js';

const MODEL = 'integrity.penalised-never-disciplined';
const D = modelDefaults(MODEL);

/** A police-case model's case, its identity (person, policeCase). */
export const policeCaseOf =
  (catalog: string, ctx: PeopleCtx, p: PlantCtx) =>
  (id: string, expected: PlantedCase['expected'], kind: string, who: Person, caseNo: string, note: string): PlantedCase =>
    caseOf(catalog, tag(ctx, id), expected, kind, { person: p.uid(who), policeCase: `PoliceCase:${caseNo}` }, note);

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const m1 = couple(ctx, 45)[0] as Person;
  const g = alone(ctx, 36);
  const gamblers = [alone(ctx, 42), alone(ctx, 51)];
  const s1 = alone(ctx, 48);
  const late = alone(ctx, 33);
  return (p: PlantCtx): PlantedCase[] => {
    const add = policeCaseOf(D.catalog, ctx, p);
    const cases: PlantedCase[] = [];
    p.party(m1, day(2005, 7, 1));
    let c = p.police('殴打他人', day(2023, 5, 18), '桐庐县城南街道迎春南路夜宵摊', [
      party(m1, '违法行为人', '行政拘留五日并处罚款五百元', '中共党员', '农民', ''),
    ]);
    cases.push(
      add('M17-A1', 'alert', 'member_penalised_no_sanction', m1, c.caseNo, 'a Party member detained for assault; no disciplinary decision'),
    );
    const gu = p.org(bureau(0));
    p.post(g, gu, '科员', '一级科员', false, day(2016, 3, 1));
    c = p.police('赌博', day(2022, 11, 26), '桐庐县旧县街道某棋牌室', [
      party(g, '参赌人员', '罚款五百元', '群众', '公务员', p.world.orgs[gu]?.name ?? ''),
      ...gamblers.map((x) => party(x, '参赌人员', '罚款五百元', '群众', '个体', '无')),
    ]);
    cases.push(
      add('M17-A2', 'alert', 'official_penalised_no_sanction', g, c.caseNo, 'an official fined for gambling; no disciplinary decision'),
    );
    p.post(s1, p.org(bureau(1)), '科长', '四级主任科员', false, day(2014, 2, 1));
    p.party(s1, day(2002, 6, 1), '公务员');
    c = p.police('殴打他人', day(2022, 8, 9), '桐庐县桐君街道白云源路', [
      party(s1, '违法行为人', '罚款五百元', '中共党员', '公务员', p.world.orgs[p.org(bureau(1))]?.name ?? ''),
    ]);
    p.sanction(s1, `${p.world.orgs[p.org(bureau(1))]?.name ?? ''}科长`, '党纪', '警告', day(2022, 12, 20), '受到公安机关治安管理处罚');
    cases.push(add('M17-N1', 'no_alert', 'near_miss_sanction_exists', s1, c.caseNo, 'the 党内警告 of 2022-12-20 answers the case'));
    p.party(late, day(2021, 7, 1));
    c = p.police('盗窃', day(2019, 4, 12), '桐庐县分水镇农贸市场', [party(late, '违法行为人', '行政拘留三日', '群众', '农民', '')]);
    cases.push(
      add('M17-N2', 'no_alert', 'near_miss_case_before_joining', late, c.caseNo, 'the theft was in 2019; he joined the Party in 2021'),
    );
    return cases;
  };
}

/** No sanction decided on or after the case. */
export function bruteForceM17(world: World, records: Records): Record<string, string>[] {
  const sanctioned = new Map<number, number[]>();
  for (const s of records.sanctions) sanctioned.set(s.person, [...(sanctioned.get(s.person) ?? []), s.decided]);
  return punishedInsiders(world, records)
    .filter(({ c, party }) => !(sanctioned.get(party.person) ?? []).some((d) => d >= c.time))
    .map(({ m }) => m);
}

export const penalisedNeverDisciplined: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM17(w, r).map(byRole) };
