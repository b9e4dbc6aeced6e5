// Brute-force M06, M07, M08, M09, M11, M13 over the World, independent of Neo4j, with the catalog
// defaults. Periods are compared month by month; pay dates never matter (arrears and late payments
// are for the months they cover).
import { addMonths, monthIndex } from '../world/months.js';
import type { World } from '../world/world.js';
import { EXCLUSIVE_PAIRS, MEANS_TESTED, PROGRAMS, programByCode } from '../world/programs.js';
import { orgUid, personUid, programUid } from '../world/record-helpers.js';
import type { Payment, Records } from '../world/records.js';
import { Relations } from '../world/relations.js';
import type { Match } from './check-integrity.js';

const monthsOf = (from: number, to: number | undefined, cap = 2100 * 12): number[] => {
  const out: number[] = [];
  for (let m = monthIndex(from); m <= Math.min(to === undefined ? cap : monthIndex(to), cap); m++) out.push(m);
  return out;
};

function byPerson(records: Records): Map<number, Payment[]> {
  const out = new Map<number, Payment[]>();
  for (const p of records.payments) { const l = out.get(p.person); if (l) l.push(p); else out.set(p.person, [p]); }
  return out;
}

export const M06_DEFAULTS = { minRelatives: 2, minPayments: 12 };

export function bruteForceM06(world: World, records: Records, opts = M06_DEFAULTS): Match[] {
  const rel = new Relations(world);
  const pay = byPerson(records);
  const agg = new Map<string, { m: Match; relatives: Set<number>; payments: Set<Payment> }>();
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

export function bruteForceM07(world: World, records: Records, minOverlapMonths = 2): Match[] {
  const rel = new Relations(world);
  const pay = byPerson(records);
  const spells = new Map<number, Records['insurance']>();
  for (const i of records.insurance) spells.set(i.person, [...(spells.get(i.person) ?? []), i]);
  const out = new Map<string, Match>();
  for (const post of world.posts) {
    if (world.orgs[post.org]?.village === undefined) continue;
    for (const child of rel.inScope(post.person, new Set(['child']))) {
      const jobMonths = new Set((pay.get(child) ?? []).filter((p) => p.program === PROGRAMS.GYGW.code && p.to >= post.from && (post.to === undefined || p.from <= post.to)).flatMap((p) => monthsOf(p.from, p.to)));
      const insured = new Set((spells.get(child) ?? []).flatMap((i) => monthsOf(i.from, i.to, monthIndex(addMonths(i.from, 0)) + 400)));
      if ([...jobMonths].filter((m) => insured.has(m)).length < minOverlapMonths) continue;
      const m = { cadre: personUid(world, post.person), child: personUid(world, child), program: programUid(PROGRAMS.GYGW.code) };
      out.set(JSON.stringify(m), m);
    }
  }
  return [...out.values()];
}

function payrollMonths(records: Records): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const s of records.payroll) {
    const set = out.get(s.person) ?? new Set<number>();
    out.set(s.person, set);
    for (const m of monthsOf(s.from, s.to)) set.add(m);
  }
  return out;
}

export function bruteForceM08(world: World, records: Records): Match[] {
  const pay = byPerson(records);
  const out = new Map<string, Match>();
  for (const [staff, months] of payrollMonths(records)) {
    for (const r of world.households[world.persons[staff]?.hh ?? -1]?.members ?? []) {
      for (const p of pay.get(r) ?? []) {
        if (!MEANS_TESTED.has(p.program) || !monthsOf(p.from, p.to).some((m) => months.has(m))) continue;
        const m = { staff: personUid(world, staff), recipient: personUid(world, r), program: programUid(p.program) };
        out.set(JSON.stringify(m), m);
      }
    }
  }
  return [...out.values()];
}

export function bruteForceM09(world: World, records: Records): Match[] {
  const pay = byPerson(records);
  const out = new Map<string, Match>();
  for (const [p, months] of payrollMonths(records)) {
    for (const x of pay.get(p) ?? []) {
      if (x.program !== PROGRAMS.GDDL.code || !monthsOf(x.from, x.to).some((m) => months.has(m))) continue;
      const m = { official: personUid(world, p), program: programUid(x.program) };
      out.set(JSON.stringify(m), m);
    }
  }
  return [...out.values()];
}

/** Payments for a period starting more than `graceMonths` after the death (any source of death). */
export function bruteForceM11(world: World, records: Records, graceMonths = 3): Match[] {
  const death = new Map<number, number>();
  for (const d of records.deaths) death.set(d.person, Math.min(d.date, death.get(d.person) ?? Infinity));
  for (const p of world.persons) if (p.cancel?.reason === '死亡') death.set(p.idx, Math.min(p.cancel.date, death.get(p.idx) ?? Infinity));
  const out = new Map<string, Match>();
  for (const x of records.payments) {
    const d = death.get(x.person);
    if (d === undefined) continue;
    const limit = graceMonths === 0 ? d : addMonths(d, graceMonths) + (d - addMonths(d, 0));
    if (x.from <= limit) continue;
    const m = { person: personUid(world, x.person), program: programUid(x.program) };
    out.set(JSON.stringify(m), m);
  }
  return [...out.values()];
}

export function bruteForceM13(world: World, records: Records): Match[] {
  const pay = byPerson(records);
  const out = new Map<string, Match>();
  for (const [person, list] of pay) {
    for (const [a, b] of EXCLUSIVE_PAIRS) {
      const ma = new Set(list.filter((p) => p.program === a).flatMap((p) => monthsOf(p.from, p.to)));
      if (!ma.size || !list.some((p) => p.program === b && monthsOf(p.from, p.to).some((m) => ma.has(m)))) continue;
      const [x, y] = [a, b].sort();
      const m = { person: personUid(world, person), programA: programUid(x as string), programB: programUid(y as string) };
      out.set(JSON.stringify(m), m);
    }
  }
  return [...out.values()];
}
