// M40 an inspector's checks concentrate on one firm and pass it far more often than other inspectors
// do: A1, A2; near miss N1 concentrated, but judging like everyone else.
import { day } from '../../world/dates.js';
import type { RegTools } from '../../world/regulation.js';
import type { Org, Person, RegRecord, World } from '../../world/world.js';
import { ref, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';

const MODEL = 'procurement.inspector-intimacy';
const D = modelDefaults(MODEL);

function regulation(pl: Planter, { units, inspectors, checked }: RegTools): void {
  const world = pl.world;
  const rng = pl.rng;
  const u = units[0] as Org;
  const [bgA, bgB] = inspectors.get(u.idx) as [Person, Person];
  const [i1, i2, i3] = [pl.manager(), pl.manager(), pl.manager()];
  const free = world.companies.filter((c) => (c.status === '存续' || c.status === '在业') && !checked.has(`${u.idx}/${c.idx}`));
  const [X, Y, Z, ...rest] = rng.sample(free, Math.min(free.length, 20));
  if (!X || !Y || !Z || rest.length < 12) throw new Error('procurement plant: too few firms for the inspection cases');
  const regs = world.regs as RegRecord[];
  let d = day(2021, 3, 1);
  const check = (i: Person, c: number, result: string) => {
    d += rng.int(9, 40);
    regs.push({ ref: '', org: u.idx, company: c, kind: '检查', date: d, inspector: i.idx, result, planted: true });
  };
  const fourTimes = (i: Person, c: number, results: string[]) => results.forEach((r) => check(i, c, r));
  fourTimes(i1, X.idx, ['合格', '合格', '合格', '合格']);
  fourTimes(i2, Y.idx, ['合格', '合格', '合格', '合格']);
  fourTimes(i3, Z.idx, ['合格', '责令整改', '合格', '责令整改']);
  // What everyone else finds at the same firms.
  check(i2, X.idx, '责令整改');
  check(i3, X.idx, '责令整改');
  check(bgA, X.idx, '责令整改');
  check(bgB, X.idx, '合格');
  check(i1, Y.idx, '责令整改');
  check(i3, Y.idx, '责令整改');
  check(bgA, Y.idx, '责令整改');
  check(bgB, Y.idx, '合格');
  check(i1, Z.idx, '合格');
  check(i2, Z.idx, '责令整改');
  check(bgA, Z.idx, '合格');
  check(bgB, Z.idx, '责令整改');
  // Ordinary work elsewhere, one visit per firm.
  rest.slice(0, 5).forEach((c, k) => check(i1, c.idx, k % 3 === 0 ? '责令整改' : '合格'));
  rest.slice(5, 9).forEach((c, k) => check(i2, c.idx, k % 3 === 0 ? '责令整改' : '合格'));
  rest.slice(9, 12).forEach((c, k) => check(i3, c.idx, k % 2 === 0 ? '责令整改' : '合格'));
  const who = (i: Person, c: number) => [ref('Person', i.idx), ref('Company', c)];
  pl.cases.push({
    model: D.catalog,
    id: 'M40-A1',
    expected: 'alert',
    kind: 'inspector_intimate_lenient',
    key: who(i1, X.idx),
    involved: [ref('Org', u.idx)],
    note: "4 of the inspector's 11 checks at one firm, all 合格; other inspectors found fault there 3 times in 4",
  });
  pl.cases.push({
    model: D.catalog,
    id: 'M40-A2',
    expected: 'alert',
    kind: 'inspector_intimate_lenient',
    key: who(i2, Y.idx),
    involved: [ref('Org', u.idx)],
    note: "4 of the inspector's 10 checks at one firm, all 合格; other inspectors found fault there 3 times in 4",
  });
  pl.cases.push({
    model: D.catalog,
    id: 'M40-N1',
    expected: 'no_alert',
    kind: 'near_miss_concentrated_not_lenient',
    key: who(i3, Z.idx),
    involved: [ref('Org', u.idx)],
    note: "4 of the inspector's 9 checks at one firm, but half found fault, as other inspectors did",
  });
}

/** M40: an inspector's inspections concentrate on a company and end leniently far more often than its other inspections. */
export function inspectionMatches(w: World): Found[] {
  const [minTotal, minPair, minShare, minOthers, minOdds, lenient] = [
    D.num('inspMinTotal'),
    D.num('inspMinPair'),
    D.num('inspMinShare'),
    D.num('inspMinOthers'),
    D.num('inspMinOddsRatio'),
    D.strings('lenientResults'),
  ];
  const out: Found[] = [];
  const recs = (w.regs ?? []).filter((r) => r.inspector !== undefined);
  const totalBy = new Map<number, number>();
  const cell = new Map<string, { i: number; c: number; len: number; str: number }>();
  const byCompany = new Map<number, { len: number; str: number }>();
  for (const r of recs) {
    const i = r.inspector as number;
    totalBy.set(i, (totalBy.get(i) ?? 0) + 1);
    const len = lenient.includes(r.result);
    const k = `${i}/${r.company}`;
    const s = cell.get(k) ?? cell.set(k, { i, c: r.company, len: 0, str: 0 }).get(k)!;
    const t = byCompany.get(r.company) ?? byCompany.set(r.company, { len: 0, str: 0 }).get(r.company)!;
    if (len) {
      s.len++;
      t.len++;
    } else {
      s.str++;
      t.str++;
    }
  }
  for (const s of cell.values()) {
    const n = s.len + s.str;
    const total = totalBy.get(s.i) ?? 0;
    const all = byCompany.get(s.c)!;
    const oLen = all.len - s.len;
    const oStr = all.str - s.str;
    if (total < minTotal || n < minPair || n / total <= minShare || oLen + oStr < minOthers) continue;
    const or = (s.len + 0.5) / (s.str + 0.5) / ((oLen + 0.5) / (oStr + 0.5));
    if (or > minOdds) out.push({ key: [ref('Person', s.i), ref('Company', s.c)] });
  }
  return out;
}

export const inspectorIntimacy: CaseModule = { model: MODEL, regulation, oracle: inspectionMatches };
