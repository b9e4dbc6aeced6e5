// The integrity and welfare half of the county: planted cases (people early, records late), the
// background records, and the reconciliation that makes truth.json exact: for every model, the
// brute-force matches must be the planted alerts, plus matches that other planted cases create as a
// side effect (e.g. M03's spouse-in-business is also an M02 case), which are recorded too. A match
// involving a background person, or a planted near miss that matches, refuses the county.
import { backgroundRecords } from '../world/background-records.js';
import { bruteForceM01, bruteForceM02, bruteForceM17M18, bruteForceM19, bruteForceM22, type Match } from './check-integrity.js';
import { bruteForceM06, bruteForceM07, bruteForceM08, bruteForceM09, bruteForceM11, bruteForceM13 } from './check-welfare.js';
import type { CompanyFactory } from '../world/companies.js';
import type { World } from '../world/world.js';
import type { ModelCase } from './proc-cases.js';
import { PlantCtx, type Finish, type IntegrityCase } from './plant-context.js';
import { planGambling } from './plant-gambling.js';
import { planOfficials } from './plant-officials.js';
import { planWelfare } from './plant-welfare.js';
import type { Population } from '../world/population.js';
import { Rng } from '../world/prng.js';
import { emptyRecords, type Records } from '../world/records.js';

export type { IntegrityCase } from './plant-context.js';
export type { Match } from './check-integrity.js';

/** Planted sets grow with the county: one at the demo size, one more per 5,000 persons. */
export const plantedSets = (persons: number): number => 1 + Math.floor(persons / 5000);

export function planIntegrity(pop: Population, seed: number, world: World, villages: number[], persons: number): Finish[] {
  const rng = new Rng(seed, 'plant-integrity');
  const out: Finish[] = [];
  for (let s = 0; s < plantedSets(persons); s++) out.push(...planOfficials(pop, rng, villages, s), ...planWelfare(pop, rng, world, s), ...planGambling(pop, rng, villages, s));
  return out;
}

export function buildRecords(world: World, finishes: Finish[], seed: number, persons: number, factory: CompanyFactory): { records: Records; cases: IntegrityCase[] } {
  const records = emptyRecords();
  const ctx = new PlantCtx(world, records, new Rng(seed, 'integrity-finish'), factory);
  const cases = finishes.flatMap((f) => f(ctx));
  backgroundRecords(world, records, new Rng(seed, 'records'), persons);
  return { records, cases };
}

/** Every model's brute-force matches, catalog defaults. */
export function bruteForceAll(world: World, records: Records): Record<string, Match[]> {
  const { M17, M18 } = bruteForceM17M18(world, records);
  return {
    M01: bruteForceM01(world), M02: bruteForceM02(world), M06: bruteForceM06(world, records), M07: bruteForceM07(world, records),
    M08: bruteForceM08(world, records), M09: bruteForceM09(world, records), M11: bruteForceM11(world, records), M13: bruteForceM13(world, records),
    M17, M18, M19: bruteForceM19(world, records), M22: bruteForceM22(world, records),
  };
}

/** A case as truth.json lists it: one shape for every model, defined with the procurement half's cases.
 * `key` holds the alert's identity uids in the model's identity column order, named by `roles`. */
export type TruthCase = ModelCase;

const toTruth = (c: IntegrityCase): TruthCase => ({
  model: c.model, id: c.id, expected: c.expected, kind: c.kind, key: Object.values(c.ids), roles: Object.keys(c.ids), uids: Object.values(c.ids), note: c.note,
});

export const caseKey = (ids: Record<string, string>): string => JSON.stringify(Object.keys(ids).sort().map((k) => [k, ids[k]]));

/** Models whose background matches are recorded rather than refused. M02: a leader's wife or son running
 * a family firm is common, and keeping every leader's household out of the registry would leave a small
 * county too few company people for the other plants; truth.json still lists every match. */
const BACKGROUND_OK = new Set(['M02']);

/** Adds the side-effect cases and checks that the planted alerts are exactly the matches. */
export function reconcile(world: World, records: Records, cases: IntegrityCase[]): { cases: TruthCase[]; expectedAlerts: Record<string, Match[]> } {
  const found = bruteForceAll(world, records);
  const planted = new Set(world.persons.filter((p) => p.planted).map((p) => `Person:${p.idNo}`));
  const out = cases.slice();
  for (const [model, matches] of Object.entries(found)) {
    const keys = new Set(matches.map(caseKey));
    const mine = cases.filter((c) => c.model === model);
    for (const c of mine) {
      if (c.expected === 'alert' && !keys.has(caseKey(c.ids))) throw new Error(`${c.id}: planted alert not found by the brute force`);
      if (c.expected === 'no_alert' && keys.has(caseKey(c.ids))) throw new Error(`${c.id}: near miss matches`);
    }
    const claimed = new Set(mine.filter((c) => c.expected === 'alert').map((c) => caseKey(c.ids)));
    let n = 0;
    for (const m of matches) {
      if (claimed.has(caseKey(m))) continue;
      const people = Object.values(m).filter((u) => u.startsWith('Person:'));
      if (people.every((u) => planted.has(u))) {
        out.push({ model, id: `${model}-X${++n}`, expected: 'alert', kind: 'side_effect_of_other_plant', ids: m, note: 'a planted case of another model also meets this model' });
      } else if (BACKGROUND_OK.has(model)) {
        out.push({ model, id: `${model}-B${++n}`, expected: 'alert', kind: 'background', ids: m, note: 'not planted: background data meets the model' });
      } else {
        throw new Error(`${model}: background match ${JSON.stringify(m)}`);
      }
    }
  }
  const expectedAlerts = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.slice().sort((a, b) => caseKey(a).localeCompare(caseKey(b)))]));
  return { cases: out.map(toTruth), expectedAlerts };
}
