// 直接发包及村级工程支付: units paying people and firms without a tender. Background vouchers are small
// (under M35's split threshold), go to payees with no tie to the paying village's cadres, and never
// repeat a payee within a unit. The cases (cases/procurement: M04, M35, M36) add theirs through the
// tools generateDirect returns.
import { day, SNAPSHOT, type Day } from './dates.js';
import { KinIndex, taintedPeople } from './kin.js';
import type { Rng } from './prng.js';
import type { DirectAward, Org, Person, World } from './world.js';

const VILLAGE_JOBS = ['挖机台班费', '村道修补', '垃圾清运', '路灯维修', '沟渠清淤', '文化礼堂修缮', '绿化补植'];
const UNIT_JOBS = ['办公楼维修', '绿化养护', '零星道路修补', '会议室改造', '围墙修缮', '监控设备安装'];

export type Push = (
  o: Org,
  payee: DirectAward['payee'],
  amount: number,
  date: Day,
  method: DirectAward['method'],
  job: string,
  planted?: boolean,
) => void;

/** What the direct-award cases plant with: a voucher writer, a clean firm for a unit (none used by it
 * yet), the tendering unit's post holders and their loose kin, and the adults who may be paid. */
export interface DirectTools {
  push: Push;
  cleanFirm: (o: Org) => number | undefined;
  taint: (o: number) => Set<number>;
  people: Person[];
}

/** `pl`: the plant stream and whether a firm is clean for a unit (no tie to its post holders). */
export function generateDirect(
  world: World,
  pl: { rng: Rng; cleanFor(org: number, company: number): boolean },
  people: Person[],
): DirectTools {
  const rng = pl.rng;
  const direct: DirectAward[] = (world.direct = []);
  const kin = new KinIndex(world);
  const tainted = new Map<number, Set<number>>();
  const taint = (o: number) => tainted.get(o) ?? tainted.set(o, taintedPeople(world, kin, o)).get(o)!;
  const firms = world.companies.filter((c) => !c.planted && (c.status === '存续' || c.status === '在业') && c.role !== 'agent');
  const used = new Set<string>();
  const site = (o: Org) => (o.village !== undefined ? (world.villages[o.village]?.name ?? '') : o.short);
  const push = (
    o: Org,
    payee: DirectAward['payee'],
    amount: number,
    date: Day,
    method: DirectAward['method'],
    job: string,
    planted = false,
  ) => direct.push({ ref: '', org: o.idx, payee, job, site: site(o), amount, date, method, ...(planted ? { planted } : {}) });
  const cleanFirm = (o: Org) => {
    for (let i = 0; i < 50; i++) {
      const c = rng.pick(firms);
      if (!used.has(`${o.idx}/c${c.idx}`) && pl.cleanFor(o.idx, c.idx)) {
        used.add(`${o.idx}/c${c.idx}`);
        return c.idx;
      }
    }
    return undefined;
  };
  // Each village's residents in `people` order, gathered once: filtering all people for every village's
  // every award made the generator quadratic in the county (85 of its 400 s at 1,000,000 persons).
  const byVillage = new Map<number, Person[]>();
  for (const p of people) {
    const v = world.households[p.hh]?.village;
    if (v === undefined) continue;
    const list = byVillage.get(v);
    if (list) list.push(p);
    else byVillage.set(v, [p]);
  }
  const residents = (v: number) => byVillage.get(v) ?? [];
  for (const o of world.orgs) {
    const village = o.village !== undefined;
    for (let i = 0, n = rng.int(4, 7); i < n; i++) {
      const date = rng.int(day(2021, 2, 1), SNAPSHOT - 10);
      if (village && rng.chance(0.6)) {
        const pool = residents(o.village as number).filter((p) => !taint(o.idx).has(p.idx) && !used.has(`${o.idx}/p${p.idx}`));
        if (!pool.length) continue;
        const p = rng.pick(pool);
        used.add(`${o.idx}/p${p.idx}`);
        push(o, { kind: 'person', idx: p.idx }, rng.int(20, 300) * 100, date, '零星工程', rng.pick(VILLAGE_JOBS));
      } else {
        const c = cleanFirm(o);
        if (c === undefined) continue;
        push(o, { kind: 'company', idx: c }, rng.int(20, 95) * 1000, date, '直接发包', rng.pick(village ? VILLAGE_JOBS : UNIT_JOBS));
      }
    }
  }
  return { push, cleanFirm, taint, people };
}

/** Voucher numbers in payment order. */
export function assignDirectRefs(world: World): void {
  const xs = (world.direct ?? []).slice().sort((a, b) => a.date - b.date || a.org - b.org || a.amount - b.amount);
  xs.forEach((d, i) => {
    d.ref = `ZF${new Date(d.date * 86_400_000).getUTCFullYear()}${String(i + 1).padStart(5, '0')}`;
  });
}
