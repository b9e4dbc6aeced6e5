// M13 exclusive programmes at once: A1 农村+城市低保, A2 特困+农村低保; near miss N1 农村 then 城市
// (no overlap).
import { day } from '../../world/dates.js';
import { PROGRAMS, type Program } from '../../world/programs.js';
import { personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { family, rural, tag, type PeopleCtx } from '../people.js';
import { byPerson, monthsOf, pay } from './payments.js';

const MODEL = 'welfare.exclusive-programmes';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const a1 = hh(v(), [['02', true, 58]]);
  const a2 = hh(v(), [['02', false, 70]]);
  const n1 = hh(v(), [['02', false, 62]]);
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, p: Person, x: Program, y: Program, note: string) => {
      const [a, b] = [x.code, y.code].sort();
      cases.push(
        caseOf(
          D.catalog,
          tag(pc, id),
          expected,
          kind,
          { person: ctx.uid(p), programA: programUid(a as string), programB: programUid(b as string) },
          note,
        ),
      );
    };
    pay(ctx, a1[0] as Person, PROGRAMS.DBNC, day(2022, 5, 1), day(2024, 6, 1));
    pay(ctx, a1[0] as Person, PROGRAMS.DBCS, day(2023, 4, 1), day(2023, 12, 1));
    add(
      'M13-A1',
      'alert',
      'rural_and_urban_dibao',
      a1[0] as Person,
      PROGRAMS.DBNC,
      PROGRAMS.DBCS,
      '农村低保 and 城市低保 for the same nine months',
    );
    pay(ctx, a2[0] as Person, PROGRAMS.TK, day(2022, 1, 1), day(2024, 6, 1));
    pay(ctx, a2[0] as Person, PROGRAMS.DBNC, day(2023, 1, 1), day(2023, 6, 1));
    add('M13-A2', 'alert', 'tekun_and_dibao', a2[0] as Person, PROGRAMS.TK, PROGRAMS.DBNC, '特困供养 and 农村低保 for the same six months');
    pay(ctx, n1[0] as Person, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 3, 1));
    pay(ctx, n1[0] as Person, PROGRAMS.DBCS, day(2023, 4, 1), day(2024, 6, 1));
    add(
      'M13-N1',
      'no_alert',
      'near_miss_moved_programme',
      n1[0] as Person,
      PROGRAMS.DBNC,
      PROGRAMS.DBCS,
      'moved from 农村低保 to 城市低保 in 2023-04: no month paid twice',
    );
    return cases;
  };
}

export function bruteForceM13(world: World, records: Records): Record<string, string>[] {
  const pairs = D.strings('exclusivePairs').map((p) => p.split('|') as [string, string]);
  const pay = byPerson(records);
  const out = matchSet();
  for (const [person, list] of pay) {
    for (const [a, b] of pairs) {
      const ma = new Set(list.filter((p) => p.program === a).flatMap((p) => monthsOf(p.from, p.to)));
      const both = new Set(list.filter((p) => p.program === b).flatMap((p) => monthsOf(p.from, p.to).filter((m) => ma.has(m))));
      // As the model: the month of a move between the two (transferMonths) is no overlap.
      if (both.size <= D.num('transferMonths')) continue;
      const [x, y] = [a, b].sort();
      out.add({ person: personUid(world, person), programA: programUid(x as string), programB: programUid(y as string) });
    }
  }
  return out.list();
}

export const exclusiveProgrammes: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM13(w, r).map(byRole) };
