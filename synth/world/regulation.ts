// 行政许可/检查/处罚: every live firm holds a licence from a regulating bureau, and most were checked a
// few times. In the background an inspector sees a firm once (twice only to fine it, which is never lenient), so no inspector's work can
// concentrate on one firm (M40); the plant adds two inspectors who keep visiting, and passing, one firm
// that others keep finding fault with, and one who visits often but judges like everyone else.
import { day, SNAPSHOT } from './dates.js';
import type { Org, Person, RegRecord, World } from './world.js';
import { ref } from '../cases/proc-cases.js';
import type { Planter } from '../cases/planter.js';

export function generateRegulation(world: World, pl: Planter): void {
  const rng = pl.rng;
  const regs: RegRecord[] = (world.regs = []);
  const units = world.orgs.filter((o) => o.kind === '党政机关' && o.name.endsWith('局'));
  const inspectors = new Map<number, Person[]>(units.map((u) => [u.idx, [pl.manager(), pl.manager()]]));
  const firms = world.companies.filter((c) => c.status === '存续' || c.status === '在业');
  const checked = new Set<string>();
  for (const c of firms) {
    const u = rng.pick(units);
    const from = rng.int(Math.max(c.founded + 30, day(2019, 1, 1)), SNAPSHOT - 200);
    regs.push({ ref: '', org: u.idx, company: c.idx, kind: '许可', date: from, validTo: from + 5 * 365, result: '准予许可' });
    const team = rng.sample(inspectors.get(u.idx) ?? [], rng.int(0, 2));
    for (const i of team) {
      const strict = rng.chance(0.3);
      const date = rng.int(from + 30, SNAPSHOT - 5);
      regs.push({ ref: '', org: u.idx, company: c.idx, kind: '检查', date, inspector: i.idx, result: strict ? '责令整改' : '合格' });
      checked.add(`${u.idx}/${c.idx}`);
      if (strict && rng.chance(0.3)) regs.push({ ref: '', org: u.idx, company: c.idx, kind: '处罚', date: date + 20, inspector: i.idx, result: '罚款', fine: rng.int(5, 50) * 1000 });
    }
  }
  plantInspectors(world, pl, units, inspectors, checked);
}

function plantInspectors(world: World, pl: Planter, units: Org[], inspectors: Map<number, Person[]>, checked: Set<string>): void {
  const rng = pl.rng;
  const u = units[0] as Org;
  const [bgA, bgB] = inspectors.get(u.idx) as [Person, Person];
  const [i1, i2, i3] = [pl.manager(), pl.manager(), pl.manager()];
  const free = world.companies.filter((c) => (c.status === '存续' || c.status === '在业') && !checked.has(`${u.idx}/${c.idx}`));
  const [X, Y, Z, ...rest] = rng.sample(free, Math.min(free.length, 20));
  if (!X || !Y || !Z || rest.length < 12) throw new Error('procurement plant: too few firms for the inspection cases');
  const regs = world.regs as RegRecord[];
  let d = day(2021, 3, 1);
  const check = (i: Person, c: number, result: string) => { d += rng.int(9, 40); regs.push({ ref: '', org: u.idx, company: c, kind: '检查', date: d, inspector: i.idx, result, planted: true }); };
  const fourTimes = (i: Person, c: number, results: string[]) => results.forEach((r) => check(i, c, r));
  fourTimes(i1, X.idx, ['合格', '合格', '合格', '合格']);
  fourTimes(i2, Y.idx, ['合格', '合格', '合格', '合格']);
  fourTimes(i3, Z.idx, ['合格', '责令整改', '合格', '责令整改']);
  // What everyone else finds at the same firms.
  check(i2, X.idx, '责令整改'); check(i3, X.idx, '责令整改'); check(bgA, X.idx, '责令整改'); check(bgB, X.idx, '合格');
  check(i1, Y.idx, '责令整改'); check(i3, Y.idx, '责令整改'); check(bgA, Y.idx, '责令整改'); check(bgB, Y.idx, '合格');
  check(i1, Z.idx, '合格'); check(i2, Z.idx, '责令整改'); check(bgA, Z.idx, '合格'); check(bgB, Z.idx, '责令整改');
  // Ordinary work elsewhere, one visit per firm.
  rest.slice(0, 5).forEach((c, k) => check(i1, c.idx, k % 3 === 0 ? '责令整改' : '合格'));
  rest.slice(5, 9).forEach((c, k) => check(i2, c.idx, k % 3 === 0 ? '责令整改' : '合格'));
  rest.slice(9, 12).forEach((c, k) => check(i3, c.idx, k % 2 === 0 ? '责令整改' : '合格'));
  const who = (i: Person, c: number) => [ref('Person', i.idx), ref('Company', c)];
  pl.cases.push({ model: 'M40', id: 'M40-A1', expected: 'alert', kind: 'inspector_intimate_lenient', key: who(i1, X.idx), involved: [ref('Org', u.idx)], note: '4 of the inspector\'s 11 checks at one firm, all 合格; other inspectors found fault there 3 times in 4' });
  pl.cases.push({ model: 'M40', id: 'M40-A2', expected: 'alert', kind: 'inspector_intimate_lenient', key: who(i2, Y.idx), involved: [ref('Org', u.idx)], note: '4 of the inspector\'s 10 checks at one firm, all 合格; other inspectors found fault there 3 times in 4' });
  pl.cases.push({ model: 'M40', id: 'M40-N1', expected: 'no_alert', kind: 'near_miss_concentrated_not_lenient', key: who(i3, Z.idx), involved: [ref('Org', u.idx)], note: '4 of the inspector\'s 9 checks at one firm, but half found fault, as other inspectors did' });
}

/** Record numbers: XK (licence) / JC (check) / CF (penalty) + year + sequence, in date order. */
export function assignRegRefs(world: World): void {
  const xs = (world.regs ?? []).slice().sort((a, b) => a.date - b.date || a.company - b.company);
  xs.forEach((r, i) => { r.ref = `${r.kind === '许可' ? 'XK' : r.kind === '检查' ? 'JC' : 'CF'}${new Date(r.date * 86_400_000).getUTCFullYear()}${String(i + 1).padStart(5, '0')}`; });
}
