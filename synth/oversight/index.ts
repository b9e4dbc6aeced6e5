// The two oversight sources of the county (信访/检举控告 for M41, 审批/用印 for M39), generated after the
// rest of the county stands, on streams of their own, so every other file keeps its bytes.
import type { ModelCase } from '../cases/case.js';
import { plantedSets } from '../cases/people.js';
import { Rng } from '../world/prng.js';
import type { World } from '../world/world.js';
import { generateApprovals, type ApprovalRecord } from './approvals.js';
import { approvalMatches, petitionMatches, reconcileOversight } from './oracle.js';
import { generatePetitions, type PetitionRecord } from './petitions.js';
import { pools } from './pools.js';

export interface Oversight {
  petitions: PetitionRecord[];
  approvals: ApprovalRecord[];
  /** M41 and M39 cases, planted and background, as truth.json lists them. */
  cases: ModelCase[];
}

export function generateOversight(world: World, seed: number, persons: number): Oversight {
  const sets = plantedSets(persons);
  const people = pools(world, new Rng(seed, 'oversight-people'));
  const p = generatePetitions(world, new Rng(seed, 'petitions'), people, sets, Math.round(persons / 25));
  // Approvals take officials from the other end of the pool: M41's planted officials stay out of M39.
  const a = generateApprovals(
    world,
    new Rng(seed, 'approvals'),
    { ...people, officials: people.officials.slice().reverse() },
    sets,
    Math.round(persons / 10),
  );
  const m41 = reconcileOversight(p.cases[0]?.model ?? 'M41', p.cases, petitionMatches(world, p.records));
  const m39 = reconcileOversight(a.cases[0]?.model ?? 'M39', a.cases, approvalMatches(world, a.records));
  return { petitions: p.records, approvals: a.records, cases: [...m41, ...m39] };
}
