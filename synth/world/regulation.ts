// 行政许可/检查/处罚: every live firm holds a licence from a regulating bureau, and most were checked a
// few times. In the background an inspector sees a firm once (twice only to fine it, which is never
// lenient), so no inspector's work can concentrate on one firm (M40's case adds those).
import { day, SNAPSHOT } from './dates.js';
import type { Rng } from './prng.js';
import type { Org, Person, RegRecord, World } from './world.js';

/** What the inspection case plants with: the regulating bureaus, each one's two background inspectors,
 * and which unit/firm pairs were checked. */
export interface RegTools {
  units: Org[];
  inspectors: Map<number, Person[]>;
  checked: Set<string>;
}

/** `pl`: the plant stream and a source of people outside every firm (the inspectors). */
export function generateRegulation(world: World, pl: { rng: Rng; manager(): Person }): RegTools {
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
      if (strict && rng.chance(0.3))
        regs.push({
          ref: '',
          org: u.idx,
          company: c.idx,
          kind: '处罚',
          date: date + 20,
          inspector: i.idx,
          result: '罚款',
          fine: rng.int(5, 50) * 1000,
        });
    }
  }
  return { units, inspectors, checked };
}

/** Record numbers: XK (licence) / JC (check) / CF (penalty) + year + sequence, in date order. */
export function assignRegRefs(world: World): void {
  const xs = (world.regs ?? []).slice().sort((a, b) => a.date - b.date || a.company - b.company);
  xs.forEach((r, i) => {
    r.ref = `${r.kind === '许可' ? 'XK' : r.kind === '检查' ? 'JC' : 'CF'}${new Date(r.date * 86_400_000).getUTCFullYear()}${String(i + 1).padStart(5, '0')}`;
  });
}
