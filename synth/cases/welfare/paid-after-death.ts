// M11 paid for periods after death (+graceMonths): A1 高龄津贴, register cancelled; A2 居民养老金, death
// known only to 火化登记; near misses N1 last period ended before the death (paid after it), N2 补发
// after death for months before it.
import { day, type Day } from '../../world/dates.js';
import { addMonths } from '../../world/months.js';
import { PROGRAMS, programByCode, type Program } from '../../world/programs.js';
import { accountFor, deathDays, periodFen, personUid, programUid } from '../../world/record-helpers.js';
import type { Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { byRole, matchSet, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { family, rural, tag, type PeopleCtx } from '../people.js';
import { pay } from './payments.js';

const MODEL = 'welfare.paid-after-death';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const a1 = hh(v(), [['02', false, 86]]);
  const a2 = hh(v(), [['02', true, 78]]);
  const n1 = hh(v(), [['02', true, 70]]);
  const n2 = hh(v(), [['02', false, 74]]);
  const dies = (p: Person, d: Day): void => {
    p.cancel = { date: d, reason: '死亡' };
  };
  dies(a1[0] as Person, day(2023, 2, 14));
  dies(n1[0] as Person, day(2023, 6, 12));
  dies(n2[0] as Person, day(2023, 5, 9));
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, p: Person, prog: Program, note: string) =>
      cases.push(caseOf(D.catalog, tag(pc, id), expected, kind, { person: ctx.uid(p), program: programUid(prog.code) }, note));
    pay(ctx, a1[0] as Person, PROGRAMS.GL, day(2022, 1, 1), day(2024, 4, 1));
    add(
      'M11-A1',
      'alert',
      'paid_after_death',
      a1[0] as Person,
      PROGRAMS.GL,
      'died 2023-02-14 (register cancelled); 高龄津贴 paid for every quarter up to 2024-Q2',
    );
    ctx.death(a2[0] as Person, day(2023, 8, 3), true);
    pay(ctx, a2[0] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
    add(
      'M11-A2',
      'alert',
      'paid_after_death_register_lagging',
      a2[0] as Person,
      PROGRAMS.JMYL,
      'died 2023-08-03, known only to 火化登记 (the register still lists him); pension paid on',
    );
    const n1p = n1[0] as Person;
    pay(ctx, n1p, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 4, 1));
    ctx.records.payments.push({
      person: n1p.idx,
      program: PROGRAMS.DBNC.code,
      from: day(2023, 5, 1),
      to: day(2023, 5, 31),
      payDate: day(2023, 6, 20),
      fen: periodFen(PROGRAMS.DBNC, 1),
      account: accountFor(n1p.idNo),
    });
    add(
      'M11-N1',
      'no_alert',
      'near_miss_period_ended_before_death',
      n1p,
      PROGRAMS.DBNC,
      'died 2023-06-12; the last 低保 (for 2023-05) was paid on 2023-06-20, after the death but for a month before it',
    );
    const n2p = n2[0] as Person;
    pay(ctx, n2p, PROGRAMS.JMYL, day(2022, 4, 1), day(2023, 4, 1));
    ctx.records.payments.push({
      person: n2p.idx,
      program: PROGRAMS.JMYL.code,
      from: day(2022, 1, 1),
      to: day(2022, 3, 31),
      payDate: day(2023, 9, 11),
      fen: periodFen(PROGRAMS.JMYL, 3),
      account: accountFor(n2p.idNo),
      arrears: true,
    });
    add(
      'M11-N2',
      'no_alert',
      'near_miss_arrears_after_death',
      n2p,
      PROGRAMS.JMYL,
      'died 2023-05-09; a 补发 on 2023-09-11 covers 2022-Q1, before the death',
    );
    return cases;
  };
}

/** Payments for a period starting more than `graceMonths` after the death (any source of death). */
export function bruteForceM11(world: World, records: Records, graceMonths = D.num('graceMonths')): Record<string, string>[] {
  const death = deathDays(world, records);
  const out = matchSet();
  const postDeath = D.strings('postDeathNames');
  for (const x of records.payments) {
    const d = death.get(x.person);
    if (d === undefined) continue;
    const name = programByCode.get(x.program)?.name ?? '';
    if (postDeath.some((w) => name.includes(w))) continue;
    const limit = graceMonths === 0 ? d : addMonths(d, graceMonths) + (d - addMonths(d, 0));
    if (x.from <= limit) continue;
    out.add({ person: personUid(world, x.person), program: programUid(x.program) });
  }
  return out.list();
}

export const paidAfterDeath: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM11(w, r).map(byRole) };
