// M18 drink-driving member/official: A1 official 饮酒驾驶 (sanctioned), A2 member 醉酒驾驶 (expelled);
// near miss N1 same name as A1's official, not a member or official. A1's sanction also makes M17-N3.
import { day } from '../../world/dates.js';
import type { Records } from '../../world/records.js';
import type { World } from '../../world/world.js';
import { byRole, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { PlantCtx } from '../plant-context.js';
import { alone, bureauOf, type PeopleCtx } from '../people.js';
import { OFFICIAL_BUREAUS } from './official-in-business.js';
import { policeCaseOf } from './penalised-never-disciplined.js';
import { party, punishedInsiders } from './police.js';

const MODEL = 'integrity.drink-driving';
const D = modelDefaults(MODEL);

function people(ctx: PeopleCtx) {
  const bureau = bureauOf(OFFICIAL_BUREAUS, ctx);
  const dd = alone(ctx, 40);
  const dd2 = alone(ctx, 46);
  const lookalike = alone(ctx, 38, true, dd.name);
  return (p: PlantCtx): PlantedCase[] => {
    const add = policeCaseOf(D.catalog, ctx, p);
    const m17 = policeCaseOf(modelDefaults('integrity.penalised-never-disciplined').catalog, ctx, p);
    const cases: PlantedCase[] = [];
    const du = p.org(bureau(2));
    p.post(dd, du, '科员', '一级科员', false, day(2012, 8, 1));
    p.party(dd, day(2010, 12, 1), '公务员');
    let c = p.police('饮酒驾驶', day(2023, 3, 4), '桐庐县迎春南路与学圣路交叉口', [
      party(dd, '违法行为人', '罚款一千元，暂扣机动车驾驶证六个月', '中共党员', '公务员', p.world.orgs[du]?.name ?? ''),
    ]);
    p.sanction(dd, `${p.world.orgs[du]?.name ?? ''}科员`, '党纪', '警告', day(2023, 6, 15), '饮酒后驾驶机动车');
    cases.push(
      add(
        'M18-A1',
        'alert',
        'official_drink_driving',
        dd,
        c.caseNo,
        'an official and Party member caught driving after drinking (sanctioned, still an M18 case)',
      ),
    );
    cases.push(m17('M17-N3', 'no_alert', 'near_miss_sanction_exists', dd, c.caseNo, 'the drink-driving case was answered by a 党内警告'));
    p.party(dd2, day(1998, 7, 1));
    c = p.police(
      '醉酒驾驶',
      day(2022, 9, 17),
      '桐庐县横村镇320国道',
      [party(dd2, '违法行为人', '吊销机动车驾驶证', '中共党员', '个体', '无')],
      day(2022, 9, 18),
    );
    p.sanction(dd2, '横村镇党员', '党纪', '开除党籍', day(2023, 1, 10), '醉酒驾驶机动车');
    cases.push(
      add(
        'M18-A2',
        'alert',
        'member_drunk_driving',
        dd2,
        c.caseNo,
        'a Party member caught drunk-driving (expelled later, still an M18 case)',
      ),
    );
    c = p.police('饮酒驾驶', day(2023, 7, 22), '桐庐县春江路', [
      party(lookalike, '违法行为人', '罚款一千元，暂扣机动车驾驶证六个月', '群众', '司机', '无'),
    ]);
    cases.push(
      add(
        'M18-N1',
        'no_alert',
        'near_miss_same_name_not_member',
        lookalike,
        c.caseNo,
        "same name as M18-A1's official, but neither a member nor an official",
      ),
    );
    return cases;
  };
}

export function bruteForceM18(world: World, records: Records): Record<string, string>[] {
  const types = D.strings('caseTypes');
  return punishedInsiders(world, records)
    .filter(({ c }) => types.some((t) => c.type.includes(t)))
    .map(({ m }) => m);
}

export const drinkDriving: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM18(w, r).map(byRole) };
