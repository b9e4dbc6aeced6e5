// The procurement half of the county after background tenders: who stands behind bids, the planted
// M04/M25–M28/M30–M32/M35/M36/M40 cases, background direct awards and inspections, then the bid
// clean-up that leaves exactly the planted matches.
import type { CompanyFactory } from '../world/companies.js';
import { assignBidPeople } from '../world/bid-people.js';
import { companyPeople } from '../world/kin.js';
import { generateDirect } from '../world/direct-awards.js';
import type { Company, Person, World } from '../world/world.js';
import { plantAffiliated, plantRings, plantSharedIds, plantWinners } from './plant-bidding.js';
import { Planter } from './planter.js';
import type { PlantedCase } from './proc-cases.js';
import type { Rng } from '../world/prng.js';
import { generateRegulation } from '../world/regulation.js';
import { sanitiseBids } from './sanitise-bids.js';

/** `people`: adults who may take company roles (no posts, not planted). */
/** Returns the planted cases and the bid clean-up, which buildWorld runs last: sources planted after
 * this one (officials' firms, for instance) can still make two bidders of one lot related. */
export function buildProcurement(world: World, rng: Rng, factory: CompanyFactory, people: Person[], bidderPool: Company[]): { cases: PlantedCase[]; sanitise: () => void } {
  const inFirms = new Set<number>();
  for (const s of companyPeople(world)) for (const p of s) inFirms.add(p);
  const free = people.filter((p) => !inFirms.has(p.idx) && !p.planted);
  assignBidPeople(world, rng, free.slice(0, Math.ceil(free.length / 3)));
  const pl = new Planter(world, rng, factory, people, bidderPool);
  plantSharedIds(pl);
  plantAffiliated(pl);
  plantRings(pl);
  plantWinners(pl);
  generateDirect(world, pl, people.filter((p) => !inFirms.has(p.idx)));
  generateRegulation(world, pl);
  return { cases: pl.cases, sanitise: () => sanitiseBids(world, pl.cases, pl.pinned, pl.floors) };
}
