// M06 cadre's relatives on non-universal aid (≥minRelatives relatives or ≥minPayments payments in the
// term): A1 father, 18 months of 残疾人补贴; A2 mother 低保 + son 公益性岗位; near misses N1 universal
// only, N2 5 payments to one relative. The cadre's village is where the household lives.
import { day } from '../../world/dates.js';
import { PROGRAMS, programByCode } from '../../world/programs.js';
import { orgUid, personUid } from '../../world/record-helpers.js';
import type { Payment, Records } from '../../world/records.js';
import { Relations } from '../../world/relations.js';
import type { Person, World } from '../../world/world.js';
import { byRole, type PlantedCase } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { caseOf, type Finish, type PlantCtx } from '../plant-context.js';
import { family, rural, tag, type PeopleCtx } from '../people.js';
import { byPerson, pay } from './payments.js';

const MODEL = 'welfare.cadre-kin-discretionary-aid';
const D = modelDefaults(MODEL);

function people(pc: PeopleCtx): Finish {
  const v = (): number => pc.rng.pick(rural(pc));
  const hh = (village: number, specs: [string, boolean, number][]) => family(pc, village, specs);
  const va = v();
  const vb = v();
  const vc = v();
  const vd = v();
  const a1 = hh(va, [
    ['02', true, 68],
    ['10', false, 66],
    ['22', true, 40],
    ['38', false, 38],
    ['41', true, 9],
  ]);
  const a2 = hh(vb, [
    ['02', true, 45],
    ['10', false, 44],
    ['52', false, 72],
    ['21', true, 20],
  ]);
  const n1 = hh(vc, [
    ['02', true, 50],
    ['51', true, 84],
  ]);
  const n2 = hh(vd, [
    ['02', true, 47],
    ['10', false, 46],
  ]);
  return (ctx: PlantCtx): PlantedCase[] => {
    const cases: PlantedCase[] = [];
    const add = (id: string, expected: PlantedCase['expected'], kind: string, cadre: Person, village: number, note: string) =>
      cases.push(
        caseOf(D.catalog, tag(pc, id), expected, kind, { cadre: ctx.uid(cadre), unit: orgUid(ctx.world, ctx.villageOrg(village)) }, note),
      );
    const term = day(2021, 1, 15);
    ctx.post(a1[2] as Person, ctx.villageOrg(va), '委员', '', false, term);
    pay(ctx, a1[0] as Person, PROGRAMS.CJ, day(2023, 1, 1), day(2024, 6, 1));
    pay(ctx, a1[1] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
    add(
      'M06-A1',
      'alert',
      'parent_many_payments',
      a1[2] as Person,
      va,
      "the committee member's father drew 困难残疾人生活补贴 for 18 months of the term",
    );
    ctx.post(a2[0] as Person, ctx.villageOrg(vb), '委员', '', false, term);
    pay(ctx, a2[2] as Person, PROGRAMS.DBNC, day(2023, 3, 1), day(2023, 8, 1));
    pay(ctx, a2[3] as Person, PROGRAMS.GYGW, day(2023, 9, 1), day(2023, 12, 1));
    add(
      'M06-A2',
      'alert',
      'two_relatives',
      a2[0] as Person,
      vb,
      'mother on 农村低保 and son on a 公益性岗位: two relatives on non-universal aid',
    );
    ctx.post(n1[0] as Person, ctx.villageOrg(vc), '委员', '', false, term);
    pay(ctx, n1[1] as Person, PROGRAMS.GL, day(2022, 1, 1), day(2024, 4, 1));
    pay(ctx, n1[1] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
    add(
      'M06-N1',
      'no_alert',
      'near_miss_universal_only',
      n1[0] as Person,
      vc,
      'the father draws only universal programmes (高龄津贴, 居民养老金)',
    );
    ctx.post(n2[0] as Person, ctx.villageOrg(vd), '委员', '', false, term);
    pay(ctx, n2[1] as Person, PROGRAMS.CJ, day(2023, 1, 1), day(2023, 5, 1));
    add('M06-N2', 'no_alert', 'near_miss_below_threshold', n2[0] as Person, vd, 'one relative, five payments: under both thresholds');
    return cases;
  };
}

export function bruteForceM06(
  world: World,
  records: Records,
  opts = { minRelatives: D.num('minRelatives'), minPayments: D.num('minPayments') },
): Record<string, string>[] {
  const rel = new Relations(world);
  const pay = byPerson(records);
  const agg = new Map<string, { m: Record<string, string>; relatives: Set<number>; payments: Set<Payment> }>();
  for (const post of world.posts) {
    if (world.orgs[post.org]?.village === undefined) continue;
    const m = { cadre: personUid(world, post.person), unit: orgUid(world, post.org) };
    const key = JSON.stringify(m);
    const a = agg.get(key) ?? { m, relatives: new Set<number>(), payments: new Set<Payment>() };
    agg.set(key, a);
    for (const [k] of rel.of(post.person)) {
      for (const p of pay.get(k) ?? []) {
        if (programByCode.get(p.program)?.universal !== false) continue;
        if (p.to < post.from || (post.to !== undefined && p.from > post.to)) continue;
        a.relatives.add(k);
        a.payments.add(p);
      }
    }
  }
  return [...agg.values()].filter((a) => a.relatives.size >= opts.minRelatives || a.payments.size >= opts.minPayments).map((a) => a.m);
}

export const cadreKinDiscretionaryAid: CaseModule = { model: MODEL, people, oracle: (w, r) => bruteForceM06(w, r).map(byRole) };
