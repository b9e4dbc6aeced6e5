// Makes truth.json exact: for every model, the oracle's matches must be the planted alerts, and no
// planted near miss may match. A match nobody planted is recorded (procurement: background data
// happens to match; M02: background allowed) or, for the integrity and welfare models, recorded when
// another planted case made it as a side effect (M03's spouse-in-business is also an M02 case) and
// otherwise refuses the county.
import { emptyRecords, type Records } from '../world/records.js';
import type { World } from '../world/world.js';
import { asMatch, keyId, toModelCase, uidOf, type Found, type ModelCase, type PlantedCase } from './case.js';
import type { CaseModule } from './module.js';
import { modelDefaults } from './defaults.js';
import { CASES } from './registry.js';

export type Match = Record<string, string>;

const catalog = (m: CaseModule): string => modelDefaults(m.model).catalog;
const byCatalog = (a: CaseModule, b: CaseModule): number => catalog(a).localeCompare(catalog(b));
/** The integrity and welfare models (they plant people per set). */
const INTEGRITY = CASES.filter((m) => m.people).sort(byCatalog);
/** The procurement models planted among bids, direct awards and inspections. */
const PROCUREMENT = CASES.filter((m) => m.bidding || m.direct || m.regulation);

export const caseKey = (ids: Match): string =>
  JSON.stringify(
    Object.keys(ids)
      .sort()
      .map((k) => [k, ids[k]]),
  );

/** Every procurement model's oracle matches, model by model in registry order. */
export function allProcurementMatches(world: World): { model: string; key: Found['key'] }[] {
  return PROCUREMENT.flatMap((m) => m.oracle(world, emptyRecords()).map((f) => ({ model: catalog(m), key: f.key })));
}

/** The planted procurement cases plus any match the oracles find that no case plants (recorded as
 * kind "background", so truth always equals what the data contains). Refuses a county where a planted
 * alert is missing or a planted near miss matches. */
export function procurementCases(world: World, planted: PlantedCase[]): ModelCase[] {
  const found = new Map(allProcurementMatches(world).map((m) => [keyId(m.model, m.key), m]));
  for (const c of planted) {
    const hit = found.has(keyId(c.model, c.key));
    if (hit !== (c.expected === 'alert'))
      throw new Error(`${c.id} self-check failed: planted ${c.expected}, brute force ${hit ? 'matches' : 'does not match'}`);
  }
  const plantedKeys = new Set(planted.map((c) => keyId(c.model, c.key)));
  const extra: PlantedCase[] = [...found.entries()]
    .filter(([k]) => !plantedKeys.has(k))
    .map(([, m], i) => ({
      model: m.model,
      id: `${m.model}-B${i + 1}`,
      expected: 'alert',
      kind: 'background',
      key: m.key,
      involved: [],
      note: 'not planted: background data happens to match',
    }));
  return [...planted, ...extra].map((c) => toModelCase(world, c));
}

/** Every integrity and welfare model's oracle matches (header defaults), by catalog code. */
export function bruteForceAll(world: World, records: Records): Record<string, Match[]> {
  return Object.fromEntries(INTEGRITY.map((m) => [catalog(m), m.oracle(world, records).map((f) => asMatch(world, f))]));
}

/** Adds the side-effect cases and checks that the planted alerts are exactly the matches. */
export function reconcile(
  world: World,
  records: Records,
  cases: PlantedCase[],
): { cases: ModelCase[]; expectedAlerts: Record<string, Match[]> } {
  const found = bruteForceAll(world, records);
  const planted = new Set(world.persons.filter((p) => p.planted).map((p) => `Person:${p.idNo}`));
  const out = cases.slice();
  for (const module of INTEGRITY) {
    const model = catalog(module);
    const matches = found[model] ?? [];
    const keys = new Set(matches.map(caseKey));
    const mine = cases.filter((c) => c.model === model);
    const ids = (c: PlantedCase) => caseKey(asMatch(world, c));
    for (const c of mine) {
      if (c.expected === 'alert' && !keys.has(ids(c))) throw new Error(`${c.id}: planted alert not found by the brute force`);
      if (c.expected === 'no_alert' && keys.has(ids(c))) throw new Error(`${c.id}: near miss matches`);
    }
    const claimed = new Set(mine.filter((c) => c.expected === 'alert').map(ids));
    let n = 0;
    for (const m of matches) {
      if (claimed.has(caseKey(m))) continue;
      const key = Object.values(m).map((uid) => ({ uid }));
      const people = Object.values(m).filter((u) => u.startsWith('Person:'));
      if (people.every((u) => planted.has(u))) {
        out.push({
          model,
          id: `${model}-X${++n}`,
          expected: 'alert',
          kind: 'side_effect_of_other_plant',
          key,
          roles: Object.keys(m),
          involved: [],
          note: 'a planted case of another model also meets this model',
        });
      } else if (module.recordsBackground) {
        out.push({
          model,
          id: `${model}-B${++n}`,
          expected: 'alert',
          kind: 'background',
          key,
          roles: Object.keys(m),
          involved: [],
          note: 'not planted: background data meets the model',
        });
      } else {
        throw new Error(`${model}: background match ${JSON.stringify(m)}`);
      }
    }
  }
  const expectedAlerts = Object.fromEntries(
    Object.entries(found).map(([k, v]) => [k, v.slice().sort((a, b) => caseKey(a).localeCompare(caseKey(b)))]),
  );
  return { cases: out.map((c) => toModelCase(world, c)), expectedAlerts };
}

/** A model whose every match must be planted (M03): refuses a county where the oracle and the planted
 * alerts differ. */
export function checkExact(world: World, module: CaseModule, planted: PlantedCase[]): void {
  const key = (k: Found['key']) => k.map((r) => uidOf(world, r)).join('|');
  const found = new Set(module.oracle(world, emptyRecords()).map((f) => key(f.key)));
  const alerts = planted.filter((c) => c.expected === 'alert').map((c) => key(c.key));
  if (found.size !== alerts.length || !alerts.every((a) => found.has(a)))
    throw new Error(`${catalog(module)} self-check failed: ${found.size} matches, ${alerts.length} planted alerts`);
}
